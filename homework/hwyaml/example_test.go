package hwyaml_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/betweensessions/between/diag"
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

// Unknown fields are errors that give the line and column and the field
// they are in. A record holds a client's words, so an unknown key is named
// only when it is a near miss of a known one.
func ExampleDecodeAssignment_unknownField() {
	src := strings.Replace(moodJournal, "  when: at bedtime", "  wehn: at bedtime", 1)
	_, err := hwyaml.DecodeAssignment("mood.yaml", strings.NewReader(src))
	fmt.Println(err)

	src = strings.Replace(moodJournal, "  when: at bedtime", "  She felt calmer: at bedtime", 1)
	_, err = hwyaml.DecodeAssignment("mood.yaml", strings.NewReader(src))
	var e *diag.Error
	if errors.As(err, &e) {
		fmt.Printf("line %d, column %d: %s\n", e.Line, e.Col, e.Msg)
	}
	// Output:
	// hwyaml: mood.yaml:6:3: unknown key "wehn" in task (did you mean "when"?)
	// line 6, column 3: an unknown key in task; the known keys are frequency, kind, material, minutes, what, when
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
