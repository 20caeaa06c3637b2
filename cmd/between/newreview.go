package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/betweensessions/between/homework"
)

// runNewReview implements "between new-review": a YAML review drafted from
// an assignment, for the clinician to fill in at the next session.
func runNewReview(_ context.Context, e *env, args []string) error {
	fset := flag.NewFlagSet("new-review", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	lang := fset.String("lang", "en", "the `language` of the suggestion marks, e.g. es")
	setUsage(fset, e.stderr, `Usage: between new-review assignment.yaml [--lang es]

Prints a YAML review of the assignment for the next session: its id, the
barriers discussed as suggested barriers met, and a TODO on every field
to fill in. Then run between note assignment.yaml --review this.yaml --check.`)
	files, help, err := parseCommand(fset, args)
	if help || err != nil {
		return err
	}
	if len(files) != 1 {
		return usageErrorf("new-review needs exactly one assignment file (got %d)", len(files))
	}
	a, err := readAssignment(files[0])
	if err != nil {
		return err
	}
	out, err := newReview(a, *lang)
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(out)
	return err
}

// newReview returns the YAML of a review drafted from assignment a: the
// assignment's id, each barrier discussed as a suggested barrier met (the
// clinician keeps those the client met), and TODO comments. Nothing the
// review must record — days, the client's words, insights, what happens
// next — is filled in: only the client and the clinician know it.
func newReview(a *homework.Assignment, lang string) ([]byte, error) {
	r := homework.Review{AssignmentID: a.ID}
	for _, b := range a.Barriers {
		if c := homework.Confirm(b.Concern); strings.TrimSpace(c) != "" && !homework.Suggested(b.Concern) {
			r.BarriersMet = append(r.BarriersMet, homework.Barrier{Concern: homework.Suggest(c, lang)})
		}
	}
	var head strings.Builder
	head.WriteString("# Review drafted from the assignment")
	if a.ID != "" {
		fmt.Fprintf(&head, " %q", a.ID)
	}
	head.WriteString(" for the next session.\n")
	if t := strings.Join(strings.Fields(strings.Join([]string{a.Task.What, a.Task.Frequency, a.Task.When}, " ")), " "); t != "" {
		head.WriteString("# The task was: " + t + "\n")
	}
	if h := strings.Join(strings.Fields(a.FollowUp.How), " "); h != "" && !homework.Suggested(h) {
		head.WriteString("# The planned follow-up: " + h + "\n")
	}
	fmt.Fprintf(&head, "# Barriers met begin with %s: keep those the client met, delete the\n", homework.MarkFor(lang))
	head.WriteString("# mark and add the plan for next time; delete the others.\n")
	head.WriteString("# Then run: between note ASSIGNMENT.yaml --review this.yaml --check\n")
	return draft(head.String(), &r, reviewTODO)
}

// reviewTODO holds the comment for each field the clinician fills in.
var reviewTODO = map[string]string{
	"days_planned":      "TODO: on how many days the task was planned, and on how many the client did it",
	"client_experience": "TODO: how it went, in the client's own words",
	"insights":          "TODO: the clinical insight drawn from the homework",
	"barriers_met":      "Barriers discussed when it was assigned; TODO: keep those met, each with the plan for next time",
	"modifications":     "TODO: the changes for the next assignment, or that it continues unchanged;\nadd outcome: continue, modify, complete or stop; add session_date: YYYY-MM-DD and any measures",
}
