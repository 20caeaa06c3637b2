package pdf

// Tests for what a reader of the printed page would trip on: an
// instruction at the foot of a page with its writing lines on the next, a
// lone list item or closing line, a cramped 7-day tracker in large print,
// rows of blanks too short to write in.

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/worksheet"
)

func para(s string) *worksheet.Paragraph {
	return &worksheet.Paragraph{Content: []worksheet.Inline{&worksheet.Text{Text: s}}}
}

func heading(s string) *worksheet.Heading {
	return &worksheet.Heading{Level: 2, Content: []worksheet.Inline{&worksheet.Text{Text: s}}}
}

// filler is n one-line paragraphs that push what follows down the page.
func filler(n int) []worksheet.Block {
	out := make([]worksheet.Block, n)
	for i := range out {
		out[i] = para(fmt.Sprintf("Filler line %d.", i+1))
	}
	return out
}

// layoutOf lays out body in variant v with the built-in defaults.
func layoutOf(t *testing.T, body []worksheet.Block, v worksheet.Variant) (*state, *document) {
	t.Helper()
	r, err := New(Options{})
	require.NoError(t, err)
	st, err := r.newState(&worksheet.Worksheet{Path: "keep/en.md", Body: body}, RenderOptions{Variant: v})
	require.NoError(t, err)
	doc, err := st.layout(context.Background())
	require.NoError(t, err)
	return st, doc
}

// pageOf returns the page that has a text operation containing s, or -1.
func pageOf(doc *document, s string) int {
	for i, page := range doc.pages {
		for _, o := range page {
			if o.kind == opText && strings.Contains(o.text, s) {
				return i
			}
		}
	}
	return -1
}

// count returns how many operations on page i satisfy f.
func count(doc *document, i int, f func(op) bool) int {
	n := 0
	for _, o := range doc.pages[i] {
		if f(o) {
			n++
		}
	}
	return n
}

func TestIntroKeptWithWhatItIntroduces(t *testing.T) {
	// A writing line is a full-width horizontal line; a scale or tracker
	// shows rectangles.
	cases := []struct {
		name  string
		block worksheet.Block
		first func(st *state) func(op) bool
		all   int // how many of them must share the heading's page
	}{
		{"lines", &worksheet.Lines{Count: 3}, func(st *state) func(op) bool {
			return func(o op) bool { return o.kind == opLine && o.h == 0 && o.w == st.width() }
		}, 3},
		{"scale", &worksheet.Scale{Min: 0, Max: 10, Label: "How strong?"}, func(*state) func(op) bool {
			return func(o op) bool { return o.kind == opRect }
		}, 1},
		{"tracker", &worksheet.Tracker{Rows: []string{"Mood", "What I did"}}, func(*state) func(op) bool {
			return func(o op) bool { return o.kind == opRect }
		}, 1},
	}
	for _, c := range cases {
		for _, v := range worksheet.Variants() {
			for n := range 45 {
				body := append(filler(n), heading("What matters to me"),
					para("When things are hard, it can help to remember what you care about."), c.block)
				st, doc := layoutOf(t, body, v)
				h := pageOf(doc, "What matters to me")
				require.GreaterOrEqual(t, h, 0)
				assert.Equal(t, h, pageOf(doc, "it can help to remember"), "%s %s n=%d: intro left its heading", c.name, v, n)
				assert.GreaterOrEqual(t, count(doc, h, c.first(st)), c.all,
					"%s %s n=%d: heading and intro end page %d without what they introduce", c.name, v, n, h+1)
			}
		}
	}
}

func TestListsKeepTogether(t *testing.T) {
	items := func(n int) *worksheet.List {
		l := &worksheet.List{Ordered: true, Tight: true}
		for i := range n {
			l.Items = append(l.Items, &worksheet.ListItem{Blocks: []worksheet.Block{para(fmt.Sprintf("Step number %d.", i+1))}})
		}
		return l
	}
	for _, v := range worksheet.Variants() {
		for n := range 45 {
			// A short list stays on one page.
			_, doc := layoutOf(t, append(filler(n), items(4)), v)
			p := pageOf(doc, "Step number 1.")
			for i := 2; i <= 4; i++ {
				assert.Equal(t, p, pageOf(doc, fmt.Sprintf("Step number %d.", i)), "%s n=%d: short list split", v, n)
			}
			// A long one leaves neither its first nor its last item alone.
			_, doc = layoutOf(t, append(filler(n), items(9)), v)
			assert.Equal(t, pageOf(doc, "Step number 1."), pageOf(doc, "Step number 2."), "%s n=%d: first item alone", v, n)
			assert.Equal(t, pageOf(doc, "Step number 8."), pageOf(doc, "Step number 9."), "%s n=%d: last item alone", v, n)
		}
	}
}

func TestClosingLineNotAlone(t *testing.T) {
	for _, v := range worksheet.Variants() {
		for n := range 45 {
			st, doc := layoutOf(t, append(filler(n), &worksheet.Lines{Count: 2}, para("Even a small change counts.")), v)
			p := pageOf(doc, "Even a small change counts.")
			lines := count(doc, p, func(o op) bool { return o.kind == opLine && o.w == st.width() })
			assert.Positive(t, lines, "%s n=%d: the closing line is alone on page %d", v, n, p+1)
		}
	}
}

func TestTrackerByDay(t *testing.T) {
	texts := func(doc *document) string {
		var b strings.Builder
		for _, page := range doc.pages {
			for _, o := range page {
				if o.kind == opText {
					b.WriteString(o.text + "|")
				}
			}
		}
		return b.String()
	}
	few := []worksheet.Block{&worksheet.Tracker{Rows: []string{"Mood (1 to 10)", "What I did", "Who I was with"}}}
	many := []worksheet.Block{&worksheet.Tracker{Rows: strings.Fields("a b c d e f g h i")}}
	six := []worksheet.Block{&worksheet.Tracker{Rows: strings.Fields("a b c d e f")}}
	cases := []struct {
		name      string
		body      []worksheet.Block
		v         worksheet.Variant
		has, lack string
	}{
		// Standard print turns the grid too when each answer column can
		// be an inch and a quarter wide: seven day columns of about
		// three-quarters of an inch hold a number, not "What I did".
		{"standard: days down, full names", few, worksheet.Standard, "|Wednesday|", "|Wed|"},
		{"standard, too many labels: days across", six, worksheet.Standard, "|Wed|", "Wednesday"},
		{"large print: days down, full names", few, worksheet.LargePrint, "|Wednesday|", "|Wed|"},
		{"large print, too many labels: days across", many, worksheet.LargePrint, "|Wed|", "Wednesday"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, doc := layoutOf(t, c.body, c.v)
			got := texts(doc)
			assert.Contains(t, got, c.has)
			assert.NotContains(t, got, c.lack)
			for _, o := range doc.pages[0] {
				if o.kind == opText {
					assert.LessOrEqual(t, o.x+o.w, st.right+0.01, "%q runs past the margin", o.text)
				}
			}
		})
	}
	// Turned round, every label column is at least four ems wide in
	// large print, 1.25 in in standard print.
	for v, least := range map[worksheet.Variant]float64{worksheet.LargePrint: 4 * 18, worksheet.Standard: 90} {
		st, doc := layoutOf(t, few, v)
		for _, o := range doc.pages[0] {
			if o.kind == opRect && o.x > st.left+1 {
				assert.GreaterOrEqual(t, o.w, least, "%s", v)
			}
		}
	}
}

func TestBlankTableRowIsRoomToWrite(t *testing.T) {
	blank := worksheet.Cell{&worksheet.Blank{Width: 3}}
	tbl := &worksheet.Table{
		Header: []worksheet.Cell{{&worksheet.Text{Text: "Facts that fit"}}, {&worksheet.Text{Text: "Facts that do not fit"}}},
		Rows:   [][]worksheet.Cell{{blank, blank}, {blank, {&worksheet.Text{Text: "one"}}}},
	}
	for _, v := range worksheet.Variants() {
		st, doc := layoutOf(t, []worksheet.Block{tbl}, v)
		underscores := count(doc, 0, func(o op) bool { return o.kind == opText && strings.Contains(o.text, "___") })
		assert.Equal(t, 1, underscores, "%s: only the row with text keeps its blank", v)
		tall := count(doc, 0, func(o op) bool { return o.kind == opRect && o.h >= 2*st.m.writeGap })
		assert.Equal(t, 2, tall, "%s: the row of blanks is not tall enough to write in", v)
	}
}
