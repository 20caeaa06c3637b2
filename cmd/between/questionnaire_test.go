package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQuestionnaire(t *testing.T) {
	responses := filepath.Join("..", "..", "worksheet", "questionnaire", "testdata", "response")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"handout with its translation", []string{"questionnaire", "mood-journal"}, 0, `"valueString": "Diario del estado de ánimo"`, ""},
		{"measure", []string{"questionnaire", "--measure", "gad-7"}, 0, `"code": "69737-5"`, ""},
		{"read a measure response", []string{"questionnaire", "--measure", "phq-9", "--read", filepath.Join(responses, "phq-9.json")}, 0, "instrument: phq-9", ""},
		{"read a tracker response", []string{"questionnaire", "mood-journal", "--read", filepath.Join(responses, "mood-journal.json")}, 0, "days_completed: 3", ""},
		{"response to another questionnaire", []string{"questionnaire", "--measure", "gad-7", "--read", filepath.Join(responses, "phq-9.json")}, 1, "", "for another questionnaire"},
		{"unknown handout", []string{"questionnaire", "no-such-handout"}, 1, "", "no handout"},
		{"bad measure", []string{"questionnaire", "--measure", "beck"}, 2, "", "want phq-9 or gad-7"},
		{"both", []string{"questionnaire", "mood-journal", "--measure", "phq-9"}, 2, "", "not both"},
		{"nothing", []string{"questionnaire"}, 2, "", "one handout id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.args...)
			require.Equal(t, tt.code, code, "stderr: %s", errOut)
			assert.Contains(t, out, tt.stdout)
			assert.Contains(t, errOut, tt.stderr)
		})
	}
	path := filepath.Join(t.TempDir(), "q.json")
	_, errOut, code := runCLI(t, "questionnaire", "sleep-routine", "-o", path)
	require.Equal(t, 0, code, errOut)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), `{
  "resourceType": "Questionnaire"`))
}
