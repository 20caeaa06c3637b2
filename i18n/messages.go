package i18n

import (
	"crypto/sha1"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
)

// messageFile is one parsed go-i18n message file, active.<lang>.toml or
// translate.<lang>.toml.
type messageFile struct {
	path     string // as shown in errors
	tag      language.Tag
	src      []byte
	messages []*goi18n.Message
}

// pluralForms lists a message's forms with their TOML keys.
func pluralForms(m *goi18n.Message) []struct{ key, src string } {
	return []struct{ key, src string }{
		{"zero", m.Zero}, {"one", m.One}, {"two", m.Two}, {"few", m.Few}, {"many", m.Many}, {"other", m.Other},
	}
}

// newParser returns the template parser used for every message: it
// allows text and field references only (see [messageParser]), and is
// strict about missing data, so a translation that names a field the
// English does not pass fails loudly instead of printing "<no value>".
func newParser() template.Parser {
	return messageParser{}
}

// messageTag returns the language of a message file from its name, or
// ok=false if the file is not a message file.
func messageTag(name string) (lang string, ok bool) {
	for _, p := range []string{"active.", "translate."} {
		if strings.HasPrefix(name, p) && strings.HasSuffix(name, ".toml") {
			return strings.TrimSuffix(strings.TrimPrefix(name, p), ".toml"), true
		}
	}
	return "", false
}

// parseMessageFile loads one message file with go-i18n, after checking its
// TOML with BurntSushi (for line numbers) and its templates with parser.
func parseMessageFile(fsys fs.FS, name, display string, parser template.Parser) (*messageFile, error) {
	lang, _ := messageTag(path.Base(name))
	tag, err := parseTag(lang)
	if err != nil {
		return nil, &FileError{Pkg: pkg, Path: display, Err: fmt.Errorf("file name: %w", err)}
	}
	src, err := readFile(fsys, name, display)
	if err != nil {
		return nil, err
	}
	var raw map[string]any
	if _, err := toml.Decode(string(src), &raw); err != nil {
		return nil, tomlError(display, err)
	}
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	mf, err := b.ParseMessageFileBytes(src, name)
	if err != nil {
		if strings.Contains(err.Error(), "no plural rule") {
			err = fmt.Errorf("%v (is %s a language with CLDR plural rules?)", err, tag)
		}
		return nil, &FileError{Pkg: pkg, Path: display, Err: err}
	}
	f := &messageFile{path: display, tag: tag, src: src}
	for _, m := range mf.Messages {
		if m.ID == "" {
			return nil, &FileError{Pkg: pkg, Path: display, Err: errors.New("a message has no ID")}
		}
		if m.Other == "" && tag == language.English {
			return nil, &FileError{Pkg: pkg, Path: display, Line: f.line(m.ID, ""), Err: fmt.Errorf("message %q has no \"other\" text", m.ID)}
		}
		if m.Zero+m.One+m.Two+m.Few+m.Many+m.Other == "" {
			continue // no text yet: as goi18n does, count it as untranslated
		}
		f.messages = append(f.messages, m)
		for _, form := range pluralForms(m) {
			if form.src == "" {
				continue
			}
			if _, err := parser.Parse(form.src, m.LeftDelim, m.RightDelim); err != nil {
				what := "broken template: "
				if errors.Is(err, errRefused) {
					what = ""
				}
				msg := strings.TrimPrefix(err.Error(), "template: message:")
				msg = strings.TrimPrefix(msg, "template: :")
				return nil, &FileError{Pkg: pkg, Path: display, Line: f.line(m.ID, form.key),
					Err: fmt.Errorf("message %q (%s): %s%s", m.ID, form.key, what, msg)}
			}
		}
	}
	return f, nil
}

// line finds the line of a message (and plural form) in the file.
func (f *messageFile) line(id, form string) int {
	cands := [][]string{strings.Split(id, "."), {id}}
	for _, c := range cands {
		if form != "" {
			if l := keyLine(f.src, append(append([]string(nil), c...), form), 1); l > 0 {
				return l
			}
		}
		if l := keyLine(f.src, c, 1); l > 0 {
			return l
		}
	}
	return 0
}

// messageHash is the hash goi18n gives a source message: the SHA-1 of its
// description followed by its "other" text.
func messageHash(m *goi18n.Message) string {
	h := sha1.New()
	_, _ = io.WriteString(h, m.Description)
	_, _ = io.WriteString(h, m.Other)
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}

// pluralCount returns the plural count in data, or nil.
func pluralCount(data map[string]any) any {
	if v, ok := data["Count"]; ok {
		return v
	}
	return nil
}

// localeMessages is a Locale's view of the catalog's UI strings.
type localeMessages struct {
	cat   *Catalog
	tag   language.Tag
	chain []*goi18n.Localizer // the locale's message languages, most specific first
}

func (lm *localeMessages) text(id string, data map[string]any) string {
	c := lm.cat
	lc := &goi18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: pluralCount(data), TemplateParser: c.parser}
	reason := "missing"
	for _, l := range lm.chain {
		msg, err := l.Localize(lc)
		if err == nil {
			return msg
		}
		var nf *goi18n.MessageNotFoundErr
		if !errors.As(err, &nf) {
			reason = "error: " + err.Error()
			break
		}
	}
	msg, err := c.english.Localize(lc)
	if err != nil {
		reason = "no English text: " + err.Error()
		if msg == "" {
			msg = id
		}
	}
	c.record(Fallback{Lang: lm.tag, ID: id, Reason: reason})
	return msg
}
