// Command sitebuild builds a handout site through the library the way
// "between build" does, for bench/compare: with PDFs (both variants) when
// the CLI has no PDF flag yet, and with CPU and heap profiles.
//
// # Usage
//
//	go run ./bench/sitebuild -src DIR -o OUT [-lang en,es] [-pdf] [-workers N]
//	                         [-cpuprofile FILE] [-memprofile FILE]
//
// Like "between build", the embedded default library is layered under
// -src. The one-line report goes to stdout.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
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
	memprofile := fset.String("memprofile", "", "write a heap profile to `file` at the end")
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
		f, err := pdfFormat()
		if err != nil {
			return err
		}
		opts.Formats = append(opts.Formats, f)
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
	rep, err := site.Build(ctx, opts)
	if err != nil {
		return err
	}
	if *memprofile != "" {
		runtime.GC()
		f, err := os.Create(*memprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			return err
		}
	}
	fmt.Fprintln(stdout, rep)
	return nil
}

// pdfFormat is the site format that renders both PDF variants with one
// shared renderer, labelled with the locale's UI strings.
func pdfFormat() (site.Format, error) {
	r, err := pdf.New(pdf.Options{})
	if err != nil {
		return site.Format{}, err
	}
	return site.Format{
		Ext: "pdf",
		Label: func(loc *i18n.Locale, v worksheet.Variant) string {
			if v == worksheet.LargePrint {
				return loc.Text("PDFLargePrint", nil)
			}
			return loc.Text("PDFStandard", nil)
		},
		Render: func(ctx context.Context, w io.Writer, ws *worksheet.Worksheet, v worksheet.Variant, loc *i18n.Locale) error {
			if ws == nil {
				return errors.New("sitebuild: nil worksheet")
			}
			return r.Render(ctx, w, ws, pdf.RenderOptions{Variant: v, Locale: loc})
		},
	}, nil
}
