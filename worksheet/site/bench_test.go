package site_test

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
	"github.com/betweensessions/between/worksheet/pdf/sitepdf"
	"github.com/betweensessions/between/worksheet/readability"
	"github.com/betweensessions/between/worksheet/site"
)

// corpus generates n synthetic English templates of a realistic size:
// headings, paragraphs, a list, lines, a scale, a tracker and blanks.
func corpus(n int) fstest.MapFS {
	kinds := []string{"worksheet", "log", "plan", "handout", "review"}
	topics := []string{"sleep", "mood", "anxiety", "stress", "habits", "family"}
	m := fstest.MapFS{}
	for i := range n {
		id := fmt.Sprintf("t%04d", i)
		var b strings.Builder
		fmt.Fprintf(&b, "---\nid: %s\ntitle: Practice sheet %d\nsummary: A generated handout for the benchmark.\n", id, i)
		fmt.Fprintf(&b, "kind: %s\ntopics: [%s, %s]\nminutes: %d\nlicense: CC BY 4.0\n---\n\n", kinds[i%len(kinds)], topics[i%len(topics)], topics[(i+1)%len(topics)], 5+i%20)
		for s := range 3 {
			fmt.Fprintf(&b, "## Step %d\n\nThis is what to do in step %d. Take your time, and *write* what you **notice**. ", s+1, s+1)
			b.WriteString("There is no right answer, and it is fine to skip a question.\n\n")
			b.WriteString("- Find a quiet place.\n- Set a timer for five minutes.\n- Breathe out slowly.\n\n")
			b.WriteString("Today I felt ___ because ___.\n\n::: lines 3 What I noticed\n\n")
		}
		b.WriteString("::: scale 0 10 How strong was it?\n\n::: tracker Mood | Sleep | Steps\n")
		m[id+"/en.md"] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return m
}

// BenchmarkBuild builds generated libraries of growing size: 2 HTML
// variants per template plus the index pages. B/op divided by the number
// of templates should stay flat as the library grows.
func BenchmarkBuild(b *testing.B) {
	cat, err := i18n.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{250, 1000} {
		src := corpus(n)
		b.Run(fmt.Sprintf("templates=%d", n), func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "site")
			opts := site.Options{Sources: []fs.FS{src}, Out: out, Locales: cat}
			peak := sampleHeap()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := site.Build(context.Background(), opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MiB")
		})
	}
}

// sampleHeap samples the heap in use every 20ms until the returned
// function is called, which returns the largest sample.
func sampleHeap() func() uint64 {
	stop := make(chan struct{})
	res := make(chan uint64)
	go func() {
		var peak uint64
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-stop:
				res <- peak
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return func() uint64 {
		close(stop)
		return <-res
	}
}

// pdfDownload is the PDF format as "between build" makes it, for the
// benchmarks; the site package itself never links the PDF renderer.
func pdfDownload(b *testing.B) site.Download {
	r, err := pdf.New(pdf.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return sitepdf.Download(r, "pdf bench")
}

// BenchmarkIncremental rebuilds the default library (HTML, and HTML with
// PDFs) into a site built once before: with no change, and with one
// template changed before each build.
func BenchmarkIncremental(b *testing.B) {
	cat, err := i18n.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, formats := range []string{"html", "html+pdf"} {
		for _, change := range []string{"none", "one-template"} {
			b.Run("formats="+formats+"/change="+change, func(b *testing.B) {
				src := fstest.MapFS{}
				if err := fs.WalkDir(templates.FS(), ".", func(name string, d fs.DirEntry, err error) error {
					if err != nil || d.IsDir() {
						return err
					}
					data, err := fs.ReadFile(templates.FS(), name)
					src[name] = &fstest.MapFile{Data: data}
					return err
				}); err != nil {
					b.Fatal(err)
				}
				opts := site.Options{Sources: []fs.FS{src}, Out: filepath.Join(b.TempDir(), "site"), Locales: cat, Version: "bench"}
				if formats == "html+pdf" {
					opts.Downloads = []site.Download{pdfDownload(b)}
				}
				full, err := site.Build(context.Background(), opts)
				if err != nil {
					b.Fatal(err)
				}
				name := "sleep-routine/en.md"
				orig := src[name].Data
				rendered := 0
				n := 0
				b.ReportAllocs()
				for b.Loop() {
					if change != "none" {
						src[name] = &fstest.MapFile{Data: fmt.Appendf(slices.Clip(orig), "\nChange %d.\n", n)}
					}
					rep, err := site.Build(context.Background(), opts)
					if err != nil {
						b.Fatal(err)
					}
					rendered += rep.Rendered
					n++
				}
				b.ReportMetric(float64(rendered)/float64(n), "rendered/op")
				b.ReportMetric(full.Duration.Seconds()*1000, "full-build-ms")
			})
		}
	}
}

// BenchmarkReadingLevel measures the library cards' reading levels for
// the whole default library, parsed beforehand: the cost the build pays
// for them. Compare with the full-build-ms of BenchmarkIncremental.
func BenchmarkReadingLevel(b *testing.B) {
	cat, err := i18n.Default()
	if err != nil {
		b.Fatal(err)
	}
	p := worksheet.NewParser()
	type doc struct {
		ws  *worksheet.Worksheet
		loc *i18n.Locale
	}
	var docs []doc
	names, _ := fs.Glob(templates.FS(), "*/*.md")
	for _, name := range names {
		ws, err := p.ParseFS(templates.FS(), name)
		if err != nil {
			b.Fatal(err)
		}
		loc, err := cat.Locale(ws.Lang)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc{ws, loc})
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			readability.Analyze(d.ws, d.loc)
		}
	}
	b.ReportMetric(float64(len(docs)), "templates")
}
