package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet/pdf"
	"github.com/betweensessions/between/worksheet/pdf/sitepdf"
	"github.com/betweensessions/between/worksheet/site"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "sitebuild:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("sitebuild", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var srcs []string
	fset.Func("src", "a `folder` of templates layered over the built-in library; repeat for more", func(s string) error {
		srcs = append(srcs, s)
		return nil
	})
	out := fset.String("o", "site", "the `folder` to write the site to")
	langs := fset.String("lang", "", "comma-separated `languages` to build (default: every language)")
	withPDF := fset.Bool("pdf", false, "also write a PDF of every handout in both variants")
	workers := fset.Int("workers", 0, "files rendered at once (default GOMAXPROCS)")
	cpuprofile := fset.String("cpuprofile", "", "write a CPU profile to `file`")
	memprofile := fset.String("memprofile", "", "write to `file` the heap profile (in use) taken when the heap was largest")
	if err := fset.Parse(args); err != nil {
		return err
	}
	opts := site.Options{Out: *out, Sources: []fs.FS{templates.FS()}, Workers: *workers}
	for _, s := range srcs {
		opts.Sources = append(opts.Sources, os.DirFS(s))
	}
	for part := range strings.SplitSeq(*langs, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		t, err := language.Parse(part)
		if err != nil {
			return fmt.Errorf("-lang: %q is not a language tag", part)
		}
		opts.Langs = append(opts.Langs, t)
	}
	if *withPDF {
		f, err := pdfDownload()
		if err != nil {
			return err
		}
		opts.Downloads = append(opts.Downloads, f)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	var peak *heapPeak
	if *memprofile != "" {
		peak = watchHeap()
	}
	rep, err := site.Build(ctx, opts)
	if err != nil {
		return err
	}
	if peak != nil {
		prof, inuse := peak.stop()
		if err := os.WriteFile(*memprofile, prof, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "sitebuild: largest heap in use %.1f MiB\n", float64(inuse)/(1<<20))
	}
	fmt.Fprintln(stdout, rep)
	return nil
}

// pdfDownload is the site download that renders both PDF variants with one
// shared renderer, labelled with the locale's UI strings.
func pdfDownload() (site.Download, error) {
	r, err := pdf.New(pdf.Options{})
	if err != nil {
		return site.Download{}, err
	}
	return sitepdf.Download(r, ""), nil // no version: a benchmark build is never cached
}

// heapPeak samples the heap every 50ms and keeps a heap profile from the
// moment the heap in use was largest.
type heapPeak struct {
	done chan struct{}
	res  chan heapSample
}

type heapSample struct {
	prof  []byte
	inuse uint64
}

func watchHeap() *heapPeak {
	h := &heapPeak{done: make(chan struct{}), res: make(chan heapSample)}
	go func() {
		var best heapSample
		var ms runtime.MemStats
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > best.inuse+best.inuse/20 {
				var buf bytes.Buffer
				if err := pprof.Lookup("heap").WriteTo(&buf, 0); err == nil {
					best = heapSample{prof: buf.Bytes(), inuse: ms.HeapInuse}
				}
			}
			select {
			case <-h.done:
				h.res <- best
				return
			case <-tick.C:
			}
		}
	}()
	return h
}

// stop ends the sampling and returns the profile and the heap in use at
// the largest sample.
func (h *heapPeak) stop() ([]byte, uint64) {
	close(h.done)
	s := <-h.res
	return s.prof, s.inuse
}
