package i18n

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/betweensessions/between/internal/frontmatter"
	"github.com/betweensessions/between/internal/yamlpos"
	"golang.org/x/text/language"
)

// SourceFile is the name of a template's English source file inside its
// folder: templates/<id>/en.md.
const SourceFile = "en.md"

// SourceHash returns the hash of an English template file, as a
// translation records it in its front matter key source_hash. A byte
// order mark and CRLF line endings do not change the hash.
func SourceHash(english []byte) string {
	english = bytes.TrimPrefix(english, []byte("\xef\xbb\xbf"))
	english = bytes.ReplaceAll(english, []byte("\r\n"), []byte("\n"))
	sum := sha256.Sum256(english)
	return "sha256-" + hex.EncodeToString(sum[:8])
}

// TemplateState is how far one template is translated into one language.
type TemplateState string

// Template states.
const (
	// Translated: the translation's source_hash matches the English file.
	Translated TemplateState = "translated"
	// Stale: the English file changed since the translation was made; the
	// translation is still shown, and reported.
	Stale TemplateState = "stale"
	// Untranslated: a file exists but has no source_hash yet (a copy made
	// by "between i18n new"); the English is shown.
	Untranslated TemplateState = "untranslated"
	// Missing: no file in the language; the English is shown.
	Missing TemplateState = "missing"
)

// TemplateInfo is the state of one template in one language.
type TemplateInfo struct {
	ID    string        `json:"id"`
	State TemplateState `json:"state"`
	// Path is the file to render for the language: the translation when it
	// is Translated or Stale, else the English source.
	Path string `json:"path"`
	// Source is the English file's path and Hash its SourceHash; Got is the
	// source_hash the translation carries, if any.
	Source string `json:"source"`
	Hash   string `json:"hash"`
	Got    string `json:"got,omitempty"`
}

// ShowsEnglish reports whether the English source is shown in place of a
// translation, so the page needs the "not yet translated" note.
func (t TemplateInfo) ShowsEnglish() bool { return t.State == Missing || t.State == Untranslated }

// TemplateStatus reports every template of fsys, laid out as
// <id>/<lang>.md with the English source in <id>/en.md, for lang. A
// regional language uses its own file if there is one and else its
// parent's (es-MX.md, then es.md). English itself is always Translated.
// The result is sorted by ID. A translation whose front matter cannot be
// read is an error naming its file and line.
func TemplateStatus(fsys fs.FS, lang language.Tag) ([]TemplateInfo, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("i18n: %w", err)
	}
	var out []TemplateInfo
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		id := e.Name()
		src := path.Join(id, SourceFile)
		english, err := fs.ReadFile(fsys, src)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("i18n: %w", err)
		}
		info := TemplateInfo{ID: id, State: Missing, Path: src, Source: src, Hash: SourceHash(english)}
		if base, _ := lang.Base(); base.String() == "en" {
			info.State = Translated
			out = append(out, info)
			continue
		}
		for _, t := range chain(lang) {
			p := path.Join(id, t.String()+".md")
			b, err := fs.ReadFile(fsys, p)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("i18n: %w", err)
			}
			got, err := readSourceHash(p, b)
			if err != nil {
				return nil, err
			}
			info.Got = got
			switch got {
			case "":
				info.State = Untranslated
			case info.Hash:
				info.State, info.Path = Translated, p
			default:
				info.State, info.Path = Stale, p
			}
			break
		}
		out = append(out, info)
	}
	slices.SortFunc(out, func(a, b TemplateInfo) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

// readSourceHash reads the source_hash key from a translation's front
// matter. Other keys are the template parser's to check.
func readSourceHash(name string, src []byte) (string, error) {
	front, _, _, err := frontmatter.Split(src)
	if err != nil {
		return "", &FileError{Pkg: pkg, Path: name, Line: 1, Err: err}
	}
	doc, errs := yamlpos.File{Pkg: pkg, Path: name, Line: 2, Name: "the front matter", NoClientText: true, Source: src}.Parse(front)
	if len(errs) > 0 {
		return "", errs
	}
	return doc.Text("source_hash"), nil
}
