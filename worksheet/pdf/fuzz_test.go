package pdf_test

import (
	"context"
	"errors"
	"io"
	"testing"

	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
)

// FuzzRender feeds arbitrary text everywhere text can go. Rendering must
// succeed or refuse with a missing-glyph or too-many-pages error; it must
// never panic.
func FuzzRender(f *testing.F) {
	for _, s := range []string{"", " ", "hello world", "a\nb\tc", "\x00\xff", "Ünïcödé ☐ ✓", "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"} {
		f.Add(s, 3)
	}
	r, err := pdf.New(pdf.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = n % 50
		ws := &worksheet.Worksheet{
			Path: "fuzz/en.md",
			Meta: worksheet.Meta{Title: s, Summary: s},
			Body: []worksheet.Block{
				heading(n%7, s),
				para(txt(s), &worksheet.Slot{Name: "p"}, &worksheet.Blank{Width: n}, strong(s), em(s)),
				&worksheet.Table{Header: cells(s, s), Rows: [][]worksheet.Cell{cells(s, "")}},
				&worksheet.Tracker{Rows: []string{s}},
				&worksheet.Scale{Min: -n, Max: n, Label: s},
				&worksheet.Lines{Count: n},
				&worksheet.CodeBlock{Text: s},
				&worksheet.Part{N: 1, Total: 1, Title: s},
			},
		}
		for _, v := range worksheet.Variants() {
			err := r.Render(context.Background(), io.Discard, ws, pdf.RenderOptions{Variant: v, Params: map[string]string{"p": s}})
			if err != nil && !errors.Is(err, pdf.ErrMissingGlyph) && !errors.Is(err, pdf.ErrTooManyPages) {
				t.Fatalf("render: %v", err)
			}
		}
	})
}
