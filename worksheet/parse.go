package worksheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
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
//
// A file larger than [MaxFileSize] is refused without being read whole:
// its size is checked with [fs.Stat] first, and at most MaxFileSize+1
// bytes are ever read, in case the size was not known or has changed.
func (p *Parser) ParseFS(fsys fs.FS, name string) (*Worksheet, error) {
	if info, err := fs.Stat(fsys, name); err == nil && info.Mode().IsRegular() && info.Size() > MaxFileSize {
		return nil, ErrorList{tooLarge(name, info.Size())}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("worksheet: %w", err)
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("worksheet: %w", err)
	}
	if len(src) > MaxFileSize {
		return nil, ErrorList{tooLarge(name, -1)}
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
//
// Before any Markdown is parsed, Parse refuses a file larger than
// [MaxFileSize], a line longer than [MaxLineLength], and a line that opens
// more than [MaxNesting] lists or quotes or is indented further than that
// nesting needs, so that the time and memory one call takes stay small
// whatever the file holds.
func (p *Parser) Parse(name string, src []byte) (*Worksheet, error) {
	if len(src) > MaxFileSize {
		return nil, ErrorList{tooLarge(name, int64(len(src)))}
	}
	s := &state{path: name, src: src, lineStarts: lineStarts(src)}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		s.errAt(i, "the file contains a NUL byte; save it as plain UTF-8 text")
		return nil, s.errs
	}
	if !utf8.Valid(src) {
		s.errAt(firstInvalidUTF8(src), "the file is not valid UTF-8; save it as UTF-8 text")
		return nil, s.errs
	}
	if !s.checkLineLengths() {
		return nil, s.finish()
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
	if !s.checkNesting(bodyLine) {
		return nil, s.finish()
	}
	doc := p.md.Parser().Parse(text.NewReader(body))
	c := converter{state: s, source: body, offset: bodyOff, params: w.Meta.Params}
	w.Body = c.document(doc)
	if c.parts > 0 || w.Meta.Parts > 0 {
		if c.parts != w.Meta.Parts && c.parts <= maxParts && w.Meta.Parts <= maxParts {
			line, col := s.metaPos(root, "parts")
			s.errPos(line, col, fmt.Sprintf("front matter says parts: %d but the body has %d \"::: part\" lines; they must match", w.Meta.Parts, c.parts))
		}
	}
	if len(s.errs) > 0 {
		return nil, s.finish()
	}
	return w, nil
}

// finish sorts the errors found and notes how many were left out.
func (s *state) finish() ErrorList {
	s.errs.Sort()
	if s.dropped > 0 {
		s.errs = append(s.errs, &Error{Pkg: pkg, Path: s.path, Msg: fmt.Sprintf("too many errors: %d more not shown; fix these first", s.dropped)})
		s.dropped = 0
	}
	return s.errs
}

// pkg is the package name that starts every error message.
const pkg = "worksheet"

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

// Limits on a template file. Parse checks them before the Markdown is
// parsed, so that a mistaken or hostile file is refused in milliseconds
// with a clear error instead of costing seconds and gigabytes: the
// Markdown parser takes time that grows faster than the input on long
// lines and on deep nesting. Each limit is far above what a handout needs.
const (
	// MaxFileSize is the largest template file, in bytes: 256 KiB, some
	// forty times the largest shipped template.
	MaxFileSize = 256 << 10
	// MaxLineLength is the longest line, in bytes without its line ending:
	// 4 KiB, some twenty-five times the longest shipped line.
	MaxLineLength = 4 << 10
	// MaxNesting is how deep lists and block quotes may nest, counting
	// each list and each quote as one level. Deeper content would no longer
	// fit across a printed page.
	MaxNesting = 20
)

// tooLarge is the error for a file of size bytes, over MaxFileSize; a
// size below 0 means the file was not read to its end.
func tooLarge(name string, size int64) *Error {
	what := formatSize(size)
	if size < 0 {
		what = "over " + formatSize(MaxFileSize)
	}
	return &Error{Pkg: pkg, Path: name, Msg: fmt.Sprintf("the file is too large: %s; a template may be at most %s", what, formatSize(MaxFileSize))}
}

// formatSize gives n bytes for a person: "4097 bytes", "4 KB", "12.5 KB",
// "50.0 MB" (a KB is 1024 bytes). Fractions are rounded up, so that a size
// just over a limit never reads as the limit itself.
func formatSize(n int64) string {
	ceil := func(unit float64) float64 { return math.Ceil(float64(n)*10/unit) / 10 }
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", ceil(1<<20))
	case n%(1<<10) == 0 && n > 0:
		return fmt.Sprintf("%d KB", n>>10)
	case n >= 10<<10:
		return fmt.Sprintf("%.1f KB", ceil(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// checkLineLengths reports every line longer than MaxLineLength, at the
// first byte past the limit. It returns true when there is none.
func (s *state) checkLineLengths() bool {
	ok := true
	for n := 1; n <= len(s.lineStarts); n++ {
		if l := len(s.line(n)); l > MaxLineLength {
			s.errPos(n, MaxLineLength+1, fmt.Sprintf("the line is too long: %s; split it (a line may be at most %s)", formatSize(int64(l)), formatSize(MaxLineLength)))
			ok = false
		}
	}
	return ok
}

// checkNesting reports every body line, from the file line first on,
// that starts with more than MaxNesting list or quote markers, at the
// first marker past the limit, or that is indented more than maxIndent
// columns, at its first character. Nesting built up over several lines is
// checked on the parsed document; the indentation limit keeps the
// Markdown parser from going deeper than a few levels past MaxNesting
// first. It returns true when no line is refused.
func (s *state) checkNesting(first int) bool {
	ok := true
	for n := first; n <= len(s.lineStarts); n++ {
		line := s.line(n)
		if i := deepMarker(line); i >= 0 {
			s.errPos(n, i+1, msgTooDeep())
			ok = false
		} else if w, i := indentWidth(line); w > maxIndent && i < len(line) {
			s.errPos(n, i+1, fmt.Sprintf("the line is indented %d columns; lists and quotes may nest at most %d deep, which needs at most %d", w, MaxNesting, maxIndent))
			ok = false
		}
	}
	return ok
}

// maxIndent is the most columns a body line may be indented: five for each
// level of nesting, enough for a list item numbered "10." and one space,
// and four more for an indented code block.
const maxIndent = 5*MaxNesting + 4

// indentWidth returns the width in columns of the spaces and tabs at the
// start of line, a tab reaching the next multiple of four, and the offset
// of the first other byte.
func indentWidth(line []byte) (width, off int) {
	for off < len(line) {
		switch line[off] {
		case ' ':
			width++
		case '\t':
			width += 4 - width%4
		default:
			return width, off
		}
		off++
	}
	return width, off
}

// msgTooDeep is the error for lists and quotes nested past MaxNesting.
func msgTooDeep() string {
	return fmt.Sprintf("lists and quotes nest more than %d deep here; they may nest at most %d deep", MaxNesting, MaxNesting)
}

// deepMarker returns the offset of the list or quote marker at the start
// of line that opens nesting level MaxNesting+1, or -1 if line opens no
// more than MaxNesting. It counts "-", "*" and "+" bullets, "1." and "1)"
// numbers, and ">", each before a space, a tab or the end of the line. A
// thematic break such as "- - -" is not a run of bullets.
func deepMarker(line []byte) int {
	if isBreak(line) {
		return -1
	}
	depth := 0
	for i := 0; i < len(line); {
		if line[i] == ' ' || line[i] == '\t' {
			i++
			continue
		}
		end := i
		switch c := line[i]; {
		case c == '>':
			end = i + 1
		case c == '-' || c == '*' || c == '+':
			end = i + 1
			if end < len(line) && line[end] != ' ' && line[end] != '\t' {
				return -1
			}
		case '0' <= c && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && '0' <= line[j] && line[j] <= '9' {
				j++
			}
			if j == len(line) || line[j] != '.' && line[j] != ')' ||
				j+1 < len(line) && line[j+1] != ' ' && line[j+1] != '\t' {
				return -1
			}
			end = j + 1
		default:
			return -1
		}
		if depth++; depth > MaxNesting {
			return i
		}
		i = end
	}
	return -1
}

// isBreak reports whether line holds only one of '-', '*' or '_' (at
// least once) and spaces or tabs, as a thematic break does.
func isBreak(line []byte) bool {
	var mark byte
	for _, c := range line {
		switch {
		case c == ' ' || c == '\t':
		case mark == 0 && (c == '-' || c == '*' || c == '_'):
			mark = c
		case c != mark:
			return false
		}
	}
	return mark != 0
}

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
	s.errs = append(s.errs, (&Error{Pkg: pkg, Path: s.path, Line: line, Col: col, Msg: msg}).Quote(s.src))
}

// line returns the bytes of the 1-based line n without its line ending.
func (s *state) line(n int) []byte {
	start := s.lineStarts[n-1]
	end := len(s.src)
	if n < len(s.lineStarts) {
		end = s.lineStarts[n] - 1
	}
	return bytes.TrimRight(s.src[start:end], "\r")
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
	if !slices.Contains(Kinds(), m.Kind) {
		line, col := s.metaPos(root, "kind")
		if m.Kind == "" && !emptyKey(root, "kind") {
			// the value did not decode; yamlError has reported it
		} else if m.Kind == "" {
			s.errPos(line, col, "kind is required: one of "+kindList())
		} else {
			s.errPos(line, col, fmt.Sprintf("kind %q is not one of %s", m.Kind, kindList()))
		}
	}
	if m.Minutes < 0 {
		line, col := s.metaPos(root, "minutes")
		s.errPos(line, col, "minutes must be 0 or more")
	}
	if m.Parts < 0 || m.Parts > maxParts {
		line, col := s.metaPos(root, "parts")
		s.errPos(line, col, fmt.Sprintf("parts must be from 0 to %d", maxParts))
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
