package readability

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFormulas checks each formula against values worked out by hand:
//
//	100 words, 10 sentences, 150 syllables: W/S = 10, Sy/W = 1.5
//	  FKGL = 0.39·10 + 11.8·1.5 − 15.59        = 6.01
//	  FRE  = 206.835 − 1.015·10 − 84.6·1.5     = 69.785
//	  FH   = 206.84 − 60·1.5 − 1.02·10         = 106.64
//	  SP   = 206.835 − 62.3·1.5 − 10           = 103.385
//	120 words, 8 sentences, 240 syllables: W/S = 15, Sy/W = 2
//	  FKGL = 5.85 + 23.6 − 15.59               = 13.86
//	  FRE  = 206.835 − 15.225 − 169.2          = 22.41
//	  FH   = 206.84 − 120 − 15.3               = 71.54
//	  SP   = 206.835 − 124.6 − 15              = 67.235
//	200 words, 10 sentences, 400 syllables: W/S = 20, Sy/W = 2
//	  FH   = 206.84 − 120 − 20.4               = 66.44
//	  SP   = 206.835 − 124.6 − 20              = 62.235
func TestFormulas(t *testing.T) {
	tests := []struct {
		formula Formula
		counts  Counts
		value   float64
		ease    float64
		band    string
	}{
		{FleschKincaid{}, Counts{100, 10, 150}, 6.01, 69.785, "standard"},
		{FleschKincaid{}, Counts{120, 8, 240}, 13.86, 22.41, "very confusing"},
		{FernandezHuerta{}, Counts{100, 10, 150}, 106.64, 106.64, "muy fácil"},
		{FernandezHuerta{}, Counts{120, 8, 240}, 71.54, 71.54, "algo fácil"},
		{FernandezHuerta{}, Counts{200, 10, 400}, 66.44, 66.44, "normal"},
		{SzigrisztPazos{}, Counts{100, 10, 150}, 103.385, 103.385, "muy fácil"},
		{SzigrisztPazos{}, Counts{120, 8, 240}, 67.235, 67.235, "bastante fácil"},
		{SzigrisztPazos{}, Counts{200, 10, 400}, 62.235, 62.235, "normal"},
	}
	for _, tc := range tests {
		t.Run(tc.formula.Name(), func(t *testing.T) {
			s := tc.formula.Score(tc.counts)
			assert.InDelta(t, tc.value, s.Value, 0.006, "value")
			assert.InDelta(t, tc.ease, s.Ease, 0.006, "ease")
			assert.Equal(t, tc.band, s.Band)
		})
	}
}

func TestFormulaEmpty(t *testing.T) {
	for _, f := range []Formula{FleschKincaid{}, FernandezHuerta{}, SzigrisztPazos{}} {
		s := f.Score(Counts{})
		assert.Equal(t, float64(100), s.Ease, "%s: empty text is easiest", f.Name())
		assert.True(t, s.Meets(6), "%s", f.Name())
	}
}

func TestInfleszBands(t *testing.T) {
	for p, want := range map[float64]string{
		10: "muy difícil", 39.9: "muy difícil", 40: "algo difícil", 54.9: "algo difícil", 55: "normal",
		64.9: "normal", 65: "bastante fácil", 80: "bastante fácil", 80.1: "muy fácil",
	} {
		assert.Equal(t, want, InfleszBand(p), "InfleszBand(%v)", p)
	}
}

func TestMeets(t *testing.T) {
	grade := Score{Value: 6.5, Scale: GradeScale}
	assert.False(t, grade.Meets(6))
	assert.True(t, grade.Meets(7))
	assert.True(t, grade.Meets(0), "no target")
	ease := Score{Value: 62, Scale: EaseScale}
	assert.False(t, ease.Meets(65))
	assert.True(t, ease.Meets(55))
}

func TestEnumText(t *testing.T) {
	b, err := json.Marshal(struct {
		Sc Scale
		Se Severity
	}{EaseScale, Warning})
	require.NoError(t, err)
	assert.JSONEq(t, `{"Sc":"ease","Se":"warning"}`, string(b))

	var sc Scale
	require.NoError(t, sc.UnmarshalText([]byte("grade")))
	assert.Equal(t, GradeScale, sc)
	assert.Error(t, sc.UnmarshalText([]byte("level")))
	var se Severity
	require.NoError(t, se.UnmarshalText([]byte("info")))
	assert.Equal(t, Info, se)
	assert.Error(t, se.UnmarshalText([]byte("error")))
	_, err = Scale(9).MarshalText()
	assert.Error(t, err)
	_, err = Severity(9).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "Scale(9)", Scale(9).String())
	assert.Equal(t, "Severity(9)", Severity(9).String())
}
