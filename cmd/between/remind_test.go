package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/betweensessions/between/internal/icalcheck"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRemind(t *testing.T) {
	dir := t.TempDir()
	ics := filepath.Join(dir, "homework.ics")
	out, errOut, code := runCLI(t, "remind", notesCase("sleep-sms.assignment.yaml"), "-o", ics, "--start", "2026-10-05", "--until", "2026-11-02")
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, out, "with -o nothing goes to stdout")
	b, err := os.ReadFile(ics)
	require.NoError(t, err)
	// No clinical words: the title is neutral, and nothing of the record
	// (task, rationale, channel, barriers) is in the file.
	for _, word := range []string{"wind-down", "screens", "sleep", "asleep", "SMS", "sms", "Fridays", "a-102"} {
		assert.NotContains(t, string(b), word)
	}
	assert.Contains(t, string(b), "SUMMARY:Your 20 minutes\r\n")

	es, errOut, code := runCLI(t, "remind", notesCase("diario-animo.assignment.yaml"), "--start", "2026-10-05", "--lang", "es", "--title", "Mi rato", "--alarm-before", "15m")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, es, "SUMMARY:Mi rato\r\n")
	esFile := filepath.Join(dir, "es.ics")
	require.NoError(t, os.WriteFile(esFile, []byte(es), 0o644))

	results := icalcheck.Run(t, 3, ics, esFile)
	require.True(t, results[0].OK, "%v", results[0].Problems)
	require.Len(t, results[0].Events, 1)
	assert.Equal(t, []string{"2026-10-06T18:00:00", "2026-10-08T18:00:00", "2026-10-13T18:00:00"}, results[0].Events[0].Occurrences)
	assert.Equal(t, "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261102T235959", results[0].Events[0].RRule)
	require.True(t, results[1].OK, "%v", results[1].Problems)
	assert.Equal(t, "-PT15M", results[1].Events[0].Trigger)
	assert.Equal(t, []string{"2026-10-06T18:00:00", "2026-10-08T18:00:00", "2026-10-13T18:00:00"}, results[1].Events[0].Occurrences)
}

// A schedule that cannot be a recurrence is an error with file:line and
// field, and the schedule's words never reach stderr.
func TestRemindErrors(t *testing.T) {
	secret := writeTemp(t, "a.yaml", "task:\n  what: x\n  minutes: 5\nmethod:\n  channel: paper\n  contacts:\n    - channel: sms\n      purpose: reminder\n      schedule: Tuesday 18:00\n    - channel: sms\n      purpose: reminder\n      schedule: after SECRET dinner\n")
	duration := writeTemp(t, "b.yaml", "method:\n  channel: paper\n  contacts:\n    - channel: sms\n      purpose: reminder\n      minutes: 5\n      schedule: Wednesday at 12:00, five minutes\n")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no time of day", []string{"remind", notesCase("ai-app.assignment.yaml")}, 1, "ai-app.assignment.yaml:16: method.contacts[0].schedule: cannot be a recurrence: it has words that are neither days nor clock times"},
		{"a duration in the schedule", []string{"remind", duration}, 1, "b.yaml:7: method.contacts[0].schedule: cannot be a recurrence"},
		{"client words", []string{"remind", secret}, 1, "a.yaml:12: method.contacts[1].schedule: cannot be a recurrence"},
		{"bad start", []string{"remind", "--start", "05/10/2026", secret}, 2, "--start: want a date"},
		{"until before start", []string{"remind", "--start", "2026-10-05", "--until", "2026-10-01", notesCase("sleep-sms.assignment.yaml")}, 1, "Until is before"},
		{"no file", []string{"remind"}, 2, "exactly one assignment file"},
		{"missing file", []string{"remind", "nope.yaml"}, 1, "nope.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.args...)
			require.Equal(t, tt.code, code, "stderr: %s", errOut)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tt.stderr)
			assert.NotContains(t, errOut, "SECRET")
			assert.NotContains(t, errOut, "Monday mornings")
		})
	}
}

// -o never writes through a symlink.
func TestRemindRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.txt")
	require.NoError(t, os.WriteFile(target, []byte("keep"), 0o644))
	link := filepath.Join(dir, "homework.ics")
	require.NoError(t, os.Symlink(target, link))
	_, errOut, code := runCLI(t, "remind", notesCase("sleep-sms.assignment.yaml"), "--start", "2026-10-05", "-o", link)
	require.Equal(t, 1, code)
	assert.True(t, strings.Contains(errOut, "homework.ics"), errOut)
	b, err := os.ReadFile(target)
	require.NoError(t, err)
	assert.Equal(t, "keep", string(b))
}
