package i18n

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
)

//go:embed locales/*.toml
var embedded embed.FS

// sourceLang is the source language: every UI string and template is written
// in English first, and English is what a missing string falls back to.
var sourceLang = language.English

// Locales gives the locale of a language. It is how every part of Between
// that serves many languages is handed its locales (the site builder, the
// handout renderer, lint); a call that renders one document in one
// language takes the [*Locale] itself. [*Catalog] implements it.
type Locales interface {
	Locale(tag language.Tag) (*Locale, error)
}

// Catalog holds the UI strings and locale facts of a set of languages. Make
// one with [Default], [Load] or [Catalog.Overlay]. A Catalog is safe for
// concurrent use; the only thing that changes after it is made is its
// record of fallbacks.
type Catalog struct {
	files    []*messageFile              // in load order; later files win
	facts    map[language.Tag]*factsFile // merged per tag
	messages map[language.Tag]map[string]*message
	tags     []language.Tag // tags with a locale data file, sorted
	bundle   *goi18n.Bundle
	parser   template.Parser
	english  *goi18n.Localizer
	matcher  language.Matcher // over the region-neutral tags
	neutral  []language.Tag

	mu        sync.Mutex
	locales   map[language.Tag]*Locale
	fallbacks map[fallbackKey]string
}

// message is one UI string of one language and where it came from.
type message struct {
	*goi18n.Message
	file *messageFile
}

// Fallback is one UI string that a Locale could not give in its language:
// Text returned the English instead.
type Fallback struct {
	Lang language.Tag // the locale asked
	ID   string       // the message ID
	// Reason is "missing", or what went wrong executing the translation.
	Reason string
}

type fallbackKey struct {
	lang language.Tag
	id   string
}

// FallbackError is returned by [Catalog.CheckFallbacks] when strings fell
// back to English.
type FallbackError struct {
	Fallbacks []Fallback
}

// Error lists the fallbacks, one "lang: id (reason)" each.
func (e *FallbackError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "i18n: %d UI string(s) fell back to English:", len(e.Fallbacks))
	for _, f := range e.Fallbacks {
		fmt.Fprintf(&b, "\n  %s: %s (%s)", f.Lang, f.ID, f.Reason)
	}
	return b.String()
}

// Default returns a new catalog of the locales embedded in Between: en and
// en-US, es, es-ES, es-MX and es-US. Each call returns a fresh catalog with
// its own record of fallbacks.
func Default() (*Catalog, error) {
	sub, err := fs.Sub(embedded, "locales")
	if err != nil {
		return nil, fmt.Errorf("i18n: %w", err)
	}
	c, err := load(sub, "i18n/locales", false)
	if err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return c, nil
}

// Load reads a translator's folder: message files active.<lang>.toml and
// translate.<lang>.toml (a translate file is read after the active file of
// its language, so finished translations in it are used) and locale data
// files <tag>.toml, all at the top of fsys. Other files are ignored.
//
// Every file is checked as it is read; a mistake is a [*FileError] naming
// the file and line. A folder usually holds only part of a language (one
// regional variant, a few corrected strings), so lay it over the defaults
// with [Catalog.Overlay] and [Catalog.Validate] the result.
func Load(fsys fs.FS) (*Catalog, error) {
	return load(fsys, "", true)
}

func load(fsys fs.FS, prefix string, translate bool) (*Catalog, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("i18n: %w", err)
	}
	parser := newParser()
	var active, later []*messageFile
	facts := map[language.Tag]*factsFile{}
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".toml") {
			continue
		}
		display := path.Join(prefix, name)
		if _, ok := messageTag(name); ok {
			if strings.HasPrefix(name, "translate.") && !translate {
				continue
			}
			f, err := parseMessageFile(fsys, name, display, parser)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if strings.HasPrefix(name, "translate.") {
				later = append(later, f)
			} else {
				active = append(active, f)
			}
			continue
		}
		tag, err := parseTag(strings.TrimSuffix(name, ".toml"))
		if err != nil {
			errs = append(errs, &FileError{Pkg: pkg, Path: display, Err: fmt.Errorf("file name: %w (locale data files are named <language tag>.toml)", err)})
			continue
		}
		f, err := parseFacts(fsys, name, display, tag)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if prev := facts[tag]; prev != nil {
			errs = append(errs, &FileError{Pkg: pkg, Path: display, Err: fmt.Errorf("locale %s is also defined by %s", tag, prev.path)})
			continue
		}
		facts[tag] = f
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return build(append(active, later...), facts, parser)
}

// Overlay returns a new catalog with top laid over c: top's UI strings
// replace c's message by message, and top's locale data files override c's
// key by key (crisis lines as a whole list). Neither c nor top changes.
func (c *Catalog) Overlay(top *Catalog) (*Catalog, error) {
	facts := map[language.Tag]*factsFile{}
	for t, f := range c.facts {
		facts[t] = f
	}
	for t, f := range top.facts {
		facts[t] = facts[t].over(f)
	}
	return build(append(slices.Clip(c.files), top.files...), facts, c.parser)
}

// build makes a catalog from message files in load order and facts.
func build(files []*messageFile, facts map[language.Tag]*factsFile, parser template.Parser) (*Catalog, error) {
	c := &Catalog{
		files:     files,
		facts:     facts,
		messages:  map[language.Tag]map[string]*message{},
		parser:    parser,
		bundle:    goi18n.NewBundle(sourceLang),
		locales:   map[language.Tag]*Locale{},
		fallbacks: map[fallbackKey]string{},
	}
	for _, f := range files {
		if err := c.bundle.AddMessages(f.tag, f.messages...); err != nil {
			return nil, &FileError{Pkg: pkg, Path: f.path, Err: err}
		}
		if c.messages[f.tag] == nil {
			c.messages[f.tag] = map[string]*message{}
		}
		for _, m := range f.messages {
			c.messages[f.tag][m.ID] = &message{Message: m, file: f}
		}
	}
	c.english = goi18n.NewLocalizer(c.bundle, sourceLang.String())
	for t := range facts {
		c.tags = append(c.tags, t)
		if _, _, r := t.Raw(); r == (language.Region{}) {
			c.neutral = append(c.neutral, t)
		}
	}
	slices.SortFunc(c.tags, compareTags)
	slices.SortFunc(c.neutral, compareTags)
	if len(c.neutral) > 0 {
		c.matcher = language.NewMatcher(c.neutral)
	}
	return c, nil
}

func compareTags(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) }

// Tags returns the language tags that have locale data, sorted.
func (c *Catalog) Tags() []language.Tag { return slices.Clone(c.tags) }

// Locale returns the locale for tag. A tag the catalog lacks is matched to
// the nearest one: first up its own chain of parents (es-419 and es-AR find
// es, pt-BR finds pt, en-GB finds en), then with a language.Matcher among
// the region-neutral locales. A regional locale is never chosen for another
// region, since its crisis lines would be wrong there. A tag with no match
// is an error naming it.
func (c *Catalog) Locale(tag language.Tag) (*Locale, error) {
	t, ok := c.match(tag)
	if !ok {
		return nil, fmt.Errorf("i18n: no locale for %q (have %s)", tag, joinTags(c.tags))
	}
	c.mu.Lock()
	l := c.locales[t]
	c.mu.Unlock()
	if l != nil {
		return l, nil
	}
	l, err := c.resolve(t)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev := c.locales[t]; prev != nil {
		return prev, nil
	}
	c.locales[t] = l
	return l, nil
}

func joinTags(tags []language.Tag) string {
	s := make([]string, len(tags))
	for i, t := range tags {
		s[i] = t.String()
	}
	return strings.Join(s, ", ")
}

// match finds the catalog tag for tag.
func (c *Catalog) match(tag language.Tag) (language.Tag, bool) {
	for _, t := range chain(strip(tag)) {
		if c.facts[t] != nil {
			return t, true
		}
	}
	if c.matcher == nil {
		return language.Und, false
	}
	_, i, conf := c.matcher.Match(tag)
	if conf < language.High {
		return language.Und, false
	}
	return c.neutral[i], true
}

// strip drops a tag's extensions (-u-…, -x-…).
func strip(t language.Tag) language.Tag {
	b, s, r := t.Raw()
	out, err := language.Compose(b, s, r, t.Variants())
	if err != nil {
		return t
	}
	return out
}

// chain returns t and its parents, most specific first, without the root.
func chain(t language.Tag) []language.Tag {
	var out []language.Tag
	for !t.IsRoot() {
		out = append(out, t)
		t = t.Parent()
	}
	return out
}

// resolve builds the Locale for a catalog tag from its chain of facts.
func (c *Catalog) resolve(t language.Tag) (*Locale, error) {
	ch := chain(t)
	var f *factsFile
	for i := len(ch) - 1; i >= 0; i-- {
		f = f.over(c.facts[ch[i]])
	}
	l, err := f.locale(t)
	if err != nil {
		return nil, err
	}
	lm := &localeMessages{cat: c, tag: t}
	for _, m := range ch {
		if c.messages[m] != nil {
			lm.chain = append(lm.chain, goi18n.NewLocalizer(c.bundle, m.String()))
		}
	}
	l.messages = lm
	return l, nil
}

// messageLangs returns the message languages of a catalog tag, most
// specific first.
func (c *Catalog) messageLangs(t language.Tag) []language.Tag {
	var out []language.Tag
	for _, m := range chain(t) {
		if c.messages[m] != nil {
			out = append(out, m)
		}
	}
	return out
}

// Validate resolves every locale and checks that every message file's
// language has locale data; it returns every problem found, joined.
func (c *Catalog) Validate() error {
	var errs []error
	for _, t := range c.tags {
		if _, err := c.Locale(t); err != nil {
			errs = append(errs, err)
		}
	}
	if c.messages[sourceLang] == nil {
		errs = append(errs, errors.New("i18n: no English message file (active.en.toml)"))
	}
	for _, f := range c.files {
		covered := false
		for _, t := range c.tags {
			if slices.Contains(chain(t), f.tag) {
				covered = true
				break
			}
		}
		if !covered {
			errs = append(errs, &FileError{Pkg: pkg, Path: f.path, Err: fmt.Errorf("no locale data file for %s: add %s.toml", f.tag, f.tag)})
		}
	}
	return errors.Join(errs...)
}

func (c *Catalog) record(f Fallback) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := fallbackKey{f.Lang, f.ID}
	if _, ok := c.fallbacks[k]; !ok {
		c.fallbacks[k] = f.Reason
	}
}

// Fallbacks returns every UI string that has fallen back to English since
// the catalog was made, sorted by language and ID. It is safe to call while
// other goroutines render.
func (c *Catalog) Fallbacks() []Fallback {
	c.mu.Lock()
	out := make([]Fallback, 0, len(c.fallbacks))
	for k, r := range c.fallbacks {
		out = append(out, Fallback{Lang: k.lang, ID: k.id, Reason: r})
	}
	c.mu.Unlock()
	slices.SortFunc(out, func(a, b Fallback) int {
		if n := compareTags(a.Lang, b.Lang); n != 0 {
			return n
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// CheckFallbacks returns a [*FallbackError] listing every fallback so far,
// or nil if there was none. A strict build calls it after rendering.
func (c *Catalog) CheckFallbacks() error {
	if fb := c.Fallbacks(); len(fb) > 0 {
		return &FallbackError{Fallbacks: fb}
	}
	return nil
}

// MessageIDs returns the IDs of the English UI strings, sorted.
func (c *Catalog) MessageIDs() []string {
	ids := make([]string, 0, len(c.messages[sourceLang]))
	for id := range c.messages[sourceLang] {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
