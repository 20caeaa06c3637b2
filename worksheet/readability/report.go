package readability

import (
	"fmt"

	"golang.org/x/text/language"
)

// Severity is how much a finding matters.
type Severity int

const (
	// Info is worth a look but not a fault: a long word, a passive
	// sentence, a handout without numbered steps.
	Info Severity = iota
	// Warning should be fixed before a handout ships: a reading level
	// above target, a long sentence, jargon, text that breaks the
	// large-print rules. `between lint --strict` fails on warnings.
	Warning
)

// String returns "info" or "warning".
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// MarshalText encodes the severity as its String form.
func (s Severity) MarshalText() ([]byte, error) {
	switch s {
	case Info, Warning:
		return []byte(s.String()), nil
	}
	return nil, fmt.Errorf("readability: unknown severity %d", int(s))
}

// UnmarshalText decodes "info" or "warning".
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "info":
		*s = Info
	case "warning":
		*s = Warning
	default:
		return fmt.Errorf("readability: unknown severity %q (want info or warning)", b)
	}
	return nil
}

// Code identifies the kind of a finding. Codes are stable: tools and
// front-matter exemptions may refer to them.
type Code string

// The finding codes.
const (
	// AboveTarget: the handout's score misses the locale's target.
	AboveTarget Code = "above-target"
	// NoFormula: no grade formula applies to the language; only the
	// sentence and word checks ran.
	NoFormula Code = "no-formula"
	// LongSentence: a sentence has more words than the limit (20).
	LongSentence Code = "long-sentence"
	// LongWord: a word of 4+ syllables in English, or the language's own
	// long-word rule.
	LongWord Code = "long-word"
	// Passive: a sentence looks passive (English heuristic).
	Passive Code = "passive-voice"
	// JargonTerm: a term from the language's jargon list.
	JargonTerm Code = "jargon"
	// AllCaps: two or more words in a row in capitals (large print).
	AllCaps Code = "all-caps"
	// Italics: italic (non-strong) emphasis (large print).
	Italics Code = "italics"
	// NoCallToAction: no sentence tells the reader to do something and
	// there are no numbered steps or checklist.
	NoCallToAction Code = "no-call-to-action"
	// NoSteps: nothing to do in order: no numbered list, checklist, parts
	// or space to write.
	NoSteps Code = "no-steps"
)

// Finding is one thing the analyser noticed, with where it is.
type Finding struct {
	Code     Code     `json:"code"`
	Severity Severity `json:"severity"`
	// Line is the 1-based source line. It is 0 for findings about the
	// whole handout and for front matter text, which Field then names.
	// There is no column: the document model keeps positions for blocks
	// only, so a finding inside a paragraph is placed by line.
	Line int `json:"line"`
	// Field is "title" or "summary" for text from the front matter.
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

// Report is the readability of one handout.
type Report struct {
	// Path is the worksheet's path, as given.
	Path string       `json:"path,omitempty"`
	Lang language.Tag `json:"lang"`
	// Counts are the totals over all client-facing text.
	Counts
	// Formula is the name of the formula that scored the handout, or ""
	// when none applies; Score is then zero.
	Formula string `json:"formula,omitempty"`
	Score   Score  `json:"score"`
	// Target is the locale's target (0: none), and MeetsTarget whether
	// Score meets it. With no formula or no target, MeetsTarget is true.
	Target      float64 `json:"target,omitempty"`
	MeetsTarget bool    `json:"meets_target"`
	// Findings are in source order: by line, then by code.
	Findings []Finding `json:"findings"`
}

// Count returns the number of findings of severity s or above.
func (r *Report) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity >= s {
			n++
		}
	}
	return n
}
