package homework

import (
	"fmt"
	"strings"
)

// names maps the values of one enum type to their text forms. Index 0 is the
// unset zero value and its text form is the empty string, so a zero enum
// survives a round trip and a missing field decodes to the zero value.
type names struct {
	typ  string   // the type's name in error messages, e.g. "channel"
	text []string // text[v] is the text form of value v
}

// format returns the text form of v, or an error when v is out of range.
func (n names) format(v int) ([]byte, error) {
	if v < 0 || v >= len(n.text) {
		return nil, fmt.Errorf("homework: invalid %s value %d", n.typ, v)
	}
	return []byte(n.text[v]), nil
}

// parse returns the value whose text form is b. The error lists the accepted
// forms; it does not repeat b, which may be something a person wrote.
func (n names) parse(b []byte) (int, error) {
	for i, s := range n.text {
		if s == string(b) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("homework: unknown %s (want one of %s)", n.typ, strings.Join(n.text[1:], ", "))
}

// str returns the text form of v, or TypeName(v) when v is out of range.
func (n names) str(goType string, v int) string {
	if v < 0 || v >= len(n.text) {
		return fmt.Sprintf("%s(%d)", goType, v)
	}
	return n.text[v]
}

// valid reports whether v is a defined, set value.
func (n names) valid(v int) bool { return v > 0 && v < len(n.text) }
