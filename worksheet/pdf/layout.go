package pdf

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/worksheet"
	"golang.org/x/text/language"
)

// metrics are the sizes of one variant, in points.
type metrics struct {
	body     float64    // body text size
	title    float64    // handout title size
	heading  [7]float64 // heading size by level (1-6)
	footer   float64    // footer and page number size
	lead     float64    // line height as a multiple of the font size
	gap      float64    // space between blocks
	itemGap  float64    // space between items of a tight list
	writeGap float64    // distance between writing lines
	minRule  float64    // least room for a line of handwriting (see minRule docs)
	headGap  float64    // space above a heading, as a multiple of its size
	dayCol   float64    // least width of an answer column when a tracker's days are rows
	pad      float64    // table cell padding
	margin   float64    // page margin on every side
	logo     float64    // height of the clinic's logo in the footer
	hair     float64    // thin line width
	rule     float64    // normal line width
	italic   bool       // whether emphasis may use italics
}

var (
	standardMetrics = metrics{
		body: 11, title: 20, heading: [7]float64{0, 17, 15, 13, 12, 11.5, 11.5},
		footer: 9, lead: 1.35, gap: 8, itemGap: 3, writeGap: 26, minRule: wideRule, headGap: 0.9, dayCol: 90, pad: 4,
		margin: 54, hair: 0.5, rule: 0.8, italic: true, logo: 30,
	}
	// largeMetrics follows the large-print guidelines: 18 pt text and page
	// numbers, 22/20 pt headings, 1.5 line spacing, writing lines 0.55 in
	// apart, no italics.
	largeMetrics = metrics{
		body: 18, title: 24, heading: [7]float64{0, 22, 22, 20, 20, 20, 20},
		footer: 18, lead: 1.5, gap: 12, itemGap: 6, writeGap: 40, minRule: pitmanRule, headGap: 0.9, dayCol: 72, pad: 6,
		margin: 48, hair: 0.8, rule: 1.2, italic: false, logo: 40,
	}
)

// The least room for one line of handwriting, in points: the distance
// between writing lines and the height of a cell to write in are never
// less. Standard print takes US wide (legal) rule, 11/32 in (8.7 mm), the
// ruling "used by those with larger handwriting"; large print takes
// 1/2 in (12.7 mm), the widest of the common rulings (Pitman). Writing
// lines are drawn 26 pt and 40 pt apart, a row of blanks in a table is
// two writing lines tall, and a tracker cell 1.1 to 1.3 writing lines.
const (
	wideRule   = 11.0 / 32 * 72 // 24.75 pt
	pitmanRule = 0.5 * 72       // 36 pt
)

// opKind is what a drawing operation draws.
type opKind uint8

const (
	opText opKind = iota // text with its baseline at y
	opLine               // a line from (x, y) to (x+w, y+h)
	opRect               // a rectangle outline, upper-left corner at (x, y)
	opFill               // a filled rectangle in gray level g
	opOval               // an ellipse outline inside the box
	opLink               // a clickable area opening the URL in text
	opLogo               // the clinic's logo scaled into the box
)

// op is one drawing operation. Within a unit y is relative to the unit's
// top; on a page it is absolute.
type op struct {
	kind       opKind
	face       face
	x, y, w, h float64
	size       float64 // font size for text, line width for shapes
	g          float64 // gray level for fills (0 black, 1 white)
	text       string  // text, or the URL of a link
}

// unit is the smallest piece of a handout the paginator places: a line of
// text, a table row, a writing line, a boxed block.
type unit struct {
	h      float64 // height
	before float64 // space above, dropped at the top of a page
	base   float64 // baseline of the first text line, for list markers
	// keep holds the unit on the same page as the next one.
	keep bool
	// soft marks a keep made for looks (a short list or a week's grid
	// whole, the lines of one answer, a closing line with what is above
	// it): it gives way rather than leave a page less than half full.
	soft bool
	// lead marks a unit that introduces what follows (a heading line, the
	// lines of a paragraph that leads into writing lines, a scale or a
	// table): when a whole keep chain is taller than a page, the leading
	// units are still kept with the first unit after them.
	lead bool
	// newPage starts a new page before the unit.
	newPage bool
	// header is repeated at the top of a page that starts with this unit.
	header *unit
	ops    []op
}

// document is the laid-out handout: each page's operations.
type document struct {
	pages [][]op
	// fill is, for each page, how far down its content reaches below the
	// top of the content box, as a fraction of the content box's height.
	fill []float64
	// breaks says, for each page but the last, why it ended.
	breaks []pageBreak
	// tight is set when the spacing between blocks was tightened to save
	// a last page that held only a line or two.
	tight bool
}

// pageBreak is why a page ended where it did.
type pageBreak struct {
	why breakWhy
	// next is the height of what did not fit: the unit, or the group it
	// is kept with.
	next float64
	// soft says the group counted keeps made for looks.
	soft bool
}

// breakWhy is the reason for a page break.
type breakWhy uint8

const (
	breakFull breakWhy = iota // the next unit did not fit
	breakKeep                 // the group the next unit is kept with did not fit
	breakPart                 // a new part starts on a new page
)

// state is one render: the settings, the chosen font and what layout
// found. It is used by one goroutine.
type state struct {
	r    *Renderer
	ws   *worksheet.Worksheet
	loc  *i18n.Locale
	opts RenderOptions
	fam  *family
	m    metrics

	pageW, pageH             float64
	left, right, top, bottom float64 // content box
	footerTop                float64
	footer                   []op   // title lines of the footer, absolute
	footLast                 string // the title's last line when the page label follows it
	footSep                  string // between footLast and the page label

	used [numFaces]bool // primary faces drawn with
	// usedFallback says which faces drew a character from the fallback.
	usedFallback [numFaces]bool
	missing      missingSet
	depth        int             // list nesting
	ctx          context.Context // the render's context during layout
}

// defaultLocale is used when RenderOptions.Locale is nil.
var defaultLocale = &i18n.Locale{
	Tag:           language.AmericanEnglish,
	Name:          "English",
	Dir:           i18n.LTR,
	FirstWeekday:  time.Sunday,
	Weekdays:      [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
	WeekdaysShort: [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
	Paper:         i18n.Letter,
	Font:          DefaultFont,
}

// newState prepares a render: font, variant sizes, page geometry.
func (r *Renderer) newState(ws *worksheet.Worksheet, opts RenderOptions) (*state, error) {
	st := &state{r: r, ws: ws, opts: opts, loc: opts.Locale}
	if st.loc == nil {
		st.loc = defaultLocale
	}
	switch opts.Variant {
	case worksheet.Standard:
		st.m = standardMetrics
	case worksheet.LargePrint:
		st.m = largeMetrics
	default:
		return nil, fmt.Errorf("pdf: %s: unknown variant %d", ws.Path, int(opts.Variant))
	}
	if st.loc.Dir == i18n.RTL {
		// gopdf neither reorders nor shapes right-to-left scripts; a
		// handout printed left to right with unjoined letters would be
		// silently wrong.
		return nil, fmt.Errorf("pdf: %s (%s): right-to-left text is not supported", ws.Path, st.lang())
	}
	fam, err := r.family(st.loc.Font)
	if err != nil {
		if at := st.loc.FontAt; at.Path != "" {
			// The locale file names the font: that is the file to fix,
			// not the template.
			return nil, &diag.Error{Pkg: "pdf", Path: at.Path, Line: at.Line,
				Msg: fmt.Sprintf("the font of locale %s: %s", st.loc.Tag, strings.TrimPrefix(err.Error(), "pdf: ")), Err: err}
		}
		return nil, fmt.Errorf("pdf: %s (%s): %w", ws.Path, st.lang(), err)
	}
	st.fam = fam
	paper := opts.Paper
	if paper == "" {
		paper = st.loc.Paper
	}
	switch paper {
	case i18n.Letter, "":
		st.pageW, st.pageH = 612, 792
	case i18n.A4:
		st.pageW, st.pageH = 595.28, 841.89
	default:
		return nil, fmt.Errorf("pdf: unknown paper size %q (want letter or a4)", paper)
	}
	m := &st.m
	st.left, st.right, st.top = m.margin, st.pageW-m.margin, m.margin
	st.layoutFooter()
	return st, nil
}

// lang is the language of the handout: the template's, else the locale's.
func (st *state) lang() language.Tag {
	if st.ws.Lang != language.Und {
		return st.ws.Lang
	}
	return st.loc.Tag
}

// width is the width of the content box.
func (st *state) width() float64 { return st.right - st.left }

// lineHeight is the height of one line of text at size.
func (st *state) lineHeight(size float64) float64 { return size * st.m.lead }

// baseline is where text of size sits in a line box of height lh.
func (st *state) baseline(size, lh float64) float64 {
	ff := st.fam.faces[regular]
	return (lh-(ff.ascent-ff.descent)*size)/2 + ff.ascent*size
}

// measure returns the width of s in face f at size, recording characters
// neither the face nor its fallback can draw. Each rune costs a table
// lookup.
func (st *state) measure(f face, s string, size float64) float64 {
	ff := st.fam.faces[f]
	st.used[ff.face] = true
	w := 0
	for _, r := range s {
		g, rw := st.fam.glyph(f, r)
		if g != ff && rw >= 0 {
			st.usedFallback[f] = true
		}
		if rw < 0 {
			if st.missing == nil {
				st.missing = missingSet{}
			}
			st.missing[MissingGlyph{Rune: r, Face: faceNames[ff.face]}] = struct{}{}
			continue
		}
		w += int(rw)
	}
	return float64(w) * size / 1000
}

// pageLabel is "Page 1 of 2" in the locale's words.
func (st *state) pageLabel(page, pages int) string {
	return st.loc.Text("PageOf", map[string]any{"Page": page, "Pages": pages})
}

// layoutFooter wraps the handout title for the footer and reserves room
// for it and the page label at the foot of every page.
//
// The footer is right aligned and the page label follows the title's last
// line in the same text run ("Mood Journal · Page 1 of 2"). Text
// extraction (pdftotext) reads a page in columns; a footer that reaches
// the right margin as one block is always read last, where a title at the
// left would be read between the widely spaced numbers of a rating scale.
func (st *state) layoutFooter() {
	m := &st.m
	size := m.footer
	lh := st.lineHeight(size)
	st.footSep = " \u00b7 "
	if _, w := st.fam.glyph(regular, '\u00b7'); w < 0 {
		st.footSep = " - "
	}
	brand := st.opts.Branding
	foot := st.pageH - m.margin*0.75 // the footer's lower edge
	st.footer = st.footer[:0]
	// The logo stands at the left of the footer, its foot on the footer's
	// lower edge, no wider than a quarter of the page; the text keeps to
	// the right of it.
	x, w := st.left, st.width()
	logoTop := foot
	if l := brand.Logo; l != nil {
		pw, ph := l.Size()
		h := m.logo
		lw := h * float64(pw) / float64(ph)
		if lw > w/4 {
			lw, h = w/4, w/4*float64(ph)/float64(pw)
		}
		logoTop = foot - h
		st.footer = append(st.footer, op{kind: opLogo, x: st.left, y: logoTop, w: lw, h: h})
		x, w = x+lw+m.gap, w-lw-m.gap
	}
	labelW := st.measure(regular, st.pageLabel(88, 88), size)
	sepW := st.measure(regular, st.footSep, size)
	b := st.inline(size, regular, w)
	if brand.Clinic != "" || brand.Phone != "" {
		// The clinic's name and phone number, on a line of their own
		// above the title.
		b.text(brand.Clinic, regular, "")
		b.endWord()
		if brand.Clinic != "" && brand.Phone != "" {
			b.text(strings.TrimSpace(st.footSep), regular, "")
			b.endWord()
		}
		b.text(brand.Phone, regular, "")
		b.hardBreak()
	}
	b.text(st.ws.Meta.Title, regular, "")
	lines := b.lines()
	n := len(lines)
	join := n > 0 && lines[n-1].w+sepW+labelW <= w
	if !join {
		n++ // the page label gets a line of its own
	}
	st.footerTop = min(foot-float64(n)*lh, logoTop)
	st.bottom = st.footerTop - m.gap
	st.footLast = ""
	top := foot - float64(n)*lh
	for i, ln := range lines {
		k := len(st.footer)
		st.footer = b.lineOps(ln, x, top+float64(i)*lh, lh, alignRight, st.footer)
		if join && i == len(lines)-1 && len(st.footer) == k+1 {
			// Drawn with the page label, which differs from page to page.
			st.footLast = st.footer[k].text
			st.footer = st.footer[:k]
		}
	}
}

// footerLine is the last line of the footer of a page: the page label,
// after the end of the title when it fits there.
func (st *state) footerLine(page, pages int) string {
	label := st.pageLabel(page, pages)
	if st.footLast == "" {
		return label
	}
	return st.footLast + st.footSep + label
}

// measureFooters measures every page label so that a character the font
// lacks in them is reported too.
func (st *state) measureFooters(doc *document) {
	n := len(doc.pages)
	for i := range n {
		st.measure(regular, st.footerLine(i+1, n), st.m.footer)
	}
}

// lastPageFill is how full a last page must be before layout stops
// trying tighter spacing to do without it: a last page a third full or
// less (a line or two, the crisis box, a closing question) is worth a
// tighter layout when that saves the page.
const lastPageFill = 1.0 / 3

// tighter returns the metrics with the space between blocks, list items
// and above headings cut, for a handout that would otherwise end on a
// page with a line or two. Text sizes, line spacing, writing lines and
// cells keep their sizes: the tighter layout is as readable and leaves as
// much room to write.
func (m metrics) tighter() metrics {
	m.gap *= 0.5
	m.itemGap *= 0.5
	m.headGap = 0.6
	return m
}

// layout lays out the whole handout and breaks it into pages. When the
// last page would be a third full or less, it lays the handout out again
// with tighter spacing between blocks and keeps that layout if it needs
// a page less.
func (st *state) layout(ctx context.Context) (*document, error) {
	doc, err := st.layoutPass(ctx)
	if err != nil {
		return nil, err
	}
	n := len(doc.pages)
	if n < 2 || doc.fill[n-1] > lastPageFill {
		return doc, nil
	}
	normal := st.m
	st.m = normal.tighter()
	tight, err := st.layoutPass(ctx)
	st.m = normal
	if err != nil {
		return nil, err
	}
	if len(tight.pages) < n {
		tight.tight = true
		return tight, nil
	}
	return doc, nil
}

// layoutPass lays out the handout with the current metrics.
func (st *state) layoutPass(ctx context.Context) (*document, error) {
	var units []*unit
	if t := st.ws.Meta.Title; t != "" {
		units = st.textUnits(units, st.left, st.width(), st.m.title, bold, alignLeft, true, func(b *inliner) {
			b.text(t, bold, "")
		})
	}
	if st.ws.Meta.Title != "" {
		// A handout (every template has a title) gets the header; a
		// bare fragment of a document does not.
		units = st.header(units)
	}
	if s := st.ws.Meta.Summary; s != "" {
		n := len(units)
		units = st.textUnits(units, st.left, st.width(), st.m.body, regular, alignLeft, false, func(b *inliner) {
			b.text(s, regular, "")
		})
		if n < len(units) && n > 0 {
			units[n].before = st.m.gap
		}
	}
	st.ctx = ctx
	defer func() { st.ctx = nil }()
	units, err := st.blocks(st.ws.Body, st.left, st.width(), st.m.gap, units)
	if err != nil {
		return nil, err
	}
	return st.paginate(units), nil
}

// header lays out the lines a clinic needs at the top of a handout: the
// client's name (or initials) and the date, and, when
// RenderOptions.NextSession is set, the date of the next session, each
// label followed by a blank to write on. They are kept with what follows.
func (st *state) header(units []*unit) []*unit {
	m := &st.m
	n := len(units)
	units = st.textUnits(units, st.left, st.width(), m.body, regular, alignLeft, true, func(b *inliner) {
		field := func(id string, ems float64) {
			// A no-break space keeps the label's last word on the line
			// of its blank.
			b.text(st.loc.Text(id, nil)+"\u00a0", regular, "")
			b.blank(ems * m.body)
			b.endWord()
		}
		field("HeaderName", 18)
		field("HeaderDate", 10)
		if st.opts.NextSession {
			b.hardBreak()
			field("HeaderNextSession", 18)
		}
	})
	for i, u := range units[n:] {
		// Room to write the name by hand: a writing line's height.
		u.ops = shift(u.ops, m.writeGap-u.h)
		u.h = m.writeGap
		if i == 0 && n > 0 {
			u.before = m.gap / 2
		}
	}
	return units
}

// shift moves operations down by dy and returns them.
func shift(ops []op, dy float64) []op {
	for i := range ops {
		ops[i].y += dy
	}
	return ops
}

// blocks lays out a sequence of blocks in the column [x, x+w), gap apart.
// A paragraph that leads into writing lines, a scale, a tracker, a table,
// a list or the crisis box is kept with the first unit of it, and so is
// the introduction right under a heading with whatever follows it but a
// heading, so that an instruction ("Something that got in the way:") never
// ends a page while what it asks for starts the next. A closing paragraph
// of one or two lines is kept with the unit before it.
func (st *state) blocks(list []worksheet.Block, x, w, gap float64, out []*unit) ([]*unit, error) {
	var err error
	for i, blk := range list {
		if st.ctx != nil {
			if err := st.ctx.Err(); err != nil {
				return nil, err
			}
		}
		start := len(out)
		out, err = st.block(blk, x, w, gap, out)
		if err != nil {
			return nil, err
		}
		if _, ok := blk.(*worksheet.Paragraph); ok && i > 0 && i == len(list)-1 && st.depth == 0 &&
			len(out)-start <= 2 && start > 0 {
			// A closing line or two ("Even a small change counts.")
			// does not go to a page of its own.
			if !out[start-1].keep {
				out[start-1].keep, out[start-1].soft = true, true
			}
		}
		if _, ok := blk.(*worksheet.Paragraph); ok && i+1 < len(list) &&
			(introduced(list[i+1]) || i > 0 && isHeading(list[i-1]) && !shallower(list[i+1], list[i-1])) {
			for _, u := range out[start:] {
				u.lead = true
			}
			if len(out) > start {
				out[len(out)-1].keep = true
			}
		}
	}
	return out, nil
}

// height is the height of units set one after the other, without the
// space above the first.
func height(units []*unit) float64 {
	h := 0.0
	for i, u := range units {
		if i > 0 {
			h += u.before
		}
		h += u.h
	}
	return h
}

// shallower reports whether next is a heading no deeper than prev, a
// heading: the end of the section prev opened. An introduction is kept
// with what follows it up to there ("My sleep log", "Each morning, write
// down how you slept." stays with "Week 1" and its grid).
func shallower(next, prev worksheet.Block) bool {
	n, ok := next.(*worksheet.Heading)
	if !ok {
		return false
	}
	p, ok := prev.(*worksheet.Heading)
	return !ok || n.Level <= p.Level
}

// isHeading reports whether blk is a heading.
func isHeading(blk worksheet.Block) bool {
	_, ok := blk.(*worksheet.Heading)
	return ok
}

// introduced reports whether blk is something a paragraph just before it
// introduces and must stay with.
func introduced(blk worksheet.Block) bool {
	switch blk.(type) {
	case *worksheet.Lines, *worksheet.Scale, *worksheet.Tracker, *worksheet.Table,
		*worksheet.List, *worksheet.Crisis:
		return true
	}
	return false
}

// block lays out one block; its first unit gets gap above it.
func (st *state) block(blk worksheet.Block, x, w, gap float64, out []*unit) ([]*unit, error) {
	n := len(out)
	m := &st.m
	var err error
	switch b := blk.(type) {
	case *worksheet.Heading:
		size := m.heading[min(max(b.Level, 1), 6)]
		out = st.textUnits(out, x, w, size, bold, alignLeft, true, func(in *inliner) {
			in.inlines(b.Content, bold, "")
		})
		gap = max(gap, size*m.headGap)
	case *worksheet.Paragraph:
		out = st.textUnits(out, x, w, m.body, regular, alignLeft, false, func(in *inliner) {
			in.inlines(b.Content, regular, "")
		})
	case *worksheet.List:
		out, err = st.list(b, x, w, out)
	case *worksheet.Table:
		out = st.table(b, x, w, out)
	case *worksheet.Quote:
		qx, qw, indented := st.indent(x, w, m.body*1.2)
		start := len(out)
		out, err = st.blocks(b.Blocks, qx, qw, gap, out)
		if err == nil && indented {
			// A quote nested past the deepest indent gets no bar of its
			// own: it would be drawn across its text.
			for _, u := range out[start:] {
				u.ops = append(u.ops, op{kind: opLine, x: x + m.body*0.3, y: 0, h: u.h, size: m.rule * 2.5, g: 0.6})
			}
		}
	case *worksheet.CodeBlock:
		out = st.code(b.Text, x, w, out)
	case *worksheet.Rule:
		lh := st.lineHeight(m.body)
		out = append(out, &unit{h: lh, ops: []op{{kind: opLine, x: x, y: lh / 2, w: w, size: m.rule}}})
	case *worksheet.Lines:
		out = st.writingLines(b.Count, x, w, out)
	case *worksheet.Scale:
		out, err = st.scale(b, x, w, out)
	case *worksheet.Tracker:
		out = st.tracker(b, x, w, out)
	case *worksheet.Part:
		out, err = st.part(b, x, w, gap, out)
	case *worksheet.Crisis:
		out = st.crisis(x, w, out)
	case nil:
		return out, nil
	default:
		p := blk.Position()
		return nil, fmt.Errorf("pdf: %s:%d:%d: unknown block %T", st.ws.Path, p.Line, p.Col, blk)
	}
	if err != nil {
		return nil, err
	}
	if len(out) > n {
		out[n].before = max(out[n].before, gap)
	}
	return out, nil
}

// textUnits lays out inline content, one unit per line. Heading lines are
// kept with what follows; a paragraph never leaves its first line alone at
// the foot of a page nor its last line alone at the top of the next.
func (st *state) textUnits(out []*unit, x, w, size float64, base face, al align, heading bool, fill func(*inliner)) []*unit {
	b := st.inline(size, base, w)
	fill(b)
	lines := b.lines()
	lh := st.lineHeight(size)
	bl := st.baseline(size, lh)
	for i, ln := range lines {
		u := &unit{h: lh, base: bl, keep: heading, lead: heading}
		u.ops = b.lineOps(ln, x, 0, lh, al, nil)
		if !heading && len(lines) > 1 && (i == 0 || i == len(lines)-2) {
			u.keep = true
		}
		out = append(out, u)
	}
	return out
}

// minColumn is the narrowest a nested column may get, as a fraction of
// the content width.
const minColumn = 0.4

// indent moves the column [x, x+w) right by d for a nested list or
// quote, and reports true. When that would leave the column narrower than
// minColumn of the content width it leaves the column where it is and
// reports false: lists and quotes nested deeper than the page has room
// for are drawn at the last indent that fitted, never off the page.
func (st *state) indent(x, w, d float64) (float64, float64, bool) {
	if w-d < st.width()*minColumn {
		return x, w, false
	}
	return x + d, w - d, true
}

// list lays out a bulleted, numbered or task list. The markers stand in
// the indent, right aligned at its inner edge; a list nested past the
// deepest indent (see indent) puts its markers where its parent's are.
func (st *state) list(l *worksheet.List, x, w float64, out []*unit) ([]*unit, error) {
	m := &st.m
	size := m.body
	gap := m.gap
	if l.Tight {
		gap = m.itemGap
	}
	num := l.Start
	if num == 0 {
		num = 1
	}
	indent := size * 1.8
	if l.Ordered && len(l.Items) > 0 {
		// A long number ("1000.") widens the indent rather than run
		// into the margin.
		for _, n := range [2]int{num, num + len(l.Items) - 1} {
			indent = max(indent, st.measure(regular, strconv.Itoa(n)+".", size)+size*0.45)
		}
	}
	cx, cw, _ := st.indent(x, w, indent)
	st.depth++
	defer func() { st.depth-- }()
	itemStart := make([]int, 0, len(l.Items)+1)
	for i, item := range l.Items {
		start := len(out)
		itemStart = append(itemStart, start)
		var err error
		out, err = st.blocks(item.Blocks, cx, cw, gap, out)
		if err != nil {
			return nil, err
		}
		if len(out) == start {
			lh := st.lineHeight(size)
			out = append(out, &unit{h: lh, base: st.baseline(size, lh)})
		}
		first := out[start]
		first.before = 0
		if i > 0 {
			first.before = gap
		}
		bl := first.base
		mx := cx - size*0.45 // right edge of the marker
		switch {
		case item.Task:
			s := size * 0.8
			top := bl - s*0.9
			first.ops = append(first.ops, op{kind: opRect, x: mx - s, y: top, w: s, h: s, size: m.rule})
			if item.Checked {
				first.ops = append(first.ops,
					op{kind: opLine, x: mx - s*0.8, y: top + s*0.5, w: s * 0.3, h: s * 0.3, size: m.rule * 1.5},
					op{kind: opLine, x: mx - s*0.5, y: top + s*0.8, w: s * 0.4, h: -s * 0.65, size: m.rule * 1.5})
			}
		case l.Ordered:
			label := strconv.Itoa(num+i) + "."
			lw := st.measure(regular, label, size)
			first.ops = append(first.ops, op{kind: opText, face: regular, x: max(mx-lw, st.left), y: bl, size: size, text: label})
		default:
			d := size * 0.32
			cy := bl - size*0.33
			switch (st.depth - 1) % 3 {
			case 0: // a disc: a tiny circle drawn with a thick pen
				first.ops = append(first.ops, op{kind: opOval, x: mx - d*0.75, y: cy - d/4, w: d / 2, h: d / 2, size: d / 2})
			case 1:
				first.ops = append(first.ops, op{kind: opOval, x: mx - d, y: cy - d/2, w: d, h: d, size: m.rule})
			default:
				first.ops = append(first.ops, op{kind: opFill, x: mx - d, y: cy - d/2, w: d, h: d, g: 0})
			}
		}
	}
	st.keepItems(out, append(itemStart, len(out)))
	return out, nil
}

// shortList is the most items a list may have to be kept on one page.
const shortList = 4

// keepItems keeps the items of a top-level list together as a page break
// would spoil them: a short list (a few steps) stays on one page when it
// takes at most half of one; a longer one may break between items, but
// neither its first nor its last item is left alone. Item i is
// out[at[i]:at[i+1]].
func (st *state) keepItems(out []*unit, at []int) {
	n := len(at) - 1
	if st.depth != 1 || n < 2 {
		return
	}
	keep := func(from, to int, soft bool) {
		for _, u := range out[from:to] {
			if !u.keep {
				u.keep, u.soft = true, soft
			}
		}
	}
	first, end := at[0], at[n]
	if n <= shortList && height(out[first:end]) <= (st.bottom-st.top)/2 {
		// Whole on one page is for looks: it gives way before a page
		// is left half empty, but the first and last items still keep
		// their neighbours.
		keep(at[0], at[1], false)
		keep(at[n-2], at[n-1], false)
		keep(first, end-1, true)
		return
	}
	keep(at[0], at[1], false)
	keep(at[n-2], at[n-1], false)
}

// code lays out preformatted text in the monospace face, breaking a line
// that is too long at the edge of the column.
func (st *state) code(text string, x, w float64, out []*unit) []*unit {
	size := st.m.body * 0.95
	if st.opts.Variant == worksheet.LargePrint {
		size = st.m.body
	}
	lh := st.lineHeight(size)
	start := len(out)
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		b := st.inline(size, mono, w-size)
		b.verbatim(expandTabs(line), mono)
		lines := b.lines()
		if len(lines) == 0 {
			out = append(out, &unit{h: lh, base: st.baseline(size, lh)})
			continue
		}
		for _, ln := range lines {
			out = append(out, &unit{h: lh, base: st.baseline(size, lh), ops: b.lineOps(ln, x+size/2, 0, lh, alignLeft, nil)})
		}
	}
	for _, u := range out[start:] {
		u.ops = append([]op{{kind: opFill, x: x, y: 0, w: w, h: u.h, g: 0.94}}, u.ops...)
	}
	return out
}

// writingLines lays out n ruled lines to write on.
func (st *state) writingLines(n int, x, w float64, out []*unit) []*unit {
	n = min(max(n, 1), 200)
	gap := st.m.writeGap
	// The lines of one answer stay on one page when they are not too
	// many, so nobody takes the foot of a page for the end of the space.
	keep := float64(n)*gap <= (st.bottom-st.top)/3
	for i := range n {
		out = append(out, &unit{h: gap, base: gap, keep: keep && i < n-1, soft: true,
			ops: []op{{kind: opLine, x: x, y: gap - 2, w: w, size: st.m.hair * 1.2, g: 0.35}}})
	}
	return out
}

// part lays out one part of a split handout: "Part 1 of 3", its title and
// its blocks. Every part but the first starts a new page unless
// RenderOptions.ContinuousParts is set.
func (st *state) part(p *worksheet.Part, x, w, gap float64, out []*unit) ([]*unit, error) {
	start := len(out)
	label := st.loc.Text("PartOf", map[string]any{"N": p.N, "Total": p.Total})
	out = st.textUnits(out, x, w, st.m.heading[2], bold, alignLeft, true, func(b *inliner) {
		b.text(label, bold, "")
	})
	if p.Title != "" {
		n := len(out)
		out = st.textUnits(out, x, w, st.m.heading[3], bold, alignLeft, true, func(b *inliner) {
			b.text(p.Title, bold, "")
		})
		if len(out) > n {
			out[n].before = st.m.itemGap
		}
	}
	if len(out) > start {
		out[start].before = 2 * st.m.gap // room above the rule
		out[start].newPage = p.N > 1 && !st.opts.ContinuousParts
		out[start].ops = append(out[start].ops, op{kind: opLine, x: x, y: 0, w: w, size: st.m.rule, g: 0.5})
	}
	return st.blocks(p.Blocks, x, w, gap, out)
}

// crisis lays out the locale's crisis lines as one boxed unit.
func (st *state) crisis(x, w float64, out []*unit) []*unit {
	m := &st.m
	pad := m.body * 0.8
	iw := w - 2*pad
	var inner []*unit
	inner = st.textUnits(inner, x+pad, iw, m.heading[3], bold, alignLeft, true, func(b *inliner) {
		b.text(st.loc.Text("CrisisTitle", nil), bold, "")
	})
	intro := st.loc.Text("CrisisIntro", nil)
	n := len(inner)
	inner = st.textUnits(inner, x+pad, iw, m.body, regular, alignLeft, false, func(b *inliner) {
		b.text(intro, regular, "")
	})
	if len(inner) > n {
		inner[n].before = m.itemGap
	}
	for _, c := range st.loc.Crisis {
		n := len(inner)
		inner = st.textUnits(inner, x+pad, iw, m.body, regular, alignLeft, false, func(b *inliner) {
			b.text(c.Name, bold, "")
			if c.Number != "" {
				b.text(": ", bold, "")
				b.text(c.Number, bold, "")
			}
			if c.How != "" {
				b.hardBreak()
				b.text(c.How, regular, "")
			}
		})
		if len(inner) > n {
			inner[n].before = m.gap
		}
	}
	box := &unit{ops: []op{{kind: opFill, x: x, y: 0, w: w, g: 0.95}}}
	y := pad
	for i, u := range inner {
		if i > 0 {
			y += u.before
		}
		for _, o := range u.ops {
			o.y += y
			box.ops = append(box.ops, o)
		}
		y += u.h
	}
	box.h = y + pad
	box.ops[0].h = box.h
	box.ops = append(box.ops, op{kind: opRect, x: x, y: 0, w: w, h: box.h, size: m.rule * 2})
	return append(out, box)
}

// expandTabs replaces tabs with spaces to the next multiple of four.
func expandTabs(s string) string {
	if strings.IndexByte(s, '\t') < 0 {
		return s
	}
	var b []rune
	for _, r := range s {
		if r == '\t' {
			b = append(b, ' ')
			for len(b)%4 != 0 {
				b = append(b, ' ')
			}
			continue
		}
		b = append(b, r)
	}
	return string(b)
}
