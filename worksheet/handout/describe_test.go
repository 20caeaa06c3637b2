package handout_test

import (
	"errors"
	"testing"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/worksheet/handout"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

func TestDescribe(t *testing.T) {
	r, err := handout.New(handout.Options{})
	require.NoError(t, err)

	d, err := r.Describe(homework.WorksheetRef{Template: "sleep-routine", Params: map[string]string{"wake_time": "6:00 AM"}}, language.English)
	require.NoError(t, err)
	assert.Equal(t, "My Sleep Routine", d.Title)
	assert.Equal(t, "Wake-up time", d.Labels["wake_time"])

	d, err = r.Describe(homework.WorksheetRef{Template: "sleep-routine"}, language.MustParse("es-MX"))
	require.NoError(t, err)
	assert.Equal(t, "Mi rutina de sueño", d.Title, "the title in the note's language")

	for _, c := range []struct {
		ref   homework.WorksheetRef
		field string
		msg   string
	}{
		{homework.WorksheetRef{Template: "sleep-routne"}, "worksheet.template", `no template "sleep-routne" in the library (did you mean "sleep-routine"?)`},
		{homework.WorksheetRef{Template: "sleep-routine", Params: map[string]string{"wake": "SECRET"}}, "worksheet.params.wake",
			`sleep-routine has no param "wake" (it has "wake_time", "wind_down_time")`},
		{homework.WorksheetRef{Template: "sleep-routine", Params: map[string]string{"wake_tme": "6"}}, "worksheet.params.wake_tme",
			`sleep-routine has no param "wake_tme" (it has "wake_time", "wind_down_time") (did you mean "wake_time"?)`},
	} {
		_, err := r.Describe(c.ref, language.English)
		var re *handout.RefError
		require.True(t, errors.As(err, &re), "%v", err)
		assert.Equal(t, c.field, re.Field)
		assert.Equal(t, c.msg, re.Msg)
		assert.NotContains(t, err.Error(), "SECRET", "a param's value is never in the error")
	}
}
