package templates_test

import (
	"fmt"
	"io/fs"
	"path"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
)

// TestLibrary parses every embedded template and checks what the site and
// the clinician rely on.
func TestLibrary(t *testing.T) {
	names, err := fs.Glob(templates.FS(), "*/*.md")
	require.NoError(t, err)
	require.NotEmpty(t, names)

	p := worksheet.NewParser()
	ids := map[string]bool{}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			ws, err := p.ParseFS(templates.FS(), name)
			require.NoError(t, err)
			m := ws.Meta
			assert.Equal(t, path.Dir(name), m.ID, "id matches its folder")
			assert.NotEmpty(t, m.Title)
			assert.NotEmpty(t, m.Summary)
			assert.NotEmpty(t, m.Kind)
			assert.NotEmpty(t, m.Topics)
			assert.Positive(t, m.Minutes)
			assert.NotEmpty(t, m.Clinician.Rationale, "clinician rationale")
			assert.NotEmpty(t, m.Clinician.FollowUp, "clinician follow-up")
			assert.NotEmpty(t, m.Clinician.Barriers, "clinician barriers")
			assert.Equal(t, "CC BY 4.0", m.License)
			assert.NotEmpty(t, ws.Body)
			ids[m.ID] = true
		})
	}
	for _, id := range []string{"mood-journal", "thought-record", "sleep-routine"} {
		assert.True(t, ids[id], "library has %s", id)
	}
}

func TestSleepRoutineParams(t *testing.T) {
	ws, err := worksheet.NewParser().ParseFS(templates.FS(), "sleep-routine/en.md")
	require.NoError(t, err)
	var names []string
	for _, p := range ws.Meta.Params {
		names = append(names, p.Name)
	}
	assert.Equal(t, []string{"wake_time", "wind_down_time"}, names)
}

func ExampleFS() {
	for _, id := range []string{"mood-journal", "sleep-routine", "thought-record"} {
		_, err := fs.Stat(templates.FS(), id+"/en.md")
		fmt.Println(id+"/en.md", err == nil)
	}
	// Output:
	// mood-journal/en.md true
	// sleep-routine/en.md true
	// thought-record/en.md true
}
