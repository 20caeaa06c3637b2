package diag

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Position is a place in a file a person wrote. Line and Col are 1-based;
// Col counts bytes. Either is 0 when the place is no narrower (a missing
// key, a bad file name, a whole-file problem).
type Position struct {
	// Path is the file's slash-separated name as the person knows it, such
	// as "sleep-routine/es.md".
	Path string `json:"path"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

// String returns "path:line:col", leaving out a line or column that is 0.
func (p Position) String() string {
	var b strings.Builder
	p.write(&b)
	return b.String()
}

func (p Position) write(b *strings.Builder) {
	b.WriteString(p.Path)
	if p.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(p.Line))
		if p.Col > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(p.Col))
		}
	}
}

// Error is a mistake in a file a person wrote, at a [Position]. The zero
// value is an error with no place and no message; build one with a
// composite literal.
type Error struct {
	// Pkg names the package that found the mistake, printed first
	// ("worksheet"); empty prints no prefix.
	Pkg string
	// Path, Line and Col locate the mistake; see [Position].
	Path      string
	Line, Col int
	// Msg says what is wrong and what was expected. It is lowercase and
	// carries no package prefix. When it is empty, Err's text stands in
	// for it.
	Msg string
	// Err is the underlying error, if any, for [errors.Is] and
	// [errors.As]; nil when Msg says all.
	Err error
	// Src is the offending source line without its line ending, for
	// showing a caret under Col. Set it with [Error.Quote], which cuts a
	// line longer than 200 bytes to the 200 bytes around Col, with "…"
	// where it was cut. Empty when there is no line to show.
	Src string
	// srcCol is the 1-based byte column in Src that stands for Col; 0
	// means Col itself (Src was not cut).
	srcCol int
}

// Pos returns the error's position.
func (e *Error) Pos() Position { return Position{Path: e.Path, Line: e.Line, Col: e.Col} }

// Error returns the message in the form
// "worksheet: sleep-routine/es.md:14:3: unknown directive \"line\"",
// leaving out a line or column that is 0.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Pkg != "" {
		b.WriteString(e.Pkg)
		b.WriteString(": ")
	}
	e.Pos().write(&b)
	b.WriteString(": ")
	b.WriteString(e.Message())
	return b.String()
}

// Message returns Msg, or Err's text when Msg is empty.
func (e *Error) Message() string {
	if e.Msg == "" && e.Err != nil {
		return e.Err.Error()
	}
	return e.Msg
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// Quote sets Src to line Line of src, the whole file the error is about,
// and returns e. It leaves Src empty when Line is outside src or the line
// is not valid UTF-8. A line longer than 200 bytes is cut to the 200
// bytes around Col, each cut marked with "…", so that an error on a long
// line costs little and still shows where it is.
//
// Call Quote only for a file whose lines may be shown: a template or a
// locale file, never a record of a client's homework.
func (e *Error) Quote(src []byte) *Error {
	e.Src, e.srcCol = "", 0
	if line, ok := lineOf(src, e.Line); ok {
		e.Src, e.srcCol = clip(line, e.Col)
	}
	return e
}

// Caret returns Src with a second line that puts a caret under Col, for
// showing the error to the person who wrote the file. It pads with one
// space per character before Col, keeping tabs as tabs. It returns "" when
// there is no source line to show.
func (e *Error) Caret() string {
	if e.Src == "" {
		return ""
	}
	col := e.Col
	if e.srcCol > 0 {
		col = e.srcCol
	}
	var pad strings.Builder
	for i, r := range e.Src {
		if i >= col-1 {
			break
		}
		if r == '\t' {
			pad.WriteByte('\t')
		} else {
			pad.WriteByte(' ')
		}
	}
	return e.Src + "\n" + pad.String() + "^"
}

// lineOf returns the 1-based line n of src without its line ending.
func lineOf(src []byte, n int) ([]byte, bool) {
	if n < 1 {
		return nil, false
	}
	for ; n > 1; n-- {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			return nil, false
		}
		src = src[i+1:]
	}
	if i := bytes.IndexByte(src, '\n'); i >= 0 {
		src = src[:i]
	}
	return bytes.TrimSuffix(src, []byte("\r")), true
}

// srcWindow is how many bytes of a long source line an Error keeps.
const srcWindow = 200

const ellipsis = "…"

// clip returns line as an Error's Src and the 1-based byte column in it
// that stands for col.
func clip(line []byte, col int) (src string, srcCol int) {
	if !utf8.Valid(line) {
		return "", 0
	}
	if len(line) <= srcWindow {
		return string(line), 0
	}
	at := max(0, min(col-1, len(line)))
	start := max(0, min(at-srcWindow/2, len(line)-srcWindow))
	end := start + srcWindow
	for start > 0 && !utf8.RuneStart(line[start]) {
		start--
	}
	for end < len(line) && !utf8.RuneStart(line[end]) {
		end--
	}
	var b strings.Builder
	b.Grow(end - start + 2*len(ellipsis))
	if start > 0 {
		b.WriteString(ellipsis)
	}
	srcCol = b.Len() + at - start + 1
	b.Write(line[start:end])
	if end < len(line) {
		b.WriteString(ellipsis)
	}
	return b.String(), srcCol
}

// List is every mistake found in one or more files. A List returned as an
// error is never empty; [List.Err] gives nil for an empty one.
type List []*Error

// Error returns the first error's message, followed by how many more there
// are.
func (l List) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return l[0].Error() + " (and " + strconv.Itoa(len(l)-1) + " more errors)"
}

// Unwrap returns the errors of the list, so that [errors.As] finds an
// *Error in it.
func (l List) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Err returns l as an error, or nil when l is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Sort orders the list by path, then line, then column, keeping the order
// of errors at the same place.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
}
