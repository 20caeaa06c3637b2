package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/internal/safefs"
	"github.com/betweensessions/between/worksheet/handout"
	"github.com/betweensessions/between/worksheet/site"
)

// runRender implements "between render": one personalised handout, on
// demand, to a file or stdout, never into a site.
func runRender(ctx context.Context, e *env, args []string) error {
	fset := flag.NewFlagSet("render", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	lang := fset.String("lang", "en", "the `language` of the handout, such as es or es-MX")
	large := fset.Bool("large-print", false, "render the large-print variant")
	var format handout.Format
	formatSet := false
	fset.Func("format", "`html`, pdf or json (default: from the -o file's extension, else html)", func(s string) error {
		formatSet = true
		return format.UnmarshalText([]byte(s))
	})
	// --param values are a client's text: they are checked after parsing,
	// with errors that never quote them (the flag package would).
	var rawParams []string
	fset.Func("param", "a personalised value, `name=value`; repeat for each slot", func(s string) error {
		rawParams = append(rawParams, s)
		return nil
	})
	out := fset.String("o", "", "the `file` to write (default: stdout); never inside a built site")
	srcs := srcFlag(fset, "a `folder` of templates layered over the built-in library; repeat for more")
	locales := fset.String("locales", "", "a translator's `folder` laid over the built-in languages and handouts")
	assignment := fset.String("assignment", "", "an assignment `file` (homework YAML): render the handout it names, in its language, variant and params")
	packet := fset.String("packet", "", "render a packet: the handouts with these `ids` (id1,id2,…) as one PDF or HTML page, in that order")
	fset.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: between render <id> [--lang es] [--large-print] [--param name=value]... [--format html|pdf|json] [-o FILE]")
		fmt.Fprintln(e.stderr, "       between render --packet id1,id2,... [--lang es] [--large-print] [--param name=value]... [-o packet.pdf|packet.html]")
		fmt.Fprintln(e.stderr, "       between render --assignment assignment.yaml [--format html|pdf|json] [-o FILE]")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Renders one handout, personalised with --param values, as a standalone HTML page,")
		fmt.Fprintln(e.stderr, "a PDF, or JSON (the document model without the clinician notes). Run \"between list\"")
		fmt.Fprintln(e.stderr, "for the ids. With --packet, several handouts become one document to print in one")
		fmt.Fprintln(e.stderr, "go; each --param goes to the handouts that have it.")
		fmt.Fprintln(e.stderr)
		fset.PrintDefaults()
	}
	pos, err := parseArgs(fset, args)
	if err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return usageErrorf("%v", err)
	}
	var ids []string
	var ref *homework.WorksheetRef // the handout an --assignment names
	switch {
	case *assignment != "":
		var conflict []string
		fset.Visit(func(f *flag.Flag) {
			if f.Name == "lang" || f.Name == "large-print" || f.Name == "param" || f.Name == "packet" {
				conflict = append(conflict, "--"+f.Name)
			}
		})
		if len(pos) > 0 || len(conflict) > 0 {
			return usageErrorf("--assignment names the handout, its language, variant and params: give no id, --lang, --large-print, --param or --packet with it")
		}
		a, err := readAssignment(*assignment)
		if err != nil {
			return err
		}
		if a.Worksheet == nil {
			return fmt.Errorf("render: %s names no worksheet (worksheet.template)", *assignment)
		}
		ref = a.Worksheet
		ids = []string{ref.Template}
	case *packet != "":
		if len(pos) > 0 {
			return usageErrorf("render --packet takes its ids in the flag, not %q", pos[0])
		}
		for id := range strings.SplitSeq(*packet, ",") {
			if id = strings.TrimSpace(id); id != "" {
				ids = append(ids, id)
			}
		}
		if len(ids) == 0 {
			return usageErrorf("--packet needs handout ids, such as --packet sleep-routine,mood-journal")
		}
	case len(pos) == 0:
		return usageErrorf("render needs a handout id, such as sleep-routine (run \"between list\")")
	case len(pos) > 1:
		// The extra words are not echoed: most often they are the rest of
		// an unquoted --param value, a client's words.
		return usageErrorf("render takes one handout id, and got %d words; a --param value with spaces needs quotes: --param \"name=value with spaces\"", len(pos))
	default:
		ids = pos
	}
	params, err := parseParams(rawParams)
	if err != nil {
		return err
	}
	tag, err := parseUserTag(*lang)
	if err != nil {
		return usageErrorf("--lang: %v", err)
	}
	toFile := *out != "" && *out != "-"
	if toFile {
		if f, ok := handout.FormatOf(*out); ok {
			if formatSet && f != format {
				return usageErrorf("-o %s does not end in %s, the extension of --format %s", *out, format.Ext(), format)
			}
			format = f
		}
		if dir, err := siteAround(*out); err != nil {
			return err
		} else if dir != "" {
			return usageErrorf("-o %s is inside the site in %s: a personalised handout is never written into the site", *out, dir)
		}
		if err := safefs.CheckTarget(*out); err != nil {
			return usageErrorf("-o %s: %v; give the name of a new or a regular file", *out, errors.Unwrap(err))
		}
	} else if format == handout.PDF && isTerminal(e.stdout) {
		return usageErrorf("will not write a PDF to a terminal: give -o FILE or redirect stdout")
	}
	if *packet != "" && format == handout.JSON {
		return usageErrorf("a packet is a PDF or an HTML page, not JSON")
	}

	cat, sources, closer, err := i18nSources(*locales)
	if err != nil {
		return fmt.Errorf("render: --locales: %w", err)
	}
	defer closer.Close()
	var dirs folders
	defer dirs.Close()
	more, err := dirs.templates(*srcs)
	if err != nil {
		return fmt.Errorf("render: %w", err)
	}
	r, err := handout.New(handout.Options{Sources: append(sources, more...), Locales: cat})
	if err != nil {
		return err
	}
	reqs := make([]handout.Request, len(ids))
	for i, id := range ids {
		wr := homework.WorksheetRef{Template: id, Language: tag.String(), Params: params}
		if *large {
			wr.Variant = homework.VariantLargePrint
		}
		if ref != nil {
			wr = *ref
		}
		if reqs[i], err = handout.RequestFor(wr, format); err != nil {
			if ref != nil {
				return fmt.Errorf("render: %s: %w", *assignment, err)
			}
			return err
		}
	}
	var buf bytes.Buffer
	if *packet != "" {
		err = r.RenderPacket(ctx, &buf, format, reqs...)
	} else {
		err = r.Render(ctx, &buf, reqs[0])
	}
	if err != nil {
		if errors.Is(err, handout.ErrNotFound) {
			return fmt.Errorf("%w (run \"between list\" for the ids)", err)
		}
		return err
	}
	if !toFile {
		_, err := e.stdout.Write(buf.Bytes())
		return err
	}
	// A personalised handout holds a client's details: readable by its
	// owner only, even when it replaces a file that was not, never
	// half-written, never written through a link or into a device.
	if err := safefs.WriteFile(*out, buf.Bytes(), 0o600); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	fmt.Fprintf(e.stdout, "wrote %s (%s, %s, %s)\n", *out, strings.Join(ids, ", "), cmp.Or(reqs[0].Lang, language.English), format)
	return nil
}

// parseParams reads --param name=value flags. Errors name the param,
// never its value.
func parseParams(raw []string) (map[string]string, error) {
	params := make(map[string]string, len(raw))
	for i, s := range raw {
		name, value, ok := strings.Cut(s, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			return nil, usageErrorf("--param (the %s one): want name=value, such as wake_time=6:30", ordinal(i+1))
		}
		if _, dup := params[name]; dup {
			return nil, usageErrorf("--param %q is given twice", name)
		}
		params[name] = value
	}
	return params, nil
}

// ordinal returns "1st", "2nd", "3rd", "4th"….
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

// siteAround returns the folder of a site Between built (one holding its
// manifest) that file name would be written into, or "" if there is none.
// The folder name is in is looked at both as written and as it really is
// ([safefs.RealDir]: every symbolic link on the way resolved, ".." taken
// as the system takes it), so that a link to a folder in a site
// ("-o shortcut/jane.html", "-o shortcut/../jane.html") cannot lead into
// it.
func siteAround(name string) (string, error) {
	abs, err := filepath.Abs(name)
	if err != nil {
		return "", fmt.Errorf("render: -o: %w", err)
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return "", usageErrorf("-o %s is a folder; give a file name", name)
	}
	dirs := []string{filepath.Dir(abs)}
	if real, err := safefs.RealDir(name); err == nil {
		dirs = append(dirs, real)
	}
	for _, start := range dirs {
		for dir := start; ; dir = filepath.Dir(dir) {
			if _, err := os.Lstat(filepath.Join(dir, site.ManifestName)); err == nil {
				return dir, nil
			}
			if parent := filepath.Dir(dir); parent == dir {
				break
			}
		}
	}
	return "", nil
}
