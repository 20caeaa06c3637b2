package pdf_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/internal/needtool"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
)

// TestFooterReadLast checks the reading order pdftotext gives back: the
// widely spaced numbers of a rating scale come out in order and each
// page's footer comes last, never between them. A scale with a short label
// right above the footer used to be read as "1 2", the title, "3 … 10".
func TestFooterReadLast(t *testing.T) {
	needtool.Path(t, "pdftotext", "apt-get install poppler-utils")
	r := newRenderer(t)
	for _, v := range worksheet.Variants() {
		for n := 0; n < 40; n += 3 {
			var body []worksheet.Block
			for i := range n {
				body = append(body, &worksheet.Paragraph{Content: []worksheet.Inline{&worksheet.Text{Text: fmt.Sprintf("Filler line %d.", i+1)}}})
			}
			body = append(body,
				&worksheet.Paragraph{Content: []worksheet.Inline{&worksheet.Text{Text: "Text after."}}},
				&worksheet.Scale{Min: 1, Max: 10, Label: "Mood"})
			ws := &worksheet.Worksheet{Path: "order/en.md", Lang: language.AmericanEnglish,
				Meta: worksheet.Meta{Title: "Scale test"}, Body: body}
			doc := render(t, r, ws, pdf.RenderOptions{Variant: v, Locale: testLocale()})
			ps := pages(run(t, doc, "pdftotext", "FILE", "-"))
			for i, p := range ps {
				text := collapse(p)
				require.True(t, strings.HasSuffix(text, fmt.Sprintf("Scale test · Page %d of %d", i+1, len(ps))),
					"%s n=%d page %d: footer is not read last:\n%s", v, n, i+1, text)
				if strings.Contains(text, "Mood") {
					at := strings.Index(text, "Mood")
					assert.Contains(t, text[at:], "Mood 1 2 3 4 5 6 7 8 9 10 Scale test", "%s n=%d: scale numbers out of order", v, n)
				}
			}
		}
	}
}
