package pdf

// This file renders hostile handouts: a 500-column table, a 1 MB word,
// ten thousand nested lists, thousands of parts, dangerous link addresses
// put into the model by hand. Each must give a clear error or a PDF whose
// every mark lies on the page, within a time and an allocation bound.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/internal/bounded"
	"github.com/betweensessions/between/worksheet"
)

// hostileBounds are how long a hostile render may take and how many bytes
// it may allocate, generous enough for -race on a shared 2-core machine.
type hostileBounds = bounded.Limits

// parseHostile parses a template body under a fixed front matter.
func parseHostile(t *testing.T, body string) *worksheet.Worksheet {
	t.Helper()
	ws, err := worksheet.NewParser().Parse("h/en.md", []byte("---\nid: h\ntitle: Hostile\nkind: log\n---\n\n"+body))
	require.NoError(t, err)
	return ws
}

// offPage describes the operations of doc that lie off their page: shapes
// outside the page, text outside the content box's columns. It returns ""
// when every operation is on its page.
func offPage(st *state, doc *document) string {
	const eps = 0.5
	var b strings.Builder
	bad := 0
	for i, page := range doc.pages {
		for _, o := range page {
			x0, x1 := o.x, o.x+o.w
			if o.w < 0 {
				x0, x1 = x1, x0
			}
			in := x0 >= -eps && x1 <= st.pageW+eps && o.y >= -eps && o.y <= st.pageH+eps
			if o.kind == opText {
				in = x0 >= st.left-eps && x1 <= st.right+eps
			}
			if !in {
				if bad < 3 {
					fmt.Fprintf(&b, "page %d: op %d at x=%.1f..%.1f y=%.1f (%.20q); ", i+1, o.kind, x0, x1, o.y, o.text)
				}
				bad++
			}
		}
	}
	if bad == 0 {
		return ""
	}
	return fmt.Sprintf("%d operations off the page or outside the text column %.1f..%.1f: %s", bad, st.left, st.right, b.String())
}

// checkOnPage fails the test when an operation of doc is off its page.
func checkOnPage(t *testing.T, st *state, doc *document) {
	t.Helper()
	if off := offPage(st, doc); off != "" {
		t.Error(off)
	}
}

// layoutHostile lays out ws in variant v within b, returning the state
// and document, or the error layout gave.
func layoutHostile(t *testing.T, r *Renderer, ws *worksheet.Worksheet, v worksheet.Variant, b hostileBounds) (*state, *document, error) {
	t.Helper()
	var (
		st  *state
		doc *document
		err error
	)
	bounded.Run(t, "layout "+v.String(), b, func() {
		st, err = r.newState(ws, RenderOptions{Variant: v})
		if err == nil {
			doc, err = st.layout(context.Background())
		}
	})
	return st, doc, err
}

// textOf joins the text of every text op of doc, without spaces.
func textOf(doc *document) string {
	var b strings.Builder
	for _, page := range doc.pages {
		for _, o := range page {
			if o.kind == opText {
				b.WriteString(strings.ReplaceAll(o.text, " ", ""))
			}
		}
	}
	return b.String()
}

// TestHostileWideTable lays out a table of 500 columns: a clear error, or
// every mark on the page in a sane number of pages.
func TestHostileWideTable(t *testing.T) {
	header := make([]worksheet.Cell, 500)
	row := make([]worksheet.Cell, 500)
	for i := range header {
		header[i] = worksheet.Cell{&worksheet.Text{Text: "Column heading"}}
		row[i] = worksheet.Cell{&worksheet.Blank{Width: 5}}
	}
	ws := &worksheet.Worksheet{Path: "h/en.md", Meta: worksheet.Meta{Title: "Wide"}, Body: []worksheet.Block{
		&worksheet.Table{Header: header, Rows: [][]worksheet.Cell{row, row}},
	}}
	r := &Renderer{}
	for _, v := range worksheet.Variants() {
		st, doc, err := layoutHostile(t, r, ws, v, hostileBounds{Time: 20 * time.Second, Alloc: 512 << 20})
		if err != nil {
			assert.Contains(t, err.Error(), "h/en.md", "a clear error names the file")
			continue
		}
		assert.LessOrEqual(t, len(doc.pages), 200, "%s: a sane number of pages", v)
		assert.Contains(t, textOf(doc), "Columnheading:___", "%s: the rows are stacked as \"header: value\" lines", v)
		if off := offPage(st, doc); off != "" {
			// A table too wide for columns of one em at 8 pt is stacked
			// as "header: value" lines (table.go).
			t.Errorf("%s: %s", v, off)
		}
		var out bytes.Buffer
		bounded.Run(t, "render "+v.String(), hostileBounds{Time: 30 * time.Second, Alloc: 1 << 30}, func() {
			err = r.Render(context.Background(), &out, ws, RenderOptions{Variant: v})
		})
		require.NoError(t, err)
		assert.True(t, bytes.HasPrefix(out.Bytes(), []byte("%PDF-")))
	}
}

// TestHostileLongWord lays out a word of 1 MB with no space: it must be
// broken across lines, every character drawn inside the text column.
func TestHostileLongWord(t *testing.T) {
	// A 1 MB word in a paragraph and in code; headings and links take the
	// same line breaker, so 64 KB is enough there and keeps -race fast.
	word := strings.Repeat("abcdefghij", 1<<20/10)
	short := word[:64000]
	for _, c := range []struct {
		name  string
		word  string
		block worksheet.Block
	}{
		{"paragraph", word, &worksheet.Paragraph{Content: []worksheet.Inline{&worksheet.Text{Text: word}}}},
		{"code", word, &worksheet.CodeBlock{Text: word}},
		{"heading", short, &worksheet.Heading{Level: 2, Content: []worksheet.Inline{&worksheet.Text{Text: short}}}},
		{"link", short, &worksheet.Paragraph{Content: []worksheet.Inline{&worksheet.Link{URL: "https://example.org/", Content: []worksheet.Inline{&worksheet.Text{Text: short}}}}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ws := &worksheet.Worksheet{Path: "h/en.md", Meta: worksheet.Meta{Title: "Long"}, Body: []worksheet.Block{c.block}}
			r := &Renderer{}
			v := worksheet.Standard
			st, doc, err := layoutHostile(t, r, ws, v, hostileBounds{Time: 30 * time.Second, Alloc: 1 << 30})
			require.NoError(t, err)
			checkOnPage(t, st, doc)
			got := textOf(doc)
			assert.Equal(t, len(c.word), strings.Count(got, "abcdefghij")*10, "the word is broken, not cut: every character is drawn")
			t.Logf("%d pages", len(doc.pages))
		})
	}
}

// nested builds, by hand, blocks nested depth deep: at each level wrap
// puts the content of the level below (a paragraph at the bottom) into a
// list item or a quote. The parser refuses such nesting, but a program
// may build any model.
func nested(depth int, wrap func(level int, inner []worksheet.Block) worksheet.Block) []worksheet.Block {
	blocks := []worksheet.Block{&worksheet.Paragraph{Content: []worksheet.Inline{&worksheet.Text{Text: "deep words here"}}}}
	for level := depth; level > 0; level-- {
		blocks = []worksheet.Block{wrap(level, blocks)}
	}
	return blocks
}

// TestHostileDeepNesting lays out lists and quotes nested 10,000 deep:
// bounded, the text drawn, and drawn on the page.
func TestHostileDeepNesting(t *testing.T) {
	item := func(_ int, inner []worksheet.Block) worksheet.Block {
		return &worksheet.List{Tight: true, Items: []*worksheet.ListItem{{Blocks: inner}}}
	}
	quote := func(_ int, inner []worksheet.Block) worksheet.Block {
		return &worksheet.Quote{Blocks: inner}
	}
	para := func(s string) worksheet.Block {
		return &worksheet.Paragraph{Content: []worksheet.Inline{&worksheet.Text{Text: s}}}
	}
	for _, c := range []struct {
		name string
		body []worksheet.Block
	}{
		{"10,000 nested lists", nested(10000, item)},
		{"10,000 nested quotes", nested(10000, quote)},
		{"60 nested lists", nested(60, item)},
		{"60 lists and quotes", nested(60, func(level int, inner []worksheet.Block) worksheet.Block {
			if level%2 == 0 {
				return quote(level, inner)
			}
			return item(level, inner)
		})},
		{"60 numbered lists with text", nested(60, func(level int, inner []worksheet.Block) worksheet.Block {
			return &worksheet.List{Ordered: true, Start: 999_999_990, Items: []*worksheet.ListItem{
				{Blocks: append([]worksheet.Block{para("Step " + strconv.Itoa(level) + " of a plan")}, inner...)},
				{Task: true, Blocks: []worksheet.Block{para("another step")}},
			}}
		})},
		{"60 lists around a table", nested(60, func(level int, inner []worksheet.Block) worksheet.Block {
			if level == 60 {
				inner = append(inner, &worksheet.Table{
					Header: []worksheet.Cell{{&worksheet.Text{Text: "When"}}, {&worksheet.Text{Text: "What happened"}}},
					Rows:   [][]worksheet.Cell{{{&worksheet.Text{Text: "Monday"}}, {&worksheet.Blank{Width: 20}}}},
				}, &worksheet.Scale{Min: 0, Max: 10, Label: "How much?"}, &worksheet.CodeBlock{Text: "code"})
			}
			return item(level, inner)
		})},
	} {
		t.Run(c.name, func(t *testing.T) {
			ws := &worksheet.Worksheet{Path: "h/en.md", Meta: worksheet.Meta{Title: "Deep"}, Body: c.body}
			r := &Renderer{}
			for _, v := range worksheet.Variants() {
				st, doc, err := layoutHostile(t, r, ws, v, hostileBounds{Time: 20 * time.Second, Alloc: 512 << 20})
				require.NoError(t, err)
				assert.Contains(t, textOf(doc), "deepwordshere", "the text is drawn")
				// Nesting past the deepest indent that leaves 40% of the
				// width is drawn at that indent (layout.go, state.indent).
				if off := offPage(st, doc); off != "" {
					t.Errorf("%s: %s", v, off)
				}
			}
		})
	}
}

// TestHostileManyPages renders a handout of 20,000 parts, one page each:
// it must be refused with a clear error within a bound.
func TestHostileManyPages(t *testing.T) {
	ws := partsHandout(20000)
	r := &Renderer{}
	var err error
	bounded.Run(t, "render", hostileBounds{Time: 20 * time.Second, Alloc: 256 << 20}, func() {
		err = r.Render(context.Background(), &bytes.Buffer{}, ws, RenderOptions{})
	})
	require.ErrorIs(t, err, ErrTooManyPages)
	assert.Contains(t, err.Error(), "h/en.md", "the error names the file")
	assert.Contains(t, err.Error(), "20000 pages", "the error gives the page count")
}

// TestHostileLinkSchemes puts dangerous addresses into the model by hand,
// as a program building a worksheet without the parser could: the PDF
// must not carry them as link actions, and the link's text is still
// printed. A safe address keeps its link.
func TestHostileLinkSchemes(t *testing.T) {
	r := &Renderer{}
	for _, c := range []struct {
		url  string
		safe bool
	}{
		{"javascript:app.alert(1)", false},
		{"JavaScript:app.alert(1)", false},
		{"data:text/html,<script>", false},
		{"vbscript:msgbox(1)", false},
		{"file:///etc/passwd", false},
		{" javascript:app.alert(1)", false},
		{"https://example.org/help", true},
		{"tel:988", true},
	} {
		t.Run(c.url, func(t *testing.T) {
			ws := &worksheet.Worksheet{Path: "h/en.md", Meta: worksheet.Meta{Title: "Links"}, Body: []worksheet.Block{
				&worksheet.Paragraph{Content: []worksheet.Inline{&worksheet.Link{URL: c.url, Content: []worksheet.Inline{&worksheet.Text{Text: "click"}}}}},
			}}
			st, err := r.newState(ws, RenderOptions{})
			require.NoError(t, err)
			doc, err := st.layout(context.Background())
			require.NoError(t, err)
			assert.Contains(t, textOf(doc), "click", "the link's text is printed")
			links := 0
			for _, page := range doc.pages {
				for _, o := range page {
					if o.kind == opLink {
						links++
						assert.Equal(t, c.url, o.text)
					}
				}
			}
			var out bytes.Buffer
			require.NoError(t, r.Render(context.Background(), &out, ws, RenderOptions{}))
			scheme := bytes.ToLower([]byte(strings.TrimSpace(c.url[:strings.IndexByte(c.url, ':')+1])))
			if c.safe {
				assert.Equal(t, 1, links, "a safe address keeps its link")
				assert.True(t, bytes.Contains(out.Bytes(), []byte("/URI ("+c.url+")")), "the PDF links to %q", c.url)
				return
			}
			assert.Zero(t, links, "an unsafe address gets no link")
			assert.False(t, bytes.Contains(bytes.ToLower(out.Bytes()), scheme), "the PDF does not carry %q", scheme)
		})
	}
}

// TestRenderConcurrentHostile renders one worksheet from many goroutines
// with one Renderer, both variants; run with -race. Every render of a
// variant gives the same bytes.
func TestRenderConcurrentHostile(t *testing.T) {
	ws := parseHostile(t, "## Heading\n\nSome *words* and a ___ blank.\n\n- [ ] one\n- [x] two\n\n| a | b |\n|---|---|\n| ___ | x |\n\n::: lines 2\n\n::: scale 0 10 How much?\n\n::: tracker Mood | Sleep\n\n::: crisis\n")
	r := &Renderer{}
	want := map[worksheet.Variant][]byte{}
	for _, v := range worksheet.Variants() {
		var out bytes.Buffer
		require.NoError(t, r.Render(context.Background(), &out, ws, RenderOptions{Variant: v}))
		want[v] = out.Bytes()
	}
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Go(func() {
			for i := range 6 {
				v := worksheet.Variants()[(g+i)%len(worksheet.Variants())]
				var out bytes.Buffer
				if err := r.Render(context.Background(), &out, ws, RenderOptions{Variant: v}); err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(out.Bytes(), want[v]) {
					t.Errorf("goroutine %d render %d (%s) differs", g, i, v)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestRenderCancelled checks that a cancelled context stops a render
// with the context's error and writes nothing.
func TestRenderCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out bytes.Buffer
	err := (&Renderer{}).Render(ctx, &out, parseHostile(t, "Hi.\n"), RenderOptions{})
	require.ErrorIs(t, err, context.Canceled)
	assert.Zero(t, out.Len())
	assert.False(t, errors.Is(err, ErrMissingGlyph))
}
