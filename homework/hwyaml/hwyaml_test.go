package hwyaml_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/homework/hwyaml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// readJSON loads one of package homework's golden JSON fixtures.
func readJSON(t testing.TB, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, v))
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got), "%s differs; run go test -update if the change is intended", path)
}

func TestAssignmentRoundTrip(t *testing.T) {
	for _, name := range []string{"assignment", "assignment-minimal", "empty-assignment"} {
		t.Run(name, func(t *testing.T) {
			var a homework.Assignment
			readJSON(t, name+".json", &a)
			var buf bytes.Buffer
			require.NoError(t, hwyaml.Encode(&buf, &a))
			golden(t, name+".yaml", buf.Bytes())

			back, err := hwyaml.DecodeAssignment(name+".yaml", &buf)
			require.NoError(t, err)
			assert.Equal(t, &a, back)
		})
	}
}

func TestReviewRoundTrip(t *testing.T) {
	var r homework.Review
	readJSON(t, "review.json", &r)
	var buf bytes.Buffer
	require.NoError(t, hwyaml.Encode(&buf, r))
	golden(t, "review.yaml", buf.Bytes())
	back, err := hwyaml.DecodeReview("review.yaml", &buf)
	require.NoError(t, err)
	assert.Equal(t, &r, back)
}

// The YAML and JSON names are the same: a document converted field by field
// from the JSON golden file decodes to the same value.
func TestYAMLNamesMatchJSON(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "assignment.json"))
	require.NoError(t, err)
	// JSON is YAML: decoding the JSON text with the strict YAML decoder
	// proves every JSON name is also a known YAML name.
	fromYAML, err := hwyaml.DecodeAssignment("assignment.json", bytes.NewReader(b))
	require.NoError(t, err)
	var fromJSON homework.Assignment
	require.NoError(t, json.Unmarshal(b, &fromJSON))
	assert.Equal(t, &fromJSON, fromYAML)
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name   string
		review bool
		src    string
		want   string
	}{
		{"unknown top-level field", false, "rationale: x\nrationle: y\n",
			`hwyaml: a.yaml:2:1: unknown key "rationle" in the assignment (did you mean "rationale"?)`},
		{"unknown nested field", false, "task:\n  what: rate mood\n  often: daily\n",
			"hwyaml: a.yaml:3:3: an unknown key in task; the known keys are frequency, kind, material, minutes, what, when"},
		{"unknown enum value", false, "task:\n  what: x\nmethod:\n  channel: fax\n",
			"hwyaml: a.yaml:4:12: method.channel: unknown channel (want one of paper, large-print-paper, mobile-app, sms, phone-check-in, email, encrypted-messaging, in-session, family-activity, ai-assisted-app)"},
		{"unknown enum in a list", false, "method:\n  safeguards:\n    - channel: sms\n      security:\n        measures: [initials-only, carrier-pigeon]\n",
			"hwyaml: a.yaml:5:35: method.safeguards[0].security.measures[1]: unknown security measure (want one of end-to-end-encryption, initials-only, no-identifying-details, code-words)"},
		{"wrong type hides the value", true, "days_planned: seven SECRET\n",
			"hwyaml: r.yaml:1:15: days_planned: want a whole number such as 10"},
		{"syntax error", false, "task: [\n", "hwyaml: a.yaml:1:7: the assignment is not valid YAML: did not find expected node content"},
		{"empty", false, "", "hwyaml: a.yaml: empty document"},
		{"only a comment", false, "# nothing\n", "hwyaml: a.yaml: empty document"},
		{"invalid after decoding", true, "days_planned: 5\ndays_completed: 7\n",
			"hwyaml: r.yaml:2:17: days_completed: more days completed than planned"},
		{"short PHQ-9", true, "measures:\n  - instrument: phq-9\n    items: [1, 2]\n",
			"hwyaml: r.yaml:2:5: measures[0]: phq-9: want 9 items, got 2"},
		{"earlier measure dated after the current one", true,
			"measures:\n  - instrument: phq-9\n    date: 2026-10-05\n    items: [1, 1, 1, 1, 1, 1, 1, 1, 0]\n" +
				"earlier_measures:\n  - instrument: phq-9\n    date: 2026-11-02\n    items: [3, 3, 3, 3, 3, 3, 3, 3, 0]\n",
			"hwyaml: r.yaml:7:11: earlier_measures[0].date: dated after measures[0], the current phq-9"},
		{"unknown review outcome", true, "outcome: carry on SECRET\n",
			"hwyaml: r.yaml:1:10: outcome: unknown review outcome (want one of continue, modify, complete, stop)"},
		{"unknown review field", true, "days_planned: 7\ninsight: x\n",
			`hwyaml: r.yaml:2:1: unknown key "insight" in the review (did you mean "insights"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.review {
				_, err = hwyaml.DecodeReview("r.yaml", strings.NewReader(tt.src))
			} else {
				_, err = hwyaml.DecodeAssignment("a.yaml", strings.NewReader(tt.src))
			}
			require.EqualError(t, err, tt.want)
			assert.NotContains(t, err.Error(), "SECRET")
		})
	}
}

func TestDecodeDraft(t *testing.T) {
	a, err := hwyaml.DecodeAssignment("draft.yaml", strings.NewReader("task:\n  what: rate mood\n"))
	require.NoError(t, err, "an incomplete draft decodes")
	assert.False(t, a.Check().OK())
}

func seeds(f *testing.F) {
	for _, name := range []string{"assignment.yaml", "assignment-minimal.yaml", "review.yaml"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte("method:\n  channel: fax\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("measures:\n  - instrument: gad-7\n    items: [9]\n"))
	f.Add([]byte("task:\n  minutes: 1e9\ndays_planned: 9223372036854775807\n"))
	f.Add([]byte("rationale: &r [x, x]\nbarriers: [*r, *r]\n"))
	f.Add([]byte("rationale: ~\nid: null\n"))
	f.Add([]byte("She said it was awful: yes\n"))
}

// checkErr checks an error of a fuzzed decode: each is a *diag.Error
// named after the file, at a line inside it, quoting no line of it.
func checkErr(t *testing.T, err error, src []byte) {
	t.Helper()
	require.True(t, strings.HasPrefix(err.Error(), "hwyaml: fuzz.yaml"), "error prefix: %v", err)
	var e *diag.Error
	require.True(t, errors.As(err, &e), "a *diag.Error: %v", err)
	assert.Empty(t, e.Src)
	assert.LessOrEqual(t, e.Line, bytes.Count(src, []byte{'\n'})+1, "%v", err)
}

// roundTrip checks that encoding v, decoding it and encoding it again gives
// the same YAML. (Comparing values would fail on empty versus nil slices,
// which encode alike.)
func roundTrip(t *testing.T, v any, decode func([]byte) (any, error)) {
	t.Helper()
	var first, second bytes.Buffer
	require.NoError(t, hwyaml.Encode(&first, v))
	back, err := decode(first.Bytes())
	require.NoError(t, err, "decoding our own output:\n%s", first.String())
	require.NoError(t, hwyaml.Encode(&second, back))
	require.Equal(t, first.String(), second.String())
}

func FuzzDecodeAssignment(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := hwyaml.DecodeAssignment("fuzz.yaml", bytes.NewReader(b))
		if err != nil {
			checkErr(t, err, b)
			return
		}
		assert.LessOrEqual(t, a.Task.Minutes, homework.MaxMinutes)
		_ = a.Check()
		roundTrip(t, a, func(b []byte) (any, error) { return hwyaml.DecodeAssignment("again.yaml", bytes.NewReader(b)) })
	})
}

func FuzzDecodeReview(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := hwyaml.DecodeReview("fuzz.yaml", bytes.NewReader(b))
		if err != nil {
			checkErr(t, err, b)
			return
		}
		assert.LessOrEqual(t, r.DaysPlanned, homework.MaxDays)
		_ = r.Check()
		roundTrip(t, r, func(b []byte) (any, error) { return hwyaml.DecodeReview("again.yaml", bytes.NewReader(b)) })
	})
}

func TestEncodeError(t *testing.T) {
	err := hwyaml.Encode(&bytes.Buffer{}, homework.Task{Kind: 99})
	assert.EqualError(t, err, "hwyaml: homework: invalid kind value 99")
}

func TestLine(t *testing.T) {
	src := []byte("task:\n  what: x\nmethod:\n  reminders:\n    - channel: sms\n      schedule: a\n    - channel: sms\n      schedule: b\n")
	assert.Equal(t, 8, hwyaml.Line(src, "method.reminders[1].schedule"))
	assert.Equal(t, 6, hwyaml.Line(src, "method.reminders[0].schedule"))
	assert.Equal(t, 5, hwyaml.Line(src, "method.reminders[5].schedule"), "the list, the deepest part that exists")
	assert.Equal(t, 2, hwyaml.Line(src, "task.what"))
	assert.Equal(t, 0, hwyaml.Line([]byte("task: ["), "task"))
}

// A suggestion mark is part of the text: it survives encoding and decoding
// in both languages, including text YAML must quote.
func TestSuggestionRoundTrip(t *testing.T) {
	a := &homework.Assignment{
		Rationale: homework.Suggest("A fixed wake-up time: the strongest anchor", "en"),
		Barriers:  []homework.Barrier{{Concern: homework.Suggest("duerme hasta tarde", "es"), Plan: homework.Suggest("#1 plan: alarm", "en")}},
	}
	var buf bytes.Buffer
	require.NoError(t, hwyaml.Encode(&buf, a))
	assert.Contains(t, buf.String(), "(suggested) A fixed wake-up time", "the mark is visible in the file")
	back, err := hwyaml.DecodeAssignment("a.yaml", &buf)
	require.NoError(t, err)
	assert.Equal(t, a.Rationale, back.Rationale)
	assert.Equal(t, a.Barriers, back.Barriers)
	assert.True(t, homework.Suggested(back.Barriers[0].Concern))
	assert.Equal(t, "#1 plan: alarm", homework.Confirm(back.Barriers[0].Plan))
}
