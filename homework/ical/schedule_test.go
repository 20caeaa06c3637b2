package ical_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/betweensessions/between/homework/ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	mo = time.Monday
	tu = time.Tuesday
	we = time.Wednesday
	th = time.Thursday
	fr = time.Friday
	sa = time.Saturday
	su = time.Sunday
)

func TestParseSchedule(t *testing.T) {
	all := []time.Weekday{mo, tu, we, th, fr, sa, su}
	tests := []struct {
		in    string
		days  []time.Weekday
		times []ical.Clock
	}{
		{"Tuesday and Thursday 18:00", []time.Weekday{tu, th}, []ical.Clock{{18, 0}}},
		{"Tuesday/Thursday 6 PM", []time.Weekday{tu, th}, []ical.Clock{{18, 0}}},
		{"tues & thurs at 6pm", []time.Weekday{tu, th}, []ical.Clock{{18, 0}}},
		{"daily at 9:30 pm", all, []ical.Clock{{21, 30}}},
		{"every day 07:15", all, []ical.Clock{{7, 15}}},
		{"every night at 10 p.m.", all, []ical.Clock{{22, 0}}},
		{"weekdays 7:15 am", []time.Weekday{mo, tu, we, th, fr}, []ical.Clock{{7, 15}}},
		{"Mondays, Wednesdays and Fridays at noon", []time.Weekday{mo, we, fr}, []ical.Clock{{12, 0}}},
		{"Sunday 12 am", []time.Weekday{su}, []ical.Clock{{0, 0}}},
		{"weekends 9:00 and 21:00", []time.Weekday{sa, su}, []ical.Clock{{9, 0}, {21, 0}}},
		{"Saturday 21:00, Thursday 21:00", []time.Weekday{th, sa}, []ical.Clock{{21, 0}}},
		{"lunes, miércoles y viernes a las 19:00", []time.Weekday{mo, we, fr}, []ical.Clock{{19, 0}}},
		{"todos los días 8 de la tarde", all, []ical.Clock{{20, 0}}},
		{"martes y jueves 18h", []time.Weekday{tu, th}, []ical.Clock{{18, 0}}},
		{"de lunes a viernes a las 7.30", []time.Weekday{mo, tu, we, th, fr}, []ical.Clock{{7, 30}}},
		{"sábados 10 de la mañana", []time.Weekday{sa}, []ical.Clock{{10, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			s, err := ical.ParseSchedule("f", tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.days, s.Days)
			assert.Equal(t, tt.times, s.Times)
		})
	}
}

// A schedule that cannot be a recurrence is an error naming the field and
// the reason, never the schedule's words.
func TestParseScheduleRefuses(t *testing.T) {
	tests := []struct{ in, reason string }{
		{"", "it is empty"},
		{"   ", "it is empty"},
		{"after dinner SECRET", "neither days nor clock times"},
		{"when I remember", "neither days nor clock times"},
		{"Tuesday and Thursday", "no clock time"},
		{"18:00", "names no days"},
		{"Tuesday 6", "ambiguous"},
		{"daily at 25:00", "hour above 23"},
		{"daily at 13 pm", "outside 1–12"},
		{"daily 9:75", "more than 59 minutes"},
		{"daily at 18:00 except holidays", "neither days nor clock times"},
		{"every other Tuesday 18:00", "neither days nor clock times"},
		{"first Monday of the month 9:00", "neither days nor clock times"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := ical.ParseSchedule("method.contacts[2].schedule", tt.in)
			var se *ical.ScheduleError
			require.True(t, errors.As(err, &se), "%v", err)
			assert.Equal(t, "method.contacts[2].schedule", se.Field)
			assert.Contains(t, err.Error(), tt.reason)
			assert.Contains(t, err.Error(), "ical: method.contacts[2].schedule: cannot be a recurrence")
			// The fixed example at the end is ours; the rest must not hold
			// the schedule's words.
			msg, _, _ := strings.Cut(err.Error(), " (write days")
			for _, w := range strings.Fields(tt.in) {
				if len(w) > 3 {
					assert.NotContains(t, msg, w, "the error repeats the schedule's words")
				}
			}
		})
	}
}

func FuzzParseSchedule(f *testing.F) {
	for _, s := range []string{"Tuesday and Thursday 18:00", "daily at 9:30 pm", "todos los días 8 de la tarde", "after dinner", "12:99", "weekends 9:00 and 21:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sc, err := ical.ParseSchedule("f", s)
		if err != nil {
			var se *ical.ScheduleError
			if !errors.As(err, &se) {
				t.Fatalf("not a ScheduleError: %v", err)
			}
			return
		}
		if len(sc.Days) == 0 || len(sc.Days) > 7 || len(sc.Times) == 0 {
			t.Fatalf("accepted %q as %+v", s, sc)
		}
		for _, c := range sc.Times {
			if c.Hour < 0 || c.Hour > 23 || c.Minute < 0 || c.Minute > 59 {
				t.Fatalf("accepted %q with time %v", s, c)
			}
		}
	})
}
