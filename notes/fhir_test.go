package notes_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/internal/fhircheck"
	"github.com/betweensessions/between/notes"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

var fhirOpts = notes.Options{Subject: "Patient/example", Practitioner: "Practitioner/example"}

func TestBundleGolden(t *testing.T) {
	w := newWriter(t)
	for _, c := range cases(t) {
		for _, lang := range langs {
			opt := fhirOpts
			opt.Lang = lang
			if c.name == "mood-journal" {
				opt.Reasons = []string{"Condition/example"}
			}
			b, err := w.Bundle(c.in, opt)
			require.NoError(t, err, c.name)
			again, err := w.Bundle(c.in, opt)
			require.NoError(t, err)
			assert.Equal(t, string(b), string(again), "deterministic")
			assert.True(t, json.Valid(b))
			assert.NotContains(t, string(b), c.in.Assignment.ID, "the assignment id is not an identifier the caller passed")
			t.Run(c.name+"/"+lang.String(), func(t *testing.T) {
				golden(t, c.name+"."+lang.String()+".fhir.json", b)
			})
		}
	}
}

func TestBundleShape(t *testing.T) {
	w := newWriter(t)
	var in notes.Input
	for _, c := range cases(t) {
		if c.name == "mood-journal.review" {
			in = c.in
		}
	}
	b, err := w.Bundle(in, fhirOpts)
	require.NoError(t, err)
	var bundle struct {
		Type  string
		Entry []struct {
			FullURL  string
			Resource map[string]any
		}
	}
	require.NoError(t, json.Unmarshal(b, &bundle))
	assert.Equal(t, "collection", bundle.Type)
	var types []string
	for _, e := range bundle.Entry {
		types = append(types, e.Resource["resourceType"].(string))
		assert.Equal(t, "urn:uuid:"+e.Resource["id"].(string), e.FullURL)
	}
	// Goal; completion; PHQ-9 baseline (9 items, total, panel); PHQ-9 and
	// GAD-7 of this session (items, total, panel each); CarePlan.
	want := []string{"Goal", "Observation"}
	for range 9 + 1 + 1 + 9 + 1 + 1 + 7 + 1 + 1 {
		want = append(want, "Observation")
	}
	assert.Equal(t, append(want, "CarePlan"), types)
	byURL := map[string]map[string]any{}
	for _, e := range bundle.Entry {
		byURL[e.FullURL] = e.Resource
	}
	code := func(r map[string]any) string {
		return r["code"].(map[string]any)["coding"].([]any)[0].(map[string]any)["code"].(string)
	}
	completion := bundle.Entry[1].Resource
	ratio := completion["valueRatio"].(map[string]any)
	assert.EqualValues(t, 6, ratio["numerator"].(map[string]any)["value"], "days completed as a value")
	assert.EqualValues(t, 7, ratio["denominator"].(map[string]any)["value"])

	// The baseline panel: 9 item members in LOINC order, then the total.
	panel := bundle.Entry[12].Resource
	assert.Equal(t, "44249-1", code(panel))
	assert.Equal(t, "2026-10-05", panel["effectiveDateTime"])
	members := panel["hasMember"].([]any)
	require.Len(t, members, 10)
	var codes []string
	for _, mb := range members {
		r := byURL[mb.(map[string]any)["reference"].(string)]
		require.NotNil(t, r, "hasMember resolves inside the Bundle")
		codes = append(codes, code(r))
	}
	assert.Equal(t, []string{"44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8", "44261-6"}, codes)
	total := byURL[members[9].(map[string]any)["reference"].(string)]
	assert.EqualValues(t, 15, total["valueInteger"])

	// The CarePlan's outcomes are the completion and the three panels.
	plan := bundle.Entry[len(bundle.Entry)-1].Resource
	activity := plan["activity"].([]any)[0].(map[string]any)
	var outcomes []string
	for _, o := range activity["outcomeReference"].([]any) {
		r := byURL[o.(map[string]any)["reference"].(string)]
		if c, ok := r["code"].(map[string]any)["coding"]; ok {
			outcomes = append(outcomes, c.([]any)[0].(map[string]any)["code"].(string))
		} else {
			outcomes = append(outcomes, "completion")
		}
	}
	assert.Equal(t, []string{"completion", "44249-1", "44249-1", "69737-5"}, outcomes)
	assert.Equal(t, notes.LOINCPHQ9, homework.PHQ9.LOINCTotal())
	assert.Equal(t, notes.LOINCGAD7, homework.GAD7.LOINCTotal())
}

// The CarePlan's status follows the review's recorded outcome, never the
// mere presence of a review.
func TestBundleStatusFollowsOutcome(t *testing.T) {
	w := newWriter(t)
	a := &homework.Assignment{Task: homework.Task{What: "mood journal", Frequency: "daily", When: "at bedtime"}}
	tests := []struct {
		name           string
		review         *homework.Review
		declined       bool
		plan, activity string
	}{
		{"assigned", nil, false, "active", "scheduled"},
		{"declined", nil, true, "revoked", "cancelled"},
		{"continue at 2 of 7 days", &homework.Review{DaysPlanned: 7, DaysCompleted: 2, Outcome: homework.Continue}, false, "active", "in-progress"},
		{"modify", &homework.Review{DaysPlanned: 7, DaysCompleted: 5, Outcome: homework.Modify}, false, "active", "in-progress"},
		{"complete", &homework.Review{DaysPlanned: 7, DaysCompleted: 7, Outcome: homework.Complete}, false, "completed", "completed"},
		{"stop", &homework.Review{DaysPlanned: 7, DaysCompleted: 1, Outcome: homework.Stop}, false, "revoked", "stopped"},
		{"outcome not recorded", &homework.Review{DaysPlanned: 7, DaysCompleted: 7}, false, "active", "unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := *a
			if tt.declined {
				a.Agreement = homework.Agreement{Status: homework.Declined}
			}
			b, err := w.Bundle(notes.Input{Assignment: &a, Review: tt.review}, notes.Options{Subject: "Patient/1"})
			require.NoError(t, err)
			var bundle struct {
				Entry []struct {
					Resource struct {
						ResourceType string
						Status       string
						Activity     []struct{ Detail struct{ Status string } }
					}
				}
			}
			require.NoError(t, json.Unmarshal(b, &bundle))
			plan := bundle.Entry[len(bundle.Entry)-1].Resource
			require.Equal(t, "CarePlan", plan.ResourceType)
			assert.Equal(t, tt.plan, plan.Status)
			assert.Equal(t, tt.activity, plan.Activity[0].Detail.Status)
		})
	}
}

// PHQ-9 item 9 above 0 reaches the EHR as the item Observation's
// interpretation POS, with the safety follow-up beside it.
func TestBundleSelfHarmFlag(t *testing.T) {
	w := newWriter(t)
	a := &homework.Assignment{Task: homework.Task{What: "mood journal", Frequency: "daily", When: "at bedtime"}}
	for _, item9 := range []int{0, 1, 2, 3} {
		rv := &homework.Review{DaysPlanned: 7, DaysCompleted: 7, Outcome: homework.Continue,
			Measures:       []homework.Score{{Instrument: homework.PHQ9, Items: []int{1, 1, 1, 1, 1, 1, 1, 1, item9}, Date: "2026-11-02"}},
			SafetyFollowUp: "risk assessed; safety plan reviewed"}
		b, err := w.Bundle(notes.Input{Assignment: a, Review: rv}, notes.Options{Subject: "Patient/1"})
		require.NoError(t, err)
		var bundle struct {
			Entry []struct{ Resource map[string]any }
		}
		require.NoError(t, json.Unmarshal(b, &bundle))
		item := bundle.Entry[9].Resource // after the completion Observation and items 1–8
		assert.Contains(t, fmtJSON(item["code"]), "44260-8")
		answer, _ := homework.LOINCAnswer(item9)
		assert.Contains(t, fmtJSON(item["valueCodeableConcept"]), answer.Code)
		if item9 == 0 {
			assert.Nil(t, item["interpretation"], "item 9 scored 0 is not flagged")
			assert.NotContains(t, string(b), "risk assessed", "no follow-up without a flag")
			continue
		}
		assert.Contains(t, fmtJSON(item["interpretation"]), `"POS"`)
		assert.Contains(t, fmtJSON(item["note"]), "risk assessed; safety plan reviewed")
		panel := bundle.Entry[11].Resource
		assert.Contains(t, fmtJSON(panel["note"]), "risk assessed; safety plan reviewed")
	}
}

func fmtJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestBundleErrors(t *testing.T) {
	w := newWriter(t)
	a := &homework.Assignment{Task: homework.Task{What: "x"}}
	_, err := w.Bundle(notes.Input{Assignment: a}, notes.Options{})
	assert.ErrorIs(t, err, notes.ErrNoSubject)
	_, err = w.Bundle(notes.Input{Assignment: a}, notes.Options{Subject: "Jane Doe"})
	assert.ErrorContains(t, err, "not a FHIR reference")
	_, err = w.Bundle(notes.Input{Assignment: a}, notes.Options{Subject: "Patient/1", RequireComplete: true})
	var ce *homework.CheckError
	assert.True(t, errors.As(err, &ce), "an incomplete record is refused: %v", err)
	_, err = w.Bundle(notes.Input{}, notes.Options{Subject: "Patient/1"})
	assert.ErrorIs(t, err, notes.ErrNoAssignment)
}

// TestBundleValidates runs every golden Bundle through Medplum's validator
// (tools/fhir/validate.mjs) against the FHIR R4 StructureDefinitions.
func TestBundleValidates(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.fhir.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for i := range files {
		files[i], err = filepath.Abs(files[i])
		require.NoError(t, err)
	}
	out, ok := fhircheck.Run(t, files...)
	require.True(t, ok, "validator reports:\n%s", out)
	assert.Equal(t, len(files), strings.Count(out, ": ok\n"), "%s", out)

	// The validator must fail a broken Bundle, or passing means nothing.
	good, err := os.ReadFile(files[0])
	require.NoError(t, err)
	broken := strings.Replace(string(good), `"intent": "plan"`, `"intent": "wish"`, 1)
	broken = strings.Replace(broken, `"status": "final"`, `"state": "final"`, 1)
	bad := filepath.Join(t.TempDir(), "broken.json")
	require.NoError(t, os.WriteFile(bad, []byte(broken), 0o644))
	out, ok = fhircheck.Run(t, bad)
	require.False(t, ok, "the validator accepted a broken Bundle:\n%s", out)
	assert.Contains(t, out, `code "wish" is not in required ValueSet`)

	// Our own checks of codes and references each reject a Bundle that
	// Medplum alone would pass.
	review, err := os.ReadFile(filepath.Join("testdata", "golden", "sleep-sms.review.en.fhir.json"))
	require.NoError(t, err)
	var first struct {
		Entry []struct{ FullURL string }
	}
	require.NoError(t, json.Unmarshal(review, &first))
	broken2 := []struct{ name, from, to, want string }{
		{"LOINC code not checked", `"code": "44250-9"`, `"code": "44250-8"`, `LOINC code "44250-8" is not one of the checked codes`},
		{"interpretation code", `"code": "POS"`, `"code": "POSITIVE"`, `code "POSITIVE" is not defined in http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation`},
		{"observation category", `"code": "therapy"`, `"code": "homework"`, `code "homework" is not defined`},
		{"dangling reference", `"reference": "` + first.Entry[0].FullURL + `"`, `"reference": "urn:uuid:00000000-0000-5000-8000-000000000000"`, `resolves to no entry of the Bundle`},
		{"relative reference", `"reference": "Patient/example"`, `"reference": "Jane Doe"`, `is not Type/id with a known resource type`},
		{"member of the wrong type", `"hasMember": [`, `"hasMember": [{"reference": "` + first.Entry[0].FullURL + `"},`, `where Observation.hasMember allows Observation`},
	}
	// One run of node for all of them: starting the validator is the slow
	// part.
	tmp := t.TempDir()
	var paths []string
	for i, b := range broken2 {
		require.Contains(t, string(review), b.from, b.name)
		path := filepath.Join(tmp, fmt.Sprintf("broken%d.json", i))
		require.NoError(t, os.WriteFile(path, []byte(strings.Replace(string(review), b.from, b.to, 1)), 0o644))
		paths = append(paths, path)
	}
	out, ok = fhircheck.Run(t, paths...)
	require.False(t, ok)
	for i, b := range broken2 {
		var lines []string
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, paths[i]+": ") {
				lines = append(lines, l)
			}
		}
		assert.NotContains(t, lines, paths[i]+": ok", "the validator accepted a broken Bundle (%s)", b.name)
		assert.True(t, strings.Contains(strings.Join(lines, "\n"), b.want), "%s: want %q in:\n%s", b.name, b.want, strings.Join(lines, "\n"))
	}
}

func TestBundleSpanish(t *testing.T) {
	w := newWriter(t)
	a := &homework.Assignment{Task: homework.Task{What: "registro del ánimo", Frequency: "diario", When: "al acostarse"}}
	b, err := w.Bundle(notes.Input{Assignment: a}, notes.Options{Subject: "Patient/1", Lang: language.Spanish})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"periodUnit": "d"`)
	assert.Contains(t, string(b), `"description": "Registro del ánimo diario al acostarse"`)
}
