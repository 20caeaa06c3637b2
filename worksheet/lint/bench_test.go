package lint_test

import (
	"context"
	"io/fs"
	"path/filepath"
	"testing"
	"time"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/lint"
	"github.com/betweensessions/between/worksheet/pdf/sitepdf"
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
			opts := lint.Options{Sources: []fs.FS{templates.FS()}, Locales: cat}
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

// parsed is one file of the library, parsed, with its locale.
type parsed struct {
	ws  *worksheet.Worksheet
	loc *i18n.Locale
}

// library parses every file of the embedded library.
func library(b *testing.B, cat *i18n.Catalog) []parsed {
	names, err := fs.Glob(templates.FS(), "*/*.md")
	if err != nil {
		b.Fatal(err)
	}
	p := worksheet.NewParser()
	var out []parsed
	for _, n := range names {
		ws, err := p.ParseFS(templates.FS(), n)
		if err != nil {
			b.Fatal(err)
		}
		loc, err := cat.Locale(ws.Lang)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, parsed{ws, loc})
	}
	return out
}

// analyzeAll runs the readability analyser over every file.
func analyzeAll(files []parsed) {
	for _, f := range files {
		readability.Analyze(f.ws, f.loc)
	}
}

// BenchmarkReadabilityLibrary is the readability share of a lint: the
// analyser alone over every parsed file of the library.
func BenchmarkReadabilityLibrary(b *testing.B) {
	cat, _ := shared()
	files := library(b, cat)
	b.ReportAllocs()
	for b.Loop() {
		analyzeAll(files)
	}
}

// BenchmarkSiteBuildLibrary builds the embedded library into a site, HTML
// only and with both PDF variants, to set the lint figures against.
func BenchmarkSiteBuildLibrary(b *testing.B) {
	cat, r := shared()
	for _, tc := range []struct {
		name    string
		formats []site.Download
	}{{"html", nil}, {"html+pdf", []site.Download{sitepdf.Download(r, "")}}} {
		b.Run(tc.name, func(b *testing.B) {
			opts := site.Options{Sources: []fs.FS{templates.FS()}, Locales: cat, Downloads: tc.formats, Out: filepath.Join(b.TempDir(), "site")}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := site.Build(context.Background(), opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkShareOfBuild times a lint, the readability analysis alone and
// a full site build (HTML and PDF) of the embedded library in turn within
// each iteration, so that load from other processes on a shared machine
// falls on all three alike, and reports lint and readability as fractions
// of the build.
func BenchmarkShareOfBuild(b *testing.B) {
	cat, r := shared()
	files := library(b, cat)
	lintOpts := lint.Options{Sources: []fs.FS{templates.FS()}, Locales: cat, PDF: r}
	buildOpts := site.Options{Sources: []fs.FS{templates.FS()}, Locales: cat, Downloads: []site.Download{sitepdf.Download(r, "")}, Out: filepath.Join(b.TempDir(), "site")}
	var lintT, readT, buildT time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := lint.Run(context.Background(), lintOpts); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		analyzeAll(files)
		t2 := time.Now()
		if _, err := site.Build(context.Background(), buildOpts); err != nil {
			b.Fatal(err)
		}
		lintT += t1.Sub(t0)
		readT += t2.Sub(t1)
		buildT += time.Since(t2)
	}
	b.ReportMetric(float64(lintT)/float64(buildT), "lint/build")
	b.ReportMetric(float64(readT)/float64(buildT), "readability/build")
}
