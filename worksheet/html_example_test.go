package worksheet_test

import (
	"os"

	"github.com/betweensessions/between/worksheet"
)

// A handout renders to one <article>: its header holds lines for the
// client's name and the date; large print draws emphasis in bold, and a
// personalisation slot prints its value. With no locale, texts are English.
func ExampleRenderHTML() {
	ws := &worksheet.Worksheet{
		Path: "wake/en.md",
		Meta: worksheet.Meta{ID: "wake", Title: "Wake up", Params: []worksheet.Param{{Name: "time", Label: "Wake-up time"}}},
		Body: []worksheet.Block{
			&worksheet.Paragraph{Content: []worksheet.Inline{
				&worksheet.Emphasis{Content: []worksheet.Inline{&worksheet.Text{Text: "Every"}}},
				&worksheet.Text{Text: " day at "},
				&worksheet.Slot{Name: "time"},
			}},
		},
	}
	opts := worksheet.HTMLOptions{Variant: worksheet.LargePrint, Params: map[string]string{"time": "7:00"}}
	if err := worksheet.RenderHTML(os.Stdout, ws, opts); err != nil {
		panic(err)
	}
	// Output:
	// <article class="handout handout-large-print" data-id="wake">
	// <header class="handout-header">
	// <h1>Wake up</h1>
	// <div class="handout-fields">
	// <p class="field"><label for="ws-name">Name or initials</label> <textarea class="blank" id="ws-name" rows="1" style="--w:16" autocomplete="off" spellcheck="false"></textarea></p>
	// <p class="field"><label for="ws-date">Date</label> <textarea class="blank" id="ws-date" rows="1" style="--w:16" autocomplete="off" spellcheck="false"></textarea></p>
	// </div>
	// </header>
	// <p><strong>Every</strong> day at <span class="slot">7:00</span></p>
	// </article>
}
