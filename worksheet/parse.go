package worksheet

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/internal/frontmatter"
	"github.com/betweensessions/between/internal/safefs"
	"github.com/betweensessions/between/templates"
)

// Parser parses template files. The zero value is ready to use, as
// go/doc/comment.Parser is: the Markdown parser inside is set up on the
// first Parse and reused by every later one, so make one Parser and share
// it. A Parser is safe for concurrent use by multiple goroutines; do not
// copy one after its first use.
type Parser struct {
	once sync.Once
	md   goldmark.Markdown
}

// NewParser returns a new Parser, the same as new(Parser).
func NewParser() *Parser { return new(Parser) }

// markdown returns the Markdown parser, setting it up on first use.
func (p *Parser) markdown() goldmark.Markdown {
	p.once.Do(func() { p.md = newMarkdown() })
	return p.md
}

// ParseFS reads the template file name from fsys and parses it with
// [Parser.Parse]. name is slash-separated, such as "sleep-routine/es.md".
//
// The file is read through internal/safefs, as templates.Library.Read
// reads it: anything but a regular file (a FIFO, a device) is refused
// without being opened for reading, and a file larger than [MaxFileSize]
// is refused without being read whole: its size is checked first, and at
// most MaxFileSize+1 bytes are ever read, in case the size was not known
// or has changed.
func (p *Parser) ParseFS(fsys fs.FS, name string) (*Worksheet, error) {
	src, err := safefs.ReadFS(fsys, name, MaxFileSize)
	if tl := (*safefs.TooLargeError)(nil); errors.As(err, &tl) {
		return nil, ErrorList{tooLarge(name, tl.Size)}
	}
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
	doc := p.markdown().Parser().Parse(text.NewReader(body))
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
