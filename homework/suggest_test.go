package homework_test

import (
	"testing"

	"github.com/betweensessions/between/homework"
	"github.com/stretchr/testify/assert"
)

func TestSuggestion(t *testing.T) {
	for _, c := range []struct {
		in        string
		suggested bool
		confirmed string
	}{
		{"(suggested) phone alarm", true, "phone alarm"},
		{"  (Suggested)   phone alarm", true, "phone alarm"},
		{"(sugerencia) alarma", true, "alarma"},
		{"(suggested)", true, ""},
		{"phone alarm (suggested)", false, "phone alarm (suggested)"},
		{"(suggest) alarm", false, "(suggest) alarm"},
		{"", false, ""},
	} {
		assert.Equal(t, c.suggested, homework.Suggested(c.in), c.in)
		assert.Equal(t, c.confirmed, homework.Confirm(c.in), c.in)
	}
	assert.Equal(t, "(suggested) phone alarm", homework.Suggest(" phone alarm ", "en"))
	assert.Equal(t, "(sugerencia) alarma", homework.Suggest("alarma", "es-MX"))
	assert.Equal(t, "(suggested) x", homework.Suggest("(suggested) x", "es"), "not marked twice")
	assert.Equal(t, "  ", homework.Suggest("  ", "en"), "nothing to confirm")
	assert.Equal(t, "phone alarm", homework.Confirm(homework.Suggest("phone alarm", "en")))
}

func TestTexts(t *testing.T) {
	a := &homework.Assignment{
		Rationale: "r",
		Barriers:  []homework.Barrier{{Concern: "c"}},
		Worksheet: &homework.WorksheetRef{Template: "x", Params: map[string]string{"b": "2", "a": "1"}},
		Agreement: homework.Agreement{AlternativesOffered: []string{"", " "}},
	}
	var paths []string
	for _, f := range a.Texts() {
		paths = append(paths, f.Path)
	}
	assert.Equal(t, []string{"rationale", "barriers[0].concern", "agreement.alternatives_offered[1]", "worksheet.params.a", "worksheet.params.b"}, paths)
	r := &homework.Review{Insights: "i", Custom: []homework.CustomMeasure{{Name: "n", Unit: "h"}}}
	paths = nil
	for _, f := range r.Texts() {
		paths = append(paths, f.Path)
	}
	assert.Equal(t, []string{"insights", "custom_measures[0].name", "custom_measures[0].unit"}, paths)
}
