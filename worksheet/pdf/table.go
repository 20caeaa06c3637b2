package pdf

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/betweensessions/between/worksheet"
)

// grid is a table ready for layout: measured cells in rows, the first row
// being the header that repeats on every page the grid reaches.
type grid struct {
	cells  [][]*inliner
	align  []align
	minRow float64 // least height of a body row
}

// minTableSize is the smallest size, in points, standard print sets a
// wide table in.
const minTableSize = 8

// table lays out a GFM table. Column widths follow the content: each
// column gets at least its longest word when the page allows, and the
// rest of the width goes where the text is longest. A table wider than
// the page is set smaller and its words broken, or, when even that leaves
// too little room (and always in large print), printed as stacked
// "header: value" lines (see stackedTable).
func (st *state) table(t *worksheet.Table, x, w float64, out []*unit) []*unit {
	cols := len(t.Header)
	if cols == 0 {
		return out
	}
	size := st.m.body
	g := grid{align: make([]align, cols), minRow: st.lineHeight(size) + 2*st.m.pad}
	for c := range cols {
		if c < len(t.Align) && st.opts.Variant != worksheet.LargePrint {
			switch t.Align[c] {
			case worksheet.AlignCenter:
				g.align[c] = alignCenter
			case worksheet.AlignRight:
				g.align[c] = alignRight
			}
		}
	}
	row := func(cells []worksheet.Cell, f face) []*inliner {
		r := make([]*inliner, cols)
		for c := range cols {
			r[c] = st.inline(size, f, w)
			if c < len(cells) {
				r[c].inlines(cells[c], f, "")
			}
		}
		return r
	}
	g.cells = append(g.cells, row(t.Header, bold))
	for _, cells := range t.Rows {
		if blankRow(cells) {
			// A row of blanks ("| ___ | ___ |") is room to write in:
			// leave the cells empty and the row gets the height of
			// handwriting, not of one line of text.
			cells = nil
		}
		g.cells = append(g.cells, row(cells, regular))
	}
	least := 0.0 // the width the longest words need
	for c := range cols {
		l := 0.0
		for _, r := range g.cells {
			for _, wd := range r[c].words {
				l = max(l, wd.w)
			}
		}
		least += l + 2*st.m.pad
	}
	if least > w {
		// Too wide for the page: standard print sets the table smaller,
		// down to 8 pt, as long as every column still gets an em and its
		// padding at that size, room for a character a line; large print
		// keeps its size. Otherwise each row is printed as a short list
		// of "header: value" lines instead.
		if st.opts.Variant == worksheet.LargePrint || float64(cols)*(minTableSize+2*st.m.pad) > w {
			return st.stackedTable(t, x, w, out)
		}
		f := max((w-float64(cols)*2*st.m.pad)/(least-float64(cols)*2*st.m.pad), minTableSize/size)
		for _, r := range g.cells {
			for _, b := range r {
				b.scale(f)
			}
		}
	}
	return st.grid(&g, st.columnWidths(&g, w), x, out)
}

// blankRow reports whether a table row holds blanks and nothing else.
func blankRow(cells []worksheet.Cell) bool {
	blanks := 0
	for _, cell := range cells {
		for _, in := range cell {
			switch v := in.(type) {
			case *worksheet.Blank:
				blanks++
			case *worksheet.Text:
				if strings.TrimSpace(v.Text) != "" {
					return false
				}
			default:
				return false
			}
		}
	}
	return blanks > 0
}

// stackedTable prints each row of a table as "header: value" lines, with
// a rule between rows. A table with no rows prints its header as one row
// of "header:" lines.
func (st *state) stackedTable(t *worksheet.Table, x, w float64, out []*unit) []*unit {
	m := &st.m
	rows := t.Rows
	if len(rows) == 0 {
		rows = [][]worksheet.Cell{nil}
	}
	for ri, row := range rows {
		start := len(out)
		for c, head := range t.Header {
			n := len(out)
			out = st.textUnits(out, x, w, m.body, regular, alignLeft, false, func(b *inliner) {
				if len(head) > 0 {
					b.inlines(head, bold, "")
					b.text(":", bold, "")
					b.endWord()
				}
				if c < len(row) {
					b.inlines(row[c], regular, "")
				}
			})
			if len(out) > n && c > 0 {
				out[n].before = m.itemGap
			}
		}
		if len(out) == start {
			continue
		}
		// A row stays on one page when it takes at most half of one; a
		// longer one (a table of many columns) may break, but not after
		// its first line nor before its last.
		group := out[start:]
		whole := height(group) <= (st.bottom-st.top)/2
		for i, u := range group[:len(group)-1] {
			u.keep = whole || i == 0 || i == len(group)-2
		}
		out[start].ops = append(out[start].ops, op{kind: opLine, x: x, y: -m.gap / 2, w: w, size: m.rule})
		if ri > 0 {
			out[start].before = m.gap
		}
	}
	return out
}

// columnWidths shares w among the grid's columns.
func (st *state) columnWidths(g *grid, w float64) []float64 {
	cols := len(g.align)
	pad2 := 2 * st.m.pad
	least := make([]float64, cols) // the longest word
	most := make([]float64, cols)  // the whole text on one line
	for _, r := range g.cells {
		for c, b := range r {
			total := 0.0
			for i, wd := range b.words {
				least[c] = max(least[c], wd.w+pad2)
				if i > 0 && wd.gap {
					total += b.size * 0.3
				}
				total += wd.w
			}
			most[c] = max(most[c], total+pad2, least[c], pad2+b.size)
		}
	}
	widths := make([]float64, cols)
	sumLeast, sumMost := 0.0, 0.0
	for c := range cols {
		sumLeast += least[c]
		sumMost += most[c]
	}
	switch {
	case sumMost <= w:
		for c := range cols {
			widths[c] = most[c] + (w-sumMost)/float64(cols)
		}
	case sumLeast <= w:
		extra := w - sumLeast
		for c := range cols {
			widths[c] = least[c] + extra*(most[c]-least[c])/(sumMost-sumLeast)
		}
	default:
		for c := range cols {
			widths[c] = w / float64(cols)
		}
	}
	return widths
}

// grid lays out the rows of g, one unit per row; the header row is kept
// with the first body row and repeated on each later page. A row taller
// than a page is cut into pieces that each fit.
func (st *state) grid(g *grid, widths []float64, x float64, out []*unit) []*unit {
	m := &st.m
	pad := m.pad
	var header *unit
	room := st.bottom - st.top
	for ri, r := range g.cells {
		lh := st.lineHeight(r[0].size)
		lines := make([][]line, len(r))
		n := 0
		empty := true
		for c, b := range r {
			b.maxW = max(widths[c]-2*pad, b.size)
			lines[c] = b.lines()
			n = max(n, len(lines[c]))
			if len(b.words) > 0 {
				empty = false
			}
		}
		per := max(n, 1)
		if header != nil {
			per = max(int((room-header.h-2*pad)/lh), 1)
		}
		for from := 0; from == 0 || from < n; from += per {
			to := min(from+per, n)
			h := float64(to-from)*lh + 2*pad
			if ri > 0 && to == n {
				h = max(h, g.minRow)
				if empty {
					h = max(h, m.writeGap*2)
				}
			}
			u := &unit{h: h, base: pad + st.baseline(r[0].size, lh)}
			if ri == 0 {
				u.ops = append(u.ops, op{kind: opFill, x: x, y: 0, w: sum(widths), h: h, g: 0.88})
			}
			cx := x
			for c, b := range r {
				u.ops = append(u.ops, op{kind: opRect, x: cx, y: 0, w: widths[c], h: h, size: m.hair * 1.5})
				for i := from; i < min(to, len(lines[c])); i++ {
					u.ops = b.lineOps(lines[c][i], cx+pad, pad+float64(i-from)*lh, lh, g.align[c], u.ops)
				}
				cx += widths[c]
			}
			if ri == 0 {
				u.keep = true
				header = u
			} else {
				u.header = header
			}
			out = append(out, u)
		}
	}
	return out
}

func sum(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}

// tracker lays out a 7-day grid: one row per label, one column per
// weekday, in the locale's order, with short weekday names. Large print
// turns the grid round when the labels' columns can be wide enough (see
// trackerByDay).
func (st *state) tracker(t *worksheet.Tracker, x, w float64, out []*unit) []*unit {
	if u, ok := st.trackerByDay(t, x, w, out); ok {
		return u
	}
	size := st.m.body
	g := grid{align: make([]align, 8), minRow: st.m.writeGap * 1.3}
	for c := 1; c < 8; c++ {
		g.align[c] = alignCenter
	}
	if st.opts.Variant == worksheet.LargePrint {
		g.align = make([]align, 8)
	}
	head := make([]*inliner, 8)
	head[0] = st.inline(size, bold, w)
	for i, d := range st.loc.WeekOrder() {
		name := st.loc.WeekdaysShort[d]
		if name == "" {
			name = st.loc.Weekdays[d]
		}
		head[i+1] = st.inline(size, bold, w)
		head[i+1].text(name, bold, "")
	}
	g.cells = append(g.cells, head)
	labelW := 0.0
	for _, label := range t.Rows {
		r := make([]*inliner, 8)
		r[0] = st.inline(size, regular, w)
		r[0].text(label, regular, "")
		labelW = max(labelW, st.measure(regular, label, size))
		for c := 1; c < 8; c++ {
			r[c] = st.inline(size, regular, w)
		}
		g.cells = append(g.cells, r)
	}
	// The label column takes a quarter to two-fifths of the width, as
	// much as its longest label needs when the day names still fit; the
	// days share the rest.
	first := min(max(labelW+2*st.m.pad+1, w*0.25), w*0.4) // +1: rounding
	for _, c := range head[1:] {
		if len(c.words) > 0 {
			first = min(first, w-7*(c.words[0].w+2*st.m.pad))
		}
	}
	first = max(first, w*0.2)
	widths := make([]float64, 8)
	widths[0] = first
	for c := 1; c < 8; c++ {
		widths[c] = (w - first) / 7
	}
	return st.wholeGrid(&g, widths, x, out)
}

// wholeGrid lays out g and keeps it on one page when it fits: a week
// fits on a page. That keep is for looks and gives way before a page is
// left half empty; the last two rows stay together all the same.
func (st *state) wholeGrid(g *grid, widths []float64, x float64, out []*unit) []*unit {
	start := len(out)
	out = st.grid(g, widths, x, out)
	for _, u := range out[start : len(out)-1] {
		if !u.keep {
			u.keep, u.soft = true, true
		}
	}
	if n := len(out); n-start > 2 {
		// Even when the grid may break, its last row never stands alone
		// under a repeated header.
		out[n-2].soft = false
	}
	return out
}

// trackerByDay lays out a 7-day tracker turned round: one row per
// weekday, named in full when the name fits, and one column per label.
// Seven day columns are too narrow to write a word in; this way each
// answer gets a column a fifth to two-thirds of the page wide. It reports
// false, laying out nothing, when there are so many labels that their
// columns would be narrower than metrics.dayCol (1.25 in in standard
// print, four ems in large print).
func (st *state) trackerByDay(t *worksheet.Tracker, x, w float64, out []*unit) ([]*unit, bool) {
	size, pad := st.m.body, st.m.pad
	n := len(t.Rows)
	if n == 0 {
		return out, false
	}
	// Each label's longest word must fit its column, and the column
	// must be at least four ems wide; full day names first, then short
	// ones to leave the labels more room.
	wordW := 0.0
	for _, label := range t.Rows {
		b := st.inline(size, bold, w)
		b.text(label, bold, "")
		for _, wd := range b.words {
			wordW = max(wordW, wd.w)
		}
	}
	var names [7]string
	var first, colW float64
	ok := false
	for _, try := range [][7]string{st.loc.Weekdays, st.loc.WeekdaysShort} {
		if slices.Contains(try[:], "") {
			continue
		}
		dayW := 0.0
		for _, d := range try {
			dayW = max(dayW, st.measure(bold, d, size))
		}
		names, first = try, dayW+2*pad
		colW = (w - first) / float64(n)
		if ok = first <= w*0.35 && colW >= max(st.m.dayCol, wordW+2*pad); ok {
			break
		}
	}
	if !ok {
		return out, false
	}
	g := grid{align: make([]align, n+1), minRow: st.m.writeGap * 1.1}
	head := make([]*inliner, n+1)
	head[0] = st.inline(size, bold, w)
	for c, label := range t.Rows {
		head[c+1] = st.inline(size, bold, w)
		head[c+1].text(label, bold, "")
	}
	g.cells = append(g.cells, head)
	for _, d := range st.loc.WeekOrder() {
		r := make([]*inliner, n+1)
		r[0] = st.inline(size, bold, w)
		r[0].text(names[d], bold, "")
		for c := 1; c <= n; c++ {
			r[c] = st.inline(size, regular, w)
		}
		g.cells = append(g.cells, r)
	}
	widths := make([]float64, n+1)
	widths[0] = first
	for c := 1; c <= n; c++ {
		widths[c] = colW
	}
	return st.wholeGrid(&g, widths, x, out), true
}

// maxScaleMarks is the most marks a rating scale may have.
const maxScaleMarks = 101

// scale lays out a rating scale: the label, then a numbered box for each
// whole number from Min to Max, wrapping onto more rows when needed.
func (st *state) scale(s *worksheet.Scale, x, w float64, out []*unit) ([]*unit, error) {
	m := &st.m
	size := m.body
	lo, hi := min(s.Min, s.Max), max(s.Min, s.Max)
	if hi-lo > maxScaleMarks-1 {
		return nil, fmt.Errorf("pdf: %s:%d:%d: scale from %d to %d has more than %d marks",
			st.ws.Path, s.Pos.Line, s.Pos.Col, s.Min, s.Max, maxScaleMarks)
	}
	if s.Label != "" {
		out = st.textUnits(out, x, w, size, bold, alignLeft, true, func(b *inliner) {
			b.text(s.Label, bold, "")
		})
	}
	side := size * 1.7
	space := side * 0.4
	perRow := max(int((w+space)/(side+space)), 1)
	lh := st.lineHeight(size)
	spaceW := st.fam.faces[regular].spaceWidth() * size
	st.measure(regular, " ", size)
	var run []byte
	for v := lo; v <= hi; v += perRow {
		u := &unit{h: lh + side + m.pad, base: st.baseline(size, lh)}
		// The numbers are one text run, spaced with real spaces, which
		// keeps them in order for text extraction; each number sits over
		// its box to within half a space.
		run = run[:0]
		end := x // where the run ends so far
		for n := v; n <= min(v+perRow-1, hi); n++ {
			label := strconv.Itoa(n)
			lw := st.measure(regular, label, size)
			want := x + float64(n-v)*(side+space) + (side-lw)/2
			if n > v {
				k := 1
				if spaceW > 0 {
					k = max(int((want-end)/spaceW+0.5), 1)
				}
				for range k {
					run = append(run, ' ')
				}
				end += float64(k) * spaceW
			} else {
				end = want
			}
			run = append(run, label...)
			end += lw
			u.ops = append(u.ops, op{kind: opRect, x: x + float64(n-v)*(side+space), y: lh, w: side, h: side, size: m.rule})
		}
		first := x + (side-st.measure(regular, strconv.Itoa(v), size))/2
		u.ops = append(u.ops, op{kind: opText, face: regular, x: first, y: u.base, size: size, text: string(run)})
		if v+perRow <= hi {
			u.keep = true
		}
		out = append(out, u)
	}
	return out, nil
}
