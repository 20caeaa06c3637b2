// Command clinic-library builds a handout site from a clinic's own template
// folder laid over Between's default library: the clinic's handouts are
// added, and a clinic template with the id of a default one replaces it in
// every language. It writes HTML pages and, unless -no-pdf is given, a
// standard and a large-print PDF of every handout.
//
//	go run ./examples/clinic-library -src examples/clinic-library/testdata/clinic -o clinic-site
//
// The folder holds <id>/<lang>.md files, as docs/template-format.md
// describes.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"

	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet/pdf"
	"github.com/betweensessions/between/worksheet/pdf/sitepdf"
	"github.com/betweensessions/between/worksheet/site"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "clinic-library:", err)
		os.Exit(1)
	}
}

// run parses the flags, builds the site and prints the build's summary.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("clinic-library", flag.ContinueOnError)
	fset.SetOutput(stderr)
	src := fset.String("src", "", "the clinic's template `folder` (required)")
	out := fset.String("o", "clinic-site", "the `folder` to write the site to")
	noPDF := fset.Bool("no-pdf", false, "make only the HTML pages")
	if err := fset.Parse(args); err != nil {
		return err
	}
	if *src == "" {
		return errors.New("-src is required: the clinic's template folder")
	}
	if fi, err := os.Stat(*src); err != nil {
		return err
	} else if !fi.IsDir() {
		return fmt.Errorf("-src %s is not a folder", *src)
	}
	rep, err := build(ctx, os.DirFS(*src), *out, !*noPDF)
	if err != nil {
		return err
	}
	for _, f := range rep.Fallbacks {
		fmt.Fprintf(stdout, "note: %s is shown in %s on the %s pages (no translation yet)\n", f.ID, f.From, f.Lang)
	}
	fmt.Fprintln(stdout, rep)
	return nil
}

// build writes the site of the default library with clinic laid over it
// into out.
func build(ctx context.Context, clinic fs.FS, out string, withPDF bool) (site.Report, error) {
	opts := site.Options{
		Sources: []fs.FS{templates.FS(), clinic},
		Out:     out,
	}
	if withPDF {
		// One renderer for every PDF: it parses the fonts once and is safe
		// for the builder's goroutines.
		r, err := pdf.New(pdf.Options{})
		if err != nil {
			return site.Report{}, err
		}
		opts.Downloads = []site.Download{sitepdf.Download(r, "pdf")}
	}
	return site.Build(ctx, opts)
}
