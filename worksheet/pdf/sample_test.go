package pdf_test

import (
	"strings"
	"time"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/worksheet"
	"golang.org/x/text/language"
)

// Helpers that build synthetic handouts as document-model literals.

func txt(s string) *worksheet.Text { return &worksheet.Text{Text: s} }

func para(in ...worksheet.Inline) *worksheet.Paragraph {
	return &worksheet.Paragraph{Content: in}
}

func heading(level int, s string) *worksheet.Heading {
	return &worksheet.Heading{Level: level, Content: []worksheet.Inline{txt(s)}}
}

func strong(s string) *worksheet.Emphasis {
	return &worksheet.Emphasis{Strong: true, Content: []worksheet.Inline{txt(s)}}
}

func em(s string) *worksheet.Emphasis {
	return &worksheet.Emphasis{Content: []worksheet.Inline{txt(s)}}
}

func item(in ...worksheet.Inline) *worksheet.ListItem {
	return &worksheet.ListItem{Blocks: []worksheet.Block{para(in...)}}
}

func task(checked bool, s string) *worksheet.ListItem {
	return &worksheet.ListItem{Task: true, Checked: checked, Blocks: []worksheet.Block{para(txt(s))}}
}

func cells(ss ...string) []worksheet.Cell {
	out := make([]worksheet.Cell, len(ss))
	for i, s := range ss {
		if s != "" {
			out[i] = worksheet.Cell{txt(s)}
		}
	}
	return out
}

// testLocale is an English locale without UI messages; the renderer falls
// back to its built-in English strings.
func testLocale() *i18n.Locale {
	return &i18n.Locale{
		Tag:           language.AmericanEnglish,
		Name:          "English",
		FirstWeekday:  time.Sunday,
		Weekdays:      [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		WeekdaysShort: [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		Paper:         i18n.Letter,
		Font:          "andika",
		Crisis: []i18n.CrisisLine{
			{Name: "988 Suicide & Crisis Lifeline", Number: "988", How: "Call or text 988, any time."},
			{Name: "Emergency services", Number: "911", How: "Call if you are in danger now."},
		},
	}
}

// spanishLocale is a Monday-first A4 locale.
func spanishLocale() *i18n.Locale {
	return &i18n.Locale{
		Tag:           language.Spanish,
		Name:          "Español",
		FirstWeekday:  time.Monday,
		Weekdays:      [7]string{"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
		WeekdaysShort: [7]string{"dom", "lun", "mar", "mié", "jue", "vie", "sáb"},
		Paper:         i18n.A4,
		Font:          "andika",
	}
}

// sleepHandout is a realistic two-page handout using every block kind.
func sleepHandout() *worksheet.Worksheet {
	return &worksheet.Worksheet{
		Path: "sleep-routine/en.md",
		Lang: language.AmericanEnglish,
		Meta: worksheet.Meta{
			ID:      "sleep-routine",
			Title:   "A Steady Sleep Routine",
			Summary: "Small daily steps that help your body know when it is time to sleep.",
			Kind:    worksheet.KindWorksheet,
			Params:  []worksheet.Param{{Name: "wake_time", Label: "Wake time"}},
		},
		Body: []worksheet.Block{
			heading(2, "Why a routine helps"),
			para(txt("Your body keeps its own clock. When you go to bed and get up at "),
				strong("the same time"), txt(" every day, the clock settles and sleep comes "),
				em("more easily"), txt(". This sheet helps you plan a routine and notice how it goes. See "),
				&worksheet.Link{URL: "https://example.org/sleep", Content: []worksheet.Inline{txt("the sleep guide")}},
				txt(" for more.")),
			heading(2, "My plan"),
			para(txt("I will get up at "), &worksheet.Slot{Name: "wake_time"}, txt(" every day, even on weekends.")),
			para(txt("One thing I will do in the hour before bed: "), &worksheet.Blank{Width: 20}),
			&worksheet.List{Tight: true, Items: []*worksheet.ListItem{
				item(txt("Dim the lights an hour before bed.")),
				item(txt("Put the phone in another room.")),
				{Blocks: []worksheet.Block{
					para(txt("Choose a calm activity:")),
					&worksheet.List{Tight: true, Items: []*worksheet.ListItem{
						item(txt("read a paper book")), item(txt("stretch gently")),
					}},
				}},
			}},
			heading(3, "Checklist for tonight"),
			&worksheet.List{Tight: true, Items: []*worksheet.ListItem{
				task(false, "Caffeine only before noon"),
				task(true, "Bedroom cool and dark"),
				task(false, "Screens off by 10 pm"),
			}},
			heading(3, "Steps, in order"),
			&worksheet.List{Ordered: true, Start: 1, Tight: true, Items: []*worksheet.ListItem{
				item(txt("Get up at your wake time.")), item(txt("Get daylight within an hour.")),
				item(txt("Go to bed only when sleepy.")),
			}},
			&worksheet.Quote{Blocks: []worksheet.Block{para(strong("Tip: "), txt("If you cannot sleep after about 20 minutes, get up and do something calm until you feel sleepy."))}},
			&worksheet.Scale{Min: 0, Max: 10, Label: "How rested did you feel this morning?"},
			heading(2, "My week"),
			&worksheet.Tracker{Rows: []string{"Time I went to bed", "Time I got up", "Hours of sleep", "Did I keep the routine?"}},
			heading(2, "What got in the way"),
			&worksheet.Table{
				Align:  []worksheet.Align{worksheet.AlignLeft, worksheet.AlignLeft, worksheet.AlignNone},
				Header: cells("Situation", "What I did", "How it went (0-10)"),
				Rows: [][]worksheet.Cell{
					cells("Stayed up late watching a show", "Set a timer for the last episode", "6"),
					cells("Woke at 3 am worrying", "Wrote the worry down and went back to bed", "4"),
					cells("", "", ""),
				},
			},
			&worksheet.Rule{},
			heading(2, "Notes"),
			&worksheet.Lines{Count: 4, Label: "Notes"},
			&worksheet.CodeBlock{Text: "bed 22:30\nup  06:30"},
			&worksheet.Crisis{},
		},
	}
}

// longHandout repeats the sample's body n times: a many-page handout.
func longHandout(n int) *worksheet.Worksheet {
	ws := sleepHandout()
	body := ws.Body
	ws.Body = nil
	for range n {
		ws.Body = append(ws.Body, body...)
	}
	return ws
}

// partsHandout is split into three parts.
func partsHandout() *worksheet.Worksheet {
	ws := &worksheet.Worksheet{
		Path: "thought-record/en.md",
		Lang: language.AmericanEnglish,
		Meta: worksheet.Meta{ID: "thought-record", Title: "Thought Record", Parts: 3},
	}
	titles := []string{"Notice the situation", "Catch the thought", ""}
	for i, t := range titles {
		ws.Body = append(ws.Body, &worksheet.Part{N: i + 1, Total: 3, Title: t, Blocks: []worksheet.Block{
			para(txt(strings.Repeat("Write what happened, where you were and who was there. ", 3))),
			&worksheet.Lines{Count: 3},
		}})
	}
	return ws
}
