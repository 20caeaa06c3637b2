package pdf

// The rules a designer checks on every page of every handout of the
// library, in both variants and both languages, measured on the layout
// itself.

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/betweensessions/between/worksheet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPaginationRules: no page but the last is less than half full
// unless what comes next truly cannot fit there and is a group kept
// together for more than looks (or a new part starts); a last page a
// third full or less is there only because even tighter spacing cannot
// do without it.
func TestPaginationRules(t *testing.T) {
	libraryDocs(t, func(ws *worksheet.Worksheet, v worksheet.Variant, st *state, doc *document) {
		name := fmt.Sprintf("%s %s", ws.Path, v)
		n := len(doc.pages)
		require.Len(t, doc.fill, n, name)
		require.Len(t, doc.breaks, n-1, name)
		bodyH := st.bottom - st.top
		for i, f := range doc.fill[:n-1] {
			if f >= 0.5 {
				continue
			}
			b := doc.breaks[i]
			if b.why == breakPart {
				continue
			}
			assert.Greater(t, f+b.next/bodyH, 1.0, "%s page %d is %.0f%% full, yet what comes next (%.0f%% of a page) would fit", name, i+1, f*100, b.next/bodyH*100)
			assert.False(t, b.soft, "%s page %d is %.0f%% full for a group kept together only for looks", name, i+1, f*100)
		}
		if n > 1 && doc.fill[n-1] <= lastPageFill && !doc.tight {
			normal := st.m
			st.m = normal.tighter()
			tight, err := st.layoutPass(context.Background())
			st.m = normal
			require.NoError(t, err)
			assert.Len(t, tight.pages, n, "%s: a tighter layout would save the nearly empty last page", name)
		}
	})
}

// TestWritingRoom: every writing line is at least one ruled line (wide
// rule; 1/2 in in large print) below the one above, and every empty cell
// of a table or tracker is at least that tall.
func TestWritingRoom(t *testing.T) {
	for _, m := range []metrics{standardMetrics, largeMetrics} {
		assert.GreaterOrEqual(t, m.writeGap, m.minRule)
	}
	assert.InDelta(t, 24.75, wideRule, 0.001)
	assert.InDelta(t, 36, pitmanRule, 0.001)
	lines, cells := 0, 0
	libraryDocs(t, func(ws *worksheet.Worksheet, v worksheet.Variant, st *state, doc *document) {
		name := fmt.Sprintf("%s %s", ws.Path, v)
		for p, page := range doc.pages {
			var prev *op
			for i := range page {
				o := &page[i]
				if o.kind == opLine && o.g == 0.35 { // a writing line
					if prev != nil && prev.x == o.x && o.y > prev.y {
						assert.GreaterOrEqual(t, o.y-prev.y, st.m.minRule-0.01, "%s page %d: writing lines too close", name, p+1)
						lines++
					}
					prev = o
					continue
				}
				if o.kind != opText && o.kind != opLink {
					prev = nil
				}
				if o.kind == opRect && o.size == st.m.hair*1.5 && empty(page, o) {
					assert.GreaterOrEqual(t, o.h, st.m.minRule, "%s page %d: a cell to write in is %.1f pt tall", name, p+1, o.h)
					cells++
				}
			}
		}
	})
	assert.Positive(t, lines)
	assert.Positive(t, cells)
	t.Logf("checked %d writing-line gaps and %d empty cells", lines, cells)
}

// empty reports whether r is a cell to write in: no text is drawn inside
// its box and it is not in a shaded header row (whose first cell, above
// a tracker's labels, is empty).
func empty(page []op, r *op) bool {
	for _, o := range page {
		if o.kind == opText && o.x >= r.x && o.x < r.x+r.w && o.y > r.y && o.y <= r.y+r.h {
			return false
		}
		if o.kind == opFill && o.g == 0.88 && o.y == r.y {
			return false
		}
	}
	return true
}

// TestHalfEmptyPageGivesWay: a short list kept whole for looks moves to
// the next page only when that leaves this page at least half full;
// otherwise it breaks between items (never leaving its first or last
// item alone).
func TestHalfEmptyPageGivesWay(t *testing.T) {
	long := strings.Repeat("This step is written out at some length so that it wraps. ", 5)
	for _, v := range worksheet.Variants() {
		for n := range 30 {
			l := &worksheet.List{Ordered: true}
			for range 4 {
				l.Items = append(l.Items, &worksheet.ListItem{Blocks: []worksheet.Block{para(long)}})
			}
			body := append(filler(n), heading("Steps"), l)
			st, doc := layoutOf(t, body, v)
			for i, f := range doc.fill[:len(doc.fill)-1] {
				if doc.breaks[i].why != breakPart && f < 0.5 {
					assert.Greater(t, f+doc.breaks[i].next/(st.bottom-st.top), 1.0, "%s n=%d: page %d %.0f%% full", v, n, i+1, f*100)
				}
			}
		}
	}
}
