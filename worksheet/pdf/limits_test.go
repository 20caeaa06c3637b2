package pdf

import (
	"bytes"
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/worksheet"
)

// partsHandout is a handout of n parts, one page each.
func partsHandout(n int) *worksheet.Worksheet {
	parts := make([]worksheet.Block, n)
	for i := range parts {
		parts[i] = &worksheet.Part{N: i + 1, Total: n, Blocks: []worksheet.Block{
			&worksheet.Paragraph{Content: []worksheet.Inline{&worksheet.Text{Text: "Text."}}},
		}}
	}
	return &worksheet.Worksheet{Path: "h/en.md", Meta: worksheet.Meta{Title: "Parts"}, Body: parts}
}

func TestMaxPages(t *testing.T) {
	for _, c := range []struct {
		pages int
		ok    bool
	}{
		{1, true},
		{MaxPages, true},
		{MaxPages + 1, false},
	} {
		t.Run(strconv.Itoa(c.pages), func(t *testing.T) {
			var out bytes.Buffer
			err := (&Renderer{}).Render(context.Background(), &out, partsHandout(c.pages), RenderOptions{})
			if c.ok {
				require.NoError(t, err)
				assert.True(t, bytes.HasPrefix(out.Bytes(), []byte("%PDF-")))
				return
			}
			require.ErrorIs(t, err, ErrTooManyPages)
			assert.Equal(t, "pdf: h/en.md: too many pages: the handout would print on 101 pages, at most 100", err.Error())
			assert.Zero(t, out.Len(), "nothing is written")
		})
	}
}

// TestWideTableStacks checks where standard print gives up shrinking a
// wide table and stacks its rows as "header: value" lines: when its
// columns could not each get an em and padding at 8 pt.
func TestWideTableStacks(t *testing.T) {
	r := &Renderer{}
	for _, c := range []struct {
		variant worksheet.Variant
		cols    int
		stacked bool
	}{
		{worksheet.Standard, 3, false},
		{worksheet.Standard, 30, false}, // 30 × 16 pt fit in 504 pt
		{worksheet.Standard, 32, true},
		{worksheet.Standard, 500, true},
		{worksheet.LargePrint, 3, false},
		{worksheet.LargePrint, 30, true},
	} {
		t.Run(c.variant.String()+"/"+strconv.Itoa(c.cols), func(t *testing.T) {
			header := make([]worksheet.Cell, c.cols)
			row := make([]worksheet.Cell, c.cols)
			for i := range header {
				header[i] = worksheet.Cell{&worksheet.Text{Text: "Heading" + strconv.Itoa(i)}}
				row[i] = worksheet.Cell{&worksheet.Text{Text: "v"}}
			}
			ws := &worksheet.Worksheet{Path: "h/en.md", Body: []worksheet.Block{
				&worksheet.Table{Header: header, Rows: [][]worksheet.Cell{row}},
			}}
			st, err := r.newState(ws, RenderOptions{Variant: c.variant})
			require.NoError(t, err)
			doc, err := st.layout(context.Background())
			require.NoError(t, err)
			rects := 0
			for _, page := range doc.pages {
				for _, o := range page {
					if o.kind == opRect {
						rects++
					}
				}
			}
			if c.stacked {
				assert.Zero(t, rects, "no grid is drawn")
				assert.Contains(t, textOf(doc), "Heading0:v")
			} else {
				assert.Equal(t, 2*c.cols, rects, "a cell box for each cell")
			}
			checkOnPage(t, st, doc)
		})
	}
}
