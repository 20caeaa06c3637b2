package pdf

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"testing"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
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

// libraryDocs lays out every template of the embedded library in both
// variants with its language's locale.
func libraryDocs(t *testing.T, each func(ws *worksheet.Worksheet, v worksheet.Variant, st *state, doc *document)) {
	t.Helper()
	r, err := New(Options{})
	require.NoError(t, err)
	sheets, locs := library(t)
	for i, ws := range sheets {
		for _, v := range worksheet.Variants() {
			st, err := r.newState(ws, RenderOptions{Variant: v, Locale: locs[i]})
			require.NoError(t, err)
			doc, err := st.layout(context.Background())
			require.NoError(t, err)
			each(ws, v, st, doc)
		}
	}
}

func TestReportFill(t *testing.T) {
	pages, worst, worstAt := 0, 1.0, ""
	libraryDocs(t, func(ws *worksheet.Worksheet, v worksheet.Variant, st *state, doc *document) {
		pages += len(doc.pages)
		line := fmt.Sprintf("%-32s %-11s %d pages fill", ws.Path, v, len(doc.pages))
		for i, f := range doc.fill {
			line += fmt.Sprintf(" %.2f", f)
			if i < len(doc.fill)-1 && f < 0.5 {
				line += fmt.Sprintf("(why %d next %.2f)", doc.breaks[i].why, doc.breaks[i].next/(st.bottom-st.top))
			}
			if i < len(doc.fill)-1 && f < worst {
				worst, worstAt = f, fmt.Sprintf("%s %s page %d", ws.Path, v, i+1)
			}
		}
		t.Log(line)
	})
	t.Logf("total %d pages; worst fill of a page but the last %.2f (%s)", pages, worst, worstAt)
}
