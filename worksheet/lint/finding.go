package lint

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/betweensessions/between/diag"
)

// Severity is how much a finding matters. The order is Info < Warning <
// Error, so severities compare with < and >=.
type Severity int

// The severities.
const (
	// Info is worth a look and never fails a run: a long word, a passive
	// sentence, a readability target set in front matter.
	Info Severity = iota
	// Warning should be fixed before the handout ships: a reading level
	// above target, a stale translation. It fails a Strict run.
	Warning
	// Error means the handout cannot be built as written: a parse error, a
	// character its PDF font cannot draw. It always fails a run.
	Error
)

var severityNames = [...]string{Info: "info", Warning: "warning", Error: "error"}

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	if s >= 0 && int(s) < len(severityNames) {
		return severityNames[s]
	}
	return "Severity(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText encodes the severity as its String form.
func (s Severity) MarshalText() ([]byte, error) {
	if s < 0 || int(s) >= len(severityNames) {
		return nil, fmt.Errorf("lint: unknown severity %d", int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes "info", "warning" or "error".
func (s *Severity) UnmarshalText(b []byte) error {
	for i, n := range severityNames {
		if string(b) == n {
			*s = Severity(i)
			return nil
		}
	}
	return fmt.Errorf("lint: unknown severity %q (want info, warning or error)", b)
}

// Code names the check that made a finding. Codes are stable: tools may
// match on them. Readability findings use "readability/" followed by the
// analyser's own code, such as "readability/long-sentence".
type Code string

// The codes of the checks lint runs itself.
const (
	// Parse: the parser rejected the file: front matter, directives,
	// params, links, raw HTML, file name. Every problem of the file is
	// reported, each with its line and column.
	Parse Code = "parse"
	// Encoding: the file is not valid UTF-8, or holds a NUL byte.
	Encoding Code = "encoding"
	// Glyph: the PDF font of the file's language cannot draw a character.
	Glyph Code = "glyph"
	// Locale: no locale in the catalog fits the file's language, so the
	// readability target and PDF font are guesses.
	Locale Code = "locale"
	// Override: the front matter readability key, which sets the
	// template's own target: an info when it is well formed, an error when
	// its reason or target is missing.
	Override Code = "readability-override"
	// Stale: the English source changed since the translation was made.
	Stale Code = "translation/stale"
	// Untranslated: a translation file has no source_hash yet.
	Untranslated Code = "translation/untranslated"
	// Missing: a language of the library has no file for the template, so
	// its pages show the English.
	Missing Code = "translation/missing"
	// NoSource: a translation has no English file beside it, so its
	// staleness cannot be checked.
	NoSource Code = "translation/no-source"
	// Duplicate: two files of one template folder name the same language
	// (en.md and EN.md, or en.md and its alias eng.md). Both are linted,
	// and both carry the finding, which names the other.
	Duplicate Code = "duplicate"
)

// ReadabilityPrefix begins the code of every finding the readability
// analyser made.
const ReadabilityPrefix = "readability/"

// Finding is one problem or remark about one template file.
type Finding struct {
	// Position is where the finding is, as every positioned error of the
	// project gives it: the file, slash-separated, with Options.Root in
	// front, and a 1-based line and column (Col counts bytes). Line or Col
	// is 0 when the finding has no narrower place (a whole-handout
	// readability score, a missing file).
	diag.Position
	Severity Severity `json:"severity"`
	Code     Code     `json:"code"`
	// Message says what is wrong; it is lowercase and names no package.
	Message string `json:"message"`
}

// String formats the finding like a compiler diagnostic:
// "sleep-routine/es.md:12:3: warning: message [code]". Line and column are
// left out when they are 0.
func (f Finding) String() string {
	var b strings.Builder
	b.WriteString(f.Position.String())
	b.WriteString(": ")
	b.WriteString(f.Severity.String())
	b.WriteString(": ")
	b.WriteString(f.Message)
	b.WriteString(" [")
	b.WriteString(string(f.Code))
	b.WriteByte(']')
	return b.String()
}
