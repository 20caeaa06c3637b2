package readability_test

import (
	"testing"

	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/readability"
)

// BenchmarkAnalyze20 analyses twenty parsed handouts (the English and
// Spanish test handouts, ten times each): about the size of the default
// library.
func BenchmarkAnalyze20(b *testing.B) {
	var handouts []*worksheet.Worksheet
	for range 10 {
		handouts = append(handouts, parse(b, "worry-time-en.md"), parse(b, "worry-time-es.md"))
	}
	a := readability.Analyzer{}
	b.ReportAllocs()
	for b.Loop() {
		for _, ws := range handouts {
			lang, _ := ws.Lang.Base()
			_ = a.Analyze(ws, locales[lang.String()])
		}
	}
}

// BenchmarkSyllabify measures the Spanish syllabifier on one long word.
func BenchmarkSyllabify(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = readability.Syllabify("responsabilidad")
	}
}
