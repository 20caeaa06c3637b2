// Command assign shows how a program uses packages homework, handout and
// notes: it documents the assignment from the homework package guide — a
// daily mood rating at bedtime in a paper journal, for a client without a
// smartphone — and runs the end-of-session checklist on it, then on the
// same assignment without a rationale. It renders the handout the
// assignment points at (the large-print mood journal) as a PDF, and writes
// the homework part of the session note. Last it runs the next-session
// checklist on a review. All data is synthetic.
//
//	go run ./examples/assign                # the handout goes to mood-journal.pdf
//	go run ./examples/assign -o journal.pdf
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/notes"
	"github.com/betweensessions/between/worksheet/handout"
)

func main() {
	out := flag.String("o", "mood-journal.pdf", "the `file` to write the client's handout to")
	flag.Parse()
	f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err == nil {
		err = run(context.Background(), os.Stdout, f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
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
		Worksheet: &homework.WorksheetRef{Template: "mood-journal", Language: "en", Variant: homework.VariantLargePrint},
	}
}

// request turns the handout an assignment points at into a handout
// request for a PDF.
func request(ref *homework.WorksheetRef) (handout.Request, error) {
	if ref == nil {
		return handout.Request{}, errors.New("the assignment names no handout")
	}
	return handout.RequestFor(*ref, handout.PDF)
}

// run prints the checklist results and the note to w, and writes the
// client's handout to pdf.
func run(ctx context.Context, w, pdf io.Writer) error {
	a := moodJournal()
	report(w, "end-of-session checklist", a.Check())

	incomplete := *a
	incomplete.Rationale = ""
	report(w, "same assignment without a rationale", incomplete.Check())

	req, err := request(a.Worksheet)
	if err != nil {
		return err
	}
	hr, err := handout.New(handout.Options{})
	if err != nil {
		return err
	}
	if err := hr.Render(ctx, pdf, req); err != nil {
		return err
	}
	fmt.Fprintf(w, "handout: %s, %s, %s PDF\n", req.ID, req.Lang, req.Variant)

	nw, err := notes.New(nil)
	if err != nil {
		return err
	}
	note, err := nw.Note(notes.Narrative, notes.Input{Assignment: a}, notes.Options{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "note: %s\n", note)

	r := &homework.Review{
		AssignmentID:     a.ID,
		DaysPlanned:      7,
		DaysCompleted:    6,
		ClientExperience: "easier than I thought",
		Insights:         "mood lowest after short nights",
		Modifications:    "continue; add hours slept",
		Outcome:          homework.Modify,
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
