package notes_test

import (
	"fmt"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/notes"
	"golang.org/x/text/language"
)

func moodJournal() *homework.Assignment {
	return &homework.Assignment{
		Task: homework.Task{
			What: "mood rating 1–10", Frequency: "daily", When: "at bedtime",
			Material: "the paper journal provided",
		},
		Rationale: "to identify patterns between sleep and mood",
		Method:    homework.Method{Channel: homework.Paper, Fit: "no smartphone", ClientChose: true},
		Barriers:  []homework.Barrier{{Concern: "forgetting", Plan: "client will set a phone alarm"}},
		FollowUp:  homework.FollowUp{When: "first 10 minutes of the next session", How: "review the journal together"},
		Agreement: homework.Agreement{Status: homework.Agreed, Understood: true, Restated: true},
	}
}

func ExampleWriter_Note() {
	w, err := notes.New(nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	n, err := w.Note(notes.Narrative, notes.Input{Assignment: moodJournal()}, notes.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n)
	// Output:
	// Assigned mood rating 1–10 daily at bedtime using the paper journal provided, to identify patterns between sleep and mood. Client chose paper; no smartphone. Discussed forgetting as a barrier; client will set a phone alarm. Client agreed to the task and showed understanding by restating it in their own words. Follow-up (first 10 minutes of the next session): review the journal together.
}

// At the next session: the review, with the earlier PHQ-9 to compare.
func ExampleWriter_Note_review() {
	w, _ := notes.New(nil)
	before, _ := homework.NewScore(homework.PHQ9, 2, 2, 2, 2, 2, 2, 1, 2, 0)
	after, _ := homework.NewScore(homework.PHQ9, 1, 2, 1, 2, 1, 2, 1, 1, 0)
	before.Date, after.Date = "2026-10-05", "2026-11-02"
	r := &homework.Review{
		DaysPlanned: 7, DaysCompleted: 6,
		ClientExperience: "easier than I expected",
		Insights:         "mood lowest after short nights",
		Modifications:    "continue and add hours slept",
		Earlier:          []homework.Score{before},
		Measures:         []homework.Score{after},
	}
	n, err := w.Note(notes.SOAP, notes.Input{Assignment: moodJournal(), Review: r}, notes.Options{Lang: language.Spanish})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n)
	// Output:
	// Subjetivo: Se revisó la tarea: mood rating 1–10 daily at bedtime. Tarea realizada 6 de 7 días (86 %). Paciente refiere: «easier than I expected».
	//
	// Objetivo: PHQ-9 disminuyó de 15 a 11 en 4 semanas (de moderadamente grave a moderada).
	//
	// Evaluación: Observación clínica: mood lowest after short nights.
	//
	// Plan: Próxima tarea: continue and add hours slept.
}

// A missing element is left out and reported; RequireComplete refuses.
func ExampleCheck() {
	a := moodJournal()
	a.Rationale = ""
	fmt.Println(notes.Check(notes.Input{Assignment: a}))
	w, _ := notes.New(nil)
	_, err := w.Note(notes.DAP, notes.Input{Assignment: a}, notes.Options{RequireComplete: true})
	fmt.Println(err)
	// Output:
	// missing rationale: rationale
	// notes: refusing to write an incomplete record: homework: checklist not met: missing rationale
}

func ExampleWriter_Bundle() {
	w, _ := notes.New(nil)
	b, err := w.Bundle(notes.Input{Assignment: moodJournal()}, notes.Options{Subject: "Patient/example"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(b) > 0, string(b[:30]))
	// Output:
	// true {
	//   "resourceType": "Bundle",
}
