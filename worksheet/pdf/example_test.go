package pdf_test

import (
	"bytes"
	"context"
	"fmt"

	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
	"golang.org/x/text/language"
)

func ExampleRenderer_Render() {
	// Make one Renderer and share it: it parses the fonts once.
	r, err := pdf.New(pdf.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	ws := &worksheet.Worksheet{
		Path: "kind-words/en.md",
		Lang: language.English,
		Meta: worksheet.Meta{Title: "Kind Words"},
		Body: []worksheet.Block{
			&worksheet.Paragraph{Content: []worksheet.Inline{
				&worksheet.Text{Text: "One kind thing I said to myself today: "},
				&worksheet.Blank{Width: 20},
			}},
			&worksheet.Lines{Count: 3},
		},
	}
	var buf bytes.Buffer
	err = r.Render(context.Background(), &buf, ws, pdf.RenderOptions{Variant: worksheet.LargePrint})
	fmt.Println(err, bytes.HasPrefix(buf.Bytes(), []byte("%PDF-1.7")))
	// Output: <nil> true
}

func ExampleRenderer_CheckGlyphs() {
	r, _ := pdf.New(pdf.Options{})
	ws := &worksheet.Worksheet{
		Path: "ticks/en.md",
		Lang: language.English,
		Body: []worksheet.Block{
			&worksheet.Paragraph{Content: []worksheet.Inline{&worksheet.Text{Text: "Tick 月 when done"}}},
		},
	}
	// With no locale Andika is used, with DejaVu Sans for what it
	// lacks; neither has Chinese characters.
	fmt.Println(r.CheckGlyphs(ws, nil))
	// Output: pdf: ticks/en.md (en): font "andika" cannot draw U+6708 '月' (regular); choose a font that covers them (locale font or Options.Fonts)
}
