package i18n

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/templates"
)

// pluralFormsOf returns the CLDR plural forms a language uses, in the order
// zero, one, two, few, many, other, found by asking go-i18n which form it
// picks for a spread of counts. It fails for a language without CLDR
// plural rules, which go-i18n cannot load.
func pluralFormsOf(tag language.Tag) ([]string, error) {
	b := goi18n.NewBundle(sourceLang)
	m := &goi18n.Message{ID: "x", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := b.AddMessages(tag, m); err != nil {
		return nil, fmt.Errorf("i18n: %s has no CLDR plural rules, so go-i18n cannot load it", tag)
	}
	loc := goi18n.NewLocalizer(b, tag.String())
	seen := map[string]bool{}
	counts := []any{"0.5", "1.5", "2.5", "0.0", "1.0", "1000000", "1e6", "2000000"}
	for n := range 220 {
		counts = append(counts, n)
	}
	for _, n := range counts {
		if s, err := loc.Localize(&goi18n.LocalizeConfig{MessageID: "x", PluralCount: n}); err == nil {
			seen[s] = true
		}
	}
	var out []string
	for _, f := range []string{"zero", "one", "two", "few", "many", "other"} {
		if seen[f] {
			out = append(out, f)
		}
	}
	return out, nil
}

// Scaffold returns the files a translator starts a new language from, by
// path relative to the folder they go in:
//
//   - translate.<tag>.toml: every English UI string, pre-filled with the
//     English and its hash, in the form goi18n merge reads and writes;
//   - <tag>.toml: the locale data file to fill in (for a regional variant
//     of a language the catalog has, only what a region changes);
//   - templates/<id>/<tag>.md: a copy of every English template in
//     lib (which may be nil), marked untranslated.
//
// tag must be a language with CLDR plural rules.
func (c *Catalog) Scaffold(tag language.Tag, lib *templates.Library) (map[string][]byte, error) {
	forms, err := pluralFormsOf(tag)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}

	var b bytes.Buffer
	fmt.Fprintf(&b, "# UI strings to translate into %s. Each message is filled in with the\n", tag)
	b.WriteString("# English: replace the text in quotes, keep every {{.Name}} exactly as it\n")
	b.WriteString("# is, and never change a hash. See docs/translating.md.\n")
	for _, id := range c.MessageIDs() {
		src := c.messages[sourceLang][id].Message
		fmt.Fprintf(&b, "\n[%s]\n", tomlKey(id))
		if src.Description != "" {
			fmt.Fprintf(&b, "description = %s\n", tomlString(src.Description))
		}
		fmt.Fprintf(&b, "hash = %s\n", tomlString(messageHash(src)))
		plural := src.Zero+src.One+src.Two+src.Few+src.Many != ""
		for _, f := range forms {
			if !plural && f != "other" {
				continue
			}
			text := src.Other
			for _, sf := range pluralForms(src) {
				if sf.key == f && sf.src != "" {
					text = sf.src
				}
			}
			fmt.Fprintf(&b, "%s = %s\n", f, tomlString(text))
		}
	}
	files["translate."+tag.String()+".toml"] = b.Bytes()
	files[tag.String()+".toml"] = c.factsScaffold(tag)

	if lib != nil {
		infos, err := templateStates(lib, sourceLang)
		if err != nil {
			return nil, err
		}
		for _, ti := range infos {
			src, err := lib.Read(ti.Source)
			if err != nil {
				return nil, err
			}
			out, err := markUntranslated(src, templates.SourceHash(src))
			if err != nil {
				return nil, &FileError{Pkg: pkg, Path: ti.SourcePath, Line: 1, Err: err}
			}
			files[path.Join("templates", ti.ID, tag.String()+".md")] = out
		}
	}
	return files, nil
}

// markUntranslated inserts, as the first line of the front matter, the
// source_hash line commented out: the translator removes the "# " when
// the file is translated.
func markUntranslated(src []byte, hash string) ([]byte, error) {
	i := bytes.IndexByte(src, '\n')
	if i < 0 || !bytes.HasPrefix(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), []byte("---")) {
		return nil, errors.New("template does not start with a --- front matter line")
	}
	var b bytes.Buffer
	b.Write(src[:i+1])
	fmt.Fprintf(&b, "# UNTRANSLATED. When this file is translated, delete the \"# \" at the start of the next line.\n")
	fmt.Fprintf(&b, "# source_hash: %s\n", hash)
	b.Write(src[i+1:])
	return b.Bytes(), nil
}

// factsScaffold writes the locale data file for a new tag.
func (c *Catalog) factsScaffold(tag language.Tag) []byte {
	var b bytes.Buffer
	parent := language.Und
	for _, t := range chain(tag)[1:] {
		if c.facts[t] != nil {
			parent = t
			break
		}
	}
	crisis := `
# Crisis lines printed on every handout: at least one. Copy the block for
# each line. Leave verified = "" and check_locally = true until someone has
# confirmed the line against its source; then write the date (YYYY-MM-DD)
# and set check_locally = false.
[[crisis]]
name = ""     # the service's name, as people know it
number = ""   # what to dial or text
how = ""      # one plain sentence: how to reach it, when it is open
region = ""   # where it works
source = ""   # the web page you checked it against
verified = ""
check_locally = true
`
	if parent != language.Und {
		fmt.Fprintf(&b, "# Locale facts for %s. Everything not set here comes from %s.toml.\n", tag, parent)
		b.WriteString("# Uncomment (delete the \"# \") and fill in only what differs there.\n\n")
		b.WriteString("# first_weekday = \"monday\"   # or \"sunday\", ...\n")
		b.WriteString("# paper = \"a4\"               # or \"letter\"\n")
		b.WriteString("# date_format = \"dd/mm/yyyy\" # or \"mm/dd/yyyy\"\n")
		b.WriteString("# clock = \"24h\"              # or \"12h\"\n")
		b.WriteString(crisis)
		return b.Bytes()
	}
	fmt.Fprintf(&b, "# Locale facts for %s. Fill in every empty \"\"; the comments say what\n", tag)
	b.WriteString("# each key means. See docs/translating.md.\n\n")
	b.WriteString("name = \"\"                # the language's name for itself, e.g. \"Español\"\n")
	b.WriteString("direction = \"ltr\"        # \"ltr\" (left to right) or \"rtl\"\n")
	b.WriteString("first_weekday = \"monday\" # first column of a week tracker\n")
	b.WriteString("paper = \"a4\"             # \"a4\" or \"letter\"\n")
	b.WriteString("font = \"andika\"          # PDF font: \"andika\" (Latin, Greek, Cyrillic) or \"dejavu\"\n")
	b.WriteString("date_format = \"dd/mm/yyyy\"\n")
	b.WriteString("clock = \"24h\"            # \"24h\" or \"12h\"\n")
	b.WriteString("am_pm = [\"\", \"\"]         # only for a 12h clock: the morning and afternoon markers\n")
	for _, w := range []string{"weekdays", "weekdays_short"} {
		fmt.Fprintf(&b, "\n[%s]\n", w)
		for _, d := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
			fmt.Fprintf(&b, "%s = \"\"\n", d)
		}
	}
	b.WriteString("\n# Readability formula for checking handouts: \"flesch-kincaid\" (English),\n")
	b.WriteString("# \"szigriszt-pazos\" or \"fernandez-huerta\" (Spanish), or \"\" for none.\n")
	b.WriteString("[readability]\nformula = \"\"\ntarget = 0\n")
	b.WriteString(crisis)
	return b.Bytes()
}

// tomlKey writes a TOML key, quoting it unless it is a bare key.
func tomlKey(k string) string {
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return tomlString(k)
		}
	}
	return k
}

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
