package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
	"github.com/betweensessions/between/worksheet/site"
)

// runBuild implements "between build": the embedded library, with any
// --src folders layered over it, into a static site with a standard and a
// large-print PDF of every handout.
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
	locales := fset.String("locales", "", "a translator's `folder` (as \"between i18n new\" makes it) laid over the built-in languages and handouts")
	noPDF := fset.Bool("no-pdf", false, "make no PDFs, only the HTML pages")
	strict := fset.Bool("strict", false, "fail if any UI string or handout would be shown in English instead of a page's language")
	quiet := fset.Bool("q", false, "print nothing but errors")
	fset.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: between build [--src DIR]... [-o DIR] [--lang en,es] [--locales DIR] [--no-pdf] [--strict] [-q]")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Builds the handout library into a static site that works offline: HTML pages")
		fmt.Fprintln(e.stderr, "and a standard and a large-print PDF of every handout. SOURCE_DATE_EPOCH, when")
		fmt.Fprintln(e.stderr, "set, is written into the PDFs as their creation date.")
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
	cat, base, err := i18nSources(*locales)
	if err != nil {
		return fmt.Errorf("build: --locales: %w", err)
	}
	opts := site.Options{Out: *out, Sources: []fs.FS{base}, Locales: cat, Version: buildVersion(), Full: *strict}
	for _, s := range srcs {
		if *locales != "" && sameDir(s, filepath.Join(*locales, "templates")) {
			continue // --locales has laid it over the library already, file by file
		}
		fi, err := os.Stat(s)
		if err != nil {
			return fmt.Errorf("build: --src: %w", err)
		}
		if !fi.IsDir() {
			return usageErrorf("--src %s is not a folder", s)
		}
		opts.Sources = append(opts.Sources, os.DirFS(s))
	}
	if opts.Version == "" {
		opts.Full = true // no way to tell this program's files from another's
	}
	if opts.Langs, err = parseLangs(*langs); err != nil {
		return err
	}
	if !*noPDF {
		f, err := pdfFormat()
		if err != nil {
			return err
		}
		opts.Formats = append(opts.Formats, f)
	}
	if *strict {
		// site.Build has no hook between rendering and the swap, so the
		// gaps a strict build refuses are looked for first: a failed check
		// leaves the previous site as it was.
		if problems, err := strictCheck(ctx, cat, opts); err != nil {
			return err
		} else if len(problems) > 0 {
			fmt.Fprintf(e.stderr, "between: --strict: nothing was written; %d %s shown in English:\n  %s\n",
				len(problems), plural(len(problems), "thing would be", "things would be"), strings.Join(problems, "\n  "))
			return errReported
		}
	}
	if !*quiet && isTerminal(e.stderr) {
		opts.Progress = e.stderr
	}
	rep, err := site.Build(ctx, opts)
	if err != nil {
		return err
	}
	fbErr := cat.CheckFallbacks()
	if *strict && (fbErr != nil || len(rep.Fallbacks) > 0) {
		// Only a string whose translation fails with the data of a real
		// page, not with the sample data of the check, gets here.
		fmt.Fprintf(e.stderr, "between: --strict: the site in %s was written, but shows English in place of a translation:\n", rep.Out)
		printFallbacks(e.stderr, rep.Fallbacks)
		if fbErr != nil {
			fmt.Fprintln(e.stderr, fbErr)
		}
		return errReported
	}
	if *quiet {
		return nil
	}
	printFallbacks(e.stderr, rep.Fallbacks)
	var fe *i18n.FallbackError
	if errors.As(fbErr, &fe) {
		fmt.Fprintf(e.stderr, "note: %d UI %s shown in English (--strict makes this an error):\n", len(fe.Fallbacks), plural(len(fe.Fallbacks), "string is", "strings are"))
		for _, f := range fe.Fallbacks {
			fmt.Fprintf(e.stderr, "  %s: %s (%s)\n", f.Lang, f.ID, f.Reason)
		}
	}
	fmt.Fprintln(e.stdout, rep)
	return nil
}

// sameDir reports whether paths a and b name the same folder.
func sameDir(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// pdfFormat is the site format that writes a PDF of each handout and
// variant, with one shared renderer. SOURCE_DATE_EPOCH, when set, becomes
// the PDFs' creation date; otherwise they carry none.
func pdfFormat() (site.Format, error) {
	var opts pdf.Options
	version := "pdf"
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		version += " date=" + s
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil || sec < 0 {
			return site.Format{}, fmt.Errorf("build: SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970", s)
		}
		opts.CreationDate = time.Unix(sec, 0).UTC()
	}
	r, err := pdf.New(opts)
	if err != nil {
		return site.Format{}, err
	}
	return site.Format{
		Ext:     "pdf",
		Version: version,
		Label: func(loc *i18n.Locale, v worksheet.Variant) string {
			if v == worksheet.LargePrint {
				return loc.Text("PDFLargePrint", nil)
			}
			return loc.Text("PDFStandard", nil)
		},
		Render: func(ctx context.Context, w io.Writer, ws *worksheet.Worksheet, v worksheet.Variant, loc *i18n.Locale) error {
			return r.Render(ctx, w, ws, pdf.RenderOptions{Variant: v, Locale: loc})
		},
	}, nil
}

// buildVersion names this program for the site's build cache: a release
// by its version, a development build also by a hash of its own
// executable, so files made by older code are rendered again.
func buildVersion() string {
	v := "between " + version
	if !strings.HasSuffix(version, "-dev") {
		return v
	}
	exe, err := os.Executable()
	if err != nil {
		return "" // not cached
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return fmt.Sprintf("%s %x", v, h.Sum(nil)[:8])
}

// strictCheck returns, one line each, what a build of opts would show in
// English in place of a page's language: a UI string missing from (or
// failing in) a language the pages use, or a handout with no translation
// (no file, or a file "between i18n new" copied and nobody translated yet).
func strictCheck(ctx context.Context, cat *i18n.Catalog, opts site.Options) ([]string, error) {
	entries, err := site.List(ctx, opts.Sources...)
	if err != nil {
		return nil, err
	}
	langs := opts.Langs
	if len(langs) == 0 {
		langs = entryLangs(entries)
	}
	var out []string
	// UI strings: every message run with sample data, in the locale each
	// page language uses.
	used := map[language.Tag]bool{}
	for _, l := range langs {
		loc, err := cat.Locale(l)
		if err != nil {
			return nil, err
		}
		used[loc.Tag] = true
	}
	for _, p := range cat.Check(i18n.CheckOptions{}) {
		if used[p.Lang] {
			out = append(out, "UI string "+p.String())
		}
	}
	// Handouts: a file in the page language or a parent of it, that is not
	// an untranslated copy.
	untranslated := map[string]bool{} // "lang id"
	for _, l := range langs {
		infos, err := i18n.TemplateStatus(opts.Sources[0], l)
		if err != nil {
			return nil, err
		}
		for _, ti := range infos {
			if ti.State == i18n.Untranslated {
				untranslated[l.String()+" "+ti.ID] = true
			}
		}
	}
	layered := map[string]bool{} // ids a --src folder replaces
	for _, fsys := range opts.Sources[1:] {
		names, _ := fs.Glob(fsys, "*/*.md")
		for _, n := range names {
			layered[path.Dir(n)] = true
		}
	}
	for _, l := range langs {
		for _, e := range entries {
			switch {
			case !hasLang(e.Langs, l):
				out = append(out, fmt.Sprintf("handout %s: %s: not translated", l, e.ID))
			case untranslated[l.String()+" "+e.ID] && !layered[e.ID]:
				out = append(out, fmt.Sprintf("handout %s: %s: the file is still the English copy (no source_hash)", l, e.ID))
			}
		}
	}
	return out, nil
}

// hasLang reports whether langs has l or a parent of it (es for es-MX).
func hasLang(langs []language.Tag, l language.Tag) bool {
	for t := l; !t.IsRoot(); t = t.Parent() {
		if slices.Contains(langs, t) {
			return true
		}
	}
	return false
}

// entryLangs is every language some template has, English first, as
// site.Build picks them when --lang is not given.
func entryLangs(entries []site.Entry) []language.Tag {
	var tags []language.Tag
	for _, e := range entries {
		for _, t := range e.Langs {
			if !slices.Contains(tags, t) {
				tags = append(tags, t)
			}
		}
	}
	slices.SortFunc(tags, func(a, b language.Tag) int {
		switch {
		case a == b:
			return 0
		case a == language.English:
			return -1
		case b == language.English:
			return 1
		}
		return strings.Compare(a.String(), b.String())
	})
	return tags
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
