package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/betweensessions/between/i18n"
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
  between i18n status [--json] [--strict] [--src DIR]   what is translated, stale, missing
  between i18n new <lang> [--dir DIR]                   start a new language in DIR
  between i18n check [--json] [--src DIR]               run every UI string in every language

DIR is a translation folder, as "between i18n new" makes it: message files
(active.<lang>.toml, translate.<lang>.toml) and locale data files
(<lang>.toml) at its top, templates in DIR/templates/<id>/<lang>.md. It is
laid over the built-in languages and handouts. See docs/translating.md.
`)
}

// i18nSources returns the catalog and template library for --src dir:
// the built-in ones, with dir laid over them when it is set. The folder
// stays open (an os.Root) until the closer is closed.
func i18nSources(dir string) (*i18n.Catalog, fs.FS, io.Closer, error) {
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

// i18nLayer returns the built-in catalog and template library with the
// translation folder top laid over them; top may be nil.
func i18nLayer(top fs.FS) (*i18n.Catalog, fs.FS, error) {
	cat, err := i18n.Default()
	if err != nil {
		return nil, nil, err
	}
	tmpl := templates.FS()
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
		tmpl = overlayFS{top: sub, base: tmpl}
	}
	return cat, tmpl, nil
}

func runI18nStatus(e *env, args []string) error {
	fl := flag.NewFlagSet("i18n status", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	asJSON := fl.Bool("json", false, "print JSON")
	strict := fl.Bool("strict", false, "exit 1 if any language has missing or stale strings or templates")
	src := fl.String("src", "", "translation folder laid over the built-in languages")
	if err := fl.Parse(args); err != nil {
		return usageErrorf("%v", err)
	}
	if fl.NArg() > 0 {
		return usageErrorf("i18n status takes no arguments")
	}
	cat, tmpl, closer, err := i18nSources(*src)
	if err != nil {
		return err
	}
	defer closer.Close()
	st, err := cat.Status(tmpl)
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
			if ti.State == i18n.Stale {
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
	if err := fl.Parse(args); err != nil {
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
	files, err := cat.Scaffold(tag, templates.FS())
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
		if _, err := os.Stat(filepath.Join(*dir, filepath.FromSlash(name))); err == nil {
			return fmt.Errorf("%s already exists; nothing was written", filepath.Join(*dir, filepath.FromSlash(name)))
		}
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(*dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	t := tag.String()
	fmt.Fprintf(e.stdout, `Started %s in %s (%d files).

Next steps (docs/translating.md explains each):
  1. Fill in %s: the language's name, weekdays and crisis lines.
  2. Translate every message in translate.%s.toml. Keep {{.Names}} and hashes.
  3. Translate each templates/<id>/%s.md, then delete the "# " before its source_hash line.
  4. See what is left:     between i18n status --src %s
  5. Check every string:   between i18n check --src %s
  6. Preview the handouts: between build --lang %s --src %s --locales %s
`, t, *dir, len(files), filepath.Join(*dir, t+".toml"), t, t, *dir, *dir, t, filepath.Join(*dir, "templates"), *dir)
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
	src := fl.String("src", "", "translation folder laid over the built-in languages")
	if err := fl.Parse(args); err != nil {
		return usageErrorf("%v", err)
	}
	if fl.NArg() > 0 {
		return usageErrorf("i18n check takes no arguments")
	}
	cat, tmpl, closer, err := i18nSources(*src)
	if err != nil {
		return err
	}
	defer closer.Close()
	problems := cat.Check(i18n.CheckOptions{Templates: tmpl, Glyphs: glyphCoverage(new(pdf.Renderer))})
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

// overlayFS is a read-only union of two file systems: a file in top hides
// the file of the same name in base; directories list both.
type overlayFS struct{ top, base fs.FS }

func (o overlayFS) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil {
		if st, serr := f.Stat(); serr == nil && !st.IsDir() {
			return f, nil
		}
		f.Close()
	}
	return o.base.Open(name)
}

func (o overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	a, errA := fs.ReadDir(o.top, name)
	b, errB := fs.ReadDir(o.base, name)
	if errA != nil && errB != nil {
		return nil, errB
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, d := range slices.Concat(a, b) {
		if !seen[d.Name()] {
			seen[d.Name()] = true
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(x, y fs.DirEntry) int { return strings.Compare(x.Name(), y.Name()) })
	return out, nil
}

func (o overlayFS) ReadFile(name string) ([]byte, error) {
	if b, err := fs.ReadFile(o.top, name); err == nil {
		return b, nil
	} else if !errors.Is(err, fs.ErrNotExist) && !isDirErr(o.top, name) {
		return nil, err
	}
	return fs.ReadFile(o.base, path.Clean(name))
}

func isDirErr(fsys fs.FS, name string) bool {
	st, err := fs.Stat(fsys, name)
	return err == nil && st.IsDir()
}
