package ical

import (
	"bytes"
	"crypto/sha1"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/betweensessions/between/homework"
)

// ErrNoSchedule is returned by [Reminders] when the assignment has no
// reminder schedule and its task's frequency and time are not one either.
var ErrNoSchedule = errors.New("ical: the assignment has no reminder schedule (a method.contacts entry with purpose reminder)")

// Options controls the calendar [Reminders] writes. Start is required; the
// zero value of every other field is a working default.
type Options struct {
	// Start is the first day a reminder may fall on (its date only is
	// used). Reminders start on the first scheduled day on or after it.
	Start time.Time
	// Until is the last day a reminder may fall on; the zero Time means the
	// reminders repeat until the client deletes them.
	Until time.Time
	// Title is the event's title as the client will see it on a phone's
	// lock screen, e.g. a code word the client chose. Empty means a neutral
	// title with no clinical words: "Your 5 minutes" (from the task's
	// minutes) or "Your time", in Lang. The clinician sets it; Between never
	// puts the task, the rationale or any other record text in the
	// calendar.
	Title string
	// Lang is the language of the default title: "es" (any Spanish tag)
	// gives "Tus 5 minutos"; anything else English.
	Lang string
	// AlarmBefore is how long before each event the alarm sounds; 0 means
	// at the time of the event. It must not be negative or above a day.
	AlarmBefore time.Duration
	// Stamp is the calendar's creation time (DTSTAMP); the zero Time means
	// midnight UTC of Start, so the same input always gives the same bytes.
	Stamp time.Time
}

// Reminder is one recurring event: where its schedule came from and the
// schedule.
type Reminder struct {
	// Field is the JSON path of the schedule in the assignment, e.g.
	// "method.contacts[0].schedule".
	Field    string
	Schedule Schedule
}

// Schedules returns the assignment's reminder schedules: the schedule of
// each contact whose purpose is [homework.PurposeReminder] (check-ins and
// questions are the clinic's side and are left out), or, when there is none,
// the task's frequency and time read as one schedule ("daily" and "21:30").
// A schedule that cannot be a recurrence is a *[ScheduleError] naming its
// field; an assignment with no schedule at all is [ErrNoSchedule].
func Schedules(a *homework.Assignment) ([]Reminder, error) {
	var out []Reminder
	var errs []error
	for i, r := range a.Method.Contacts {
		if r.Purpose != homework.PurposeReminder || strings.TrimSpace(r.Schedule) == "" {
			continue
		}
		field := fmt.Sprintf("method.contacts[%d].schedule", i)
		s, err := ParseSchedule(field, r.Schedule)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, Reminder{Field: field, Schedule: s})
	}
	if len(out) == 0 && len(errs) == 0 {
		task := strings.TrimSpace(a.Task.Frequency + " " + a.Task.When)
		if task == "" {
			return nil, ErrNoSchedule
		}
		s, err := ParseSchedule("task.when", task)
		if err != nil {
			return nil, err
		}
		out = append(out, Reminder{Field: "task.when", Schedule: s})
	}
	return out, errors.Join(errs...)
}

// Reminders returns an iCalendar file (RFC 5545) with one recurring event
// for each reminder schedule of the assignment (see [Schedules]) and each
// time of day in it: a VEVENT whose RRULE repeats weekly on the scheduled
// days (daily when every day is), with a VALARM that shows the title. Times
// are floating local times ("18:00 wherever the phone is"), so no time zone
// is written. The title carries no clinical words unless the clinician sets
// [Options.Title]; no record text is written. The same input and options
// always give the same bytes.
func Reminders(a *homework.Assignment, opt Options) ([]byte, error) {
	if a == nil {
		return nil, errors.New("ical: no assignment")
	}
	if opt.Start.IsZero() {
		return nil, errors.New("ical: Options.Start is required: the first day of the reminders")
	}
	start := day(opt.Start)
	if !opt.Until.IsZero() && day(opt.Until).Before(start) {
		return nil, errors.New("ical: Options.Until is before Options.Start")
	}
	if opt.AlarmBefore < 0 || opt.AlarmBefore > 24*time.Hour {
		return nil, errors.New("ical: Options.AlarmBefore must be between 0 and 24h")
	}
	title := strings.TrimSpace(opt.Title)
	if title == "" {
		title = defaultTitle(a.Task.Minutes, opt.Lang)
	}
	if strings.ContainsFunc(title, func(r rune) bool { return r < ' ' || r == 0x7f }) || !utf8.ValidString(title) {
		return nil, errors.New("ical: Options.Title has control characters or is not UTF-8")
	}
	rems, err := Schedules(a)
	if err != nil {
		return nil, err
	}
	stamp := opt.Stamp.UTC()
	if opt.Stamp.IsZero() {
		stamp = time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
	}

	var b bytes.Buffer
	line := func(s string) { fold(&b, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//Between//Homework reminders//EN")
	line("CALSCALE:GREGORIAN")
	for _, r := range rems {
		for _, c := range r.Schedule.Times {
			first := firstOn(start, r.Schedule.Days)
			rule := "FREQ=WEEKLY;BYDAY=" + byDay(r.Schedule.Days)
			if r.Schedule.Daily() {
				rule = "FREQ=DAILY"
			}
			if !opt.Until.IsZero() {
				u := day(opt.Until)
				rule += ";UNTIL=" + u.Format("20060102") + "T235959"
			}
			dtstart := first.Format("20060102") + fmt.Sprintf("T%02d%02d00", c.Hour, c.Minute)
			line("BEGIN:VEVENT")
			line("UID:" + uid(r.Field, dtstart, rule, title) + "@between.invalid")
			line("DTSTAMP:" + stamp.Format("20060102T150405Z"))
			line("DTSTART:" + dtstart)
			if m := a.Task.Minutes; m > 0 && m <= 24*60 {
				line(fmt.Sprintf("DURATION:PT%dM", m))
			}
			line("RRULE:" + rule)
			line("SUMMARY:" + escape(title))
			line("CLASS:PRIVATE")
			line("TRANSP:TRANSPARENT")
			line("BEGIN:VALARM")
			line("ACTION:DISPLAY")
			line("DESCRIPTION:" + escape(title))
			if opt.AlarmBefore > 0 {
				line(fmt.Sprintf("TRIGGER:-PT%dM", int(opt.AlarmBefore.Round(time.Minute)/time.Minute)))
			} else {
				line("TRIGGER:PT0M")
			}
			line("END:VALARM")
			line("END:VEVENT")
		}
	}
	line("END:VCALENDAR")
	return b.Bytes(), nil
}

// defaultTitle is the neutral title: the sitting's length when known.
func defaultTitle(minutes int, lang string) string {
	es := lang == "es" || strings.HasPrefix(strings.ToLower(lang), "es-")
	switch {
	case minutes == 1 && es:
		return "Tu minuto"
	case minutes == 1:
		return "Your minute"
	case minutes > 0 && minutes <= 24*60 && es:
		return fmt.Sprintf("Tus %d minutos", minutes)
	case minutes > 0 && minutes <= 24*60:
		return fmt.Sprintf("Your %d minutes", minutes)
	case es:
		return "Tu momento"
	}
	return "Your time"
}

// day returns t's date at midnight in t's location, as a date in UTC so
// arithmetic is free of daylight-saving steps.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// firstOn returns the first day on or after start that is one of days.
func firstOn(start time.Time, days []time.Weekday) time.Time {
	for i := 0; i < 7; i++ {
		d := start.AddDate(0, 0, i)
		for _, w := range days {
			if d.Weekday() == w {
				return d
			}
		}
	}
	return start // unreachable: days is never empty
}

var dayCodes = [...]string{time.Sunday: "SU", time.Monday: "MO", time.Tuesday: "TU", time.Wednesday: "WE", time.Thursday: "TH", time.Friday: "FR", time.Saturday: "SA"}

func byDay(days []time.Weekday) string {
	codes := make([]string, len(days))
	for i, d := range days {
		codes[i] = dayCodes[d]
	}
	return strings.Join(codes, ",")
}

// uid is a stable unique id of one event.
func uid(parts ...string) string {
	h := sha1.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:16])
}

// escape escapes TEXT as RFC 5545 section 3.3.11 requires.
func escape(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`).Replace(s)
}

// fold writes one content line, folded at 75 octets without splitting a
// UTF-8 sequence, ended by CRLF (RFC 5545 section 3.1).
func fold(b *bytes.Buffer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}
