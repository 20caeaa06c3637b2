package worksheet

import "fmt"

// Variant is a print variant of a handout.
type Variant int

// The variants every handout renders to.
const (
	// Standard is ordinary print.
	Standard Variant = iota
	// LargePrint follows the large-print guidelines (APH, ACB, UKAAF): body
	// text at least 18 pt, headings 22/20 pt, sans-serif, left aligned and
	// ragged right, line spacing at least 1.5, no italics, single column.
	LargePrint
)

// Variants returns every variant, in the order the site builds them.
func Variants() []Variant { return []Variant{Standard, LargePrint} }

// String returns "standard" or "large-print".
func (v Variant) String() string {
	switch v {
	case Standard:
		return "standard"
	case LargePrint:
		return "large-print"
	}
	return fmt.Sprintf("Variant(%d)", int(v))
}

// MarshalText encodes the variant as its String form.
func (v Variant) MarshalText() ([]byte, error) {
	switch v {
	case Standard, LargePrint:
		return []byte(v.String()), nil
	}
	return nil, fmt.Errorf("worksheet: unknown variant %d", int(v))
}

// UnmarshalText decodes "standard" or "large-print".
func (v *Variant) UnmarshalText(b []byte) error {
	switch string(b) {
	case "standard":
		*v = Standard
	case "large-print":
		*v = LargePrint
	default:
		return fmt.Errorf("worksheet: unknown variant %q (want standard or large-print)", b)
	}
	return nil
}
