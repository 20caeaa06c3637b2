package yamlpos

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/betweensessions/between/diag"
)

// File says where a YAML text comes from and how to report its problems.
// The zero value reports problems in a record of client text at line 1
// of a file with no name.
type File struct {
	// Pkg starts every error message ("worksheet", "hwyaml").
	Pkg string
	// Path names the file in errors.
	Path string
	// Name is what the whole text is called in errors ("the front
	// matter"); "" means "the text".
	Name string
	// Line is the file line on which the YAML text's first line sits:
	// 2 for front matter after a "---" line; 0 means 1.
	Line int
	// NoClientText marks text that holds no client's words, such as a
	// template's front matter: its lines are quoted in errors, under a
	// caret, and any short identifier-like unknown key is named. Leave it
	// false for a homework record.
	NoClientText bool
	// Source, when not nil, is the whole file the YAML text was cut from,
	// for quoting its lines; nil means the YAML text is the whole file.
	Source []byte
}

// maxErrors is the most errors reported for one text.
const maxErrors = 100

// Doc is a parsed YAML text: its root node and where it came from. A Doc
// is not safe for concurrent use.
type Doc struct {
	f    File
	src  []byte
	root *yaml.Node // the top node; nil for an empty text
	errs diag.List
	// bad holds the values Decode refused, to keep them out of the result.
	bad map[*yaml.Node]bool
	// starts holds the offset of each line of src, once needed.
	starts []int
	// dropped counts errors past maxErrors.
	dropped int
}

// Parse reads src as one YAML document. A problem — bytes that are not
// text, a syntax error, a second document, an alias — is reported with
// its position, and the Doc is then empty, but never nil. A text with no
// content (nothing, or only comments) gives an empty Doc and no error.
func (f File) Parse(src []byte) (*Doc, diag.List) {
	d := &Doc{f: f, src: src}
	if f.Line < 1 {
		d.f.Line = 1
	}
	if off, ok := badByte(src); ok {
		line, col := offsetPos(src, off)
		msg := d.name("") + " holds a byte that is not UTF-8 text, or a control character; save it as plain UTF-8 text"
		if src[off] == '\r' {
			msg = "a line ends in a carriage return alone; save the file with LF or CRLF line endings"
		}
		d.errAt(line, col, msg)
		return d, d.finish()
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return d, nil
		}
		d.syntax(err)
		return d, d.finish()
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		d.errAt(d.secondDoc(doc.Line), 1, d.name("")+" holds more than one YAML document; remove the second \"---\" line and what follows it")
		return d, d.finish()
	case !errors.Is(err, io.EOF):
		d.syntax(err)
		return d, d.finish()
	}
	if len(doc.Content) == 0 {
		return d, nil
	}
	root := doc.Content[0]
	if d.aliases(root) {
		return d, d.finish()
	}
	d.root = root
	return d, nil
}

// secondDoc returns the line of the "---" that starts a second document
// after the one starting on line first.
func (d *Doc) secondDoc(first int) int {
	for k := first + 1; ; k++ {
		text, ok := d.line(k)
		if !ok {
			break
		}
		if rest, ok := bytes.CutPrefix(text, []byte("---")); ok && (len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t') {
			return k
		}
	}
	return first
}

// Empty reports whether the document has no content: nothing but
// comments, or it could not be parsed.
func (d *Doc) Empty() bool { return d.root == nil }

// Mapping reports whether the document is keys with values, as every
// document decoded into a struct must be.
func (d *Doc) Mapping() bool { return d.root != nil && d.root.Kind == yaml.MappingNode }

// aliases reports the first alias under n, if any; one is enough to
// refuse the text. YAML nests no deeper than yaml.v3's own limit, so the
// recursion is bounded.
func (d *Doc) aliases(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode {
		d.errNode(n, "an alias (*name) is not allowed; write the value out in full")
		return true
	}
	for _, c := range n.Content {
		if d.aliases(c) {
			return true
		}
	}
	return false
}

// badByte returns the offset of the first byte of src that is not valid
// UTF-8, is a control character YAML refuses (anything below a space but
// tab, line feed and carriage return, and DEL) or is a carriage return
// not followed by a line feed, which YAML counts as a line break and we
// would not, so that every line named would be wrong.
func badByte(src []byte) (int, bool) {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\t' && c != '\n' && c != '\r' || c == 0x7f ||
				c == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
				return i, true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i, true
		}
		i += size
	}
	return 0, false
}

// offsetPos converts a byte offset in text into a 1-based line and byte
// column.
func offsetPos(text []byte, off int) (line, col int) {
	before := text[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	return line, off - (bytes.LastIndexByte(before, '\n') + 1) + 1
}

// lineMsg matches the "line N: problem" form of yaml.v3's syntax errors.
var lineMsg = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// quoted matches a quoted part of a yaml.v3 message.
var quoted = regexp.MustCompile("'[^']*'|\"[^\"]*\"|`[^`]*`")

// parserProblems are the syntax errors yaml.v3's parser reports with a
// line counted from 0 (its scanner counts from 1). Both leave the line out
// when it is the first.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found undefined tag handle":             true,
	"found duplicate %YAML directive":        true,
	"found duplicate %TAG directive":         true,
	"found incompatible YAML document":       true,
}

// problem splits a yaml.v3 syntax error into its 1-based line and its
// problem text.
func problem(err error) (line int, msg string) {
	msg = strings.TrimPrefix(err.Error(), "yaml: ")
	line = 1
	if m := lineMsg.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if parserProblems[msg] {
			line++
		}
	}
	return line, msg
}

// syntax reports a yaml.v3 syntax error. yaml.v3 gives a line and no
// column, and for a problem inside a block it names the block's first
// line; so the place is narrowed to the first line at or after it, then
// the first column on that line, at which the text as written so far
// fails with the same problem. Each probe parses a prefix of the text, so
// this costs a few parses, and only on a text that does not parse.
func (d *Doc) syntax(err error) {
	line, msg := problem(err)
	fails := func(prefix []byte) bool {
		var n yaml.Node
		e := yaml.Unmarshal(prefix, &n)
		if e == nil {
			return false
		}
		_, m := problem(e)
		return m == msg
	}
	starts := lineStarts(d.src)
	end := func(k int) int { // the offset just past line k and its line ending
		if k < len(starts) {
			return starts[k]
		}
		return len(d.src)
	}
	col := 0
	line = min(max(line, 1), len(starts))
	if k := line + sortSearch(len(starts)-line+1, func(i int) bool { return fails(d.src[:end(line+i)]) }); k <= len(starts) && fails(d.src[:end(k)]) {
		line = k
		text := d.src[starts[k-1]:end(k)]
		// Byte offsets in the line at which a rune ends: probe whole runes only.
		var ends []int
		for i, r := range string(text) {
			ends = append(ends, i+utf8.RuneLen(r))
		}
		head := d.src[:starts[k-1]]
		if !fails(head) {
			if i := sortSearch(len(ends), func(i int) bool { return fails(append(slices.Clip(head), text[:ends[i]]...)) }); i < len(ends) {
				_, size := utf8.DecodeLastRune(text[:ends[i]])
				col = ends[i] - size + 1
			}
		}
	}
	switch {
	case strings.HasPrefix(msg, "unknown anchor"):
		// yaml.v3 names the alias; the text is refused for the alias alone.
		d.errAt(line, col, "an alias (*name) is not allowed; write the value out in full")
	case !parserProblems[msg] && strings.ContainsAny(msg, "'\"`"):
		// Any other quoted part of a message may be a person's text.
		d.errAt(line, col, d.name("")+" is not valid YAML: "+quoted.ReplaceAllString(msg, "…"))
	default:
		d.errAt(line, col, d.name("")+" is not valid YAML: "+msg)
	}
}

// sortSearch is sort.Search: the smallest i in [0, n) for which f is
// true, or n.
func sortSearch(n int, f func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if !f(m) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// lineStarts returns the byte offset at which each line of src begins.
func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// errAt records an error at a 1-based line and byte column of the YAML
// text (column 0: the whole line).
func (d *Doc) errAt(line, col int, msg string) {
	if len(d.errs) >= maxErrors {
		d.dropped++
		return
	}
	e := &diag.Error{Pkg: d.f.Pkg, Path: d.f.Path, Line: line + d.f.Line - 1, Col: col, Msg: msg}
	if d.f.NoClientText {
		if d.f.Source != nil {
			e.Quote(d.f.Source)
		} else {
			e.Quote(d.src)
		}
	}
	d.errs = append(d.errs, e)
}

// errNode records an error at a node.
func (d *Doc) errNode(n *yaml.Node, msg string) {
	line, col := d.nodePos(n)
	d.errAt(line, col, msg)
}

// nodePos returns the 1-based line and byte column of n in the YAML text.
// yaml.v3 counts columns in characters; the column is converted into
// bytes on n's line.
func (d *Doc) nodePos(n *yaml.Node) (line, col int) {
	line, col = n.Line, n.Column
	if line < 1 {
		return 1, 0
	}
	text, ok := d.line(line)
	if !ok {
		return line, col
	}
	off := 0
	for i := 1; i < col && off < len(text); i++ {
		_, size := utf8.DecodeRune(text[off:])
		off += size
	}
	return line, off + 1
}

// line returns the 1-based line n of the YAML text without its line
// ending.
func (d *Doc) line(n int) ([]byte, bool) {
	if d.starts == nil {
		d.starts = lineStarts(d.src)
	}
	if n < 1 || n > len(d.starts) {
		return nil, false
	}
	end := len(d.src)
	if n < len(d.starts) {
		end = d.starts[n]
	}
	return bytes.TrimRight(d.src[d.starts[n-1]:end], "\r\n"), true
}

// finish returns the errors found, in order, with a last one saying how
// many were left out.
func (d *Doc) finish() diag.List {
	d.errs.Sort()
	if d.dropped > 0 {
		d.errs = append(d.errs, &diag.Error{Pkg: d.f.Pkg, Path: d.f.Path, Msg: fmt.Sprintf("too many errors: %d more not shown; fix these first", d.dropped)})
		d.dropped = 0
	}
	errs := d.errs
	d.errs = nil
	return errs
}
