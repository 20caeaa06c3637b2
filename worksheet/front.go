package worksheet

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/betweensessions/between/internal/yamlpos"
)

// The front matter: decoded strictly by package yamlpos, which reports
// syntax errors, unknown and duplicate keys, values of the wrong type and
// aliases with their line and column in the template file, then checked
// here for what the handout needs.

// frontLine is the file line on which the front matter's first line sits:
// line 1 is the opening "---".
const frontLine = 2

// MaxIDLength is the longest id, in bytes. An id names a folder and the
// files built from it, so a longer one is refused at its line rather than
// failing later on a file name the system cannot make.
const MaxIDLength = 64

// maxMinutes is the longest sitting front matter may give, in minutes: a
// day. Homework meant for one sitting takes minutes, not hours.
const maxMinutes = 24 * 60

// decodeMeta decodes the front matter into meta, recording every problem.
// It returns the parsed front matter, for the positions of its keys; it
// is empty when the front matter could not be read.
func (s *state) decodeMeta(front []byte, meta *Meta) *yamlpos.Doc {
	f := yamlpos.File{Pkg: pkg, Path: s.path, Line: frontLine, Name: "the front matter", NoClientText: true, Source: s.src}
	doc, errs := f.Parse(front)
	if len(errs) == 0 {
		errs = doc.Decode(meta)
	}
	for _, e := range errs {
		s.add(e)
	}
	return doc
}

// metaPos returns the file position of the value of the top-level key
// name, or line 1 (the opening "---") with no column if the key is absent.
func metaPos(doc *yamlpos.Doc, name string) (line, col int) {
	if p, ok := doc.Value(name); ok {
		return p.Line, p.Col
	}
	return 1, 0
}

var (
	idPattern    = regexp.MustCompile(`^[a-z0-9-]+$`)
	paramPattern = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)
)

// kindList names every kind for an error message: "worksheet, log, plan,
// handout or review".
func kindList() string {
	ks := Kinds()
	names := make([]string, len(ks))
	for i, k := range ks {
		names[i] = string(k)
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// checkMeta validates the decoded front matter. doc is the parsed front
// matter, for positions. A value that is absent, null ("~", "null") or
// blank is missing.
func (s *state) checkMeta(doc *yamlpos.Doc, m *Meta) {
	if !doc.Mapping() && len(s.errs) > 0 {
		return // the front matter could not be read at all
	}
	line, col := metaPos(doc, "id")
	switch {
	case doc.Missing("id"):
		s.errPos(line, col, "id is required: a short name of lowercase letters, digits and hyphens, the same as the folder name")
	case m.ID == "":
		// the value did not decode, and decodeMeta has reported it
	case len(m.ID) > MaxIDLength:
		s.errPos(line, col, fmt.Sprintf("id is %d characters long; an id may be at most %d", len(m.ID), MaxIDLength))
	case !idPattern.MatchString(m.ID):
		s.errPos(line, col, fmt.Sprintf("id %q may hold only lowercase letters a-z, digits and hyphens", m.ID))
	default:
		if dir := path.Dir(s.path); dir != "." && dir != "/" && path.Base(dir) != m.ID {
			s.errPos(line, col, fmt.Sprintf("id %q does not match its folder name %q", m.ID, path.Base(dir)))
		}
	}
	if doc.Missing("title") {
		line, col := metaPos(doc, "title")
		s.errPos(line, col, "title is required")
	}
	line, col = metaPos(doc, "kind")
	switch {
	case doc.Missing("kind"):
		s.errPos(line, col, "kind is required: one of "+kindList())
	case m.Kind == "":
		// the value did not decode, and decodeMeta has reported it
	case !slices.Contains(Kinds(), m.Kind):
		s.errPos(line, col, fmt.Sprintf("kind %q is not one of %s", m.Kind, kindList()))
	}
	if m.Minutes < 0 || m.Minutes > maxMinutes {
		line, col := metaPos(doc, "minutes")
		s.errPos(line, col, fmt.Sprintf("minutes must be from 0 to %d (a day)", maxMinutes))
	}
	if m.Parts < 0 || m.Parts > maxParts {
		line, col := metaPos(doc, "parts")
		s.errPos(line, col, fmt.Sprintf("parts must be from 0 to %d", maxParts))
	}
	seen := make(map[string]bool, len(m.Params))
	for i, p := range m.Params {
		at := fmt.Sprintf("params[%d]", i)
		if _, ok := doc.Value(at + ".name"); ok {
			at += ".name"
		}
		line, col := metaPos(doc, at)
		switch {
		case !paramPattern.MatchString(p.Name):
			s.errPos(line, col, fmt.Sprintf("param name %q must start with a lowercase letter or _ and hold only a-z, 0-9 and _", p.Name))
		case seen[p.Name]:
			s.errPos(line, col, fmt.Sprintf("param %q is declared twice", p.Name))
		case strings.TrimSpace(p.Label) == "":
			s.errPos(line, col, fmt.Sprintf("param %q needs a label", p.Name))
		}
		seen[p.Name] = true
	}
}
