package worksheet

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// This file gives the model a JSON form for portals and mobile apps
// ("between render --format json"). Block and Inline are interfaces, so
// every node is written as an object whose first field, "type", names its
// concrete type: "heading", "paragraph", "list", "list_item", "table",
// "quote", "code_block", "rule", "lines", "scale", "tracker", "part",
// "crisis", "text", "emphasis", "code", "link", "blank", "slot", "break".

// MarshalJSON writes the worksheet as {"path", "lang", "meta", "body"}.
// The clinician notes in meta are included: a caller that hands the JSON to
// a client should clear Meta.Clinician first. It has a value receiver, so
// both Worksheet and *Worksheet marshal this way.
func (w Worksheet) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Path string  `json:"path"`
		Lang string  `json:"lang"`
		Meta Meta    `json:"meta"`
		Body []Block `json:"body"`
	}{w.Path, w.Lang.String(), w.Meta, w.Body})
}

// marshalTyped marshals v, an alias of a model type without methods, and puts
// "type": name first in the object.
func marshalTyped(name string, v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(len(b) + len(name) + 12)
	out.WriteString(`{"type":"`)
	out.WriteString(name)
	out.WriteByte('"')
	if len(b) > 2 {
		out.WriteByte(',')
	}
	out.Write(b[1:])
	return out.Bytes(), nil
}

// MarshalJSON writes the heading with "type": "heading".
func (b *Heading) MarshalJSON() ([]byte, error) {
	type plain Heading
	return marshalTyped("heading", (*plain)(b))
}

// MarshalJSON writes the paragraph with "type": "paragraph".
func (b *Paragraph) MarshalJSON() ([]byte, error) {
	type plain Paragraph
	return marshalTyped("paragraph", (*plain)(b))
}

// MarshalJSON writes the list with "type": "list".
func (b *List) MarshalJSON() ([]byte, error) {
	type plain List
	return marshalTyped("list", (*plain)(b))
}

// MarshalJSON writes the list item with "type": "list_item".
func (b *ListItem) MarshalJSON() ([]byte, error) {
	type plain ListItem
	return marshalTyped("list_item", (*plain)(b))
}

// MarshalJSON writes the table with "type": "table".
func (b *Table) MarshalJSON() ([]byte, error) {
	type plain Table
	return marshalTyped("table", (*plain)(b))
}

// MarshalJSON writes the quote with "type": "quote".
func (b *Quote) MarshalJSON() ([]byte, error) {
	type plain Quote
	return marshalTyped("quote", (*plain)(b))
}

// MarshalJSON writes the code block with "type": "code_block".
func (b *CodeBlock) MarshalJSON() ([]byte, error) {
	type plain CodeBlock
	return marshalTyped("code_block", (*plain)(b))
}

// MarshalJSON writes the rule with "type": "rule".
func (b *Rule) MarshalJSON() ([]byte, error) {
	type plain Rule
	return marshalTyped("rule", (*plain)(b))
}

// MarshalJSON writes the writing lines with "type": "lines".
func (b *Lines) MarshalJSON() ([]byte, error) {
	type plain Lines
	return marshalTyped("lines", (*plain)(b))
}

// MarshalJSON writes the scale with "type": "scale".
func (b *Scale) MarshalJSON() ([]byte, error) {
	type plain Scale
	return marshalTyped("scale", (*plain)(b))
}

// MarshalJSON writes the tracker with "type": "tracker".
func (b *Tracker) MarshalJSON() ([]byte, error) {
	type plain Tracker
	return marshalTyped("tracker", (*plain)(b))
}

// MarshalJSON writes the part with "type": "part".
func (b *Part) MarshalJSON() ([]byte, error) {
	type plain Part
	return marshalTyped("part", (*plain)(b))
}

// MarshalJSON writes the crisis box with "type": "crisis".
func (b *Crisis) MarshalJSON() ([]byte, error) {
	type plain Crisis
	return marshalTyped("crisis", (*plain)(b))
}

// MarshalJSON writes the text with "type": "text".
func (t *Text) MarshalJSON() ([]byte, error) {
	type plain Text
	return marshalTyped("text", (*plain)(t))
}

// MarshalJSON writes the emphasis with "type": "emphasis".
func (t *Emphasis) MarshalJSON() ([]byte, error) {
	type plain Emphasis
	return marshalTyped("emphasis", (*plain)(t))
}

// MarshalJSON writes the inline code with "type": "code".
func (t *Code) MarshalJSON() ([]byte, error) {
	type plain Code
	return marshalTyped("code", (*plain)(t))
}

// MarshalJSON writes the link with "type": "link".
func (t *Link) MarshalJSON() ([]byte, error) {
	type plain Link
	return marshalTyped("link", (*plain)(t))
}

// MarshalJSON writes the blank with "type": "blank".
func (t *Blank) MarshalJSON() ([]byte, error) {
	type plain Blank
	return marshalTyped("blank", (*plain)(t))
}

// MarshalJSON writes the slot with "type": "slot".
func (t *Slot) MarshalJSON() ([]byte, error) {
	type plain Slot
	return marshalTyped("slot", (*plain)(t))
}

// MarshalJSON writes the break with "type": "break".
func (t *Break) MarshalJSON() ([]byte, error) {
	type plain Break
	return marshalTyped("break", (*plain)(t))
}

var alignNames = [...]string{AlignNone: "none", AlignLeft: "left", AlignCenter: "center", AlignRight: "right"}

// String returns "none", "left", "center" or "right".
func (a Align) String() string {
	if a >= 0 && int(a) < len(alignNames) {
		return alignNames[a]
	}
	return fmt.Sprintf("Align(%d)", int(a))
}

// MarshalText encodes the alignment as its String form.
func (a Align) MarshalText() ([]byte, error) {
	if a < 0 || int(a) >= len(alignNames) {
		return nil, fmt.Errorf("worksheet: unknown alignment %d", int(a))
	}
	return []byte(alignNames[a]), nil
}

// UnmarshalText decodes "none", "left", "center" or "right".
func (a *Align) UnmarshalText(b []byte) error {
	for i, n := range alignNames {
		if string(b) == n {
			*a = Align(i)
			return nil
		}
	}
	return fmt.Errorf("worksheet: unknown alignment %q (want none, left, center or right)", b)
}
