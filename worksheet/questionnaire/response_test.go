package questionnaire_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/worksheet/questionnaire"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// measureResponse is a synthetic response to a measure with the given item
// scores, answered with the LOINC answer codes.
func measureResponse(q *questionnaire.Questionnaire, in homework.Instrument, scores []int) map[string]any {
	var items []any
	for i, it := range in.LOINCItems() {
		a, _ := homework.LOINCAnswer(scores[i])
		items = append(items, map[string]any{
			"linkId": it.Code,
			"answer": []any{map[string]any{"valueCoding": map[string]any{"system": "http://loinc.org", "code": a.Code, "display": a.Text}}},
		})
	}
	return map[string]any{
		"resourceType":  "QuestionnaireResponse",
		"questionnaire": q.URL(),
		"status":        "completed",
		"subject":       map[string]any{"reference": "Patient/example"},
		"authored":      "2026-10-12T18:30:00Z",
		"item":          items,
	}
}

func marshal(t testing.TB, v any) []byte {
	b, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err)
	return append(b, '\n')
}

func TestReadMeasureResponse(t *testing.T) {
	for _, tc := range []struct {
		in     homework.Instrument
		scores []int
	}{
		{homework.PHQ9, []int{1, 2, 1, 0, 3, 1, 0, 1, 2}},
		{homework.GAD7, []int{3, 2, 2, 1, 0, 1, 0}},
	} {
		q, err := questionnaire.Measure(tc.in)
		require.NoError(t, err)
		data := marshal(t, measureResponse(q, tc.in, tc.scores))
		golden(t, "response/"+tc.in.String()+".json", data)
		rv, err := q.ReadResponse("r.json", data)
		require.NoError(t, err)
		require.Len(t, rv.Measures, 1)
		s := rv.Measures[0]
		assert.Equal(t, tc.in, s.Instrument)
		assert.Equal(t, tc.scores, s.Items)
		assert.Equal(t, "2026-10-12", s.Date)
		assert.NoError(t, rv.Validate())
		if tc.in == homework.PHQ9 {
			assert.True(t, rv.SelfHarmFlag(), "item 9 scored 2 reaches the review")
			assert.Equal(t, 11, s.Total())
		}
	}
}

func TestReadWorksheetResponse(t *testing.T) {
	en, es := parse(t, "mood-journal")
	q, err := questionnaire.FromWorksheet(en, es)
	require.NoError(t, err)
	day := func(d int, mood string) any {
		return map[string]any{"linkId": fmt.Sprintf("tracker-1.day-%d", d), "item": []any{
			map[string]any{"linkId": fmt.Sprintf("tracker-1.day-%d.row-1", d), "answer": []any{map[string]any{"valueString": mood}}},
		}}
	}
	resp := map[string]any{
		"resourceType":  "QuestionnaireResponse",
		"questionnaire": q.URL(),
		"status":        "completed",
		"authored":      "2026-10-12",
		"item": []any{
			map[string]any{"linkId": "task-1", "answer": []any{map[string]any{"valueBoolean": true}}},
			map[string]any{"linkId": "scale-1", "answer": []any{map[string]any{"valueInteger": 6}}},
			map[string]any{"linkId": "lines-1", "answer": []any{map[string]any{"valueString": "walked with a friend"}}},
			map[string]any{"linkId": "tracker-1", "item": []any{day(1, "4"), day(2, "5"), day(4, "7"), map[string]any{"linkId": "tracker-1.day-6"}}},
			map[string]any{"linkId": "group-1", "item": []any{
				map[string]any{"linkId": "blank-1", "answer": []any{map[string]any{"valueString": "Thursday"}}},
			}},
		},
	}
	data := marshal(t, resp)
	golden(t, "response/mood-journal.json", data)
	rv, err := q.ReadResponse("r.json", data)
	require.NoError(t, err)
	assert.Equal(t, 7, rv.DaysPlanned)
	assert.Equal(t, 3, rv.DaysCompleted, "days 1, 2 and 4; a blank cell is not a day done")
	pct, err := rv.CompletionRate()
	require.NoError(t, err)
	assert.Equal(t, 43, pct)
	assert.Empty(t, rv.ClientExperience, "the client's written answers are not copied into the review")

	// No tracker: nothing about days is claimed.
	en2, es2 := parse(t, "thought-record")
	q2, err := questionnaire.FromWorksheet(en2, es2)
	require.NoError(t, err)
	rv, err = q2.ReadResponse("r.json", marshal(t, map[string]any{"resourceType": "QuestionnaireResponse", "questionnaire": q2.URL(), "status": "completed"}))
	require.NoError(t, err)
	assert.Zero(t, rv.DaysPlanned)
}

// A response that does not fit is an error naming the item's linkId, and
// never the client's answer.
func TestReadResponseErrors(t *testing.T) {
	phq, err := questionnaire.Measure(homework.PHQ9)
	require.NoError(t, err)
	gad, err := questionnaire.Measure(homework.GAD7)
	require.NoError(t, err)
	en, es := parse(t, "mood-journal")
	mood, err := questionnaire.FromWorksheet(en, es)
	require.NoError(t, err)
	good := func() map[string]any { return measureResponse(phq, homework.PHQ9, []int{1, 1, 1, 1, 1, 1, 1, 1, 1}) }
	items := func(r map[string]any) []any { return r["item"].([]any) }
	tests := []struct {
		name   string
		q      *questionnaire.Questionnaire
		edit   func(r map[string]any) map[string]any
		link   string
		reason string
	}{
		{"another questionnaire", gad, func(r map[string]any) map[string]any { return r }, "", "for another questionnaire"},
		{"answer code out of range", phq, func(r map[string]any) map[string]any {
			items(r)[8].(map[string]any)["answer"] = []any{map[string]any{"valueCoding": map[string]any{"system": "http://loinc.org", "code": "LA9999-9"}}}
			return r
		}, "44260-8", "not one of the LOINC answers"},
		{"unanswered item", phq, func(r map[string]any) map[string]any {
			r["item"] = items(r)[:8]
			return r
		}, "44260-8", "required and not answered"},
		{"unknown item", phq, func(r map[string]any) map[string]any {
			r["item"] = append(items(r), map[string]any{"linkId": "extra-SECRET", "answer": []any{map[string]any{"valueString": "x"}}})
			return r
		}, "extra-SECRET", "no such item"},
		{"wrong answer type", phq, func(r map[string]any) map[string]any {
			items(r)[0].(map[string]any)["answer"] = []any{map[string]any{"valueString": "SECRET feeling"}}
			return r
		}, "44250-9", "valueCoding"},
		{"two answers", phq, func(r map[string]any) map[string]any {
			a := items(r)[0].(map[string]any)["answer"].([]any)
			items(r)[0].(map[string]any)["answer"] = append(a, a[0])
			return r
		}, "44250-9", "more than one answer"},
		{"in progress", phq, func(r map[string]any) map[string]any { r["status"] = "in-progress"; return r }, "", "not completed"},
		{"not a response", phq, func(r map[string]any) map[string]any { r["resourceType"] = "Observation"; return r }, "", "not a QuestionnaireResponse"},
		{"scale out of range", mood, func(map[string]any) map[string]any {
			return map[string]any{"resourceType": "QuestionnaireResponse", "questionnaire": mood.URL(), "status": "completed",
				"item": []any{map[string]any{"linkId": "scale-1", "answer": []any{map[string]any{"valueInteger": 11}}}}}
		}, "scale-1", "out of range 1–10"},
		{"answer to a display item", mood, func(map[string]any) map[string]any {
			return map[string]any{"resourceType": "QuestionnaireResponse", "questionnaire": mood.URL(), "status": "completed",
				"item": []any{map[string]any{"linkId": "heading-1", "answer": []any{map[string]any{"valueString": "SECRET"}}}}}
		}, "heading-1", "has no answers"},
		{"date answer to a text item", mood, func(map[string]any) map[string]any {
			return map[string]any{"resourceType": "QuestionnaireResponse", "questionnaire": mood.URL(), "status": "completed",
				"item": []any{map[string]any{"linkId": "lines-1", "answer": []any{map[string]any{"valueDate": "2026-10-12"}}}}}
		}, "lines-1", "a type this item does not take"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.q.ReadResponse("resp.json", marshal(t, tt.edit(good())))
			var re *questionnaire.ResponseError
			require.True(t, errors.As(err, &re), "%v", err)
			assert.Equal(t, tt.link, re.LinkID)
			assert.Contains(t, err.Error(), tt.reason)
			assert.Contains(t, err.Error(), "questionnaire: resp.json:")
			if tt.link != "extra-SECRET" {
				assert.NotContains(t, err.Error(), "SECRET")
			}
		})
	}
	_, err = phq.ReadResponse("resp.json", []byte("{not json SECRET"))
	assert.ErrorContains(t, err, "not JSON")
	assert.NotContains(t, err.Error(), "SECRET")
	long := strings.Repeat("x", 200)
	r := good()
	r["item"] = append(items(r), map[string]any{"linkId": long})
	_, err = phq.ReadResponse("resp.json", marshal(t, r))
	assert.ErrorContains(t, err, "no such item")
	assert.NotContains(t, err.Error(), long, "a foreign linkId is cut")
}

// The synthetic responses are valid FHIR too.
func TestResponsesValidate(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "response", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	out := validate(t, files...)
	assert.Equal(t, len(files), strings.Count(out, ": ok\n"), "validator reports:\n%s", out)
}

// The validator rejects a broken Questionnaire.
func TestBrokenQuestionnaireRejected(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "worksheet", "mood-journal.json"))
	require.NoError(t, err)
	broken := map[string][2]string{
		"unknown item type": {`"type": "integer"`, `"type": "slider"`},
		"unknown extension": {`"url": "http://hl7.org/fhir/StructureDefinition/minValue"`, `"url": "http://example.org/min"`},
		"wrong value type":  {"\"valueInteger\": 1\n", "\"valueString\": \"1\"\n"},
		"bad translation":   {`"url": "lang"`, `"url": "language"`},
		"bad item control":  {`"code": "slider"`, `"code": "dial"`},
		"duplicate linkId":  {`"linkId": "task-2"`, `"linkId": "task-1"`},
	}
	dir := t.TempDir()
	var names, files []string
	for name, fromTo := range broken {
		require.True(t, strings.Contains(string(good), fromTo[0]), name)
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".json")
		require.NoError(t, os.WriteFile(p, []byte(strings.Replace(string(good), fromTo[0], fromTo[1], 1)), 0o644))
		names, files = append(names, name), append(files, p)
	}
	out := validate(t, files...)
	for i, f := range files {
		assert.NotContains(t, out, f+": ok", "the validator accepted a broken Questionnaire: %s", names[i])
		assert.Contains(t, out, f+": ", names[i])
	}
}

func TestTranslationMustMatch(t *testing.T) {
	en, _ := parse(t, "mood-journal")
	_, other := parse(t, "sleep-routine")
	_, err := questionnaire.FromWorksheet(en, other)
	assert.ErrorContains(t, err, "is not a translation of")
	p := en.Body
	short := *en
	short.Body = p[:len(p)-2]
	short.Lang = other.Lang
	_, err = questionnaire.FromWorksheet(en, &short)
	assert.ErrorContains(t, err, "does not have the same fill-in places")
}

func FuzzReadResponse(f *testing.F) {
	phq, err := questionnaire.Measure(homework.PHQ9)
	require.NoError(f, err)
	for _, name := range []string{"phq-9.json", "mood-journal.json", "gad-7.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", "response", name))
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(`{"resourceType":"QuestionnaireResponse","item":[{"linkId":"x","item":[{"linkId":"x"}]}]}`))
	en, es := parse(f, "mood-journal")
	mood, err := questionnaire.FromWorksheet(en, es)
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, q := range []*questionnaire.Questionnaire{phq, mood} {
			rv, err := q.ReadResponse("f.json", data)
			if err != nil {
				var re *questionnaire.ResponseError
				if !errors.As(err, &re) {
					t.Fatalf("not a ResponseError: %v", err)
				}
				continue
			}
			if err := rv.Validate(); err != nil {
				t.Fatalf("a response read into an invalid review: %v", err)
			}
		}
	})
}
