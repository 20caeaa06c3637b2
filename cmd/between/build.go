package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet/pdf"
	"github.com/betweensessions/between/worksheet/pdf/sitepdf"
	"github.com/betweensessions/between/worksheet/site"
	"github.com/betweensessions/between/worksheet/site/siteconfig"
)

// runBuild implements "between build": the embedded library, with any
// --src folders layered over it, into a static site with a standard and a
// large-print PDF of every handout.
func runBuild(ctx context.Context, e *env, args []string) error {
	fset := flag.NewFlagSet("build", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	srcs := srcFlag(fset, "a `folder` of templates (<id>/<lang>.md) layered over the built-in library; repeat for more")
	out := fset.String("o", "site", "the `folder` to write the site to")
	langs := fset.String("lang", "", "comma-separated `languages` to build, such as en,es (default: every language the templates have)")
	locales := fset.String("locales", "", "a translator's `folder` (as \"between i18n new\" makes it) laid over the built-in languages and handouts")
	noPDF := fset.Bool("no-pdf", false, "make no PDFs, only the HTML pages")
	strict := fset.Bool("strict", false, "fail if any UI string or handout would be shown in English instead of a page's language")
	quiet := fset.Bool("q", false, "print nothing but errors")
	conf := addConfigFlags(fset)
	fset.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: between build [--config FILE] [--src DIR]... [-o DIR] [--lang en,es] [--paper letter|a4] [--locales DIR] [--no-pdf] [--strict] [-q]")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Builds the handout library into a static site that works offline: HTML pages")
		fmt.Fprintln(e.stderr, "and a standard and a large-print PDF of every handout. SOURCE_DATE_EPOCH, when")
		fmt.Fprintln(e.stderr, "set, is written into the PDFs as their creation date.")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "A clinic's settings (languages, paper, name, phone, logo, which handouts) are")
		fmt.Fprintln(e.stderr, "read from "+siteconfig.FileName+" in this folder, or the --config file; flags win over it.")
		fmt.Fprintln(e.stderr)
		fset.PrintDefaults()
	}
	if help, err := parseOnlyFlags(fset, args); help || err != nil {
		return err
	}
	cat, sources, closer, err := i18nSources(*locales)
	if err != nil {
		return fmt.Errorf("build: --locales: %w", err)
	}
	defer closer.Close()
	var dirs folders
	defer dirs.Close()
	more, err := dirs.templates(*srcs)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	opts := site.Options{Out: *out, Sources: append(sources, more...), Locales: cat, Version: buildVersion(), Full: *strict}
	if opts.Version == "" {
		opts.Full = true // no way to tell this program's files from another's
	}
	if opts.Langs, err = parseLangs(*langs); err != nil {
		return err
	}
	config, err := conf.load(&opts, cat)
	if err != nil {
		return err
	}
	if !*quiet {
		if config != "" {
			fmt.Fprintf(e.stdout, "using the site configuration %s\n", config)
		} else {
			fmt.Fprintf(e.stdout, "no site configuration (no %s here, no --config): the built-in defaults\n", siteconfig.FileName)
		}
	}
	if !*noPDF {
		f, err := pdfDownload()
		if err != nil {
			return err
		}
		opts.Downloads = append(opts.Downloads, f)
	}
	if *strict {
		// The new site is complete but not yet in place: a strict failure
		// leaves the previous site as it was.
		opts.BeforeCommit = func(rep site.Report) error {
			problems, err := strictProblems(cat, rep)
			if err != nil {
				return err
			}
			if len(problems) > 0 {
				fmt.Fprintf(e.stderr, "between: --strict: nothing was written; %d %s shown in English:\n  %s\n",
					len(problems), plural(len(problems), "thing would be", "things would be"), strings.Join(problems, "\n  "))
				return errReported
			}
			return nil
		}
	}
	if !*quiet && isTerminal(e.stderr) {
		opts.Progress = e.stderr
	}
	rep, err := site.Build(ctx, opts)
	if err != nil {
		return err
	}
	for _, dir := range rep.Leftovers {
		// Printed even with -q: it is the builder's own folder, left
		// beside the site.
		fmt.Fprintf(e.stderr, "note: the site is built, but the builder's folder %s could not be removed; the next build tries again\n", dir)
	}
	fbErr := cat.CheckFallbacks()
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

// pdfDownload is the site download that writes a PDF of each handout and
// variant, with one shared renderer. SOURCE_DATE_EPOCH, when set, becomes
// the PDFs' creation date; otherwise they carry none.
func pdfDownload() (site.Download, error) {
	var opts pdf.Options
	version := "pdf"
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		date, err := sourceDate(s, time.Now())
		if err != nil {
			return site.Download{}, err
		}
		version += " date=" + s
		opts.CreationDate = date
	}
	r, err := pdf.New(opts)
	if err != nil {
		return site.Download{}, err
	}
	return sitepdf.Download(r, version), nil
}

// maxClockSkew is how far in the future SOURCE_DATE_EPOCH may be: a
// build machine's clock may be a little behind the one that chose it.
const maxClockSkew = 24 * time.Hour

// sourceDate parses SOURCE_DATE_EPOCH, as the reproducible-builds
// specification writes it: a whole number of seconds since 1970-01-01
// UTC. A date after now (give or take maxClockSkew) is a mistake — no
// document was made in the future — and so is anything else that is not
// such a number; either is an error rather than an impossible date in
// every PDF.
func sourceDate(s string, now time.Time) (time.Time, error) {
	shown := s
	if len(shown) > 24 {
		shown = shown[:24] + "…"
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil || sec < 0 || strings.HasPrefix(s, "+") {
		return time.Time{}, fmt.Errorf("build: SOURCE_DATE_EPOCH=%q is not a whole number of seconds since 1970", shown)
	}
	if latest := now.Add(maxClockSkew).Unix(); sec > latest {
		return time.Time{}, fmt.Errorf("build: SOURCE_DATE_EPOCH=%q is in the future (%s); it is the time of the last change to the sources, in seconds since 1970",
			shown, plainDate(sec))
	}
	return time.Unix(sec, 0).UTC(), nil
}

// plainDate writes sec, seconds since 1970, as a year-month-day date,
// or says the year is too far for one.
func plainDate(sec int64) string {
	if sec > 253402300799 { // 9999-12-31T23:59:59Z
		return "after the year 9999"
	}
	return time.Unix(sec, 0).UTC().Format(time.DateOnly)
}

// buildVersion names this program for the site's build cache: a release
// by its version; a development build also by the commit it was built
// from when the tree was clean, else by its executable's size and
// modification time (every "go build" writes a new file), so that files
// made by older code are rendered again. It reads no more than a stat.
func buildVersion() string {
	v := "between " + version
	if !strings.HasSuffix(version, "-dev") {
		return v
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		var rev, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" && modified == "false" {
			return v + " " + rev
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return "" // not cached
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s %d %d", v, fi.Size(), fi.ModTime().UnixNano())
}

// strictProblems returns, one line each, what the site of rep shows in
// English in place of a page's language: a UI string missing from (or
// failing in) a language the pages use, whether run with sample data or
// by the pages themselves; and a handout with no translation (no file, or
// a file "between i18n new" copied and nobody translated yet), as the
// site's fallbacks list them.
func strictProblems(cat *i18n.Catalog, rep site.Report) ([]string, error) {
	var out []string
	seen := map[string]bool{} // "lang: id: " of the UI strings listed
	used := map[language.Tag]bool{}
	for _, l := range rep.Langs {
		loc, err := cat.Locale(l)
		if err != nil {
			return nil, err
		}
		used[loc.Tag] = true
	}
	for _, p := range cat.Check(i18n.CheckOptions{}) {
		if used[p.Lang] {
			out = append(out, "UI string "+p.String())
			seen[fmt.Sprintf("%s: %s: ", p.Lang, p.ID)] = true
		}
	}
	var fe *i18n.FallbackError
	if err := cat.CheckFallbacks(); errors.As(err, &fe) {
		for _, f := range fe.Fallbacks {
			if key := fmt.Sprintf("%s: %s: ", f.Lang, f.ID); !seen[key] {
				seen[key] = true
				out = append(out, "UI string "+key+f.Reason)
			}
		}
	} else if err != nil {
		return nil, err
	}
	for _, f := range rep.Fallbacks {
		if f.State == templates.Untranslated {
			out = append(out, fmt.Sprintf("handout %s: %s: the file is still the English copy (no source_hash)", f.Lang, f.ID))
		} else {
			out = append(out, fmt.Sprintf("handout %s: %s: not translated", f.Lang, f.ID))
		}
	}
	return out, nil
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
