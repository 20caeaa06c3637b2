package pdf_test

import (
	"context"
	"io"
	"testing"

	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
)

// BenchmarkRender renders the realistic two-page sample handout.
func BenchmarkRender(b *testing.B) {
	r := newRenderer(b)
	ws := sleepHandout()
	for _, v := range worksheet.Variants() {
		opts := pdf.RenderOptions{Locale: testLocale(), Variant: v}
		// Parse the fonts before timing.
		if err := r.Render(context.Background(), io.Discard, ws, opts); err != nil {
			b.Fatal(err)
		}
		b.Run(v.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := r.Render(context.Background(), io.Discard, ws, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNew measures parsing the built-in fonts on first use.
func BenchmarkNew(b *testing.B) {
	ws := sleepHandout()
	b.ReportAllocs()
	for b.Loop() {
		r, err := pdf.New(pdf.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := r.CheckGlyphs(ws, testLocale()); err != nil {
			b.Fatal(err)
		}
	}
}
