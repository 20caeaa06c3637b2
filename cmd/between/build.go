package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet/site"
)

// runBuild implements "between build": the embedded library, with any
// --src folders layered over it, into a static site.
func runBuild(ctx context.Context, e *env, args []string) error {
	fset := flag.NewFlagSet("build", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	var srcs []string
	fset.Func("src", "a `folder` of templates (<id>/<lang>.md) layered over the built-in library; repeat for more", func(s string) error {
		srcs = append(srcs, s)
		return nil
	})
	out := fset.String("o", "site", "the `folder` to write the site to")
	langs := fset.String("lang", "", "comma-separated `languages` to build, such as en,es (default: every language the templates have)")
	quiet := fset.Bool("q", false, "print nothing but errors")
	fset.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: between build [--src DIR] [-o DIR] [--lang en,es]")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Builds the handout library into a static site that works offline.")
		fmt.Fprintln(e.stderr)
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return usageErrorf("%v", err)
	}
	if fset.NArg() > 0 {
		return usageErrorf("build takes no arguments, only flags (got %q)", fset.Arg(0))
	}
	opts := site.Options{Out: *out, Sources: []fs.FS{templates.FS()}}
	for _, s := range srcs {
		fi, err := os.Stat(s)
		if err != nil {
			return fmt.Errorf("build: --src: %w", err)
		}
		if !fi.IsDir() {
			return usageErrorf("--src %s is not a folder", s)
		}
		opts.Sources = append(opts.Sources, os.DirFS(s))
	}
	tags, err := parseLangs(*langs)
	if err != nil {
		return err
	}
	opts.Langs = tags
	if !*quiet && isTerminal(e.stderr) {
		opts.Progress = e.stderr
	}
	rep, err := site.Build(ctx, opts)
	if err != nil {
		return err
	}
	if *quiet {
		return nil
	}
	printFallbacks(e.stderr, rep.Fallbacks)
	fmt.Fprintln(e.stdout, rep)
	return nil
}

// printFallbacks says, one line per language, which handouts are shown
// untranslated.
func printFallbacks(w io.Writer, fbs []site.Fallback) {
	var langs []string
	ids := map[string][]string{}
	for _, f := range fbs {
		l := f.Lang.String()
		if ids[l] == nil {
			langs = append(langs, l)
		}
		ids[l] = append(ids[l], f.ID)
	}
	for _, l := range langs {
		n := len(ids[l])
		fmt.Fprintf(w, "note: %d %s not in %s yet; %s pages show %s untranslated: %s\n",
			n, plural(n, "handout is", "handouts are"), l, l, plural(n, "it", "them"), strings.Join(ids[l], ", "))
	}
}

func plural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}

// parseLangs parses a comma-separated list of language tags.
func parseLangs(s string) ([]language.Tag, error) {
	var tags []language.Tag
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		t, err := language.Parse(part)
		if err != nil {
			return nil, usageErrorf("--lang: %q is not a language tag such as en or es-MX", part)
		}
		tags = append(tags, t)
	}
	return tags, nil
}

// isTerminal reports whether w is a terminal, where a progress line that
// rewrites itself makes sense.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
