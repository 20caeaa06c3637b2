package hwyaml_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/homework/hwyaml"
)

const moodJournal = `id: a-001
task:
  kind: mood-tracking
  what: mood rating 1–10
  frequency: daily
  when: at bedtime
  material: the paper journal provided
method:
  channel: paper
  fit: no smartphone
  client_chose: true
barriers:
  - concern: worried about forgetting
    plan: phone alarm at bedtime
follow_up:
  when: first 10 minutes of next session
  how: review the journal together
agreement:
  status: agreed
  understood: true
`

// Decode an assignment written by hand and run its checklist: the author
// forgot the rationale.
func ExampleDecodeAssignment() {
	a, err := hwyaml.DecodeAssignment("mood.yaml", strings.NewReader(moodJournal))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Check())
	// Output:
	// missing rationale: rationale
}

// Unknown fields are errors that name the field and its line.
func ExampleDecodeAssignment_unknownField() {
	src := strings.Replace(moodJournal, "  when: at bedtime", "  at: bedtime", 1)
	_, err := hwyaml.DecodeAssignment("mood.yaml", strings.NewReader(src))
	fmt.Println(err)
	// Output:
	// hwyaml: mood.yaml:6: field at not found in type homework.Task
}

func ExampleEncode() {
	r := homework.Review{AssignmentID: "a-001", DaysPlanned: 7, DaysCompleted: 6}
	if err := hwyaml.Encode(os.Stdout, r); err != nil {
		fmt.Println(err)
	}
	// Output:
	// assignment_id: a-001
	// days_planned: 7
	// days_completed: 6
	// client_experience: ""
	// insights: ""
	// modifications: ""
}
