package homework

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// Instrument is a standard self-report questionnaire. The zero value is
// unset.
type Instrument int

// The instruments.
const (
	// PHQ9 is the Patient Health Questionnaire-9 for depression: 9 items
	// scored 0–3, total 0–27 (Kroenke, Spitzer & Williams, 2001) ("phq-9").
	PHQ9 Instrument = iota + 1
	// GAD7 is the Generalized Anxiety Disorder-7 scale: 7 items scored 0–3,
	// total 0–21 (Spitzer, Kroenke, Williams & Löwe, 2006) ("gad-7").
	GAD7
)

var instrumentNames = names{typ: "instrument", text: []string{"", "phq-9", "gad-7"}}

// Items returns the number of items on the instrument, 0 for an unknown one.
func (in Instrument) Items() int {
	switch in {
	case PHQ9:
		return 9
	case GAD7:
		return 7
	}
	return 0
}

// MaxItem is the highest score of one item on either instrument.
const MaxItem = 3

// Reliable-change thresholds: the smallest change in total score, in points,
// that is larger than measurement error. They follow the convention of the
// NHS Talking Therapies (formerly IAPT) manual (National Collaborating Centre
// for Mental Health, "The Improving Access to Psychological Therapies
// Manual", 2018–2023 editions), which counts a change of 6 or more points on
// the PHQ-9 and 4 or more on the GAD-7 as reliable. These figures come from
// the Jacobson & Truax (1991) reliable change index applied to published
// reliability data; they are a convention, not a property of the
// instruments, and other services use 5 for the GAD-7.
const (
	PHQ9ReliableChange = 6
	GAD7ReliableChange = 4
)

// ReliableChange returns the reliable-change threshold of the instrument in
// points, 0 for an unknown one.
func (in Instrument) ReliableChange() int {
	switch in {
	case PHQ9:
		return PHQ9ReliableChange
	case GAD7:
		return GAD7ReliableChange
	}
	return 0
}

// String returns the text form, "" for the zero value.
func (in Instrument) String() string { return instrumentNames.str("Instrument", int(in)) }

// MarshalText encodes the instrument as "phq-9" or "gad-7".
func (in Instrument) MarshalText() ([]byte, error) { return instrumentNames.format(int(in)) }

// UnmarshalText decodes "phq-9" or "gad-7".
func (in *Instrument) UnmarshalText(b []byte) error {
	v, err := instrumentNames.parse(b)
	if err == nil {
		*in = Instrument(v)
	}
	return err
}

// Severity is a severity band of a total score.
type Severity int

// The severity bands. The PHQ-9 uses all five; the GAD-7 has no
// ModeratelySevere band.
const (
	// Minimal: PHQ-9 and GAD-7 0–4 ("minimal").
	Minimal Severity = iota + 1
	// Mild: 5–9 ("mild").
	Mild
	// Moderate: 10–14 ("moderate").
	Moderate
	// ModeratelySevere: PHQ-9 15–19 ("moderately-severe").
	ModeratelySevere
	// Severe: PHQ-9 20–27, GAD-7 15–21 ("severe").
	Severe
)

var severityNames = names{typ: "severity", text: []string{"", "minimal", "mild", "moderate", "moderately-severe", "severe"}}

// String returns the text form, e.g. "moderately-severe".
func (s Severity) String() string { return severityNames.str("Severity", int(s)) }

// MarshalText encodes the severity as its text form.
func (s Severity) MarshalText() ([]byte, error) { return severityNames.format(int(s)) }

// UnmarshalText decodes a text form.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := severityNames.parse(b)
	if err == nil {
		*s = Severity(v)
	}
	return err
}

// Score is one administration of an instrument: its item scores in
// questionnaire order. Build one with [NewScore] to have it checked; a Score
// decoded from JSON or YAML is checked by [Review.Validate].
type Score struct {
	Instrument Instrument `json:"instrument" yaml:"instrument"`
	Items      []int      `json:"items" yaml:"items"`
	// Date is when the questionnaire was completed, as YYYY-MM-DD; empty
	// when not recorded. Notes use it for the interval between two
	// administrations and FHIR exports for the effective date.
	Date string `json:"date,omitempty" yaml:"date,omitempty"`
}

// NewScore returns the score of one administration, or an error when the
// instrument is unknown, the number of items is wrong, or an item is outside
// 0–3. Nothing is clamped.
func NewScore(in Instrument, items ...int) (Score, error) {
	s := Score{Instrument: in, Items: append([]int(nil), items...)}
	return s, s.Validate()
}

// Validate reports an unknown instrument, a wrong number of items or an item
// outside 0–3. The error names the item, never its value.
func (s Score) Validate() error {
	n := s.Instrument.Items()
	if n == 0 {
		return errors.New("homework: score: unknown instrument")
	}
	if len(s.Items) != n {
		return fmt.Errorf("homework: %s: want %d items, got %d", s.Instrument, n, len(s.Items))
	}
	for i, v := range s.Items {
		if v < 0 || v > MaxItem {
			return fmt.Errorf("homework: %s item %d: out of range 0–%d", s.Instrument, i+1, MaxItem)
		}
	}
	if s.Date != "" {
		if _, err := time.Parse(time.DateOnly, s.Date); err != nil {
			return fmt.Errorf("homework: %s date: want a date as YYYY-MM-DD", s.Instrument)
		}
	}
	return nil
}

// Total returns the sum of the item scores.
func (s Score) Total() int {
	t := 0
	for _, v := range s.Items {
		t += v
	}
	return t
}

// Severity returns the band of the total: for both instruments 0–4 minimal,
// 5–9 mild, 10–14 moderate; then PHQ-9 15–19 moderately severe and 20–27
// severe, GAD-7 15–21 severe. It returns 0 for an invalid score.
func (s Score) Severity() Severity {
	if s.Validate() != nil {
		return 0
	}
	return band(s.Instrument, s.Total())
}

// band returns the severity band of a valid total.
func band(in Instrument, total int) Severity {
	switch {
	case total <= 4:
		return Minimal
	case total <= 9:
		return Mild
	case total <= 14:
		return Moderate
	case in == GAD7 || total >= 20:
		return Severe
	}
	return ModeratelySevere
}

// SelfHarmFlag reports whether PHQ-9 item 9 (thoughts of being better off
// dead or of self-harm) is above 0. Such a score needs immediate follow-up
// whatever the total. It is false for other instruments and invalid scores.
func (s Score) SelfHarmFlag() bool {
	return s.Instrument == PHQ9 && s.Validate() == nil && s.Items[8] > 0
}

// Change compares two administrations of the same instrument. Points and
// Percent are negative when the score fell (improved).
type Change struct {
	Instrument    Instrument
	Before, After int      // totals
	From, To      Severity // bands
	// Points is After − Before.
	Points int
	// Percent is Points as a percentage of Before, rounded to a whole
	// percent, halves away from zero (−26.67 → −27). It is meaningless, and
	// PercentDefined false, when Before is 0.
	Percent        int
	PercentDefined bool
	// Response: the total fell by at least 50% (After ≤ Before/2, computed
	// exactly, with Before > 0).
	Response bool
	// ReliableImprovement and ReliableDeterioration: the total fell, or
	// rose, by at least [Instrument.ReliableChange] points.
	ReliableImprovement   bool
	ReliableDeterioration bool
}

// Compare returns the change from before to after. Both scores must be valid
// and of the same instrument.
func Compare(before, after Score) (Change, error) {
	if err := before.Validate(); err != nil {
		return Change{}, err
	}
	if err := after.Validate(); err != nil {
		return Change{}, err
	}
	if before.Instrument != after.Instrument {
		return Change{}, fmt.Errorf("homework: cannot compare %s with %s", before.Instrument, after.Instrument)
	}
	in := before.Instrument
	b, a := before.Total(), after.Total()
	c := Change{
		Instrument: in, Before: b, After: a,
		From: band(in, b), To: band(in, a),
		Points:                a - b,
		Response:              b > 0 && 2*a <= b,
		ReliableImprovement:   b-a >= in.ReliableChange(),
		ReliableDeterioration: a-b >= in.ReliableChange(),
	}
	if b > 0 {
		c.Percent, c.PercentDefined = roundPercent(c.Points, b), true
	}
	return c, nil
}

// roundPercent returns 100·n/d rounded to the nearest whole number, halves
// away from zero, in integer arithmetic. d must be positive.
func roundPercent(n, d int) int {
	if n < 0 {
		return -roundPercent(-n, d)
	}
	return (200*n + d) / (2 * d)
}

// CustomMeasure is any other measure the clinician tracks, e.g. "average
// nightly mood" 6.4 on a 1–10 scale.
type CustomMeasure struct {
	// Name says what was measured.
	Name  string  `json:"name" yaml:"name"`
	Value float64 `json:"value" yaml:"value"`
	// Min and Max give the scale; both 0 when there is none. When set, Value
	// must lie within them.
	Min float64 `json:"min,omitempty" yaml:"min,omitempty"`
	Max float64 `json:"max,omitempty" yaml:"max,omitempty"`
	// Unit is the unit, e.g. "hours"; optional.
	Unit string `json:"unit,omitempty" yaml:"unit,omitempty"`
}

// Validate reports a missing name, a value that is not a finite number, an
// inverted scale or a value outside the scale.
func (m CustomMeasure) Validate() error {
	switch {
	case m.Name == "":
		return errors.New("homework: custom measure: missing name")
	case !finite(m.Value) || !finite(m.Min) || !finite(m.Max):
		return errors.New("homework: custom measure: not a finite number")
	case m.Min > m.Max:
		return errors.New("homework: custom measure: min above max")
	case (m.Min != 0 || m.Max != 0) && (m.Value < m.Min || m.Value > m.Max):
		return errors.New("homework: custom measure: value outside its scale")
	}
	return nil
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
