package notes_test

import (
	"strings"
	"testing"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/notes"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every checklist item and every rule (but RuleInvalid, which is an
// error) is reported by some case, and each gap is left out of the note.
func TestEveryGapReported(t *testing.T) {
	items := map[homework.Item]bool{}
	rules := map[homework.Rule]bool{}
	w := newWriter(t)
	for _, c := range cases(t) {
		f := notes.Check(c.in)
		for _, id := range f.Items() {
			items[id] = true
		}
		for _, id := range f.Rules() {
			rules[id] = true
		}
		n, err := w.Note(notes.SOAP, c.in, notes.Options{})
		require.NoError(t, err)
		assert.Equal(t, f, n.Gaps, c.name)
		// A gap is left out, never filled in with words that stand for
		// nothing.
		text := strings.ToLower(n.String())
		// Words match whole ("todo" is a filler, "todos los días" is not).
		for _, filler := range []string{`\bn/a\b`, `\btodo\b`, "not documented", "not recorded", "not specified", "unspecified", "unknown", `\[`, "<", `\(suggested\)`, `\(sugerencia\)`} {
			assert.NotRegexp(t, filler, text, "%s: the note fills a gap with %q", c.name, filler)
		}
		_, err = w.Note(notes.SOAP, c.in, notes.Options{RequireComplete: true})
		if f.OK() {
			assert.NoError(t, err, c.name)
		} else {
			var ce *homework.CheckError
			assert.ErrorAs(t, err, &ce, c.name)
		}
	}
	for _, id := range []homework.Item{
		homework.ItemTask, homework.ItemRationale, homework.ItemMethod, homework.ItemAgreement,
		homework.ItemBarriers, homework.ItemFollowUp, homework.ItemCompletion,
		homework.ItemClientExperience, homework.ItemInsights, homework.ItemModifications,
		notes.ItemMeasureDate,
	} {
		assert.True(t, items[id], "no case reports missing %s", id)
	}
	for _, id := range []homework.Rule{
		homework.RuleRemoteConsent, homework.RuleRemoteBoundaries, homework.RuleRemoteSecurity,
		homework.RuleDeclinedWithoutAlternatives, homework.RuleDeclinedNotExplored,
		homework.RuleDeclinedChannelUsed, homework.RuleAIWithoutHumanReview,
		homework.RuleRiskWithoutBackupPlan, homework.RuleAdaptationWithoutReason,
		homework.RuleLargePrintNotUsed, homework.RuleNeedsSmartphone, homework.RuleSelfHarmFollowUp,
		homework.RuleUnconfirmedSuggestion, homework.RuleBlankText,
	} {
		assert.True(t, rules[id], "no case breaks rule %s", id)
	}
}

// A note about an empty record is empty: nothing is filled in.
func TestNothingInvented(t *testing.T) {
	w := newWriter(t)
	for _, f := range notes.Styles() {
		n, err := w.Note(f, notes.Input{Assignment: &homework.Assignment{}}, notes.Options{})
		require.NoError(t, err)
		assert.Empty(t, n.Sections, f.String())
		assert.Len(t, n.Gaps.Missing, 6)
		n, err = w.Note(f, notes.Input{Assignment: &homework.Assignment{}, Review: &homework.Review{}}, notes.Options{})
		require.NoError(t, err)
		assert.Empty(t, n.Sections, f.String())
	}
}

func TestNoteErrors(t *testing.T) {
	w := newWriter(t)
	_, err := w.Note(notes.SOAP, notes.Input{}, notes.Options{})
	assert.ErrorIs(t, err, notes.ErrNoAssignment)
	_, err = w.Note(notes.Style(9), notes.Input{Assignment: &homework.Assignment{}}, notes.Options{})
	assert.ErrorContains(t, err, "invalid style")
	r := &homework.Review{DaysPlanned: 5, DaysCompleted: 7, ClientExperience: "SECRET"}
	_, err = w.Note(notes.SOAP, notes.Input{Assignment: &homework.Assignment{}, Review: r}, notes.Options{})
	assert.ErrorContains(t, err, "days_completed")
	assert.NotContains(t, err.Error(), "SECRET")
	_, err = w.Note(notes.SOAP, notes.Input{Assignment: &homework.Assignment{ID: "a"}, Review: &homework.Review{AssignmentID: "b"}}, notes.Options{})
	assert.ErrorContains(t, err, "review is for assignment")
}

func TestStyleText(t *testing.T) {
	for _, f := range notes.Styles() {
		b, err := f.MarshalText()
		require.NoError(t, err)
		var back notes.Style
		require.NoError(t, back.UnmarshalText([]byte(strings.ToUpper(string(b)))))
		assert.Equal(t, f, back)
	}
	var f notes.Style
	assert.ErrorContains(t, f.UnmarshalText([]byte("fhir")), "unknown style")
}

// FuzzNote writes every style from arbitrary YAML that decodes: it must
// never panic, and it is deterministic.
func FuzzNote(f *testing.F) {
	for _, c := range []string{"task:\n  what: x\n", "method:\n  channel: sms\n", "agreement:\n  status: declined\n"} {
		f.Add(c, "days_planned: 3\ndays_completed: 1\n")
	}
	w, err := notes.New(nil)
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, as, rs string) {
		a, err := decodeA(as)
		if err != nil {
			return
		}
		in := notes.Input{Assignment: a}
		if r, err := decodeR(rs); err == nil {
			in.Review = r
		}
		for _, fm := range notes.Styles() {
			n1, err1 := w.Note(fm, in, notes.Options{})
			n2, err2 := w.Note(fm, in, notes.Options{})
			if err1 != nil || err2 != nil {
				assert.Equal(t, err1, err2)
				continue
			}
			assert.Equal(t, n1.String(), n2.String())
		}
	})
}

// Issue 18: an "earlier" administration dated after the current one would
// read as an improvement in the note while the Bundle's dates say the
// opposite. Both refuse it, naming the field and never the scores.
func TestEarlierMeasureDatedAfterCurrent(t *testing.T) {
	w := newWriter(t)
	a := &homework.Assignment{Task: homework.Task{What: "mood journal", Frequency: "daily", When: "at bedtime"}}
	for _, tc := range []struct{ earlier, current string }{
		{"2026-11-02", "2026-10-05"},
		{"2027-01-01", "2026-12-31"},
		{"2026-10-06", "2026-10-05"},
	} {
		rv := &homework.Review{
			DaysPlanned: 7, DaysCompleted: 3,
			Measures: []homework.Score{{Instrument: homework.PHQ9, Items: []int{1, 1, 1, 1, 2, 1, 2, 1, 1}, Date: tc.current}},
			Earlier:  []homework.Score{{Instrument: homework.PHQ9, Items: []int{3, 3, 3, 3, 3, 3, 3, 3, 3}, Date: tc.earlier}},
		}
		in := notes.Input{Assignment: a, Review: rv}
		for _, f := range []notes.Style{notes.Narrative, notes.SOAP} {
			_, err := w.Note(f, in, notes.Options{})
			require.Error(t, err, "%s before %s", tc.earlier, tc.current)
			assert.Contains(t, err.Error(), "earlier_measures[0].date")
		}
		_, err := w.Bundle(in, notes.Options{Subject: "Patient/1"})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "earlier_measures[0].date")
		assert.NotContains(t, err.Error(), "27")
	}
}
