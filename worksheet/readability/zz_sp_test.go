package readability

import (
	"fmt"
	"os"
	"testing"

	"golang.org/x/text/language"
	"github.com/betweensessions/between/i18n"
)

func TestDevSpanish(t *testing.T) {
	src, _ := os.ReadFile("testdata/textstat/long_spanish.txt")
	for _, f := range []string{"fernandez-huerta", "szigriszt-pazos"} {
		r := Analyzer{}.AnalyzeText(language.Spanish, string(src), &i18n.Locale{Tag: language.Spanish, Readability: i18n.Readability{Formula: f}})
		fmt.Printf("%s %+v %+v\n", f, r.Counts, r.Score)
	}
	for _, name := range []string{"easy", "long", "short", "punct"} {
		src, err := os.ReadFile("testdata/textstat/" + name + ".txt")
		if err != nil { continue }
		r := Analyzer{}.AnalyzeText(language.English, string(src), nil)
		fmt.Printf("%s %+v %+v\n", name, r.Counts, r.Score)
		for _, f := range r.Findings { fmt.Println("  ", f) }
	}
}
