package homework

import "fmt"

// Review is what the clinician documents when the homework is reviewed at
// the next session. [Review.Check] reports what is still missing.
//
// The zero Review is valid to build on and fails every checklist item.
type Review struct {
	// AssignmentID is the [Assignment.ID] of the homework reviewed.
	AssignmentID string `json:"assignment_id,omitempty" yaml:"assignment_id,omitempty"`
	// SessionDate is the date of the session at which the homework was
	// reviewed, as YYYY-MM-DD; empty when not recorded.
	SessionDate string `json:"session_date,omitempty" yaml:"session_date,omitempty"`
	// DaysPlanned is how many days the homework was planned for; 0 when not
	// recorded.
	DaysPlanned int `json:"days_planned" yaml:"days_planned"`
	// DaysCompleted is on how many of those days the client did it. It may
	// not exceed DaysPlanned.
	DaysCompleted int `json:"days_completed" yaml:"days_completed"`
	// ClientExperience is how it went, in the client's own words.
	ClientExperience string `json:"client_experience" yaml:"client_experience"`
	// Insights are the clinical insights drawn from the homework, e.g.
	// "mood lowest after nights under six hours of sleep".
	Insights string `json:"insights" yaml:"insights"`
	// BarriersMet are the obstacles the client met, each with the plan for
	// next time when there is one.
	BarriersMet []Barrier `json:"barriers_met,omitempty" yaml:"barriers_met,omitempty"`
	// Modifications are the changes for the next assignment, or a note that
	// it continues unchanged.
	Modifications string `json:"modifications" yaml:"modifications"`
	// Outcome is what happens to the homework after this review: it
	// continues, continues modified, is complete, or is stopped. It is part
	// of the modifications checklist item; zero when not recorded. A FHIR
	// export takes the activity's status from it, never from the mere
	// presence of a review.
	Outcome ReviewOutcome `json:"outcome,omitempty" yaml:"outcome,omitempty"`
	// Measures are the questionnaires given at this session.
	Measures []Score `json:"measures,omitempty" yaml:"measures,omitempty"`
	// Earlier are earlier administrations to compare Measures with, such as
	// the baseline, each with its Date; the most recent of an instrument is
	// the one compared.
	Earlier []Score `json:"earlier_measures,omitempty" yaml:"earlier_measures,omitempty"`
	// Custom are other measures, e.g. average nightly mood.
	Custom []CustomMeasure `json:"custom_measures,omitempty" yaml:"custom_measures,omitempty"`
	// SafetyFollowUp is what was done about a PHQ-9 item 9 above 0, e.g.
	// "risk assessment done; safety plan reviewed". Check requires it when
	// [Review.SelfHarmFlag] is true.
	SafetyFollowUp string `json:"safety_follow_up,omitempty" yaml:"safety_follow_up,omitempty"`
}

// ReviewOutcome is what happens to the homework after a review. The zero
// value is unset.
type ReviewOutcome int

// The review outcomes.
const (
	// Continue: the homework goes on unchanged ("continue").
	Continue ReviewOutcome = iota + 1
	// Modify: the homework goes on with the changes in
	// [Review.Modifications] ("modify").
	Modify
	// Complete: the homework has done its work and ends ("complete").
	Complete
	// Stop: the homework ends before it was complete, e.g. because it did
	// not help or could not be done ("stop").
	Stop
)

var outcomeNames = names{typ: "review outcome", text: []string{"", "continue", "modify", "complete", "stop"}}

// String returns the text form, "" for the zero value.
func (o ReviewOutcome) String() string { return outcomeNames.str("ReviewOutcome", int(o)) }

// MarshalText encodes the outcome as its text form.
func (o ReviewOutcome) MarshalText() ([]byte, error) { return outcomeNames.format(int(o)) }

// UnmarshalText decodes "continue", "modify", "complete", "stop" or "".
func (o *ReviewOutcome) UnmarshalText(b []byte) error {
	v, err := outcomeNames.parse(b)
	if err == nil {
		*o = ReviewOutcome(v)
	}
	return err
}

// Ongoing reports whether the homework goes on after the review
// ([Continue] or [Modify]).
func (o ReviewOutcome) Ongoing() bool { return o == Continue || o == Modify }

// SelfHarmFlag reports whether any PHQ-9 in Measures has item 9 above 0
// (see [Score.SelfHarmFlag]).
func (r *Review) SelfHarmFlag() bool {
	for _, s := range r.Measures {
		if s.SelfHarmFlag() {
			return true
		}
	}
	return false
}

// CompletionRate returns DaysCompleted of DaysPlanned as a whole percent;
// see [CompletionPercent].
func (r *Review) CompletionRate() (int, error) {
	return CompletionPercent(r.DaysCompleted, r.DaysPlanned)
}

// CompletionPercent returns completed of planned days as a whole percent,
// rounded to the nearest percent with halves rounded up: 6 of 7 is 85.71%,
// reported as 86; 1 of 8 is 12.5%, reported as 13. Integer arithmetic is
// used, so there is no floating-point drift. It is an error when planned is
// not positive, completed is negative, or completed exceeds planned (7 of 5
// days).
func CompletionPercent(completed, planned int) (int, error) {
	switch {
	case planned <= 0:
		return 0, fmt.Errorf("homework: completion: %d days planned, want at least 1", planned)
	case completed < 0:
		return 0, fmt.Errorf("homework: completion: %d days completed, want 0 or more", completed)
	case completed > planned:
		return 0, fmt.Errorf("homework: completion: %d of %d days completed, more than planned", completed, planned)
	}
	return roundPercent(completed, planned), nil
}
