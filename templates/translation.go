package templates

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/internal/frontmatter"
	"github.com/betweensessions/between/internal/yamlpos"
)

// SourceHash returns the hash of an English template file, as a
// translation records it in its front matter key source_hash. A byte
// order mark and CRLF line endings do not change the hash.
func SourceHash(english []byte) string {
	english = bytes.TrimPrefix(english, []byte("\xef\xbb\xbf"))
	english = bytes.ReplaceAll(english, []byte("\r\n"), []byte("\n"))
	sum := sha256.Sum256(english)
	return "sha256-" + hex.EncodeToString(sum[:8])
}

// State is how far one template is translated into one language. Its
// text form is its string value.
type State string

// The states of a translation.
const (
	// Translated: the translation's source_hash matches the English file.
	// The English file itself is Translated.
	Translated State = "translated"
	// Stale: the English file changed since the translation was made; the
	// translation is still shown, and reported.
	Stale State = "stale"
	// Untranslated: a file exists but has no source_hash yet (a copy made
	// by "between i18n new"); the English is shown in its place.
	Untranslated State = "untranslated"
	// Missing: no file in the language; the English is shown.
	Missing State = "missing"
	// NoSource: a file exists in the language but the template has no
	// English file to compare it with; it is shown as it is.
	NoSource State = "no-source"
)

// States returns every state, from done to not begun.
func States() []State { return []State{Translated, Stale, NoSource, Untranslated, Missing} }

// Review is how a translation was made and who reviewed it, as its front
// matter records it under the key translation:
//
//	translation: {status: draft, method: "…", reviewer: "…", date: 2026-12-04}
//
// The zero Review means the file records nothing. Package templates reads
// it and reports it in [Translation.Review]; it does not judge it.
type Review struct {
	// Status is "draft" or "reviewed".
	Status string `yaml:"status" json:"status,omitempty"`
	// Method says how the translation was made.
	Method string `yaml:"method" json:"method,omitempty"`
	// Reviewer names who reviewed it, and Date when (YYYY-MM-DD).
	Reviewer string `yaml:"reviewer" json:"reviewer,omitempty"`
	Date     string `yaml:"date" json:"date,omitempty"`
}

// Translation is the state of one template in one requested language and
// the file a reader of that language is shown.
type Translation struct {
	ID string `json:"id"`
	// Lang is the language asked for.
	Lang  language.Tag `json:"-"`
	State State        `json:"state"`
	// Shown is the file a reader of Lang is shown: the translation when it
	// is Translated, Stale or NoSource, else the English file (or, for a
	// template with no English file, its first language).
	Shown File `json:"-"`
	// File is the file in Lang or a parent of Lang (es.md for es-MX),
	// when there is one; the zero File when the State is Missing.
	File File `json:"-"`
	// Source is the English file, the zero File when there is none.
	Source File `json:"-"`
	// Path is Shown.Name and SourcePath Source.Name.
	Path       string `json:"path"`
	SourcePath string `json:"source"`
	// Hash is the English file's SourceHash: the source_hash a finished
	// translation carries. It is set whenever there is an English file,
	// except when Lang is shown the English file itself. Got is the
	// source_hash the translation carries.
	Hash string `json:"hash"`
	Got  string `json:"got,omitempty"`
	// Review is the translation's review record, when it has one.
	Review Review `json:"review,omitzero"`
}

// InLang reports whether the reader is shown the template in the language
// asked for (or a parent of it): the translation is Translated, Stale or
// NoSource. Otherwise the page shows another language and says so.
func (t Translation) InLang() bool {
	return t.State == Translated || t.State == Stale || t.State == NoSource
}

// Translation returns the state of template id in lang and the file a
// reader of lang is shown. A regional language uses its own file if there
// is one, else its parent's (es-MX.md, then es.md).
//
// It reads the English file and the translation's front matter, once each
// per Library. ok is false when the library has no template id. An error
// is returned when a file cannot be read, and, as a *[diag.Error] with the
// line, when a translation's front matter cannot be read; the Translation
// then still names the file, as if it were Translated, so that a caller
// that goes on to parse it reports the fault in full.
func (l *Library) Translation(id string, lang language.Tag) (t Translation, ok bool, err error) {
	src, hasSource := l.files[id]["en"]
	t = Translation{ID: id, Lang: lang, State: Missing}
	if hasSource {
		t.Source, t.SourcePath = src, src.Name
	}
	t.File, ok = l.file(id, lang)
	if !ok {
		t.Shown, ok = l.fallback(id)
		t.Path = t.Shown.Name
		if ok && hasSource {
			t.Hash, err = l.hash(src)
		}
		return t, ok, err
	}
	t.Shown, t.Path = t.File, t.File.Name
	switch {
	case hasSource && t.File.key == src.key:
		t.State = Translated
	case !hasSource:
		t.State = NoSource
	default:
		if t.Hash, err = l.hash(src); err != nil {
			return t, true, err
		}
		h, err := l.head(t.File)
		if err != nil {
			t.State = Translated
			return t, true, err
		}
		t.Got, t.Review = h.sourceHash, h.review
		switch t.Got {
		case "":
			t.State, t.Shown, t.Path = Untranslated, src, src.Name
		case t.Hash:
			t.State = Translated
		default:
			t.State = Stale
		}
	}
	return t, true, nil
}

// fileHead is what Translation reads of one file: the hash of an English
// file, or the keys of a translation's front matter.
type fileHead struct {
	hash       string
	sourceHash string
	review     Review
	err        error
}

// hash returns the SourceHash of f, reading it once.
func (l *Library) hash(f File) (string, error) {
	h := l.cached(f, func(b []byte) (*fileHead, error) { return &fileHead{hash: SourceHash(b)}, nil })
	return h.hash, h.err
}

// head returns the translation keys of f's front matter, reading it once.
func (l *Library) head(f File) (*fileHead, error) {
	h := l.cached(f, func(b []byte) (*fileHead, error) { return readHead(f.Name, b) })
	return h, h.err
}

// cached reads f and keeps what read takes from it.
func (l *Library) cached(f File, read func([]byte) (*fileHead, error)) *fileHead {
	k := head{f.layer, f.Name}
	l.mu.Lock()
	h := l.heads[k]
	l.mu.Unlock()
	if h != nil {
		return h
	}
	b, err := l.Read(f)
	if err == nil {
		h, err = read(b)
	}
	if h == nil {
		h = &fileHead{}
	}
	h.err = err
	l.mu.Lock()
	l.heads[k] = h
	l.mu.Unlock()
	return h
}

// readHead reads the source_hash and translation keys from a
// translation's front matter; other keys are the worksheet parser's
// business.
func readHead(name string, src []byte) (*fileHead, error) {
	front, _, _, err := frontmatter.Split(src)
	if err != nil {
		return nil, &diag.Error{Pkg: pkg, Path: name, Line: 1, Err: err}
	}
	doc, errs := yamlpos.File{Pkg: pkg, Path: name, Line: 2, Name: "the front matter", NoClientText: true, Source: src}.Parse(front)
	if len(errs) > 0 {
		return nil, errs
	}
	return &fileHead{sourceHash: doc.Text("source_hash"), review: Review{
		Status:   doc.Text("translation.status"),
		Method:   doc.Text("translation.method"),
		Reviewer: doc.Text("translation.reviewer"),
		Date:     doc.Text("translation.date"),
	}}, nil
}
