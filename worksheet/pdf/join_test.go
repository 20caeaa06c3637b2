package pdf_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
)

func TestJoin(t *testing.T) {
	r := newRenderer(t)
	a := render(t, r, sleepHandout(), pdf.RenderOptions{Locale: testLocale()})
	b := render(t, r, sleepHandout(), pdf.RenderOptions{Locale: spanishLocale(), Variant: worksheet.LargePrint})
	var out bytes.Buffer
	require.NoError(t, pdf.Join(&out, "Two handouts", "en-US", a, b))
	run(t, out.Bytes(), "qpdf", "--check", "FILE")
	want := append(pages(run(t, a, "pdftotext", "FILE", "-")), pages(run(t, b, "pdftotext", "FILE", "-"))...)
	got := pages(run(t, out.Bytes(), "pdftotext", "FILE", "-"))
	assert.Equal(t, want, got, "every page of each, in order")
	info := run(t, out.Bytes(), "pdfinfo", "FILE")
	assert.Contains(t, info, "Title:           Two handouts")
	sizes := run(t, out.Bytes(), "pdfinfo", "-f", "1", "-l", "99", "FILE")
	assert.Contains(t, sizes, "612 x 792 pts (letter)", "the letter pages keep their size")
	assert.Contains(t, sizes, "595.28 x 841.89 pts (A4)", "and the A4 ones theirs")
	assert.Contains(t, out.String(), "/Lang (en-US)")
}

func TestJoinRefuses(t *testing.T) {
	var out bytes.Buffer
	assert.ErrorContains(t, pdf.Join(&out, "x", "en"), "no documents")
	assert.Error(t, pdf.Join(&out, "x", "en", []byte("not a pdf at all")), "an error, not a panic")
	assert.Zero(t, out.Len())
}
