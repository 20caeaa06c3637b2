package lint

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
	"github.com/betweensessions/between/worksheet/readability"
)

// checker runs the checks of one Run.
type checker struct {
	opts   Options
	cat    i18n.Locales
	lib    *templates.Library
	parser *worksheet.Parser
}

// template lints every file of one template: its files in library order
// (English first), then each file left out as a duplicate of another;
// langs are the languages of the whole library, for the
// missing-translation check. The library tells each file's translation
// state.
func (c *checker) template(id string, langs []language.Tag) (Template, error) {
	t := Template{ID: id}
	var dups []templates.Duplicate
	for _, d := range c.lib.Duplicates() {
		if d.File.ID == id {
			dups = append(dups, d)
		}
	}
	files := c.lib.Files(id)
	for _, d := range dups {
		files = append(files, d.File)
	}
	for _, sf := range files {
		f, err := c.file(sf)
		if err != nil {
			return t, err
		}
		for _, d := range dups {
			if d.File.Name == sf.Name || d.Of.Name == sf.Name {
				f.Findings = append(f.Findings, Finding{Position: diag.Position{Path: f.Path}, Severity: Error, Code: Duplicate,
					Message: templates.DuplicateMessage(d)})
			}
		}
		sortFindings(f.Findings)
		t.Files = append(t.Files, f)
	}
	for _, l := range langs {
		if tr, _, _ := c.lib.Translation(id, l); tr.State != templates.Missing {
			continue
		}
		name := path.Join(c.opts.Root, id, l.String()+".md")
		f := File{Path: name, Lang: l, Absent: true, Translation: templates.Missing}
		if l == language.English {
			f.Translation = ""
			f.Findings = []Finding{{Position: diag.Position{Path: name}, Severity: Info, Code: NoSource,
				Message: "no English source file; the translations' staleness cannot be checked"}}
		} else {
			f.Findings = []Finding{{Position: diag.Position{Path: name}, Severity: Warning, Code: Missing,
				Message: fmt.Sprintf("no %s file; the %s pages show this handout in English", l, l)}}
		}
		t.Files = append(t.Files, f)
	}
	return t, nil
}

// file lints one template file.
func (c *checker) file(sf templates.File) (File, error) {
	name := path.Join(c.opts.Root, sf.Name)
	f := File{Path: name, Lang: sf.Lang, Findings: []Finding{}}
	src, err := c.lib.Read(sf)
	if err != nil {
		return f, fmt.Errorf("lint: %w", err)
	}
	add := func(line, col int, sev Severity, code Code, msg string) {
		f.Findings = append(f.Findings, Finding{Position: diag.Position{Path: name, Line: line, Col: col}, Severity: sev, Code: code, Message: msg})
	}
	if off, bad := badEncoding(src); bad {
		line, col := position(src, off)
		add(line, col, Error, Encoding, "the file is not valid UTF-8 text (or holds a NUL byte); save it as UTF-8")
		return f, nil
	}
	ws, err := c.parser.Parse(sf.Name, src)
	if err != nil {
		var list worksheet.ErrorList
		if !errors.As(err, &list) {
			return f, fmt.Errorf("lint: %w", err)
		}
		for _, e := range list {
			add(e.Line, e.Col, Error, Parse, e.Msg)
		}
		sortFindings(f.Findings)
		return f, nil
	}
	front := &lazyFront{src: src}

	if f.Lang != language.English && f.Lang != language.Und {
		tr, _, err := c.lib.Translation(sf.ID, sf.Lang)
		if err != nil {
			return f, fmt.Errorf("lint: %w", err) // the file parsed, so its front matter reads
		}
		f.Translation = tr.State
		line, col := front.pos("source_hash")
		switch tr.State {
		case templates.Stale:
			add(line, col, Warning, Stale, fmt.Sprintf("the English source changed since this translation was made (source_hash %s, English is now %s); update the translation, then its source_hash", tr.Got, tr.Hash))
		case templates.Untranslated:
			add(line, col, Warning, Untranslated, fmt.Sprintf("no source_hash: the site shows the English instead; when the translation is done, set source_hash: %s", tr.Hash))
		case templates.NoSource:
			add(line, col, Info, NoSource, "no English source file beside this translation; its staleness cannot be checked")
		}
	}

	loc, err := c.cat.Locale(f.Lang)
	if err != nil {
		add(0, 0, Warning, Locale, fmt.Sprintf("no locale for %s in the catalog; readability is measured with no target and the PDF uses the default font", f.Lang))
		loc = nil
	}
	loc, reason := c.override(ws, loc, front, add)
	rep := c.opts.Readability.Analyze(ws, loc)
	f.Report = &rep
	f.Reading = &Reading{
		Formula: rep.Formula, Value: rep.Score.Value, Scale: rep.Score.Scale, Band: rep.Score.Band,
		Target: rep.Target, Reason: reason, MeetsTarget: rep.MeetsTarget,
		Words: rep.Words, Sentences: rep.Sentences,
	}
	for _, rf := range rep.Findings {
		sev := Info
		if rf.Severity >= readability.Warning {
			sev = Warning
		}
		line, col := rf.Line, 0
		if rf.Field != "" {
			line, col = front.pos(rf.Field)
		}
		add(line, col, sev, Code(ReadabilityPrefix+string(rf.Code)), rf.Message)
	}

	if c.opts.PDF != nil {
		if err := c.opts.PDF.CheckGlyphs(ws, loc); err != nil {
			var ge *pdf.GlyphError
			if !errors.As(err, &ge) {
				add(0, 0, Error, Glyph, fmt.Sprintf("the PDF cannot be checked: %v", err))
			} else {
				for _, g := range glyphs(ge) {
					line, col := 0, 0
					if off := indexRune(src, g.r); off >= 0 {
						line, col = position(src, off)
					}
					add(line, col, Error, Glyph, fmt.Sprintf("font %q for %s cannot draw U+%04X %q (%s); the PDF would leave a hole, so the build refuses it", ge.Font, ge.Lang, g.r, g.r, g.faces))
				}
			}
		}
	}
	sortFindings(f.Findings)
	return f, nil
}

// override applies the template's own readability target, if its front
// matter sets one with a reason, to a copy of loc. It returns the locale
// to measure with and the reason ("" when the locale's target applies).
func (c *checker) override(ws *worksheet.Worksheet, loc *i18n.Locale, front *lazyFront, add func(int, int, Severity, Code, string)) (*i18n.Locale, string) {
	o := ws.Meta.Readability
	if o == nil {
		return loc, ""
	}
	line, col := front.pos("readability")
	bad := false // unknown keys under readability are parse errors
	if o.Target <= 0 {
		l, c := front.pos("readability.target", "readability")
		add(l, c, Error, Override, "readability needs a target above 0: a grade level or an ease score, on the scale of the language's formula")
		bad = true
	}
	if strings.TrimSpace(o.Reason) == "" {
		l, c := front.pos("readability.reason", "readability")
		add(l, c, Error, Override, "readability needs a reason: say why this handout cannot meet the language's target")
		bad = true
	}
	if bad {
		return loc, ""
	}
	if loc == nil || loc.Readability.Formula == "" {
		add(line, col, Warning, Override, "readability sets a target, but no readability formula applies to this language")
		return loc, ""
	}
	add(line, col, Info, Override, fmt.Sprintf("readability target %g set in front matter in place of %g (%s): %s", o.Target, loc.Readability.Target, loc.Readability.Formula, o.Reason))
	own := *loc
	own.Readability.Target = o.Target
	return &own, o.Reason
}

// missingGlyph is one character a font lacks, with the faces that lack it.
type missingGlyph struct {
	r     rune
	faces string
}

// glyphs groups a GlyphError's missing characters by rune.
func glyphs(ge *pdf.GlyphError) []missingGlyph {
	var out []missingGlyph
	for _, m := range ge.Missing {
		if n := len(out); n > 0 && out[n-1].r == m.Rune {
			out[n-1].faces += ", " + m.Face
			continue
		}
		out = append(out, missingGlyph{r: m.Rune, faces: m.Face})
	}
	return out
}

// badEncoding returns the offset of the first byte that is not valid
// UTF-8, or of the first NUL byte.
func badEncoding(src []byte) (int, bool) {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == 0 || r == utf8.RuneError && size <= 1 {
			return i, true
		}
		i += size
	}
	return 0, false
}

// indexRune returns the offset of the first r in src, or -1.
func indexRune(src []byte, r rune) int {
	for i, x := range string(src) {
		if x == r {
			return i
		}
	}
	return -1
}

// position converts a byte offset into a 1-based line and byte column.
func position(src []byte, off int) (line, col int) {
	line, start := 1, 0
	for i := 0; i < off && i < len(src); i++ {
		if src[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, off - start + 1
}

// sortFindings orders findings by line, then column, keeping the order
// of findings at the same place.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	})
}
