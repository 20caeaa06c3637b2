package homework_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/betweensessions/between/homework"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fullAssignment sets every field, so the golden file documents every name.
// All content is synthetic.
func fullAssignment() *homework.Assignment {
	return &homework.Assignment{
		ID: "a-002", SessionDate: "2026-11-02",
		Task: homework.Task{
			Kind: homework.SleepRoutine, What: "wind-down routine: lights low, no screens, one page of reading",
			Frequency: "every night", When: "from 22:30", Material: "the routine card provided", Minutes: 20,
		},
		Rationale: "to shorten sleep onset and steady mood",
		Method: homework.Method{
			Channel: homework.LargePrintPaper, Format: "tick box per night", Fit: "prefers paper; low vision",
			ClientChose: true,
			Contacts: []homework.Contact{
				{Channel: homework.SMS, Purpose: homework.PurposeReminder, Schedule: "Tuesday and Thursday 18:00"},
				{Channel: homework.SMS, Purpose: homework.PurposeCheckIn, Schedule: "Thursday", Minutes: 5, About: "review homework completion"},
			},
			Safeguards: []homework.Safeguards{safeguards(homework.SMS)},
			Declined: []homework.DeclinedMethod{{
				Channels: []homework.Channel{homework.MobileApp}, Reason: "worried about data use",
				AlternativesOffered: []string{"paper card", "SMS reminders"},
			}},
		},
		Barriers:  []homework.Barrier{{Concern: "late shifts on Fridays", Plan: "shorter routine after late shifts"}},
		FollowUp:  homework.FollowUp{When: "first 10 minutes of next session", How: "go through the card together"},
		Agreement: homework.Agreement{Status: homework.Agreed, Understood: true, Restated: true, Questions: "whether a missed night still counts"},
		Worksheet: &homework.WorksheetRef{
			Template: "sleep-routine", Language: "es-MX", Variant: homework.VariantLargePrint,
			Params: map[string]string{"wake_time": "6:30", "bed_time": "23:00"}, Basis: "work schedule",
		},
		Safety:      &homework.Safety{Considerations: "sleep restriction may raise daytime sleepiness", BackupPlan: "no driving when drowsy; call the clinic"},
		Preparation: []string{"print the large-print card in Spanish"},
		Adaptations: homework.Adaptations{
			Cultural:       &homework.CulturalAdaptation{FamilyParticipation: true, Details: "partner joins the routine", Reason: "client asked to include partner"},
			Neurodivergent: &homework.NeurodivergentAdaptation{Parts: 2, MinutesPerPart: 10, Routines: []string{"after dinner", "after brushing teeth"}, SpecialInterests: []string{"astronomy"}, Reason: "long tasks are hard to start"},
			Language:       &homework.LanguageAdaptation{Language: "es-MX", Translated: true, ReadingGrade: 6, Reason: "first language Spanish"},
			Vision:         &homework.VisionAdaptation{LargePrint: true, Details: "high contrast", Reason: "low vision"},
			Literacy:       &homework.LiteracyAdaptation{Approach: "pictures beside each step", Reason: "reads slowly"},
			Access:         &homework.AccessAdaptation{LimitedData: true, Details: "prepaid phone", Reason: "limited data plan"},
		},
		AISuggested: true,
		AIReview:    &homework.HumanReview{Reviewer: "treating clinician", Decision: homework.ApprovedWithChanges, Changes: "removed caffeine advice"},
	}
}

func fullReview() *homework.Review {
	return &homework.Review{
		AssignmentID: "a-002", SessionDate: "2026-11-09", DaysPlanned: 7, DaysCompleted: 6,
		ClientExperience: "the card on the fridge helped",
		Insights:         "fell asleep faster on routine nights",
		BarriersMet:      []homework.Barrier{{Concern: "late shift on Friday", Plan: "five-minute version"}},
		Modifications:    "keep the routine; add a five-minute version",
		Outcome:          homework.Modify,
		Measures: []homework.Score{
			{Instrument: homework.PHQ9, Items: []int{1, 1, 2, 1, 1, 1, 1, 1, 1}},
			{Instrument: homework.GAD7, Items: []int{1, 1, 1, 0, 0, 1, 1}},
		},
		Custom:         []homework.CustomMeasure{{Name: "average nightly mood", Value: 6.4, Min: 1, Max: 10}},
		SafetyFollowUp: "risk assessed the same day; safety plan reviewed",
	}
}

func TestFixturesPassTheirChecklists(t *testing.T) {
	assert.Equal(t, "ok", fullAssignment().Check().String())
	assert.Equal(t, "ok", fullReview().Check().String())
}

// golden compares got with testdata/name, or rewrites it with -update.
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

func TestJSONRoundTrip(t *testing.T) {
	tests := []struct {
		file string
		v    any
		zero func() any
	}{
		{"assignment.json", fullAssignment(), func() any { return new(homework.Assignment) }},
		{"assignment-minimal.json", moodJournal(), func() any { return new(homework.Assignment) }},
		{"review.json", fullReview(), func() any { return new(homework.Review) }},
		{"empty-assignment.json", &homework.Assignment{}, func() any { return new(homework.Assignment) }},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := json.MarshalIndent(tt.v, "", "  ")
			require.NoError(t, err)
			b = append(b, '\n')
			golden(t, tt.file, b)

			back := tt.zero()
			d := json.NewDecoder(bytes.NewReader(b))
			d.DisallowUnknownFields()
			require.NoError(t, d.Decode(back))
			assert.Equal(t, tt.v, back)
		})
	}
}

func TestJSONEnumErrors(t *testing.T) {
	var a homework.Assignment
	err := json.Unmarshal([]byte(`{"method":{"channel":"fax"}}`), &a)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "homework: unknown channel")
}

func FuzzJSONAssignment(f *testing.F) {
	for _, a := range []*homework.Assignment{moodJournal(), fullAssignment()} {
		b, err := json.Marshal(a)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(`{"task":{"kind":"nope"}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var a homework.Assignment
		if json.Unmarshal(b, &a) != nil {
			return
		}
		_ = a.Check()
		if a.Validate() != nil {
			return
		}
		// A valid decoded value encodes and decodes to itself.
		out, err := json.Marshal(&a)
		require.NoError(t, err)
		var back homework.Assignment
		require.NoError(t, json.Unmarshal(out, &back))
		again, err := json.Marshal(&back)
		require.NoError(t, err)
		require.JSONEq(t, string(out), string(again))
	})
}
