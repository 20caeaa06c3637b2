package homework_test

import (
	"math"
	"testing"

	"github.com/betweensessions/between/homework"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// itemsFor returns n item scores, each 0–3, that add up to total.
func itemsFor(n, total int) []int {
	items := make([]int, n)
	for i := range items {
		v := min(total, homework.MaxItem)
		items[i] = v
		total -= v
	}
	return items
}

func TestSeverityBands(t *testing.T) {
	tests := []struct {
		in    homework.Instrument
		total int
		want  homework.Severity
	}{
		{homework.PHQ9, 0, homework.Minimal},
		{homework.PHQ9, 4, homework.Minimal},
		{homework.PHQ9, 5, homework.Mild},
		{homework.PHQ9, 9, homework.Mild},
		{homework.PHQ9, 10, homework.Moderate},
		{homework.PHQ9, 14, homework.Moderate},
		{homework.PHQ9, 15, homework.ModeratelySevere},
		{homework.PHQ9, 19, homework.ModeratelySevere},
		{homework.PHQ9, 20, homework.Severe},
		{homework.PHQ9, 27, homework.Severe},
		{homework.GAD7, 0, homework.Minimal},
		{homework.GAD7, 4, homework.Minimal},
		{homework.GAD7, 5, homework.Mild},
		{homework.GAD7, 9, homework.Mild},
		{homework.GAD7, 10, homework.Moderate},
		{homework.GAD7, 14, homework.Moderate},
		{homework.GAD7, 15, homework.Severe},
		{homework.GAD7, 19, homework.Severe},
		{homework.GAD7, 20, homework.Severe},
		{homework.GAD7, 21, homework.Severe},
	}
	for _, tt := range tests {
		t.Run(tt.in.String()+"/"+tt.want.String(), func(t *testing.T) {
			s, err := homework.NewScore(tt.in, itemsFor(tt.in.Items(), tt.total)...)
			require.NoError(t, err)
			require.Equal(t, tt.total, s.Total())
			assert.Equal(t, tt.want, s.Severity(), "total %d", tt.total)
		})
	}
}

func TestScoreErrors(t *testing.T) {
	tests := []struct {
		name  string
		in    homework.Instrument
		items []int
		want  string
	}{
		{"phq-9 with 8 items", homework.PHQ9, itemsFor(8, 0), "homework: phq-9: want 9 items, got 8"},
		{"phq-9 with 10 items", homework.PHQ9, itemsFor(10, 0), "homework: phq-9: want 9 items, got 10"},
		{"gad-7 with 9 items", homework.GAD7, itemsFor(9, 0), "homework: gad-7: want 7 items, got 9"},
		{"gad-7 empty", homework.GAD7, nil, "homework: gad-7: want 7 items, got 0"},
		{"item above 3", homework.PHQ9, []int{0, 0, 4, 0, 0, 0, 0, 0, 0}, "homework: phq-9 item 3: out of range 0–3"},
		{"negative item", homework.GAD7, []int{0, 0, 0, 0, 0, 0, -1}, "homework: gad-7 item 7: out of range 0–3"},
		{"unknown instrument", 0, itemsFor(9, 0), "homework: score: unknown instrument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := homework.NewScore(tt.in, tt.items...)
			require.EqualError(t, err, tt.want)
			assert.Zero(t, s.Severity(), "an invalid score has no band")
			assert.False(t, s.SelfHarmFlag())
		})
	}
}

func TestNewScoreCopiesItems(t *testing.T) {
	items := itemsFor(7, 3)
	s, err := homework.NewScore(homework.GAD7, items...)
	require.NoError(t, err)
	items[0] = 3
	assert.Equal(t, 3, s.Total())
}

func TestSelfHarmFlag(t *testing.T) {
	for item9 := 0; item9 <= 3; item9++ {
		items := []int{0, 0, 0, 0, 0, 0, 0, 0, item9}
		s, err := homework.NewScore(homework.PHQ9, items...)
		require.NoError(t, err)
		assert.Equal(t, item9 > 0, s.SelfHarmFlag(), "item 9 = %d", item9)
	}
	// A GAD-7 has no item 9; a high total alone does not flag.
	s, err := homework.NewScore(homework.PHQ9, 3, 3, 3, 3, 3, 3, 3, 3, 0)
	require.NoError(t, err)
	assert.False(t, s.SelfHarmFlag())
	g, err := homework.NewScore(homework.GAD7, 3, 3, 3, 3, 3, 3, 3)
	require.NoError(t, err)
	assert.False(t, g.SelfHarmFlag())
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name          string
		in            homework.Instrument
		before, after int
		points        int
		percent       int
		defined       bool
		response      bool
		improved      bool
		deteriorated  bool
		from, to      homework.Severity
	}{
		{"issue example", homework.PHQ9, 15, 11, -4, -27, true, false, false, false, homework.ModeratelySevere, homework.Moderate},
		{"exactly half is a response", homework.PHQ9, 10, 5, -5, -50, true, true, false, false, homework.Moderate, homework.Mild},
		{"just under half", homework.PHQ9, 11, 6, -5, -45, true, false, false, false, homework.Moderate, homework.Mild},
		{"reliable improvement at 6", homework.PHQ9, 20, 14, -6, -30, true, false, true, false, homework.Severe, homework.Moderate},
		{"5 is not reliable on the PHQ-9", homework.PHQ9, 20, 15, -5, -25, true, false, false, false, homework.Severe, homework.ModeratelySevere},
		{"reliable deterioration", homework.PHQ9, 4, 10, 6, 150, true, false, false, true, homework.Minimal, homework.Moderate},
		{"from zero", homework.PHQ9, 0, 3, 3, 0, false, false, false, false, homework.Minimal, homework.Minimal},
		{"zero to zero", homework.GAD7, 0, 0, 0, 0, false, false, false, false, homework.Minimal, homework.Minimal},
		{"gad-7 reliable at 4", homework.GAD7, 12, 8, -4, -33, true, false, true, false, homework.Moderate, homework.Mild},
		{"gad-7 3 points not reliable", homework.GAD7, 12, 9, -3, -25, true, false, false, false, homework.Moderate, homework.Mild},
		{"gad-7 response to zero", homework.GAD7, 21, 0, -21, -100, true, true, true, false, homework.Severe, homework.Minimal},
		{"rounding half away from zero", homework.GAD7, 8, 7, -1, -13, true, false, false, false, homework.Mild, homework.Mild},
		{"rounding half up on a rise", homework.GAD7, 8, 9, 1, 13, true, false, false, false, homework.Mild, homework.Mild},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := tt.in.Items()
			b, err := homework.NewScore(tt.in, itemsFor(n, tt.before)...)
			require.NoError(t, err)
			a, err := homework.NewScore(tt.in, itemsFor(n, tt.after)...)
			require.NoError(t, err)
			c, err := homework.Compare(b, a)
			require.NoError(t, err)
			assert.Equal(t, homework.Change{
				Instrument: tt.in, Before: tt.before, After: tt.after, From: tt.from, To: tt.to,
				Points: tt.points, Percent: tt.percent, PercentDefined: tt.defined, Response: tt.response,
				ReliableImprovement: tt.improved, ReliableDeterioration: tt.deteriorated,
			}, c)
		})
	}
}

func TestCompareErrors(t *testing.T) {
	phq, err := homework.NewScore(homework.PHQ9, itemsFor(9, 10)...)
	require.NoError(t, err)
	gad, err := homework.NewScore(homework.GAD7, itemsFor(7, 10)...)
	require.NoError(t, err)
	_, err = homework.Compare(phq, gad)
	assert.EqualError(t, err, "homework: cannot compare phq-9 with gad-7")
	bad := homework.Score{Instrument: homework.PHQ9, Items: []int{1}}
	_, err = homework.Compare(bad, phq)
	assert.Error(t, err)
	_, err = homework.Compare(phq, bad)
	assert.Error(t, err)
}

func TestReliableChangeThresholds(t *testing.T) {
	assert.Equal(t, 6, homework.PHQ9.ReliableChange())
	assert.Equal(t, 4, homework.GAD7.ReliableChange())
	assert.Equal(t, 0, homework.Instrument(0).ReliableChange())
}

func TestCustomMeasure(t *testing.T) {
	tests := []struct {
		name string
		m    homework.CustomMeasure
		ok   bool
	}{
		{"on scale", homework.CustomMeasure{Name: "mood", Value: 6.4, Min: 1, Max: 10}, true},
		{"at edges", homework.CustomMeasure{Name: "mood", Value: 10, Min: 1, Max: 10}, true},
		{"no scale", homework.CustomMeasure{Name: "hours slept", Value: 42.5, Unit: "hours"}, true},
		{"below scale", homework.CustomMeasure{Name: "mood", Value: 0.5, Min: 1, Max: 10}, false},
		{"inverted scale", homework.CustomMeasure{Name: "mood", Value: 5, Min: 10, Max: 1}, false},
		{"no name", homework.CustomMeasure{Value: 5}, false},
		{"NaN", homework.CustomMeasure{Name: "mood", Value: math.NaN()}, false},
		{"infinite", homework.CustomMeasure{Name: "mood", Value: math.Inf(1)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.ok, tt.m.Validate() == nil)
		})
	}
}

func TestCompletionPercent(t *testing.T) {
	tests := []struct {
		done, planned int
		want          int
		err           string
	}{
		{6, 7, 86, ""},
		{1, 8, 13, ""}, // 12.5 rounds up
		{3, 8, 38, ""}, // 37.5 rounds up
		{1, 3, 33, ""},
		{2, 3, 67, ""},
		{0, 7, 0, ""},
		{7, 7, 100, ""},
		{1, 200, 1, ""}, // 0.5 rounds up
		{1, 201, 0, ""}, // 0.497… rounds down
		{7, 5, 0, "homework: completion: 7 of 5 days completed, more than planned"},
		{0, 0, 0, "homework: completion: 0 days planned, want at least 1"},
		{-1, 5, 0, "homework: completion: -1 days completed, want 0 or more"},
	}
	for _, tt := range tests {
		got, err := homework.CompletionPercent(tt.done, tt.planned)
		if tt.err != "" {
			assert.EqualError(t, err, tt.err)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "%d of %d", tt.done, tt.planned)
		r := homework.Review{DaysCompleted: tt.done, DaysPlanned: tt.planned}
		got, err = r.CompletionRate()
		require.NoError(t, err)
		assert.Equal(t, tt.want, got)
	}
}

func TestLOINC(t *testing.T) {
	for _, in := range []homework.Instrument{homework.PHQ9, homework.GAD7} {
		items := in.LOINCItems()
		assert.Len(t, items, in.Items(), in.String())
		seen := map[string]bool{in.LOINCPanel(): true, in.LOINCTotal(): true}
		for _, it := range items {
			assert.Regexp(t, `^\d{4,5}-\d$`, it.Code)
			assert.NotEmpty(t, it.Text)
			assert.False(t, seen[it.Code], "duplicate %s", it.Code)
			seen[it.Code] = true
		}
		items[0].Code = "changed"
		assert.NotEqual(t, "changed", in.LOINCItems()[0].Code, "LOINCItems returns a copy")
	}
	assert.Equal(t, "44260-8", homework.PHQ9.LOINCItems()[8].Code, "item 9")
	assert.Empty(t, homework.Instrument(0).LOINCPanel())
	for s := 0; s <= homework.MaxItem; s++ {
		a, ok := homework.LOINCAnswer(s)
		require.True(t, ok)
		back, ok := homework.LOINCAnswerScore(a.Code)
		assert.True(t, ok)
		assert.Equal(t, s, back)
	}
	_, ok := homework.LOINCAnswer(4)
	assert.False(t, ok)
	_, ok = homework.LOINCAnswerScore("LA0000-0")
	assert.False(t, ok)
}
