package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/homework/hwyaml"
	"github.com/betweensessions/between/homework/ical"
	"github.com/betweensessions/between/internal/safefs"
)

// runRemind implements "between remind": the assignment's reminder schedule
// as an iCalendar file the client imports into any calendar.
func runRemind(_ context.Context, e *env, args []string) error {
	fset := flag.NewFlagSet("remind", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	out := fset.String("o", "", "write the calendar to `FILE` (e.g. homework.ics) instead of stdout")
	start := fset.String("start", "", "first `date` a reminder may fall on, YYYY-MM-DD (default: today)")
	until := fset.String("until", "", "last `date` a reminder may fall on, YYYY-MM-DD (default: no end)")
	title := fset.String("title", "", "the event `title` the client sees, e.g. a code word they chose (default: \"Your N minutes\", no clinical words)")
	lang := fset.String("lang", "en", "`language` of the default title: en or es")
	before := fset.Duration("alarm-before", 0, "sound the alarm this `long` before each reminder, e.g. 10m (default: at the time)")
	setUsage(fset, e.stderr, `Usage: between remind assignment.yaml [-o homework.ics] [--start 2026-10-05] [--until 2026-11-02]
                      [--title "Garden time"] [--lang es] [--alarm-before 10m]

Writes the schedules of the assignment's reminders (method.contacts with purpose: reminder, e.g.
"Tuesday and Thursday 18:00") as an iCalendar file with an alarm, for the client
to import into any phone or computer calendar. The title has no clinical words.`)
	files, help, err := parseCommand(fset, args)
	if help || err != nil {
		return err
	}
	if len(files) != 1 {
		return usageErrorf("remind needs exactly one assignment file (got %d)", len(files))
	}
	opt := ical.Options{Title: *title, Lang: *lang, AlarmBefore: *before}
	if *start == "" {
		opt.Start = time.Now()
	} else if opt.Start, err = time.Parse(time.DateOnly, *start); err != nil {
		return usageErrorf("--start: want a date as YYYY-MM-DD")
	}
	if *until != "" {
		if opt.Until, err = time.Parse(time.DateOnly, *until); err != nil {
			return usageErrorf("--until: want a date as YYYY-MM-DD")
		}
	}
	if err := checkOutput("remind", *out); err != nil {
		return err
	}

	name := files[0]
	src, err := safefs.ReadFile(name, hwyaml.MaxSize)
	if err != nil {
		return fmt.Errorf("remind: %w", err)
	}
	a, err := hwyaml.DecodeAssignment(name, bytes.NewReader(src))
	if err != nil {
		return err
	}
	b, err := ical.Reminders(a, opt)
	if err != nil {
		return remindError(name, src, err)
	}
	return writeOutput(e, "remind", *out, b)
}

// remindError gives each schedule that cannot be a recurrence the file and
// line of its field, as a *diag.Error.
func remindError(name string, src []byte, err error) error {
	var errs []error
	for _, e := range unjoin(err) {
		var se *ical.ScheduleError
		if !errors.As(e, &se) {
			errs = append(errs, e)
			continue
		}
		msg := strings.TrimPrefix(se.Error(), "ical: ")
		errs = append(errs, &diag.Error{Pkg: "remind", Path: name, Line: hwyaml.Line(src, se.Field), Msg: msg, Err: se})
	}
	if errors.Is(err, ical.ErrNoSchedule) {
		return fmt.Errorf("remind: %s: no reminder schedule: add a contact with purpose: reminder and a schedule such as \"Tuesday and Thursday 18:00\"", name)
	}
	return errors.Join(errs...)
}

// unjoin returns the errors joined in err, or err alone.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
