package i18n

import (
	"time"

	"golang.org/x/text/language"
)

// Direction is the direction a language's text runs in.
type Direction string

// Text directions.
const (
	LTR Direction = "ltr"
	RTL Direction = "rtl"
)

// Paper is a paper size name.
type Paper string

// Paper sizes.
const (
	Letter Paper = "letter"
	A4     Paper = "a4"
)

// CrisisLine is one crisis service printed in a handout's crisis box.
type CrisisLine struct {
	Name     string `toml:"name" json:"name"`         // "988 Suicide & Crisis Lifeline"
	Number   string `toml:"number" json:"number"`     // "988"
	How      string `toml:"how" json:"how"`           // "Call or text 988. For Spanish, press 2."
	Region   string `toml:"region" json:"region"`     // "United States"
	Source   string `toml:"source" json:"source"`     // where the facts were checked
	Verified string `toml:"verified" json:"verified"` // last-verified date, YYYY-MM-DD
}

// Readability names the readability formula for a language and its target.
// Formula is empty for a language with no grade formula.
type Readability struct {
	Formula string  `toml:"formula" json:"formula"` // "flesch-kincaid", "fernandez-huerta", "szigriszt-pazos"
	Target  float64 `toml:"target" json:"target"`   // e.g. 6 (grade) or 65 (ease score)
}

// Locale is everything a renderer needs to print a handout for one
// language and region: UI strings, weekday names, paper, font, crisis lines.
// A Locale is safe for concurrent use.
type Locale struct {
	Tag  language.Tag
	Name string // the language's own name for itself, e.g. "Español"
	Dir  Direction
	// FirstWeekday is the first column of a 7-day tracker.
	FirstWeekday time.Weekday
	// Weekdays and WeekdaysShort are indexed by time.Weekday (Sunday = 0).
	Weekdays      [7]string
	WeekdaysShort [7]string
	Paper         Paper
	// Font names the PDF font family (for example "go" or "dejavu").
	Font        string
	Readability Readability
	Crisis      []CrisisLine

	messages messageSource
}

// messageSource is the locale's UI strings. It is filled by the catalog
// that made the Locale.
type messageSource interface {
	text(id string, data map[string]any) string
}

// WeekOrder returns the seven weekdays in display order, starting with
// FirstWeekday.
func (l *Locale) WeekOrder() []time.Weekday {
	days := make([]time.Weekday, 7)
	for i := range days {
		days[i] = (l.FirstWeekday + time.Weekday(i)) % 7
	}
	return days
}

// Text returns the UI string with the given message ID, executed with data.
// A string missing in this language falls back to English and is recorded
// so the build can report it. A Locale with no messages returns the ID.
func (l *Locale) Text(id string, data map[string]any) string {
	if l == nil || l.messages == nil {
		return id
	}
	return l.messages.text(id, data)
}
