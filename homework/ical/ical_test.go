package ical_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/homework/ical"
	"github.com/betweensessions/between/internal/icalcheck"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// monday is the first day of the reminders in the tests: Monday 5 October
// 2026.
var monday = time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)

// assignment is a synthetic assignment whose every text field holds a
// marker, so a test can prove none of it reaches the calendar.
func assignment(schedules ...string) *homework.Assignment {
	a := &homework.Assignment{
		ID:        "a-1",
		Task:      homework.Task{What: "CLINICAL mood rating", Frequency: "daily", When: "at bedtime CLINICAL", Minutes: 5, Material: "CLINICAL journal"},
		Rationale: "CLINICAL sleep and mood",
		Method:    homework.Method{Channel: homework.Paper, Fit: "CLINICAL no smartphone"},
		Barriers:  []homework.Barrier{{Concern: "CLINICAL forgetting", Plan: "CLINICAL alarm"}},
	}
	for _, s := range schedules {
		a.Method.Contacts = append(a.Method.Contacts, homework.Contact{Channel: homework.SMS, Purpose: homework.PurposeReminder, Schedule: s})
	}
	return a
}

type goldenCase struct {
	name        string
	a           *homework.Assignment
	opt         ical.Options
	summary     string
	trigger     string
	occurrences [][]string // per event, its first four occurrences
}

func goldenCases() []goldenCase {
	until := monday.AddDate(0, 0, 28)
	noMinutes := assignment("Tuesday and Thursday 18:00")
	noMinutes.Task.Minutes = 0
	fallback := assignment()
	fallback.Task.Frequency, fallback.Task.When = "daily", "21:30"
	return []goldenCase{
		{"tue-thu", assignment("Tuesday and Thursday 18:00"), ical.Options{Start: monday, Until: until}, "Your 5 minutes", "PT0S",
			[][]string{{"2026-10-06T18:00:00", "2026-10-08T18:00:00", "2026-10-13T18:00:00", "2026-10-15T18:00:00"}}},
		{"two-reminders", assignment("weekdays 7:15 am", "weekends 9:00 and 21:00"), ical.Options{Start: monday.AddDate(0, 0, 2)}, "Your 5 minutes", "PT0S",
			[][]string{
				{"2026-10-07T07:15:00", "2026-10-08T07:15:00", "2026-10-09T07:15:00", "2026-10-12T07:15:00"},
				{"2026-10-10T09:00:00", "2026-10-11T09:00:00", "2026-10-17T09:00:00", "2026-10-18T09:00:00"},
				{"2026-10-10T21:00:00", "2026-10-11T21:00:00", "2026-10-17T21:00:00", "2026-10-18T21:00:00"},
			}},
		{"es", assignment("martes y jueves a las 19:00"), ical.Options{Start: monday, Lang: "es-MX", AlarmBefore: 10 * time.Minute}, "Tus 5 minutos", "-PT10M",
			[][]string{{"2026-10-06T19:00:00", "2026-10-08T19:00:00", "2026-10-13T19:00:00", "2026-10-15T19:00:00"}}},
		{"code-word", noMinutes, ical.Options{Start: monday, Title: "Garden, time; \\ ok"}, "Garden, time; \\ ok", "PT0S",
			[][]string{{"2026-10-06T18:00:00", "2026-10-08T18:00:00", "2026-10-13T18:00:00", "2026-10-15T18:00:00"}}},
		{"task-fallback", fallback, ical.Options{Start: monday, Until: monday.AddDate(0, 0, 2)}, "Your 5 minutes", "PT0S",
			[][]string{{"2026-10-05T21:30:00", "2026-10-06T21:30:00", "2026-10-07T21:30:00"}}},
	}
}

func TestRemindersGolden(t *testing.T) {
	var files []string
	cases := goldenCases()
	for _, c := range cases {
		b, err := ical.Reminders(c.a, c.opt)
		require.NoError(t, err, c.name)
		again, err := ical.Reminders(c.a, c.opt)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(again), "deterministic")
		assert.NotContains(t, string(b), "CLINICAL", "%s: record text reached the calendar", c.name)
		assert.NotContains(t, string(b), "a-1", "%s: the assignment id reached the calendar", c.name)
		path := filepath.Join("testdata", c.name+".ics")
		if *update {
			require.NoError(t, os.MkdirAll("testdata", 0o755))
			require.NoError(t, os.WriteFile(path, b, 0o644))
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "run go test -update to create %s", path)
		assert.Equal(t, string(want), string(b), "%s differs; run go test -update if the change is intended", path)
		files = append(files, path)
	}

	// A real RFC 5545 parser reads every golden file, and its expansion of
	// each rule is what the client's calendar will show.
	results := icalcheck.Run(t, 4, files...)
	for i, r := range results {
		c := cases[i]
		assert.True(t, r.OK, "%s: %v", c.name, r.Problems)
		require.Len(t, r.Events, len(c.occurrences), c.name)
		for j, e := range r.Events {
			assert.Equal(t, c.summary, e.Summary, c.name)
			assert.Equal(t, c.summary, e.AlarmText, c.name)
			assert.Equal(t, c.trigger, e.Trigger, c.name)
			assert.Equal(t, c.occurrences[j], e.Occurrences, "%s event %d", c.name, j)
		}
	}
}

// The checker is real: it rejects files that break RFC 5545.
func TestCheckerRejectsBrokenCalendars(t *testing.T) {
	good, err := ical.Reminders(assignment("Tuesday 18:00"), ical.Options{Start: monday})
	require.NoError(t, err)
	g := string(good)
	broken := map[string]string{
		"no DTSTAMP":             strings.Replace(g, "DTSTAMP:20261005T000000Z\r\n", "", 1),
		"no alarm":               g[:strings.Index(g, "BEGIN:VALARM")] + g[strings.Index(g, "END:VALARM\r\n")+len("END:VALARM\r\n"):],
		"LF line ends":           strings.ReplaceAll(g, "\r\n", "\n"),
		"unfolded long line":     strings.Replace(g, "SUMMARY:Your 5 minutes", "SUMMARY:"+strings.Repeat("x", 80), 1),
		"bad rule":               strings.Replace(g, "FREQ=WEEKLY", "FREQ=FORTNIGHTLY", 1),
		"UTC until, local start": strings.Replace(g, "BYDAY=TU", "BYDAY=TU;UNTIL=20261102T000000Z", 1),
		"not a calendar":         "BEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
	}
	dir := t.TempDir()
	var names, files []string
	for name, text := range broken {
		require.NotEqual(t, g, text, name)
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".ics")
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
		names, files = append(names, name), append(files, path)
	}
	for i, r := range icalcheck.Run(t, 1, files...) {
		assert.False(t, r.OK, "the checker accepted a broken calendar: %s", names[i])
	}
}

func TestRemindersErrors(t *testing.T) {
	_, err := ical.Reminders(assignment("Tuesday 18:00"), ical.Options{})
	assert.ErrorContains(t, err, "Options.Start is required")
	_, err = ical.Reminders(assignment("Tuesday 18:00"), ical.Options{Start: monday, Until: monday.AddDate(0, 0, -1)})
	assert.ErrorContains(t, err, "Until is before")
	_, err = ical.Reminders(assignment("Tuesday 18:00"), ical.Options{Start: monday, AlarmBefore: -time.Minute})
	assert.ErrorContains(t, err, "AlarmBefore")
	_, err = ical.Reminders(assignment("Tuesday 18:00"), ical.Options{Start: monday, Title: "two\nlines"})
	assert.ErrorContains(t, err, "control characters")

	// Every schedule that cannot be a recurrence is reported by its field.
	_, err = ical.Reminders(assignment("Tuesday 18:00", "after dinner SECRET", "when I remember SECRET"), ical.Options{Start: monday})
	require.Error(t, err)
	var se *ical.ScheduleError
	require.True(t, errors.As(err, &se))
	assert.Contains(t, err.Error(), "method.contacts[1].schedule")
	assert.Contains(t, err.Error(), "method.contacts[2].schedule")
	assert.NotContains(t, err.Error(), "SECRET")

	// The task's time is the fallback, and "at bedtime" is not a clock.
	_, err = ical.Reminders(assignment(), ical.Options{Start: monday})
	assert.ErrorContains(t, err, "task.when: cannot be a recurrence")
	assert.NotContains(t, err.Error(), "CLINICAL")
	_, err = ical.Reminders(&homework.Assignment{}, ical.Options{Start: monday})
	assert.ErrorIs(t, err, ical.ErrNoSchedule)
}

func TestFolding(t *testing.T) {
	title := strings.Repeat("ñ", 60) // 120 octets
	b, err := ical.Reminders(assignment("Tuesday 18:00"), ical.Options{Start: monday, Title: title})
	require.NoError(t, err)
	for _, l := range strings.Split(string(b), "\r\n") {
		assert.LessOrEqual(t, len(l), 75, "line %q", l)
	}
	unfolded := strings.ReplaceAll(string(b), "\r\n ", "")
	assert.Contains(t, unfolded, "SUMMARY:"+title)
}
