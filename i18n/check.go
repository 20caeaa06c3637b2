package i18n

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"text/template/parse"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/templates"
)

// CheckOptions configures [Catalog.Check]. The zero value checks UI
// strings only.
type CheckOptions struct {
	// Templates, when set, is the template library whose files are
	// checked for glyphs too: in each language, the file its readers are
	// shown.
	Templates *templates.Library
	// Glyphs, when set, returns the characters of text that the named PDF
	// font cannot draw. The PDF package provides it; package i18n does not
	// import it.
	Glyphs func(font, text string) []rune
}

// Problem is one thing [Catalog.Check] found.
type Problem struct {
	Lang language.Tag `json:"lang"`
	// ID is the message ID, or empty for a template.
	ID string `json:"id,omitempty"`
	// Path and Line locate the text at fault, when known.
	Path string `json:"path,omitempty"`
	Line int    `json:"line,omitempty"`
	Msg  string `json:"msg"`
}

// String returns "lang: path:line: id: msg".
func (p Problem) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: ", p.Lang)
	if p.Path != "" {
		b.WriteString(p.Path)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
		}
		b.WriteString(": ")
	}
	if p.ID != "" {
		fmt.Fprintf(&b, "%s: ", p.ID)
	}
	b.WriteString(p.Msg)
	return b.String()
}

// sampleCounts are plural counts that reach every CLDR form of the
// languages go-i18n knows.
var sampleCounts = []any{0, 1, 2, 3, 5, 11, 12, 21, 22, 25, 100, 101, 102, 111, 1000000, "1.5"}

// Check executes every UI string, in every language of the catalog, with
// sample data built from the fields the English text uses (and, for a
// message with plural forms, counts that reach every form), and, when
// opts.Glyphs is set, checks that the language's PDF font draws every
// character of its strings and templates. Missing strings are problems too.
// Check does not record fallbacks.
func (c *Catalog) Check(opts CheckOptions) []Problem {
	var out []Problem
	for _, t := range c.tags {
		l, err := c.Locale(t)
		if err != nil {
			out = append(out, Problem{Lang: t, Msg: err.Error()})
			continue
		}
		var texts strings.Builder
		for _, id := range c.MessageIDs() {
			out = append(out, c.checkMessage(t, id, &texts)...)
		}
		if opts.Glyphs == nil {
			continue
		}
		if missing := opts.Glyphs(l.Font, texts.String()+l.Name+strings.Join(l.Weekdays[:], " ")+strings.Join(l.WeekdaysShort[:], " ")); len(missing) > 0 {
			out = append(out, Problem{Lang: t, Msg: fmt.Sprintf("font %q cannot draw %s in the UI strings", l.Font, quoteRunes(missing))})
		}
		if opts.Templates == nil {
			continue
		}
		infos, err := templateStates(opts.Templates, t)
		if err != nil {
			out = append(out, Problem{Lang: t, Msg: err.Error()})
			continue
		}
		for _, ti := range infos {
			b, err := opts.Templates.Read(ti.Shown)
			if err != nil {
				out = append(out, Problem{Lang: t, Path: ti.Path, Msg: err.Error()})
				continue
			}
			if missing := opts.Glyphs(l.Font, string(b)); len(missing) > 0 {
				out = append(out, Problem{Lang: t, Path: ti.Path, Msg: fmt.Sprintf("font %q cannot draw %s", l.Font, quoteRunes(missing))})
			}
		}
	}
	return out
}

func quoteRunes(rs []rune) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = fmt.Sprintf("%q (U+%04X)", r, r)
	}
	return strings.Join(s, ", ")
}

// checkMessage executes one message for one locale tag with sample data.
func (c *Catalog) checkMessage(t language.Tag, id string, texts *strings.Builder) []Problem {
	src := c.messages[sourceLang][id]
	var m *message
	var lang language.Tag
	for _, ml := range c.messageLangs(t) {
		if m = c.messages[ml][id]; m != nil {
			lang = ml
			break
		}
	}
	if m == nil {
		return []Problem{{Lang: t, ID: id, Msg: "not translated: English is shown"}}
	}
	data := map[string]any{}
	plural := false
	for _, f := range pluralForms(src.Message) {
		for _, name := range fields(f.src) {
			data[name] = 3
		}
		plural = plural || (f.key != "other" && f.src != "")
	}
	counts := []any{nil}
	if _, ok := data["Count"]; ok || plural {
		counts = sampleCounts
	}
	loc := goi18n.NewLocalizer(c.bundle, lang.String())
	var out []Problem
	seen := map[string]bool{}
	for _, n := range counts {
		if n != nil {
			data["Count"] = n
		}
		s, err := loc.Localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: pluralCount(data), TemplateParser: c.parser})
		if err != nil {
			var nf *goi18n.MessageNotFoundErr
			if errors.As(err, &nf) {
				continue
			}
			msg := strings.TrimPrefix(err.Error(), "template: :")
			if !seen[msg] {
				seen[msg] = true
				out = append(out, Problem{Lang: t, ID: id, Path: m.file.path, Line: m.file.line(id, ""), Msg: msg})
			}
			continue
		}
		texts.WriteString(s)
		texts.WriteByte('\n')
	}
	return out
}

// fields returns the names of the top-level fields ({{.Name}}) a message
// template uses.
func fields(src string) []string {
	if !strings.Contains(src, "{{") {
		return nil
	}
	trees, err := parse.Parse("", src, "", "", nil)
	if err != nil {
		return nil
	}
	var out []string
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(c)
				}
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.FieldNode:
			if !slices.Contains(out, n.Ident[0]) {
				out = append(out, n.Ident[0])
			}
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		}
	}
	for _, tr := range trees {
		walk(tr.Root)
	}
	return out
}
