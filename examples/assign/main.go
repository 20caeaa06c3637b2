// Command assign shows how a program uses package homework: it documents the
// assignment from the homework package guide — a daily mood rating at
// bedtime in a paper journal, for a client without a smartphone — and runs
// the end-of-session checklist on it, then on the same assignment without a
// rationale. It then runs the next-session checklist on a review. All data
// is synthetic.
//
//	go run ./examples/assign
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/betweensessions/between/homework"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "assign:", err)
		os.Exit(1)
	}
}

// moodJournal returns the example assignment.
func moodJournal() *homework.Assignment {
	return &homework.Assignment{
		ID: "example-001",
		Task: homework.Task{
			Kind:      homework.MoodTracking,
			What:      "mood rating 1–10",
			Frequency: "daily",
			When:      "at bedtime",
			Material:  "the paper journal provided",
		},
		Rationale: "to identify patterns between sleep and mood",
		Method: homework.Method{
			Channel:     homework.Paper,
			Fit:         "no smartphone",
			ClientChose: true,
		},
		Barriers: []homework.Barrier{
			{Concern: "worried about forgetting", Plan: "phone alarm at bedtime"},
		},
		FollowUp: homework.FollowUp{
			When: "first 10 minutes of next session",
			How:  "review the journal together",
		},
		Agreement: homework.Agreement{Status: homework.Agreed, Understood: true},
		Adaptations: homework.Adaptations{
			Access: &homework.AccessAdaptation{NoSmartphone: true, Reason: "client has no smartphone"},
		},
	}
}

// run prints the checklist results to w.
func run(w io.Writer) error {
	a := moodJournal()
	report(w, "end-of-session checklist", a.Check())

	a.Rationale = ""
	report(w, "same assignment without a rationale", a.Check())

	r := &homework.Review{
		AssignmentID:     a.ID,
		DaysPlanned:      7,
		DaysCompleted:    6,
		ClientExperience: "easier than I thought",
		Insights:         "mood lowest after short nights",
		Modifications:    "continue; add hours slept",
	}
	rate, err := r.CompletionRate()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "completion: %d of %d days (%d%%)\n", r.DaysCompleted, r.DaysPlanned, rate)
	report(w, "next-session checklist", r.Check())
	return nil
}

// report prints one checklist result.
func report(w io.Writer, title string, f homework.Findings) {
	fmt.Fprintf(w, "%s: ", title)
	if f.OK() {
		fmt.Fprintln(w, "complete")
		return
	}
	fmt.Fprintln(w, "incomplete")
	for _, m := range f.Missing {
		fmt.Fprintf(w, "  missing %s (%v)\n", m.Item, m.Fields)
	}
	for _, v := range f.Violations {
		fmt.Fprintf(w, "  %s at %s: %s\n", v.Rule, v.Field, v.Detail)
	}
}
