package notes_test

import (
	"testing"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/notes"
	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
)

// The language heuristic, on its own: what it reports and, as documented,
// what it cannot.
func TestWarnings(t *testing.T) {
	for _, c := range []struct {
		text string
		lang language.Tag
		warn bool
	}{
		{"rate the mood from 1 to 10 at bedtime", language.Spanish, true},
		{"registro del estado de ánimo al acostarse", language.English, true},
		{"para identificar la relación entre el sueño y el ánimo", language.English, true},
		{"rate the mood from 1 to 10 at bedtime", language.English, false},
		{"registro del estado de ánimo al acostarse", language.Spanish, false},
		{"rate the mood from 1 to 10 at bedtime", language.French, true}, // a third language: English text is still found
		// Limits: too short, names, times and numbers are never judged.
		{"forgetting", language.Spanish, false},
		{"el olvido", language.English, false},
		{"Signal", language.Spanish, false},
		{"Tuesday 18:00", language.Spanish, false},
		// Mixed text: the note's language wins when it holds its own.
		{"review the sleep log with la familia", language.English, false},
		{"revisar the log con el cuaderno y la alarma", language.English, true}, // mostly Spanish
	} {
		a := &homework.Assignment{Task: homework.Task{What: c.text}}
		got := notes.Warnings(notes.Input{Assignment: a}, c.lang)
		if c.warn {
			if assert.Len(t, got, 1, "%q in a %s note", c.text, c.lang) {
				assert.Equal(t, "task.what", got[0].Field)
				assert.NotContains(t, got[0].String(), c.text, "the warning never repeats the text")
			}
		} else {
			assert.Empty(t, got, "%q in a %s note", c.text, c.lang)
		}
	}
	// Suggestions are the template's words, not yet the clinician's: they
	// are gaps, not warnings.
	a := &homework.Assignment{Rationale: homework.Suggest("to steady the body clock with the same time every day", "en")}
	assert.Empty(t, notes.Warnings(notes.Input{Assignment: a}, language.Spanish))
	// Review fields are named with their prefix.
	r := &homework.Review{Insights: "el ánimo es más bajo tras noches cortas"}
	got := notes.Warnings(notes.Input{Assignment: &homework.Assignment{}, Review: r}, language.English)
	if assert.Len(t, got, 1) {
		assert.Equal(t, "review.insights", got[0].Field)
	}
}
