package worksheet

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/betweensessions/between/i18n"
)

// HTMLOptions configures [RenderHTML]. The zero value renders the standard
// variant, not personalised, with no locale: UI strings and weekday names
// are then the English ones i18n embeds, as in the PDF.
type HTMLOptions struct {
	// Variant picks standard or large print.
	Variant Variant
	// Locale supplies the UI strings (part headings, crisis box, labels),
	// the weekday names and order of trackers, and the crisis lines.
	Locale *i18n.Locale
	// Params personalises the handout: a slot {{name}} prints Params[name]
	// when it is set and not empty, and a blank to write on otherwise.
	Params map[string]string
	// IDPrefix starts every id attribute the renderer writes, so that
	// several handouts can share one page. Empty means "ws".
	IDPrefix string
	// NextSession adds a "Next session" line to the header, under the
	// lines for the client's name and the date.
	NextSession bool
	// Branding is the clinic's name, phone and logo, written at the foot
	// of the handout. The zero value writes nothing.
	Branding Branding
	// LogoURL is the address of Branding.Logo's image as the page sees it,
	// such as "../../assets/logo.png" in the site; the page serves the
	// image. Empty, or an address SafeURL refuses, leaves the logo out.
	LogoURL string
}

// RenderHTML writes ws as one HTML <article> element: the title as the
// only <h1>, the summary, lines for the client's name and the date, the
// body with fill-in fields as labelled form controls, and the clinic's
// name, phone and logo when [HTMLOptions.Branding] has them. The fragment is
// meant to sit inside a page's <main>; the page supplies the <html lang
// dir> element, the stylesheet [HTMLStylesheet] (which styles the class
// names used here, on screen and on paper) and, if it wants Print and
// Save/Open answers, the bar [RenderAnswerBar] and the script
// [HTMLScript].
//
// Every piece of text is escaped; nothing from the template is written as
// raw HTML. Written fields are textareas that grow with their text; the
// article has no form action and no script, so nothing a client types is
// stored or sent anywhere. Body heading levels are shifted so that they
// start at <h2> (<h3> inside parts) and never skip a level.
//
// RenderHTML returns an error for a block or inline type it does not know
// and for a failed write; on error, nothing has been written to w.
// It is safe to call from many goroutines at once with the same ws.
func RenderHTML(w io.Writer, ws *Worksheet, opts HTMLOptions) error {
	if ws == nil {
		return fmt.Errorf("worksheet: render html: nil worksheet")
	}
	buf := bufPool.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= 1<<20 {
			buf.Reset()
			bufPool.Put(buf)
		}
	}()
	buf.Reset()
	r := &htmlRenderer{buf: buf, ws: ws, opts: opts, prefix: opts.IDPrefix}
	if r.prefix == "" {
		r.prefix = "ws"
	}
	if err := r.article(); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("worksheet: render html %s: %w", ws.Path, err)
	}
	return nil
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// htmlRenderer holds the state of one RenderHTML call.
type htmlRenderer struct {
	buf    *bytes.Buffer
	ws     *Worksheet
	opts   HTMLOptions
	prefix string
	ids    int // last id number handed out
	// Heading levels: shift maps a source level to an output level, base is
	// the lowest level allowed here, last the level of the previous heading.
	shift, base, last int
	// context is the plain text of the latest heading or paragraph, used to
	// name a fill-in field that has no label of its own.
	context string
}

func (r *htmlRenderer) locale() *i18n.Locale { return r.opts.Locale }

func (r *htmlRenderer) text(id string, data map[string]any) string {
	return r.locale().Text(id, data)
}

func (r *htmlRenderer) newID() string {
	r.ids++
	return r.prefix + "-" + strconv.Itoa(r.ids)
}

func (r *htmlRenderer) s(s string) { r.buf.WriteString(s) }

// esc writes s escaped for HTML text and for quoted attribute values.
func (r *htmlRenderer) esc(s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '&':
			rep = "&amp;"
		case '"':
			rep = "&#34;"
		case '\'':
			rep = "&#39;"
		case 0:
			rep = "\uFFFD"
		default:
			continue
		}
		r.buf.WriteString(s[last:i])
		r.buf.WriteString(rep)
		last = i + 1
	}
	r.buf.WriteString(s[last:])
}

func (r *htmlRenderer) article() error {
	ws := r.ws
	cls := "handout"
	if r.opts.Variant == LargePrint {
		cls += " handout-large-print"
	}
	r.s(`<article class="` + cls + `" data-id="`)
	r.esc(ws.Meta.ID)
	r.s(`">` + "\n<header class=\"handout-header\">\n<h1>")
	r.esc(ws.Meta.Title)
	r.s("</h1>\n")
	if ws.Meta.Summary != "" {
		r.s(`<p class="summary">`)
		r.esc(ws.Meta.Summary)
		r.s("</p>\n")
	}
	if ws.Meta.Minutes > 0 {
		r.s(`<p class="minutes">`)
		r.esc(r.text("Minutes", map[string]any{"Count": ws.Meta.Minutes}))
		r.s("</p>\n")
	}
	if ws.Meta.Frequency != "" {
		r.s(`<p class="frequency">`)
		r.esc(ws.Meta.Frequency)
		r.s("</p>\n")
	}
	r.headerFields()
	r.s("</header>\n")

	minLevel := 7
	walkHeadings(ws.Body, func(h *Heading) { minLevel = min(minLevel, h.Level) })
	r.base, r.last, r.shift = 2, 1, 2-minLevel
	if err := r.blocks(ws.Body); err != nil {
		return err
	}
	r.branding()
	r.s("</article>\n")
	return nil
}

// headerFields writes the lines a clinic needs on every handout: the
// client's name or initials, the date and, if asked, the next session.
func (r *htmlRenderer) headerFields() {
	r.s(`<div class="handout-fields">` + "\n")
	field := func(id, msg string) {
		id = r.prefix + "-" + id
		r.s(`<p class="field"><label for="` + id + `">`)
		r.esc(r.text(msg, nil))
		r.s(`</label> <textarea class="blank" id="` + id + `" rows="1" style="--w:16"` + noAutofill + `></textarea></p>` + "\n")
	}
	field("name", "HeaderName")
	field("date", "HeaderDate")
	if r.opts.NextSession {
		field("next", "HeaderNextSession")
	}
	r.s("</div>\n")
}

// branding writes the clinic's footer: its logo, name and phone. The logo
// is decoration beside the name, so its alt text is empty.
func (r *htmlRenderer) branding() {
	b := r.opts.Branding
	logo := b.Logo != nil && r.opts.LogoURL != "" && SafeURL(r.opts.LogoURL)
	if b.Clinic == "" && b.Phone == "" && !logo {
		return
	}
	r.s(`<footer class="handout-brand">`)
	if logo {
		r.s(`<img class="logo" src="`)
		r.esc(r.opts.LogoURL)
		r.s(`" alt="">`)
	}
	if b.Clinic != "" || b.Phone != "" {
		r.s(`<p>`)
		if b.Clinic != "" {
			r.s(`<span class="clinic">`)
			r.esc(b.Clinic)
			r.s(`</span>`)
		}
		if b.Clinic != "" && b.Phone != "" {
			r.s(" ")
		}
		if b.Phone != "" {
			r.s(`<span class="phone">`)
			r.esc(b.Phone)
			r.s(`</span>`)
		}
		r.s(`</p>`)
	}
	r.s("</footer>\n")
}

// noAutofill keeps the browser from remembering what is typed in a field.
const noAutofill = ` autocomplete="off" spellcheck="false"`

// walkHeadings calls f for every heading in blocks, in document order.
func walkHeadings(blocks []Block, f func(*Heading)) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *Heading:
			f(b)
		case *Part:
			walkHeadings(b.Blocks, f)
		case *Quote:
			walkHeadings(b.Blocks, f)
		case *List:
			for _, it := range b.Items {
				walkHeadings(it.Blocks, f)
			}
		}
	}
}

// level returns the output level for a heading written at level src.
func (r *htmlRenderer) level(src int) int {
	l := src + r.shift
	l = max(l, r.base)
	l = min(l, r.last+1, 6)
	r.last = l
	return l
}

func (r *htmlRenderer) errorf(b Block, format string, args ...any) error {
	p := b.Position()
	return fmt.Errorf("worksheet: render html: %s:%d:%d: %s", r.ws.Path, p.Line, p.Col, fmt.Sprintf(format, args...))
}

func (r *htmlRenderer) blocks(bs []Block) error {
	for _, b := range bs {
		if err := r.block(b); err != nil {
			return err
		}
	}
	return nil
}

func (r *htmlRenderer) block(b Block) error {
	switch b := b.(type) {
	case *Heading:
		l := strconv.Itoa(r.level(b.Level))
		r.s("<h" + l + ">")
		if err := r.inlines(b.Content, ""); err != nil {
			return r.errorf(b, "%v", err)
		}
		r.s("</h" + l + ">\n")
		r.context = plainText(b.Content, r.opts.Params)
	case *Paragraph:
		r.s("<p>")
		if err := r.inlines(b.Content, ""); err != nil {
			return r.errorf(b, "%v", err)
		}
		r.s("</p>\n")
		r.context = plainText(b.Content, r.opts.Params)
	case *List:
		return r.list(b)
	case *Table:
		return r.table(b)
	case *Quote:
		r.s("<blockquote>\n")
		if err := r.blocks(b.Blocks); err != nil {
			return err
		}
		r.s("</blockquote>\n")
	case *CodeBlock:
		r.s("<pre><code>")
		r.esc(b.Text)
		r.s("</code></pre>\n")
	case *Rule:
		r.s("<hr>\n")
	case *Lines:
		r.lines(b)
	case *Scale:
		r.scale(b)
	case *Tracker:
		r.tracker(b)
	case *Part:
		return r.part(b)
	case *Crisis:
		r.crisis()
	default:
		if b == nil {
			return fmt.Errorf("worksheet: render html: %s: nil block", r.ws.Path)
		}
		return r.errorf(b, "unknown block type %T", b)
	}
	return nil
}

func (r *htmlRenderer) list(l *List) error {
	tag := "ul"
	if l.Ordered {
		tag = "ol"
	}
	r.s("<" + tag)
	if l.Ordered && l.Start != 1 && l.Start != 0 {
		r.s(` start="` + strconv.Itoa(l.Start) + `"`)
	}
	cls := ""
	if l.Tight {
		cls = "tight"
	}
	for _, it := range l.Items {
		if it.Task {
			cls = strings.TrimSpace(cls + " tasks")
			break
		}
	}
	if cls != "" {
		r.s(` class="` + cls + `"`)
	}
	r.s(">\n")
	for _, it := range l.Items {
		if err := r.item(it, l.Tight); err != nil {
			return err
		}
	}
	r.s("</" + tag + ">\n")
	return nil
}

func (r *htmlRenderer) item(it *ListItem, tight bool) error {
	blocks := it.Blocks
	if !it.Task {
		r.s("<li>")
		if err := r.itemBlocks(blocks, tight); err != nil {
			return err
		}
		r.s("</li>\n")
		return nil
	}
	// A task item: a checkbox named by the item's first paragraph. When that
	// paragraph holds fill-in fields of its own, a <label> around it would
	// nest controls, so the box is named with aria-label instead.
	id := r.newID()
	r.s(`<li class="task"><input type="checkbox" id="` + id + `"`)
	if it.Checked {
		r.s(" checked")
	}
	var first *Paragraph
	if len(blocks) > 0 {
		first, _ = blocks[0].(*Paragraph)
	}
	switch {
	case first != nil && !hasControl(first.Content, r.opts.Params):
		r.s(`> <label for="` + id + `">`)
		if err := r.inlines(first.Content, ""); err != nil {
			return r.errorf(first, "%v", err)
		}
		r.s("</label>")
		r.context = plainText(first.Content, r.opts.Params)
		blocks = blocks[1:]
	case first != nil:
		r.s(` aria-label="`)
		r.esc(clip(plainText(first.Content, r.opts.Params)))
		r.s(`"> `)
		r.context = plainText(first.Content, r.opts.Params)
		if err := r.inlines(first.Content, ""); err != nil {
			return r.errorf(first, "%v", err)
		}
		blocks = blocks[1:]
	default:
		r.s(` aria-label="`)
		r.esc(r.fallbackLabel())
		r.s(`">`)
	}
	if len(blocks) > 0 {
		r.s("\n")
		if err := r.blocks(blocks); err != nil {
			return err
		}
	}
	r.s("</li>\n")
	return nil
}

// itemBlocks writes a list item's blocks; a tight item's paragraphs are
// written without <p>, as CommonMark does.
func (r *htmlRenderer) itemBlocks(blocks []Block, tight bool) error {
	for i, b := range blocks {
		if p, ok := b.(*Paragraph); ok && tight {
			if i > 0 {
				r.s("\n")
			}
			if err := r.inlines(p.Content, ""); err != nil {
				return r.errorf(p, "%v", err)
			}
			r.context = plainText(p.Content, r.opts.Params)
			continue
		}
		if i == 0 {
			r.s("\n")
		}
		if err := r.block(b); err != nil {
			return err
		}
	}
	return nil
}

func (r *htmlRenderer) table(t *Table) error {
	r.s(`<div class="table-wrap">` + "\n<table>\n<thead>\n<tr>")
	headers := make([]string, len(t.Header))
	for i, c := range t.Header {
		headers[i] = plainText(c, r.opts.Params)
		r.s(`<th scope="col"` + alignClass(t.Align, i) + ">")
		if err := r.inlines(c, headers[i]); err != nil {
			return r.errorf(t, "%v", err)
		}
		r.s("</th>")
	}
	r.s("</tr>\n</thead>\n<tbody>\n")
	for _, row := range t.Rows {
		r.s("<tr>")
		rowName := ""
		if len(row) > 0 {
			rowName = plainText(row[0], r.opts.Params)
		}
		for i, c := range row {
			// A blank alone in a cell is named by its column header and,
			// past the first column, by the row's first cell.
			label := ""
			if i < len(headers) {
				label = headers[i]
			}
			if i > 0 && strings.Trim(rowName, " …") != "" {
				label = joinLabel(rowName, label)
			}
			r.s("<td" + alignClass(t.Align, i) + ">")
			if err := r.inlines(c, label); err != nil {
				return r.errorf(t, "%v", err)
			}
			r.s("</td>")
		}
		r.s("</tr>\n")
	}
	r.s("</tbody>\n</table>\n</div>\n")
	return nil
}

func alignClass(aligns []Align, i int) string {
	if i >= len(aligns) {
		return ""
	}
	switch aligns[i] {
	case AlignCenter:
		return ` class="center"`
	case AlignRight:
		return ` class="right"`
	}
	return ""
}

func joinLabel(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + ", " + b
}

// lines writes a writing space: a textarea at least n ruled lines high,
// whose ruled lines (a background the stylesheet asks browsers to print)
// continue under the text as it grows.
func (r *htmlRenderer) lines(l *Lines) {
	label := l.Label
	if label == "" {
		label = r.fallbackLabel()
	}
	n := max(l.Count, 1)
	r.s(`<div class="lines" style="--lines:` + strconv.Itoa(n) + `"><textarea id="` + r.newID() + `" rows="` + strconv.Itoa(n) + `"` + noAutofill + ` aria-label="`)
	r.esc(clip(label))
	r.s(`"></textarea></div>` + "\n")
}

// maxMarks is the widest scale drawn as one mark per number; a wider one
// (0 to 100) is a number field, since a hundred marks help nobody.
const maxMarks = 21

func (r *htmlRenderer) scale(sc *Scale) {
	name := r.newID()
	lo, hi := sc.Min, sc.Max
	if hi < lo {
		lo, hi = hi, lo
	}
	r.s(`<fieldset class="scale"><legend>`)
	r.esc(sc.Label)
	r.s("</legend>\n")
	if hi-lo+1 > maxMarks {
		from, to := strconv.Itoa(lo), strconv.Itoa(hi)
		r.s(`<p class="scale-range"><input type="number" id="` + name + `" min="` + from + `" max="` + to + `" aria-label="`)
		r.esc(clip(sc.Label))
		r.s(`"> <span aria-hidden="true">(` + from + "–" + to + ")</span></p>\n</fieldset>\n")
		r.context = sc.Label
		return
	}
	r.s(`<div class="scale-options">`)
	for n := lo; n <= hi; n++ {
		v := strconv.Itoa(n)
		id := name + "-" + strings.ReplaceAll(v, "-", "m")
		r.s(`<span class="scale-option"><input type="radio" name="` + name + `" id="` + id + `" value="` + v + `"><label for="` + id + `">` + v + "</label></span>")
	}
	r.s("</div>\n</fieldset>\n")
	r.context = sc.Label
}

func (r *htmlRenderer) tracker(t *Tracker) {
	loc := r.locale()
	days := weekOrder(loc)
	long := func(d time.Weekday) string {
		if loc != nil && loc.Weekdays[d] != "" {
			return loc.Weekdays[d]
		}
		return d.String()
	}
	short := func(d time.Weekday) string {
		if loc != nil && loc.WeekdaysShort[d] != "" {
			return loc.WeekdaysShort[d]
		}
		return d.String()[:3]
	}
	r.s(`<div class="table-wrap">` + "\n" + `<table class="tracker">` + "\n<thead>\n<tr><td></td>")
	for _, d := range days {
		r.s(`<th scope="col"><span class="day-long">`)
		r.esc(long(d))
		r.s(`</span><span class="day-short" aria-hidden="true">`)
		r.esc(short(d))
		r.s("</span></th>")
	}
	r.s("</tr>\n</thead>\n<tbody>\n")
	for _, row := range t.Rows {
		r.s(`<tr><th scope="row">`)
		r.esc(row)
		r.s("</th>")
		for _, d := range days {
			r.s(`<td><span class="day" aria-hidden="true">`)
			r.esc(short(d))
			r.s(`</span><textarea id="` + r.newID() + `" rows="1"` + noAutofill + ` aria-label="`)
			r.esc(clip(joinLabel(row, long(d))))
			r.s(`"></textarea></td>`)
		}
		r.s("</tr>\n")
	}
	r.s("</tbody>\n</table>\n</div>\n")
}

// weekOrder is the locale's week order, or Sunday first without a locale.
func weekOrder(loc *i18n.Locale) []time.Weekday {
	if loc != nil {
		return loc.WeekOrder()
	}
	return (&i18n.Locale{}).WeekOrder()
}

func (r *htmlRenderer) part(p *Part) error {
	id := r.newID()
	r.s(`<section class="part" aria-labelledby="` + id + `">` + "\n")
	r.s(`<h2 id="` + id + `">`)
	r.esc(r.text("PartOf", map[string]any{"N": p.N, "Total": p.Total}))
	if p.Title != "" {
		r.s(`<span class="part-title">: `)
		r.esc(p.Title)
		r.s("</span>")
		r.context = p.Title
	}
	r.s("</h2>\n")
	saved := r.shift
	r.base, r.last, r.shift = 3, 2, saved+1
	err := r.blocks(p.Blocks)
	r.base, r.shift = 2, saved
	r.s("</section>\n")
	return err
}

func (r *htmlRenderer) crisis() {
	id := r.newID()
	l := strconv.Itoa(r.base)
	r.s(`<aside class="crisis" aria-labelledby="` + id + `">` + "\n<h" + l + ` id="` + id + `">`)
	r.esc(r.text("CrisisTitle", nil))
	r.s("</h" + l + ">\n<p>")
	r.esc(r.text("CrisisIntro", nil))
	r.s("</p>\n")
	r.last = r.base
	if loc := r.locale(); loc != nil && len(loc.Crisis) > 0 {
		r.s("<ul>\n")
		for _, c := range loc.Crisis {
			r.s("<li><strong>")
			r.esc(c.Name)
			r.s("</strong>")
			if c.Number != "" {
				r.s(` <span class="crisis-number">`)
				r.esc(c.Number)
				r.s("</span>")
			}
			if c.How != "" {
				r.s("<br>")
				r.esc(c.How)
			}
			r.s("</li>\n")
		}
		r.s("</ul>\n")
	}
	r.s("</aside>\n")
}

// fallbackLabel names a field that has no label of its own: the text of
// the latest heading or paragraph, else the locale's "write here".
func (r *htmlRenderer) fallbackLabel() string {
	if s := strings.TrimSpace(r.context); s != "" {
		return s
	}
	return r.text("WriteHere", nil)
}

// inlines writes ins. cell, when not empty, names blanks that stand alone
// (a table cell holding only a blank).
func (r *htmlRenderer) inlines(ins []Inline, cell string) error {
	for i, in := range ins {
		switch in := in.(type) {
		case *Text:
			r.esc(in.Text)
		case *Emphasis:
			tag := "em"
			if in.Strong || r.opts.Variant == LargePrint {
				tag = "strong"
			}
			r.s("<" + tag + ">")
			if err := r.inlines(in.Content, cell); err != nil {
				return err
			}
			r.s("</" + tag + ">")
		case *Code:
			r.s("<code>")
			r.esc(in.Text)
			r.s("</code>")
		case *Link:
			if !SafeURL(in.URL) {
				if err := r.inlines(in.Content, cell); err != nil {
					return err
				}
				continue
			}
			r.s(`<a href="`)
			r.esc(in.URL)
			r.s(`">`)
			if err := r.inlines(in.Content, cell); err != nil {
				return err
			}
			r.s("</a>")
		case *Blank:
			r.blank(in.Width, r.blankLabel(ins, i, cell))
		case *Slot:
			if v := r.opts.Params[in.Name]; v != "" {
				r.s(`<span class="slot">`)
				r.esc(v)
				r.s("</span>")
				continue
			}
			r.blank(12, r.paramLabel(in.Name))
		case *Break:
			if in.Hard {
				r.s("<br>\n")
			} else {
				r.s("\n")
			}
		default:
			if in == nil {
				return fmt.Errorf("nil inline")
			}
			return fmt.Errorf("unknown inline type %T", in)
		}
	}
	return nil
}

// blank writes a blank on a line of text: a one-row textarea at least
// width characters wide (8 to 30) that wraps onto more ruled lines as its
// answer grows.
func (r *htmlRenderer) blank(width int, label string) {
	size := min(max(width, 8), 30)
	r.s(`<textarea class="blank" id="` + r.newID() + `" rows="1" style="--w:` + strconv.Itoa(size) + `"` + noAutofill + ` aria-label="`)
	r.esc(clip(label))
	r.s(`"></textarea>`)
}

// paramLabel is the label the front matter gives a personalisation slot.
func (r *htmlRenderer) paramLabel(name string) string {
	for _, p := range r.ws.Meta.Params {
		if p.Name == name && p.Label != "" {
			return p.Label
		}
	}
	return name
}

// blankLabel names the blank at ins[i] from the words around it: the text
// since the previous field or line break, else the text up to the next
// one, else the table cell's header, else the block context.
func (r *htmlRenderer) blankLabel(ins []Inline, i int, cell string) string {
	start := i
	for start > 0 && !isFieldEdge(ins[start-1], r.opts.Params) {
		start--
	}
	if s := trimLabel(plainText(ins[start:i], r.opts.Params)); s != "" {
		return s
	}
	end := i + 1
	for end < len(ins) && !isFieldEdge(ins[end], r.opts.Params) {
		end++
	}
	if s := trimLabel(plainText(ins[i+1:end], r.opts.Params)); s != "" {
		return s
	}
	if cell != "" {
		return cell
	}
	return r.fallbackLabel()
}

// isFieldEdge reports whether in ends the run of words that names a blank:
// another field or a hard line break.
func isFieldEdge(in Inline, params map[string]string) bool {
	switch in := in.(type) {
	case *Blank:
		return true
	case *Slot:
		return params[in.Name] == ""
	case *Break:
		return in.Hard
	}
	return false
}

// hasControl reports whether ins would render a form control.
func hasControl(ins []Inline, params map[string]string) bool {
	for _, in := range ins {
		switch in := in.(type) {
		case *Blank:
			return true
		case *Slot:
			if params[in.Name] == "" {
				return true
			}
		case *Emphasis:
			if hasControl(in.Content, params) {
				return true
			}
		case *Link:
			if hasControl(in.Content, params) {
				return true
			}
		}
	}
	return false
}

// trimLabel strips the spaces and punctuation that sit between words and
// a blank ("Bedtime: ___" is named "Bedtime").
func trimLabel(s string) string {
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(s), ":：,;-–—…"))
}

// clip shortens a label to at most 100 characters, at a word boundary.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const limit = 100
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	rs := []rune(s)[:limit]
	cut := string(rs)
	if i := strings.LastIndexByte(cut, ' '); i > limit/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// plainText returns the words of ins without markup; a field reads "…".
func plainText(ins []Inline, params map[string]string) string {
	var b strings.Builder
	var walk func([]Inline)
	walk = func(ins []Inline) {
		for _, in := range ins {
			switch in := in.(type) {
			case *Text:
				b.WriteString(in.Text)
			case *Emphasis:
				walk(in.Content)
			case *Link:
				walk(in.Content)
			case *Code:
				b.WriteString(in.Text)
			case *Blank:
				b.WriteString("…")
			case *Slot:
				if v := params[in.Name]; v != "" {
					b.WriteString(v)
				} else {
					b.WriteString("…")
				}
			case *Break:
				b.WriteByte(' ')
			}
		}
	}
	walk(ins)
	return strings.Join(strings.Fields(b.String()), " ")
}
