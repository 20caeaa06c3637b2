package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/homework/hwyaml"
	"github.com/betweensessions/between/templates"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// notesCase is a synthetic case from package notes' test data.
func notesCase(name string) string {
	return filepath.Join("..", "..", "notes", "testdata", "cases", name)
}

func writeTemp(t *testing.T, name, src string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(src), 0o644))
	return p
}

func TestNote(t *testing.T) {
	a, r := notesCase("mood-journal.assignment.yaml"), notesCase("mood-journal.review.yaml")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"narrative", []string{"note", a}, 0, "Assigned mood rating 1–10 daily at bedtime using the paper journal provided", ""},
		{"flags after the file", []string{"note", a, "--format", "soap", "--review", r}, 0, "Objective: PHQ-9 decreased from 15 to 11 over 4 weeks (moderately severe to moderate).", ""},
		{"spanish", []string{"note", "--lang", "es", "--format", "dap", "--review", r, a}, 0, "Tarea realizada 6 de 7 días (86 %).", ""},
		{"fhir", []string{"note", "--format", "fhir", "--subject", "Patient/p1", "--practitioner", "Practitioner/c1", a}, 0, `"resourceType": "Bundle"`, ""},
		{"fhir without subject", []string{"note", "--format", "fhir", a}, 1, "", "subject reference is required"},
		{"check ok", []string{"note", "--check", a, "--review", r}, 0, "ok", ""},
		{"check gaps", []string{"note", "--check", notesCase("gaps.assignment.yaml")}, 1, "missing rationale: rationale", ""},
		{"require complete", []string{"note", "--require-complete", notesCase("gaps.assignment.yaml")}, 1, "", "checklist not met"},
		{"gaps reported on stderr", []string{"note", notesCase("gaps.assignment.yaml")}, 0, "Assigned mood rating in the app daily.", "checklist gap(s)"},
		{"bad format", []string{"note", "--format", "pdf", a}, 2, "", "--format"},
		{"no file", []string{"note"}, 2, "", "exactly one assignment file"},
		{"missing file", []string{"note", "nope.yaml"}, 1, "", "nope.yaml"},
		{"handout by its title", []string{"note", notesCase("seed-sleep.assignment.yaml")}, 0,
			"Handout: My Sleep Routine; personalised wake-up time 6:00 AM based on work schedule.", ""},
		{"handout title in the note's language", []string{"note", "--lang", "es", notesCase("seed-sleep.assignment.yaml")}, 0,
			"Material: Mi rutina de sueño; personalizado: hora de levantarse 6:00 AM, según work schedule.", ""},
		{"unedited draft: suggestions are gaps", []string{"note", "--check", notesCase("draft.assignment.yaml")}, 1,
			"unconfirmed_suggestion at rationale: drafted from a template", ""},
		{"unedited draft refused", []string{"note", "--require-complete", notesCase("draft.assignment.yaml")}, 1, "", "unconfirmed_suggestion"},
		{"language warning, exit 0", []string{"note", "--check", "--lang", "es", notesCase("seed-sleep.assignment.yaml")}, 0,
			"ok\nwarning: task.what: seems to be in English, not in the note's language (es)\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.args...)
			require.Equal(t, tt.code, code, "exit code; stderr: %s", errOut)
			assert.Contains(t, out, tt.stdout)
			assert.Contains(t, errOut, tt.stderr)
		})
	}
}

// A worksheet reference must name a template of the library the command
// is given and params it declares: a typo is an error at its line with a
// did-you-mean, in --check as in a note, and nothing is written.
func TestNoteWorksheetReference(t *testing.T) {
	lib := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(lib, "clinic-walk"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(lib, "clinic-walk", "en.md"), []byte("---\nid: clinic-walk\ntitle: Our Walking Plan\nsummary: A short walk.\nkind: plan\nparams:\n  - name: route\n    label: Route\n---\n\nWalk {{route}}.\n"), 0o644))
	base := "task:\n  what: a walk\nworksheet:\n"
	tests := []struct {
		name, src string
		args      []string
		code      int
		want      string
	}{
		{"typo in the template", base + "  template: sleep-routne\n", nil, 1,
			`a.yaml:4:3: worksheet.template: no template "sleep-routne" in the library (did you mean "sleep-routine"?)`},
		{"undeclared param", base + "  template: sleep-routine\n  params:\n    wake: SECRET\n", nil, 1,
			`a.yaml:6:5: worksheet.params.wake: sleep-routine has no param "wake" (it has "wake_time", "wind_down_time")`},
		{"a clinic's template without --src", base + "  template: clinic-walk\n", nil, 1, `no template "clinic-walk"`},
		{"a clinic's template with --src", base + "  template: clinic-walk\n  params:\n    route: round the park\n", []string{"--src", lib}, 0,
			"Handout: Our Walking Plan; personalised route round the park."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeTemp(t, "a.yaml", tt.src)
			for _, mode := range [][]string{{"note"}, {"note", "--check"}} {
				args := append(append(mode, tt.args...), p)
				out, errOut, code := runCLI(t, args...)
				if tt.code == 0 && len(mode) == 2 {
					// The record itself is incomplete: --check lists its
					// gaps, and none is about the worksheet.
					assert.NotContains(t, out+errOut, "worksheet")
					continue
				}
				require.Equal(t, tt.code, code, "%v: stderr %s", mode, errOut)
				if tt.code != 0 {
					assert.Empty(t, out, "nothing on stdout")
					assert.Contains(t, errOut, tt.want)
					assert.NotContains(t, errOut, "SECRET")
				} else if len(mode) == 1 {
					assert.Contains(t, out, tt.want)
				}
			}
		})
	}
}

// Bad input is refused with the file, line and field, and nothing is
// written to stdout.
func TestNoteBadInput(t *testing.T) {
	a := notesCase("mood-journal.assignment.yaml")
	tests := []struct {
		name, file, src, want string
		review                bool
	}{
		{"unknown field", "a.yaml", "task:\n  what: x\n  often: daily\n", "a.yaml:3:3: an unknown key in task", false},
		{"wrong type", "a.yaml", "task:\n  minutes: ten SECRET\n", "a.yaml:2:12: task.minutes: want a whole number", false},
		{"unknown channel", "a.yaml", "method:\n  channel: fax\n", "a.yaml:2:12: method.channel: unknown channel", false},
		{"7 of 5 days", "r.yaml", "days_planned: 5\ndays_completed: 7\n", "r.yaml:2:17: days_completed: more days completed than planned", true},
		{"short PHQ-9", "r.yaml", "days_planned: 7\nmeasures:\n  - instrument: phq-9\n    items: [1, 2]\n", "r.yaml:3:5: measures[0]: phq-9: want 9 items, got 2", true},
		{"item out of range", "r.yaml", "earlier_measures:\n  - instrument: gad-7\n    items: [1, 1, 1, 1, 1, 1, 9]\n", "r.yaml:2:5: earlier_measures[0]: gad-7 item 7: out of range 0–3", true},
		{"bad date", "r.yaml", "measures:\n  - instrument: gad-7\n    date: 2 May\n    items: [1, 1, 1, 1, 1, 1, 1]\n", "r.yaml:2:5: measures[0]: gad-7 date: want a date as YYYY-MM-DD", true},
		{"bad split", "a.yaml", "adaptations:\n  neurodivergent:\n    parts: 2\n    minutes_per_part: 5\n    routines: [after breakfast]\n    reason: x\n", "a.yaml:5:15: adaptations.neurodivergent.routines: want one routine per part", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeTemp(t, tt.file, tt.src)
			args := []string{"note", p}
			if tt.review {
				args = []string{"note", a, "--review", p}
			}
			out, errOut, code := runCLI(t, args...)
			assert.Equal(t, 1, code)
			assert.Empty(t, out, "nothing is written")
			assert.Contains(t, errOut, tt.want)
			assert.NotContains(t, errOut, "SECRET")
		})
	}
}

func TestNewAssignment(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		t.Run(lang, func(t *testing.T) {
			out, errOut, code := runCLI(t, "new-assignment", "--template", "sleep-routine", "--lang", lang)
			require.Equal(t, 0, code, errOut)
			assert.Contains(t, out, "TODO")
			a, err := hwyaml.DecodeAssignment("new.yaml", strings.NewReader(out))
			require.NoError(t, err, "the draft decodes back:\n%s", out)
			assert.Equal(t, "sleep-routine", a.Worksheet.Template)
			assert.Equal(t, lang, a.Worksheet.Language)
			assert.True(t, homework.Suggested(a.Rationale), "the template's rationale is a suggestion")
			assert.True(t, homework.Suggested(a.FollowUp.How))
			assert.True(t, homework.Suggested(a.Task.Frequency))
			require.Len(t, a.Barriers, 3)
			for _, b := range a.Barriers {
				assert.True(t, homework.Suggested(b.Concern) && homework.Suggested(b.Plan))
			}
			assert.False(t, a.Check().OK(), "the draft is not complete until the clinician fills it in")

			// The unedited draft: every suggestion is a gap, a complete
			// note is refused, and the note states none of them.
			p := writeTemp(t, "draft.yaml", out)
			check, _, code := runCLI(t, "note", "--check", "--lang", lang, p)
			assert.Equal(t, 1, code)
			for _, f := range []string{"task.frequency", "rationale", "barriers[0].concern", "barriers[2].plan", "follow_up.how"} {
				assert.Contains(t, check, "unconfirmed_suggestion at "+f+":")
			}
			_, errOut, code = runCLI(t, "note", "--require-complete", p)
			assert.Equal(t, 1, code)
			assert.Contains(t, errOut, "unconfirmed_suggestion")
			note, _, code := runCLI(t, "note", "--lang", lang, p)
			assert.Equal(t, 0, code)
			assert.NotContains(t, note, homework.Confirm(a.Rationale)[:20])
			assert.NotContains(t, note, homework.Confirm(a.Barriers[0].Concern)[:10])
			assert.NotContains(t, note, homework.MarkFor(lang))

			// Deleting the mark confirms the text.
			confirmed := strings.ReplaceAll(out, "rationale: "+homework.MarkFor(lang)+" ", "rationale: ")
			p = writeTemp(t, "confirmed.yaml", confirmed)
			check, _, _ = runCLI(t, "note", "--check", "--lang", lang, p)
			assert.NotContains(t, check, "unconfirmed_suggestion at rationale:")
			assert.Contains(t, check, "unconfirmed_suggestion at follow_up.how:")
		})
	}
	_, errOut, code := runCLI(t, "new-assignment", "--template", "no-such")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, `no template "no-such"`)
	_, _, code = runCLI(t, "new-assignment")
	assert.Equal(t, 2, code)
}

// Every template in the library drafts an assignment that decodes.
func TestNewAssignmentEveryTemplate(t *testing.T) {
	dirs, err := os.ReadDir(filepath.Join("..", "..", "templates"))
	require.NoError(t, err)
	lib, err := templates.Layer(templates.FS())
	require.NoError(t, err)
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		out, err := newAssignment(lib, d.Name(), language.English)
		require.NoError(t, err, d.Name())
		_, err = hwyaml.DecodeAssignment(d.Name(), strings.NewReader(string(out)))
		assert.NoError(t, err, d.Name())
	}
}

// new-review drafts a review that decodes, carries the assignment's id,
// offers the barriers discussed only as suggestions, and leaves every
// observation to the clinician.
func TestNewReview(t *testing.T) {
	a := notesCase("seed-sleep.assignment.yaml")
	for _, lang := range []string{"en", "es"} {
		out, errOut, code := runCLI(t, "new-review", a, "--lang", lang)
		require.Equal(t, 0, code, errOut)
		r, err := hwyaml.DecodeReview("review.yaml", strings.NewReader(out))
		require.NoError(t, err, "the draft decodes back:\n%s", out)
		assert.Equal(t, "a-110", r.AssignmentID)
		assert.Zero(t, r.DaysPlanned, "days are the clinician's to record")
		assert.Empty(t, r.ClientExperience)
		require.Len(t, r.BarriersMet, 1)
		assert.Equal(t, homework.MarkFor(lang)+" sleeping in on days off", r.BarriersMet[0].Concern)

		p := writeTemp(t, "review.yaml", out)
		check, _, code := runCLI(t, "note", "--check", a, "--review", p)
		assert.Equal(t, 1, code)
		for _, want := range []string{"missing completion: review.days_planned", "missing client_experience", "unconfirmed_suggestion at review.barriers_met[0].concern"} {
			assert.Contains(t, check, want)
		}
		note, _, code := runCLI(t, "note", a, "--review", p)
		assert.Equal(t, 0, code)
		assert.NotContains(t, note, "sleeping in", "a suggested barrier is not written as met")
	}
	_, errOut, code := runCLI(t, "new-review")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "exactly one assignment file")
	_, _, code = runCLI(t, "new-review", "nope.yaml")
	assert.Equal(t, 1, code)
}
