package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/internal/safefs"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet/pdf"
	"golang.org/x/text/language"
)

// runI18n is "between i18n": the translator's commands.
func runI18n(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printI18nUsage(e.stderr)
		if len(args) == 0 {
			return usageErrorf("i18n needs a command: status, new or check")
		}
		return nil
	}
	switch args[0] {
	case "status":
		return runI18nStatus(e, args[1:])
	case "new":
		return runI18nNew(e, args[1:])
	case "check":
		return runI18nCheck(e, args[1:])
	}
	return usageErrorf("unknown i18n command %q (status, new or check)", args[0])
}

func printI18nUsage(w io.Writer) {
	fmt.Fprint(w, `Usage:
  between i18n status [--json] [--strict] [--locales DIR] [--src TDIR]...   what is translated, stale, missing
  between i18n new <lang> [--dir DIR]                                      start a new language in DIR
  between i18n check [--json] [--locales DIR] [--src TDIR]...              run every UI string in every language

DIR is a translator's folder, as "between i18n new" makes it: message files
(active.<lang>.toml, translate.<lang>.toml) and locale data files
(<lang>.toml) at its top, templates in DIR/templates/<id>/<lang>.md. It is
laid over the built-in languages and handouts, as --locales DIR does in
build, serve and render. TDIR is a folder of templates (<id>/<lang>.md), as
--src is everywhere. See docs/translating.md.
`)
}

// i18nSources returns the catalog and the template sources for --locales
// dir: the built-in ones, with the translator's folder dir laid over them
// when it is set. The folder stays open (an os.Root) until the closer is
// closed.
func i18nSources(dir string) (*i18n.Catalog, []fs.FS, io.Closer, error) {
	var (
		top  fs.FS
		dirs folders
	)
	if dir != "" {
		fsys, c, err := openDir(dir)
		if err != nil {
			return nil, nil, nil, err
		}
		top, dirs = fsys, folders{c}
	}
	cat, tmpl, err := i18nLayer(top)
	if err != nil {
		dirs.Close()
		return nil, nil, nil, err
	}
	return cat, tmpl, &dirs, nil
}

// i18nLayer returns the built-in catalog and template sources with the
// translator's folder top laid over them; top may be nil. Its templates
// folder is one more source: its files add their languages to the
// built-in templates (see templates.Library).
func i18nLayer(top fs.FS) (*i18n.Catalog, []fs.FS, error) {
	cat, err := i18n.Default()
	if err != nil {
		return nil, nil, err
	}
	tmpl := []fs.FS{templates.FS()}
	if top == nil {
		return cat, tmpl, nil
	}
	msgs, err := i18n.Load(top)
	if err != nil {
		return nil, nil, err
	}
	if cat, err = cat.Overlay(msgs); err != nil {
		return nil, nil, err
	}
	if err := cat.Validate(); err != nil {
		return nil, nil, err
	}
	if st, err := fs.Stat(top, "templates"); err == nil && st.IsDir() {
		sub, err := fs.Sub(top, "templates")
		if err != nil {
			return nil, nil, err
		}
		tmpl = append(tmpl, sub)
	}
	return cat, tmpl, nil
}

// i18nFlags adds --locales and --src to fl, parses args, and returns the
// catalog and template library they name: the built-in ones, the
// translator's folder (--locales) laid over them, then each folder of
// templates (--src). The folders stay open until the closer is closed.
func i18nFlags(fl *flag.FlagSet, args []string, cmd string) (*i18n.Catalog, *templates.Library, io.Closer, error) {
	locales := fl.String("locales", "", "a translator's `folder` (as \"between i18n new\" makes it) laid over the built-in languages and handouts")
	srcs := srcFlag(fl, "a `folder` of templates (<id>/<lang>.md) layered over the built-in library; repeat for more")
	if err := parseFlags(fl, args); err != nil {
		return nil, nil, nil, usageErrorf("%v", err)
	}
	if fl.NArg() > 0 {
		return nil, nil, nil, usageErrorf("i18n %s takes no arguments", cmd)
	}
	cat, sources, closer, err := i18nSources(*locales)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("--locales: %w", err)
	}
	dirs := folders{closer}
	more, err := dirs.templates(*srcs)
	if err == nil {
		var lib *templates.Library
		if lib, err = templates.Layer(append(sources, more...)...); err == nil {
			return cat, lib, &dirs, nil
		}
	}
	dirs.Close()
	return nil, nil, nil, err
}

func runI18nStatus(e *env, args []string) error {
	fl := flag.NewFlagSet("i18n status", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	asJSON := fl.Bool("json", false, "print JSON")
	strict := fl.Bool("strict", false, "exit 1 if any language has missing or stale strings or templates")
	cat, lib, closer, err := i18nFlags(fl, args, "status")
	if err != nil {
		return err
	}
	defer closer.Close()
	st, err := cat.Status(lib)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(st); err != nil {
			return err
		}
	} else {
		printStatus(e.stdout, st)
	}
	if *strict {
		for _, s := range st {
			if s.Gaps() {
				fmt.Fprintln(e.stderr, "between: --strict: some languages have missing or stale strings or templates")
				return errReported
			}
		}
	}
	return nil
}

func printStatus(w io.Writer, st []i18n.Status) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "LANG\tNAME\tUI STRINGS\tTEMPLATES\tSTALE\tCRISIS LINES TO CHECK")
	for _, s := range st {
		fmt.Fprintf(tw, "%s\t%s\t%d/%d\t%d/%d\t%d\t%d\n", s.Lang, s.Name,
			s.Messages.Translated, s.Messages.Total, s.Templates.Translated, s.Templates.Total,
			len(s.Messages.Stale)+len(s.Templates.Stale), s.CrisisToCheck)
	}
	tw.Flush()
	shown := map[string]bool{} // a regional variant repeats its language's lists
	for _, s := range st {
		var stale []string
		for _, ti := range s.Templates.Todo {
			if ti.State == templates.Stale {
				stale = append(stale, fmt.Sprintf("%s (%s; source_hash is now %s)", ti.ID, ti.Path, ti.Hash))
			}
		}
		for _, l := range []struct {
			what string
			ids  []string
		}{
			{"UI strings missing (English shown)", s.Messages.Missing},
			{"UI strings stale (English changed since translation)", s.Messages.Stale},
			{"UI strings identical to English (check they are meant to be)", s.Messages.SameAsEnglish},
			{"templates missing or untranslated (English shown)", s.Templates.Missing},
			{"templates stale (English changed since translation)", stale},
		} {
			base, _ := s.Lang.Base()
			key := base.String() + l.what + strings.Join(l.ids, " ")
			if len(l.ids) > 0 && !shown[key] {
				shown[key] = true
				fmt.Fprintf(w, "\n%s: %s:\n  %s\n", s.Lang, l.what, strings.Join(l.ids, "\n  "))
			}
		}
	}
}

func runI18nNew(e *env, args []string) error {
	fl := flag.NewFlagSet("i18n new", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	dir := fl.String("dir", "", "folder to create the translation in (default: ./between-<lang>)")
	// Accept flags after the language too: "new pt-BR --dir x".
	var lang string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		lang, args = args[0], args[1:]
	}
	if err := parseFlags(fl, args); err != nil {
		return usageErrorf("%v", err)
	}
	if lang == "" && fl.NArg() > 0 {
		lang = fl.Arg(0)
	} else if fl.NArg() > 0 {
		return usageErrorf("i18n new takes one language tag")
	}
	if lang == "" {
		return usageErrorf("i18n new needs a language tag, such as pt-BR")
	}
	tag, err := parseUserTag(lang)
	if err != nil {
		return usageErrorf("%v", err)
	}
	if *dir == "" {
		*dir = "between-" + tag.String()
	}
	cat, err := i18n.Default()
	if err != nil {
		return err
	}
	lib, err := templates.Layer(templates.FS())
	if err != nil {
		return err
	}
	files, err := cat.Scaffold(tag, lib)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
		if _, err := os.Lstat(filepath.Join(*dir, filepath.FromSlash(name))); err == nil {
			return fmt.Errorf("%s already exists; nothing was written", filepath.Join(*dir, filepath.FromSlash(name)))
		}
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(*dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := safefs.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	t := tag.String()
	fmt.Fprintf(e.stdout, `Started %s in %s (%d files).

Next steps (docs/translating.md explains each):
  1. Fill in %s: the language's name, weekdays and crisis lines.
  2. Translate every message in translate.%s.toml. Keep {{.Names}} and hashes.
  3. Translate each templates/<id>/%s.md, then delete the "# " before its source_hash line.
  4. See what is left:     between i18n status --locales %s
  5. Check every string:   between i18n check --locales %s
  6. Preview the handouts: between build --lang %s --locales %s
`, t, *dir, len(files), filepath.Join(*dir, t+".toml"), t, t, *dir, *dir, t, *dir)
	return nil
}

// parseUserTag parses a language tag typed on the command line.
func parseUserTag(s string) (language.Tag, error) {
	if strings.Contains(s, "_") {
		return language.Und, fmt.Errorf("%q is not a BCP 47 language tag: use a hyphen, as in %q", s, strings.ReplaceAll(s, "_", "-"))
	}
	t, err := language.Parse(s)
	if err != nil {
		return language.Und, fmt.Errorf("%q is not a BCP 47 language tag (write it like \"es\", \"es-MX\" or \"pt-BR\")", s)
	}
	return t, nil
}

func runI18nCheck(e *env, args []string) error {
	fl := flag.NewFlagSet("i18n check", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	asJSON := fl.Bool("json", false, "print JSON")
	cat, lib, closer, err := i18nFlags(fl, args, "check")
	if err != nil {
		return err
	}
	defer closer.Close()
	problems := cat.Check(i18n.CheckOptions{Templates: lib, Glyphs: glyphCoverage(new(pdf.Renderer))})
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if problems == nil {
			problems = []i18n.Problem{}
		}
		if err := enc.Encode(problems); err != nil {
			return err
		}
	} else {
		for _, p := range problems {
			fmt.Fprintln(e.stdout, p)
		}
		if len(problems) == 0 {
			fmt.Fprintf(e.stdout, "ok: every UI string runs in %d languages\n", len(cat.Tags()))
		}
	}
	if len(problems) > 0 {
		return errReported
	}
	return nil
}

// glyphCoverage returns the i18n check's glyph hook: it reports the
// characters of text that r's font family named font cannot draw. A family
// r does not know draws nothing, so every character is reported.
func glyphCoverage(r *pdf.Renderer) func(font, text string) []rune {
	return func(font, text string) []rune {
		missing, err := r.MissingRunes(font, text)
		if err == nil {
			return missing
		}
		seen := map[rune]bool{}
		for _, c := range text {
			if !seen[c] && !unicode.IsSpace(c) && !unicode.IsControl(c) {
				seen[c] = true
				missing = append(missing, c)
			}
		}
		slices.Sort(missing)
		return missing
	}
}
