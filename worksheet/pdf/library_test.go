package pdf_test

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// library parses every template of the embedded library and finds each
// one's locale.
func library(t testing.TB) (sheets []*worksheet.Worksheet, locs []*i18n.Locale) {
	t.Helper()
	fsys := templates.FS()
	cat, err := i18n.Default()
	require.NoError(t, err)
	parser := worksheet.NewParser()
	require.NoError(t, fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" {
			return err
		}
		ws, err := parser.ParseFS(fsys, p)
		if err != nil {
			return err
		}
		tag := ws.Lang
		if tag == language.English {
			tag = language.AmericanEnglish
		}
		loc, err := cat.Locale(tag)
		if err != nil {
			return err
		}
		sheets, locs = append(sheets, ws), append(locs, loc)
		return nil
	}))
	require.NotEmpty(t, sheets)
	return sheets, locs
}

// TestDefaultLibrary renders every embedded template in both variants with
// its language's locale. With BETWEEN_PDF_DUMP set it writes the PDFs
// there.
func TestDefaultLibrary(t *testing.T) {
	sheets, locs := library(t)
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
