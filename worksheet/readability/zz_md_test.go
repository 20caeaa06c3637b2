package readability

import (
	"fmt"
	"os"
	"testing"

	"github.com/betweensessions/between/worksheet"
)

func TestDevMD(t *testing.T) {
	for _, f := range []string{"worry-time-en.md", "worry-time-es.md"} {
		src, _ := os.ReadFile("testdata/handouts/" + f)
		name := "worry-time/en.md"
		if f == "worry-time-es.md" { name = "worry-time/es.md" }
		ws, err := worksheet.NewParser().Parse(name, src)
		if err != nil { t.Fatal(err) }
		r := Analyze(ws, nil)
		fmt.Printf("%s %+v %s %+v\n", f, r.Counts, r.Formula, r.Score)
		for _, x := range r.Findings { fmt.Printf("  %d:%d %s %s %s\n", x.Line, x.Col, x.Severity, x.Code, x.Message) }
	}
}
