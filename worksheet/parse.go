package worksheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/internal/frontmatter"
	"github.com/betweensessions/between/templates"
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
	fm := s.decodeMeta(front, &w.Meta)
	s.checkMeta(fm, &w.Meta)

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
			line, col := metaPos(fm, "parts")
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
	errs       ErrorList
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
	// forty times the largest shipped template. It is
	// templates.MaxFileSize, the limit the template library reads with.
	MaxFileSize = templates.MaxFileSize
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
	s.add((&Error{Pkg: pkg, Path: s.path, Line: line, Col: col, Msg: msg}).Quote(s.src))
}

// add records an error, unless there are maxErrors already.
func (s *state) add(e *Error) {
	if len(s.errs) >= maxErrors {
		s.dropped++
		return
	}
	s.errs = append(s.errs, e)
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
	if !strings.HasSuffix(base, ".md") {
		s.errPos(0, 0, fmt.Sprintf("file name %q must be a language tag followed by .md, such as en.md", base))
		return language.Und
	}
	tag, ok := templates.FileLang(base)
	if !ok {
		s.errPos(0, 0, fmt.Sprintf("file name %q must be a BCP 47 language tag followed by .md, such as en.md or pt-BR.md", base))
	}
	return tag
}

// suggest returns ` (did you mean "x"?)` for the candidate closest to
// word, or "" when none is close.
func suggest(word string, candidates []string) string {
	if best := diag.Suggest(word, candidates); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}
