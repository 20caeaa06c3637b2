package pdf_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"

	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testLogo is a 120×40 PNG: a wide logo, as most are.
func testLogo(t testing.TB) *worksheet.Logo {
	img := image.NewRGBA(image.Rect(0, 0, 120, 40))
	for x := range 120 {
		for y := range 40 {
			img.Set(x, y, color.RGBA{R: uint8(x * 2), G: 90, B: 160, A: 255})
		}
	}
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	l, err := worksheet.NewLogo(b.Bytes())
	require.NoError(t, err)
	return l
}

// TestHeaderAndBranding checks the lines a clinic needs at the top (name
// or initials, date, next session when asked) and the clinic's name,
// phone and logo in the footer of every page, in both variants.
func TestHeaderAndBranding(t *testing.T) {
	r := newRenderer(t)
	brand := worksheet.Branding{Clinic: "Riverside Counselling", Phone: "555-0100", Logo: testLogo(t)}
	for _, v := range worksheet.Variants() {
		t.Run(v.String(), func(t *testing.T) {
			doc := render(t, r, sleepHandout(), pdf.RenderOptions{Variant: v, Locale: testLocale(), Branding: brand, NextSession: true})
			if dir := os.Getenv("BETWEEN_PDF_DUMP"); dir != "" {
				require.NoError(t, os.WriteFile(dir+"/branded-"+v.String()+".pdf", doc, 0o644))
			}
			ps := pages(run(t, doc, "pdftotext", "-layout", "FILE", "-"))
			require.NotEmpty(t, ps)
			assert.Regexp(t, `Name or initials _{5,}\s+Date _{5,}`, ps[0])
			assert.Regexp(t, `Next session _{5,}`, ps[0])
			for i, p := range ps {
				assert.Contains(t, p, "Riverside Counselling · 555-0100", "page %d", i+1)
			}
			assert.Contains(t, run(t, doc, "pdfimages", "-list", "FILE"), "120    40", "the logo is embedded at its own size")
		})
	}
	// Without branding or the option, neither appears, and the name and
	// date lines still do.
	doc := render(t, r, sleepHandout(), pdf.RenderOptions{Locale: testLocale()})
	text := run(t, doc, "pdftotext", "FILE", "-")
	assert.NotContains(t, text, "Next session")
	assert.Contains(t, text, "Name or initials")
	assert.NotContains(t, run(t, doc, "pdfimages", "-list", "FILE"), "image")
}
