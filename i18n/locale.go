package i18n

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/diag"
)

// Direction is the direction a language's text runs in.
type Direction string

// Text directions.
const (
	LTR Direction = "ltr"
	RTL Direction = "rtl"
)

// MarshalText implements [encoding.TextMarshaler].
func (d Direction) MarshalText() ([]byte, error) { return []byte(d), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts "ltr"
// and "rtl".
func (d *Direction) UnmarshalText(b []byte) error {
	switch v := Direction(b); v {
	case LTR, RTL:
		*d = v
		return nil
	}
	return fmt.Errorf("direction %q is not \"ltr\" or \"rtl\"", b)
}

// PaperSize is the name of a sheet size. (homework.Paper is something
// else: the channel of homework done on paper.)
type PaperSize string

// Paper sizes.
const (
	Letter PaperSize = "letter"
	A4     PaperSize = "a4"
)

// MarshalText implements [encoding.TextMarshaler].
func (p PaperSize) MarshalText() ([]byte, error) { return []byte(p), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts "letter"
// and "a4".
func (p *PaperSize) UnmarshalText(b []byte) error {
	switch v := PaperSize(b); v {
	case Letter, A4:
		*p = v
		return nil
	}
	return fmt.Errorf("paper %q is not \"letter\" or \"a4\"", b)
}

// Clock is how a locale writes the time of day.
type Clock string

// Clock styles.
const (
	Clock24 Clock = "24h" // 18:30
	Clock12 Clock = "12h" // 6:30 PM
)

// MarshalText implements [encoding.TextMarshaler].
func (c Clock) MarshalText() ([]byte, error) { return []byte(c), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts "24h"
// and "12h".
func (c *Clock) UnmarshalText(b []byte) error {
	switch v := Clock(b); v {
	case Clock24, Clock12:
		*c = v
		return nil
	}
	return fmt.Errorf("clock %q is not \"24h\" or \"12h\"", b)
}

// CrisisLine is one crisis service printed in a handout's crisis box.
type CrisisLine struct {
	Name     string `toml:"name" json:"name"`         // "988 Suicide & Crisis Lifeline"
	Number   string `toml:"number" json:"number"`     // "988"
	How      string `toml:"how" json:"how"`           // "Call or text 988. For Spanish, press 2."
	Region   string `toml:"region" json:"region"`     // "United States"
	Source   string `toml:"source" json:"source"`     // where the facts were checked
	Verified string `toml:"verified" json:"verified"` // last-verified date, YYYY-MM-DD; empty if never checked
	// CheckLocally is true until a clinic has confirmed the line against its
	// source for the place it practises. Every line Between ships is marked.
	CheckLocally bool `toml:"check_locally" json:"check_locally"`
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
	Paper         PaperSize
	// Font names the PDF font family (for example "andika" or "dejavu").
	Font string
	// FontAt is where Font was set: the locale data file and the line of
	// its font key, so that a renderer that has no such font can name the
	// file to fix. It is zero for a Locale built in code.
	FontAt      diag.Position
	Readability Readability
	Crisis      []CrisisLine
	// DateFormat is the numeric date pattern: "dd" or "d" for the day, "mm"
	// or "m" for the month, "yyyy" or "yy" for the year; other characters
	// are printed as they are. For example "mm/dd/yyyy" or "dd/mm/yyyy".
	DateFormat string
	// Clock is 24-hour or 12-hour time; AMPM holds the two 12-hour markers.
	Clock Clock
	AMPM  [2]string

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
// A "Count" entry in data chooses the plural form by the language's CLDR
// rules. A string missing in this language falls back to English and is
// recorded so the build can report it (see [Catalog.Fallbacks]). A nil
// Locale, or one not made by a [Catalog] (such as the zero Locale), gives
// the English text Between embeds: the one English fallback that every
// renderer shares. Only an ID that no English message has comes back as
// the ID itself.
func (l *Locale) Text(id string, data map[string]any) string {
	if l == nil || l.messages == nil {
		if en := embeddedEnglish(); en != nil {
			return en.Text(id, data)
		}
		return id
	}
	return l.messages.text(id, data)
}

// embeddedEnglish is the English locale of the embedded catalog, made on
// first use. It is never changed afterwards (its record of fallbacks aside,
// which nothing reads), so sharing it is safe.
var embeddedEnglish = sync.OnceValue(func() *Locale {
	c, err := Default()
	if err != nil {
		return nil // the embedded files are checked by this package's tests
	}
	l, err := c.Locale(sourceLang)
	if err != nil {
		return nil
	}
	return l
})

// FormatDate writes the date part of t with the locale's DateFormat.
func (l *Locale) FormatDate(t time.Time) string {
	var b strings.Builder
	f := l.DateFormat
	for f != "" {
		switch {
		case strings.HasPrefix(f, "yyyy"):
			fmt.Fprintf(&b, "%04d", t.Year())
			f = f[4:]
		case strings.HasPrefix(f, "yy"):
			fmt.Fprintf(&b, "%02d", t.Year()%100)
			f = f[2:]
		case strings.HasPrefix(f, "dd"):
			fmt.Fprintf(&b, "%02d", t.Day())
			f = f[2:]
		case strings.HasPrefix(f, "d"):
			fmt.Fprintf(&b, "%d", t.Day())
			f = f[1:]
		case strings.HasPrefix(f, "mm"):
			fmt.Fprintf(&b, "%02d", int(t.Month()))
			f = f[2:]
		case strings.HasPrefix(f, "m"):
			fmt.Fprintf(&b, "%d", int(t.Month()))
			f = f[1:]
		default:
			b.WriteByte(f[0])
			f = f[1:]
		}
	}
	return b.String()
}

// FormatTime writes the hour and minute of t in the locale's clock style.
func (l *Locale) FormatTime(t time.Time) string {
	if l.Clock != Clock12 {
		return fmt.Sprintf("%d:%02d", t.Hour(), t.Minute())
	}
	h := t.Hour() % 12
	if h == 0 {
		h = 12
	}
	return fmt.Sprintf("%d:%02d %s", h, t.Minute(), l.AMPM[t.Hour()/12])
}
