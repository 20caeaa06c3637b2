package i18n_test

import (
	"testing"

	"github.com/betweensessions/between/i18n"
	"golang.org/x/text/language"
)

func BenchmarkText(b *testing.B) {
	c, err := i18n.Default()
	if err != nil {
		b.Fatal(err)
	}
	l, err := c.Locale(language.MustParse("es-MX"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("plain", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = l.Text("CrisisTitle", nil)
		}
	})
	b.Run("plural", func(b *testing.B) {
		b.ReportAllocs()
		data := map[string]any{"Count": 5}
		for b.Loop() {
			_ = l.Text("Minutes", data)
		}
	})
}

func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := i18n.Default(); err != nil {
			b.Fatal(err)
		}
	}
}
