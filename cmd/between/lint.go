package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet/lint"
	"github.com/betweensessions/between/worksheet/pdf"
)

// runLint implements "between lint": the embedded library, or each folder
// given, checked on its own.
func runLint(ctx context.Context, e *env, args []string) error {
	fset := flag.NewFlagSet("lint", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	asJSON := fset.Bool("json", false, "print the result as JSON for tools (see docs/lint.md)")
	strict := fset.Bool("strict", false, "fail (exit 1) on warnings too, not only on errors")
	quiet := fset.Bool("q", false, "leave out info findings (the summary still counts them)")
	noGlyphs := fset.Bool("no-glyphs", false, "skip the PDF font check, which is the slowest")
	fset.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: between lint [--strict] [--json] [-q] [--no-glyphs] [folder ...]")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Checks every template file in every language: front matter, directives,")
		fmt.Fprintln(e.stderr, "params, links, UTF-8, raw HTML, PDF font coverage, translation staleness")
		fmt.Fprintln(e.stderr, "and readability. With no folder it checks the built-in library; each folder")
		fmt.Fprintln(e.stderr, "given (laid out as <id>/<lang>.md) is checked on its own.")
		fmt.Fprintln(e.stderr, "Exit status: 0 clean or warnings only, 1 errors (or warnings with --strict), 2 usage.")
		fmt.Fprintln(e.stderr)
		fset.PrintDefaults()
	}
	dirs, err := parseArgs(fset, args)
	if err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return usageErrorf("%v", err)
	}

	cat, err := i18n.Default()
	if err != nil {
		return err
	}
	opts := lint.Options{Locales: cat, Strict: *strict}
	if !*noGlyphs {
		if opts.PDF, err = pdf.New(pdf.Options{}); err != nil {
			return err
		}
	}
	type job struct {
		root string
		fsys fs.FS
	}
	jobs := []job{{fsys: templates.FS()}}
	var opened folders
	defer opened.Close()
	if len(dirs) > 0 {
		jobs = jobs[:0]
		for _, d := range dirs {
			fsys, c, err := openDir(d)
			switch {
			case errors.Is(err, errNotFolder):
				return usageErrorf("lint: %s is not a folder", d)
			case err != nil:
				return fmt.Errorf("lint: %w", err)
			}
			opened = append(opened, c)
			jobs = append(jobs, job{root: filepath.ToSlash(filepath.Clean(d)), fsys: fsys})
		}
	}

	var total lint.Result
	for _, j := range jobs {
		opts.Sources, opts.Root = []fs.FS{j.fsys}, j.root
		res, err := lint.Run(ctx, opts)
		if err != nil {
			if j.root != "" {
				return fmt.Errorf("%w in %s", err, j.root)
			}
			return err
		}
		total = merge(total, res)
	}

	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(&total); err != nil {
			return err
		}
	} else {
		min := lint.Info
		if *quiet {
			min = lint.Warning
		}
		if err := total.WriteText(e.stdout, min); err != nil {
			return err
		}
	}
	if total.Failed() {
		return errReported
	}
	return nil
}

// merge adds b's templates and counts to a.
func merge(a, b lint.Result) lint.Result {
	a.Strict = b.Strict
	a.Templates = append(a.Templates, b.Templates...)
	if a.Templates == nil {
		a.Templates = []lint.Template{}
	}
	a.Summary.Errors += b.Summary.Errors
	a.Summary.Warnings += b.Summary.Warnings
	a.Summary.Infos += b.Summary.Infos
	a.Summary.Files += b.Summary.Files
	a.Summary.FilesWithProblems += b.Summary.FilesWithProblems
	return a
}
