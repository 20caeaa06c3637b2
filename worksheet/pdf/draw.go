package pdf

import (
	"fmt"

	"github.com/signintech/gopdf"
)

// paginate places units on pages top to bottom. A unit that does not fit
// starts a new page, and so does a unit whose keep chain (the unit and the
// units it is kept with) does not fit, unless the chain is taller than a
// page. A unit with a header gets the header repeated above it when it
// starts a page.
func (st *state) paginate(units []*unit) *document {
	doc := &document{}
	bodyH := st.bottom - st.top
	var page []op
	y := st.top
	atTop := true
	relaxed := false // soft keeps give way on this page
	newPage := func(why breakWhy, next float64) {
		doc.pages = append(doc.pages, page)
		doc.fill = append(doc.fill, (y-st.top)/bodyH)
		doc.breaks = append(doc.breaks, pageBreak{why: why, next: next})
		page = make([]op, 0, cap(page))
		y, atTop, relaxed = st.top, true, false
	}
	place := func(u *unit) {
		if !atTop {
			y += u.before
		}
		for _, o := range u.ops {
			o.y += y
			page = append(page, o)
		}
		y += u.h
		atTop = false
	}
	for i, u := range units {
		if u.newPage && !atTop {
			newPage(breakPart, 0)
		}
		need := u.before + u.h
		chain := keepChain(units[i:], func(u *unit) bool { return u.keep })
		if chain-u.before > bodyH {
			// Too tall to keep whole (a long tracker after its heading):
			// keep at least the leading units with the first unit after
			// them.
			chain = keepChain(units[i:], func(u *unit) bool { return u.keep && u.lead })
		}
		if !atTop && y+chain > st.bottom && (relaxed || y-st.top < bodyH/2) {
			// Rather than leave more than half of the page empty, a group
			// kept together only for looks may break; the rest of the
			// page goes on that way, so that the units of a group decide
			// alike.
			relaxed = true
			chain = keepChain(units[i:], func(u *unit) bool { return u.keep && !u.soft })
		}
		switch {
		case atTop:
		case y+need > st.bottom:
			newPage(breakFull, need)
		case y+chain > st.bottom && chain-u.before <= bodyH:
			newPage(breakKeep, chain)
			doc.breaks[len(doc.breaks)-1].soft = !relaxed
		}
		if atTop && u.header != nil {
			place(u.header)
		}
		place(u)
	}
	doc.pages = append(doc.pages, page)
	doc.fill = append(doc.fill, (y-st.top)/bodyH)
	return doc
}

// keepChain is the height of units[0] and the units after it that it is kept
// with, following links while kept says so; a part's new page ends it.
func keepChain(units []*unit, kept func(*unit) bool) float64 {
	h := units[0].before + units[0].h
	for j := 0; j+1 < len(units) && kept(units[j]) && !units[j+1].newPage; j++ {
		h += units[j+1].before + units[j+1].h
	}
	return h
}

// painter draws operations with gopdf, remembering the current font and
// pen so it sets them only when they change.
type painter struct {
	gp     *gopdf.GoPdf
	st     *state
	face   *fontFace // the font set last
	size   float64
	hasFnt bool
	lw     float64
	stroke float64
	logo   gopdf.ImageHolder // the clinic's logo, read on first use
}

// newPage forgets the pen: every page starts with the default graphics
// state.
func (p *painter) newPage() {
	p.gp.AddPage()
	p.lw, p.stroke = -1, -1
}

func (p *painter) pen(width, gray float64) {
	if width != p.lw {
		p.gp.SetLineWidth(width)
		p.lw = width
	}
	if gray != p.stroke {
		v := uint8(gray * 255)
		p.gp.SetStrokeColor(v, v, v)
		p.stroke = gray
	}
}

// op draws one operation.
func (p *painter) op(o *op) error {
	gp := p.gp
	switch o.kind {
	case opText:
		return p.text(o)
	case opLine:
		p.pen(o.size, o.g)
		gp.Line(o.x, o.y, o.x+o.w, o.y+o.h)
	case opRect:
		p.pen(o.size, o.g)
		gp.RectFromUpperLeftWithStyle(o.x, o.y, o.w, o.h, "D")
	case opOval:
		p.pen(o.size, o.g)
		gp.Oval(o.x, o.y, o.x+o.w, o.y+o.h)
	case opFill:
		v := uint8(o.g * 255)
		gp.SetFillColor(v, v, v)
		gp.RectFromUpperLeftWithStyle(o.x, o.y, o.w, o.h, "F")
		gp.SetFillColor(0, 0, 0)
	case opLink:
		gp.AddExternalLink(o.text, o.x, o.y, o.w, o.h)
	case opLogo:
		if p.logo == nil {
			h, err := gopdf.ImageHolderByBytes(p.st.opts.Branding.Logo.Data())
			if err != nil {
				return fmt.Errorf("pdf: logo: %w", err)
			}
			p.logo = h
		}
		if err := gp.ImageByHolder(p.logo, o.x, o.y, &gopdf.Rect{W: o.w, H: o.h}); err != nil {
			return fmt.Errorf("pdf: logo: %w", err)
		}
	}
	return nil
}

// text draws a text operation: in runs, one for each stretch of
// characters the same face draws, the face or its fallback.
func (p *painter) text(o *op) error {
	fam := p.st.fam
	x := o.x
	start := 0
	var cur *fontFace
	w := 0
	flush := func(end int) error {
		if cur == nil || end == start {
			return nil
		}
		if !p.hasFnt || cur != p.face || o.size != p.size {
			if err := p.gp.SetFont(cur.key, "", o.size); err != nil {
				return fmt.Errorf("pdf: font %s: %w", cur.key, err)
			}
			p.face, p.size, p.hasFnt = cur, o.size, true
		}
		p.gp.SetXY(x, o.y)
		if err := p.gp.Text(o.text[start:end]); err != nil {
			return fmt.Errorf("pdf: draw text: %w", err)
		}
		x += float64(w) * o.size / 1000
		return nil
	}
	for i, r := range o.text {
		ff, rw := fam.glyph(o.face, r)
		if ff != cur {
			if err := flush(i); err != nil {
				return err
			}
			cur, start, w = ff, i, 0
		}
		w += int(max(rw, 0))
	}
	return flush(len(o.text))
}

// footer draws the footer of page i, after the page's content so that it
// comes last in the content stream: the handout title and the page label,
// right aligned. There is no rule above it: at the foot of a page of
// writing lines a rule would pass for one more line to write on.
func (p *painter) footer(doc *document, i int) error {
	st := p.st
	for j := range st.footer {
		if err := p.op(&st.footer[j]); err != nil {
			return err
		}
	}
	size := st.m.footer
	lh := st.lineHeight(size)
	text := st.footerLine(i+1, len(doc.pages))
	w := st.measure(regular, text, size)
	y := st.pageH - st.m.margin*0.75 - lh + st.baseline(size, lh)
	return p.op(&op{kind: opText, face: regular, x: st.right - w, y: y, size: size, text: text})
}
