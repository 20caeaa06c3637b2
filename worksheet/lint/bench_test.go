package lint_test

import (
	"context"
	"io"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/lint"
	"github.com/betweensessions/between/worksheet/pdf"
	"github.com/betweensessions/between/worksheet/readability"
	"github.com/betweensessions/between/worksheet/site"
)

// BenchmarkLintLibrary lints the whole embedded library (17 templates in
// en and es), with and without the PDF glyph check.
func BenchmarkLintLibrary(b *testing.B) {
	cat, r := shared()
	for _, tc := range []struct {
		name   string
		glyphs bool
	}{{"all-checks", true}, {"no-glyphs", false}} {
		b.Run(tc.name, func(b *testing.B) {
			opts := lint.Options{Sources: []fs.FS{templates.FS()}, Catalog: cat}
			if tc.glyphs {
				opts.PDF = r
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := lint.Run(context.Background(), opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReadabilityLibrary is the readability share of a lint: the
// analyser alone over every parsed file of the library.
func BenchmarkReadabilityLibrary(b *testing.B) {
	cat, _ := shared()
	names, err := fs.Glob(templates.FS(), "*/*.md")
	if err != nil {
		b.Fatal(err)
	}
	p := worksheet.NewParser()
	type item struct {
		ws  *worksheet.Worksheet
		loc *i18n.Locale
	}
	var items []item
	for _, n := range names {
		ws, err := p.ParseFS(templates.FS(), n)
		if err != nil {
			b.Fatal(err)
		}
		loc, err := cat.Locale(ws.Lang)
		if err != nil {
			b.Fatal(err)
		}
		items = append(items, item{ws, loc})
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, it := range items {
			readability.Analyze(it.ws, it.loc)
		}
	}
}

// BenchmarkSiteBuildLibrary builds the embedded library into a site, HTML
// only and with both PDF variants, to set the lint figures against.
func BenchmarkSiteBuildLibrary(b *testing.B) {
	cat, r := shared()
	pdfFormat := site.Format{
		Ext:   "pdf",
		Label: func(*i18n.Locale, worksheet.Variant) string { return "PDF" },
		Render: func(ctx context.Context, w io.Writer, ws *worksheet.Worksheet, v worksheet.Variant, loc *i18n.Locale) error {
			return r.Render(ctx, w, ws, pdf.RenderOptions{Variant: v, Locale: loc})
		},
	}
	for _, tc := range []struct {
		name    string
		formats []site.Format
	}{{"html", nil}, {"html+pdf", []site.Format{pdfFormat}}} {
		b.Run(tc.name, func(b *testing.B) {
			dir := b.TempDir()
			opts := site.Options{Sources: []fs.FS{templates.FS()}, Locales: cat, Formats: tc.formats, Out: filepath.Join(dir, "site")}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := site.Build(context.Background(), opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
