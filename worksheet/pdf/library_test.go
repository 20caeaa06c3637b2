package pdf_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
	"github.com/stretchr/testify/require"
)

// TestDefaultLibrary renders every embedded template in both variants with
// its language's locale. With BETWEEN_PDF_DUMP set it writes the PDFs
// there.
func TestDefaultLibrary(t *testing.T) {
	sheets, locs := pdf.Library(t)
	r := newRenderer(t)
	dump := os.Getenv("BETWEEN_PDF_DUMP")
	start := time.Now()
	n := 0
	for i, ws := range sheets {
		for _, v := range worksheet.Variants() {
			var w io.Writer = io.Discard
			if dump != "" {
				name := strings.ReplaceAll(strings.TrimSuffix(ws.Path, ".md"), "/", "-") + "-" + v.String() + ".pdf"
				f, err := os.Create(filepath.Join(dump, name))
				require.NoError(t, err)
				defer f.Close()
				w = f
			}
			require.NoError(t, r.Render(context.Background(), w, ws, pdf.RenderOptions{Variant: v, Locale: locs[i]}), ws.Path)
			n++
		}
	}
	t.Logf("%d PDFs from %d templates in %v (wall time)", n, len(sheets), time.Since(start))
}
