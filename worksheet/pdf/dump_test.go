package pdf_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
	"github.com/stretchr/testify/require"
)

// TestDump writes sample PDFs to $BETWEEN_PDF_DUMP for looking at them.
func TestDump(t *testing.T) {
	dir := os.Getenv("BETWEEN_PDF_DUMP")
	if dir == "" {
		t.Skip("set BETWEEN_PDF_DUMP to a directory to write sample PDFs")
	}
	r, err := pdf.New(pdf.Options{})
	require.NoError(t, err)
	for name, c := range map[string]struct {
		ws   *worksheet.Worksheet
		opts pdf.RenderOptions
	}{
		"standard": {sleepHandout(), pdf.RenderOptions{Locale: testLocale()}},
		"large":    {sleepHandout(), pdf.RenderOptions{Locale: testLocale(), Variant: worksheet.LargePrint}},
		"parts":    {partsHandout(), pdf.RenderOptions{Locale: testLocale()}},
		"spanish":  {sleepHandout(), pdf.RenderOptions{Locale: spanishLocale(), Params: map[string]string{"wake_time": "6:30"}}},
		"grids":    {gridsHandout(), pdf.RenderOptions{Locale: spanishLocale()}},
		"grids-lp": {gridsHandout(), pdf.RenderOptions{Locale: spanishLocale(), Variant: worksheet.LargePrint}},
	} {
		var buf bytes.Buffer
		require.NoError(t, r.Render(context.Background(), &buf, c.ws, c.opts), name)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name+".pdf"), buf.Bytes(), 0o644))
	}
}

// gridsHandout has a long tracker and a wide table.
func gridsHandout() *worksheet.Worksheet {
	labels := make([]string, 14)
	for i := range labels {
		labels[i] = "Hábito número " + strconv.Itoa(i+1)
	}
	wide := make([]string, 10)
	for i := range wide {
		wide[i] = "Columna " + strconv.Itoa(i) + " con título largo"
	}
	return &worksheet.Worksheet{Path: "grids/es.md", Meta: worksheet.Meta{Title: "Rejillas"}, Body: []worksheet.Block{
		heading(2, "Semana"), &worksheet.Tracker{Rows: labels},
		heading(2, "Tabla ancha"), &worksheet.Table{Header: cells(wide...), Rows: [][]worksheet.Cell{cells(wide...)}},
		&worksheet.Crisis{},
	}}
}
