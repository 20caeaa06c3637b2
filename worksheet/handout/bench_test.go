package handout_test

import (
	"context"
	"io"
	"testing"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/handout"
)

// BenchmarkRender is one personalised handout per request from a shared
// Renderer, as a portal serves them.
func BenchmarkRender(b *testing.B) {
	r := newRenderer(b, handout.Options{})
	ctx := context.Background()
	for _, f := range handout.Formats() {
		b.Run(f.String(), func(b *testing.B) {
			req := handout.Request{
				ID: "sleep-routine", Lang: language.MustParse("es-MX"), Variant: worksheet.LargePrint,
				Format: f, Params: map[string]string{"wake_time": "6:00"},
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := r.Render(ctx, io.Discard, req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
