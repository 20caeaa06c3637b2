// Package ical turns a homework assignment's reminder schedule into an
// iCalendar file (RFC 5545) that a client imports into any phone or
// computer calendar: no app, no SMS consent, no account.
//
// # Schedules
//
// [ParseSchedule] reads the schedule a clinician writes in
// [homework.Contact.Schedule] of a contact whose purpose is a reminder — days and clock times, in English or
// Spanish ("Tuesday and Thursday 18:00", "daily at 9:30 pm", "lunes y
// jueves a las 19:00") — into a [Schedule]. A schedule that cannot be a
// recurrence ("after dinner", "when I remember", a time with neither
// minutes nor am/pm) is a *[ScheduleError] naming the field, never
// repeating the words. [Schedules] collects an assignment's schedules and
// falls back to the task's frequency and time.
//
// # Calendars
//
// [Reminders] writes one VEVENT per schedule and time, with an RRULE
// (weekly on the days, or daily) and a VALARM. Times are floating local
// times, so the reminder sounds at 18:00 wherever the phone is.
//
// # Privacy
//
// A calendar is seen on lock screens and shared devices. The title is
// neutral by default ("Your 5 minutes", "Tus 5 minutos"); the clinician may
// set another, such as a code word the client chose ([Options.Title]).
// Nothing from the record — task, rationale, channel, names — is written.
// Output is deterministic and nothing is read from the clock.
//
// The package depends only on package homework and the standard library.
package ical
