package ical

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Clock is a time of day on a 24-hour clock.
type Clock struct {
	Hour, Minute int
}

// String returns the time as "18:00".
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

// Schedule is a weekly recurrence: the days of the week and the times of
// day. Days is in week order from Monday and never empty; every day of the
// week means daily.
type Schedule struct {
	Days  []time.Weekday
	Times []Clock
}

// Daily reports whether the schedule falls on every day of the week.
func (s Schedule) Daily() bool { return len(s.Days) == 7 }

// ScheduleError is a schedule that cannot be written as a recurrence. Field
// names the record's field (a JSON path such as
// "method.contacts[0].schedule"); Reason is fixed English text from this
// package and never holds the schedule's words, which a client may have
// chosen.
type ScheduleError struct {
	Field  string
	Reason string
}

// Error returns "ical: FIELD: cannot be a recurrence: REASON".
func (e *ScheduleError) Error() string {
	return fmt.Sprintf("ical: %s: cannot be a recurrence: %s (write days and a clock time, e.g. \"Tuesday and Thursday 18:00\")", e.Field, e.Reason)
}

var (
	// weekdays maps day names, English and Spanish, singular and plural,
	// to the days they name.
	weekdays = dayNames()
	// phrases are several-word day expressions, matched before single
	// words; longest first.
	phrases = []struct {
		words string
		days  []time.Weekday
	}{
		{"de lunes a viernes", workweek},
		{"monday to friday", workweek},
		{"monday through friday", workweek},
		{"todos los días", week},
		{"todos los dias", week},
		{"todas las noches", week},
		{"fines de semana", weekend},
		{"fin de semana", weekend},
		{"entre semana", workweek},
		{"días laborables", workweek},
		{"dias laborables", workweek},
		{"every night", week},
		{"every day", week},
		{"each day", week},
		{"cada noche", week},
		{"cada día", week},
		{"cada dia", week},
		{"a diario", week},
	}
	// stopwords may stand between days and times and mean nothing here.
	stopwords = map[string]bool{
		"and": true, "at": true, "on": true, "every": true, "each": true, "the": true, "&": true,
		"y": true, "a": true, "las": true, "la": true, "los": true, "el": true, "cada": true, "todos": true, "todas": true, "por": true, "en": true,
	}
	// dayPeriods mark the half of the day of a 12-hour time.
	dayPeriods = map[string]string{
		"am": "am", "a.m.": "am", "pm": "pm", "p.m.": "pm",
		"de la mañana": "am", "de la manana": "am", "de la tarde": "pm", "de la noche": "pm",
		"in the morning": "am", "in the evening": "pm", "in the afternoon": "pm", "at night": "pm",
	}
	clockRE = regexp.MustCompile(`^(\d{1,2})(?:[:.h](\d{2}))?(h|am|pm|a\.m\.|p\.m\.)?$`)

	week     = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}
	workweek = week[:5]
	weekend  = week[5:]
)

// dayNames maps each day name to the days it names.
func dayNames() map[string][]time.Weekday {
	m := map[string][]time.Weekday{}
	names := [][]string{
		{"monday", "mon", "mondays", "lunes", "lun"},
		{"tuesday", "tue", "tues", "tuesdays", "martes", "mar"},
		{"wednesday", "wed", "wednesdays", "miércoles", "miercoles", "mié", "mie"},
		{"thursday", "thu", "thur", "thurs", "thursdays", "jueves", "jue"},
		{"friday", "fri", "fridays", "viernes", "vie"},
		{"saturday", "sat", "saturdays", "sábado", "sabado", "sábados", "sabados", "sáb", "sab"},
		{"sunday", "sun", "sundays", "domingo", "domingos", "dom"},
	}
	for i, ns := range names {
		for _, n := range ns {
			m[n] = []time.Weekday{week[i]}
		}
	}
	for _, w := range []string{"daily", "nightly", "everyday", "diario", "diariamente"} {
		m[w] = week
	}
	for _, w := range []string{"weekdays", "weekday"} {
		m[w] = workweek
	}
	for _, w := range []string{"weekends", "weekend"} {
		m[w] = weekend
	}
	return m
}

// ParseSchedule reads a schedule written as days and clock times, in
// English or Spanish: "Tuesday and Thursday 18:00", "daily at 9:30 pm",
// "weekdays 7:15", "lunes, miércoles y viernes a las 19:00", "todos los
// días 8 de la tarde". A time needs minutes or am/pm ("6" alone is
// ambiguous). Anything else — "after dinner", "when I wake up", "except
// holidays" — cannot be a recurrence and is an error; the error never
// repeats the schedule's words. field names the schedule in the error.
func ParseSchedule(field, text string) (Schedule, error) {
	fail := func(reason string) (Schedule, error) {
		return Schedule{}, &ScheduleError{Field: field, Reason: reason}
	}
	s := " " + strings.Join(strings.Fields(strings.ToLower(strings.NewReplacer(",", " ", ";", " ", "/", " ", "+", " ").Replace(text))), " ") + " "
	if strings.TrimSpace(s) == "" {
		return fail("it is empty")
	}
	set := map[time.Weekday]bool{}
	for _, p := range phrases {
		if strings.Contains(s, " "+p.words+" ") {
			for _, d := range p.days {
				set[d] = true
			}
			s = strings.ReplaceAll(s, " "+p.words+" ", " ")
		}
	}
	// Periods of the day bind to the time before them: "8 de la tarde".
	periodKeys := make([]string, 0, len(dayPeriods))
	for k := range dayPeriods {
		periodKeys = append(periodKeys, k)
	}
	slices.SortFunc(periodKeys, func(a, b string) int { return len(b) - len(a) })
	for _, k := range periodKeys {
		if strings.Contains(k, " ") {
			s = strings.ReplaceAll(s, " "+k+" ", dayPeriods[k]+" ")
		}
	}
	words := strings.Fields(s)
	var times []Clock
	for i := 0; i < len(words); i++ {
		w := words[i]
		if days, ok := weekdays[w]; ok {
			for _, d := range days {
				set[d] = true
			}
			continue
		}
		if w == "noon" || w == "mediodía" || w == "mediodia" {
			times = append(times, Clock{12, 0})
			continue
		}
		if m := clockRE.FindStringSubmatch(w); m != nil {
			period := dayPeriods[m[3]]
			if period == "" && i+1 < len(words) && dayPeriods[words[i+1]] != "" && !strings.Contains(words[i+1], " ") {
				period = dayPeriods[words[i+1]]
				i++
			}
			c, reason := clock(m[1], m[2], m[3] == "h", period)
			if reason != "" {
				return fail(reason)
			}
			times = append(times, c)
			continue
		}
		if stopwords[w] {
			continue
		}
		return fail("it has words that are neither days nor clock times")
	}
	if len(times) == 0 {
		return fail("it has no clock time")
	}
	if len(set) == 0 {
		return fail("it names no days")
	}
	var out Schedule
	for _, d := range week {
		if set[d] {
			out.Days = append(out.Days, d)
		}
	}
	slices.SortFunc(times, func(a, b Clock) int { return (a.Hour*60 + a.Minute) - (b.Hour*60 + b.Minute) })
	out.Times = slices.Compact(times)
	return out, nil
}

// clock builds a time from its hour and minute digits and the half of the
// day, or returns why it cannot.
func clock(h, m string, h24 bool, period string) (Clock, string) {
	hour, _ := strconv.Atoi(h)
	minute := 0
	if m != "" {
		minute, _ = strconv.Atoi(m)
	}
	switch {
	case minute > 59:
		return Clock{}, "a time has more than 59 minutes"
	case period == "" && m == "" && !h24:
		return Clock{}, "a time has neither minutes nor am/pm, so it is ambiguous"
	case period == "" && hour > 23:
		return Clock{}, "a time has an hour above 23"
	case period != "" && (hour < 1 || hour > 12):
		return Clock{}, "a 12-hour time has an hour outside 1–12"
	}
	switch {
	case period == "am" && hour == 12:
		hour = 0
	case period == "pm" && hour < 12:
		hour += 12
	}
	return Clock{hour, minute}, ""
}
