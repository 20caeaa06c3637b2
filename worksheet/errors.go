package worksheet

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Error is a problem in a template file, with the place it was found.
// Line and Col are 1-based; Col counts bytes. Either may be 0 when the
// problem has no narrower place (a missing key, a bad file name).
type Error struct {
	// Path is the file's slash-separated name, such as "sleep-routine/es.md".
	Path string
	// Line and Col locate the problem in the file.
	Line, Col int
	// Msg says what is wrong and what was expected. It is lowercase and
	// carries no package prefix.
	Msg string
	// Src is the offending source line without its line ending, for
	// showing a caret under Col. A line longer than 200 bytes is cut to
	// the 200 bytes around Col, with "…" where it was cut. Src is empty
	// when there is no such line.
	Src string
	// srcCol is the 1-based byte column in Src that stands for Col; 0
	// means Col itself (Src was not cut).
	srcCol int
}

// Error returns the message in the form
// "worksheet: sleep-routine/es.md:14:3: unknown directive \"line\"".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("worksheet: ")
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
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

// ErrorList is every problem found in one template file, in source order.
// Parse returns all of them at once so that a linter can show them all. An
// ErrorList returned as an error is never empty.
type ErrorList []*Error

// Error returns the first error's message, followed by how many more there
// are.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "worksheet: no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0].Error(), len(l)-1)
}

// Unwrap returns the errors of the list, so that [errors.As] finds an
// *Error in it.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// sort orders the list by line, then column, keeping the order in which
// errors on the same place were found.
func (l ErrorList) sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
}
