package ical_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/homework/ical"
)

// A reminder on Tuesday and Thursday at 18:00, from the first week of the
// homework to the next session, with a neutral title.
func ExampleReminders() {
	a := &homework.Assignment{
		Task: homework.Task{What: "breathing practice", Frequency: "twice a week", When: "evening", Minutes: 5},
		Method: homework.Method{Channel: homework.Paper, Contacts: []homework.Contact{
			{Channel: homework.SMS, Purpose: homework.PurposeReminder, Schedule: "Tuesday and Thursday 18:00"},
		}},
	}
	start := time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)
	b, err := ical.Reminders(a, ical.Options{Start: start, Until: start.AddDate(0, 0, 27)})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(string(b), "\r\n") {
		if strings.HasPrefix(line, "DTSTART") || strings.HasPrefix(line, "RRULE") || strings.HasPrefix(line, "SUMMARY") || strings.HasPrefix(line, "TRIGGER") {
			fmt.Println(line)
		}
	}
	// Output:
	// DTSTART:20261006T180000
	// RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261101T235959
	// SUMMARY:Your 5 minutes
	// TRIGGER:PT0M
}

func ExampleParseSchedule() {
	s, err := ical.ParseSchedule("method.contacts[0].schedule", "lunes y jueves a las 19:30")
	fmt.Println(s.Days, s.Times, err)
	_, err = ical.ParseSchedule("method.contacts[1].schedule", "after dinner")
	fmt.Println(err)
	// Output:
	// [Monday Thursday] [19:30] <nil>
	// ical: method.contacts[1].schedule: cannot be a recurrence: it has words that are neither days nor clock times (write days and a clock time, e.g. "Tuesday and Thursday 18:00")
}
