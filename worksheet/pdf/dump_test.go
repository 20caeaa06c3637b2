package pdf_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
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
	} {
		var buf bytes.Buffer
		require.NoError(t, r.Render(context.Background(), &buf, c.ws, c.opts), name)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name+".pdf"), buf.Bytes(), 0o644))
	}
}
