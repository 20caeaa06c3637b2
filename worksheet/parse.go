package worksheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/internal/frontmatter"
)

// Parser parses template files. Build one with [NewParser] and reuse it; it
// is safe for concurrent use by multiple goroutines. The zero value is not
// usable.
type Parser struct {
	md goldmark.Markdown
}

// NewParser returns a Parser. It sets up the Markdown parser once; every
// later Parse reuses it.
func NewParser() *Parser {
	return &Parser{md: newMarkdown()}
}

// ParseFS reads the template file name from fsys and parses it with
// [Parser.Parse]. name is slash-separated, such as "sleep-routine/es.md".
func (p *Parser) ParseFS(fsys fs.FS, name string) (*Worksheet, error) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("worksheet: %w", err)
	}
	return p.Parse(name, src)
}

// Parse parses one template file. name is its slash-separated path, such as
// "sleep-routine/es.md": the file name gives the language (a BCP 47 tag
// followed by ".md") and the folder name must equal the id in the front
// matter. A name without a folder skips that check.
//
// If the file has any problems, Parse returns a nil Worksheet and an
// [ErrorList] that holds every problem it found, in source order.
func (p *Parser) Parse(name string, src []byte) (*Worksheet, error) {
	s := &state{path: name, src: src, lineStarts: lineStarts(src)}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		s.errAt(i, "the file contains a NUL byte; save it as plain UTF-8 text")
		return nil, s.errs
	}
	if !utf8.Valid(src) {
		s.errAt(firstInvalidUTF8(src), "the file is not valid UTF-8; save it as UTF-8 text")
		return nil, s.errs
	}
	w := &Worksheet{Path: name, Lang: s.langFromName()}
	front, body, bodyLine, err := frontmatter.Split(src)
	if err != nil {
		msg := "the file must start with a --- line, then the front matter, then a --- line"
		if errors.Is(err, frontmatter.ErrUnclosed) {
			msg = "the front matter is not closed by a --- line"
		}
		s.errPos(1, 1, msg)
		return nil, s.errs
	}
	s.frontEnd = bodyLine - 1
	root := s.decodeMeta(front, &w.Meta)
	s.checkMeta(root, &w.Meta)

	bodyOff := len(src)
	if bodyLine-1 < len(s.lineStarts) {
		bodyOff = s.lineStarts[bodyLine-1]
	}
	doc := p.md.Parser().Parse(text.NewReader(body))
	c := converter{state: s, source: body, offset: bodyOff, params: w.Meta.Params}
	w.Body = c.document(doc)
	if c.parts > 0 || w.Meta.Parts > 0 {
		if c.parts != w.Meta.Parts {
			line, col := s.metaPos(root, "parts")
			s.errPos(line, col, fmt.Sprintf("front matter says parts: %d but the body has %d \"::: part\" lines; they must match", w.Meta.Parts, c.parts))
		}
	}
	if len(s.errs) > 0 {
		s.errs.sort()
		if s.dropped > 0 {
			s.errs = append(s.errs, &Error{Path: name, Msg: fmt.Sprintf("too many errors: %d more not shown; fix these first", s.dropped)})
		}
		return nil, s.errs
	}
	return w, nil
}

// state is what one Parse call knows about the file: its name, its bytes
// and the errors found so far.
type state struct {
	path       string
	src        []byte
	lineStarts []int
	// frontEnd is the line of the "---" that closes the front matter.
	frontEnd int
	errs     ErrorList
	// dropped counts errors past maxErrors.
	dropped int
}

// maxErrors is the most errors Parse reports for one file.
const maxErrors = 100

// lineStarts returns the byte offset at which each line of src begins.
func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// position converts a byte offset in the file into a 1-based line and
// column.
func (s *state) position(off int) (line, col int) {
	off = max(0, min(off, len(s.src)))
	i, found := slices.BinarySearch(s.lineStarts, off)
	if !found {
		i--
	}
	return i + 1, off - s.lineStarts[i] + 1
}

// errAt records an error at a byte offset in the file.
func (s *state) errAt(off int, msg string) {
	line, col := s.position(off)
	s.errPos(line, col, msg)
}

// errPos records an error at a line and column (either may be 0).
func (s *state) errPos(line, col int, msg string) {
	if len(s.errs) >= maxErrors {
		s.dropped++
		return
	}
	e := &Error{Path: s.path, Line: line, Col: col, Msg: msg}
	if line > 0 && line <= len(s.lineStarts) {
		start := s.lineStarts[line-1]
		end := len(s.src)
		if line < len(s.lineStarts) {
			end = s.lineStarts[line] - 1
		}
		e.Src = strings.TrimRight(string(s.src[start:end]), "\r")
		if !utf8.ValidString(e.Src) {
			e.Src = ""
		}
	}
	s.errs = append(s.errs, e)
}

// firstInvalidUTF8 returns the offset of the first byte of src that is not
// part of a valid UTF-8 sequence.
func firstInvalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(src)
}

// langFromName reads the language tag from the file name ("es.md").
func (s *state) langFromName() language.Tag {
	base := path.Base(s.path)
	stem, ok := strings.CutSuffix(base, ".md")
	if !ok {
		s.errPos(0, 0, fmt.Sprintf("file name %q must be a language tag followed by .md, such as en.md", base))
		return language.Und
	}
	tag, err := language.Parse(stem)
	if err != nil || tag == language.Und {
		s.errPos(0, 0, fmt.Sprintf("file name %q must be a BCP 47 language tag followed by .md, such as en.md or pt-BR.md", base))
		return language.Und
	}
	return tag
}

// yamlLine converts a 1-based line number within the front matter into a
// file line. YAML also counts a lone carriage return as a line break, so
// the result is kept inside the front matter.
func (s *state) yamlLine(n int) int {
	return max(frontLine, min(n+frontLine-1, s.frontEnd))
}

// frontLine is the file line on which the front matter's first line sits:
// line 1 is the opening "---".
const frontLine = 2

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlParserProblems are the YAML syntax errors whose line number the YAML
// parser reports counting from 0 (its scanner and decoder count from 1).
var yamlParserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found undefined tag handle":             true,
}

// decodeMeta decodes the front matter into meta, reporting unknown keys
// with their line and column and type errors with their line. It returns
// the top-level mapping node, or nil if there is none.
func (s *state) decodeMeta(front []byte, meta *Meta) *yaml.Node {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(front))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return nil
		}
		s.yamlError(err)
		return nil
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		s.errPos(s.yamlLine(root.Line), root.Column, "the front matter must be a list of keys such as \"id: sleep-routine\"")
		return nil
	}
	s.checkKeys(root, reflect.TypeFor[Meta](), "")
	if err := root.Decode(meta); err != nil {
		s.yamlError(err)
	}
	return root
}

// yamlError records a YAML syntax or type error, taking the line from the
// message. The "field not found" errors are left out: checkKeys reports
// those with a column and a suggestion.
func (s *state) yamlError(err error) {
	var msgs []string
	if te, ok := err.(*yaml.TypeError); ok {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	for _, m := range msgs {
		if strings.Contains(m, " not found in type ") {
			continue
		}
		if sm := yamlLine.FindStringSubmatch(m); sm != nil {
			n, _ := strconv.Atoi(sm[1])
			if yamlParserProblems[sm[2]] {
				n++ // the YAML parser counts these lines from 0
			}
			s.errPos(s.yamlLine(n), 0, "front matter: "+sm[2])
			continue
		}
		s.errPos(frontLine, 0, "front matter: "+strings.TrimPrefix(m, "yaml: "))
	}
}

// checkKeys reports every mapping key under n that the Go type t has no
// field for. within names the enclosing key for the message.
func (s *state) checkKeys(n *yaml.Node, t reflect.Type, within string) {
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return // Decode reports the type mismatch
		}
		fields := make(map[string]reflect.Type, t.NumField())
		names := make([]string, 0, t.NumField())
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "" || name == "-" {
				continue
			}
			fields[name] = f.Type
			names = append(names, name)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			ft, ok := fields[k.Value]
			if !ok {
				where := "front matter key"
				if within != "" {
					where = "key in " + within
				}
				s.errPos(s.yamlLine(k.Line), k.Column, fmt.Sprintf("unknown %s %q%s", where, k.Value, suggest(k.Value, names)))
				continue
			}
			s.checkKeys(v, ft, k.Value)
		}
	case reflect.Pointer:
		s.checkKeys(n, t.Elem(), within)
	case reflect.Slice:
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				s.checkKeys(c, t.Elem(), within)
			}
		}
	}
}

// metaPos returns the file position of the value of the top-level key
// name, or of the front matter's opening line if the key is absent.
func (s *state) metaPos(root *yaml.Node, name string) (line, col int) {
	if v := mapValue(root, name); v != nil {
		return s.yamlLine(v.Line), v.Column
	}
	return 1, 0
}

// emptyKey reports whether the top-level key name is absent or has an empty
// value.
func emptyKey(root *yaml.Node, name string) bool {
	v := mapValue(root, name)
	return v == nil || v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) == ""
}

// mapValue returns the value node of key in the mapping node m, or nil.
func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

var (
	idPattern    = regexp.MustCompile(`^[a-z0-9-]+$`)
	paramPattern = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)
)

// kinds lists the valid kinds, in the order error messages name them.
var kinds = []Kind{KindWorksheet, KindLog, KindPlan, KindHandout, KindReview}

// checkMeta validates the decoded front matter. root is the front
// matter's mapping node (nil when it could not be read), used for
// positions.
func (s *state) checkMeta(root *yaml.Node, m *Meta) {
	if root == nil && len(s.errs) > 0 {
		return // the front matter could not be read at all
	}
	line, col := s.metaPos(root, "id")
	switch {
	case m.ID == "" && !emptyKey(root, "id"):
		// the value did not decode; yamlError has reported it
	case m.ID == "":
		s.errPos(line, col, "id is required: a short name of lowercase letters, digits and hyphens, the same as the folder name")
	case !idPattern.MatchString(m.ID):
		s.errPos(line, col, fmt.Sprintf("id %q may hold only lowercase letters a-z, digits and hyphens", m.ID))
	default:
		if dir := path.Dir(s.path); dir != "." && dir != "/" && path.Base(dir) != m.ID {
			s.errPos(line, col, fmt.Sprintf("id %q does not match its folder name %q", m.ID, path.Base(dir)))
		}
	}
	if strings.TrimSpace(m.Title) == "" && emptyKey(root, "title") {
		line, col := s.metaPos(root, "title")
		s.errPos(line, col, "title is required")
	}
	if !slices.Contains(kinds, m.Kind) {
		line, col := s.metaPos(root, "kind")
		if m.Kind == "" && !emptyKey(root, "kind") {
			// the value did not decode; yamlError has reported it
		} else if m.Kind == "" {
			s.errPos(line, col, "kind is required: one of worksheet, log, plan, handout or review")
		} else {
			s.errPos(line, col, fmt.Sprintf("kind %q is not one of worksheet, log, plan, handout or review", m.Kind))
		}
	}
	if m.Minutes < 0 {
		line, col := s.metaPos(root, "minutes")
		s.errPos(line, col, "minutes must be 0 or more")
	}
	if m.Parts < 0 {
		line, col := s.metaPos(root, "parts")
		s.errPos(line, col, "parts must be 0 or more")
	}
	var params []*yaml.Node
	if v := mapValue(root, "params"); v != nil && v.Kind == yaml.SequenceNode {
		params = v.Content
	}
	seen := make(map[string]bool, len(m.Params))
	for i, p := range m.Params {
		line, col := 1, 0
		if i < len(params) {
			line, col = s.yamlLine(params[i].Line), params[i].Column
			if v := mapValue(params[i], "name"); v != nil {
				line, col = s.yamlLine(v.Line), v.Column
			}
		}
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

// suggest returns ` (did you mean "x"?)` for the candidate closest to
// word, or "" when none is close.
func suggest(word string, candidates []string) string {
	word = strings.ToLower(word)
	best, bestDist := "", 0
	for _, c := range candidates {
		d := editDistance(word, c)
		if d <= max(1, min(2, len(c)/2)) && (best == "" || d < bestDist) {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	if len(a) > 64 {
		return len(a) // no sensible suggestion for long garbage
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
