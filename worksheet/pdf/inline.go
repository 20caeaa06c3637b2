package pdf

import "github.com/betweensessions/between/worksheet"

// align is the horizontal alignment of a line in its column.
type align uint8

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

// frag is a piece of a word in one face: a run of text, or a blank to
// write on. Its width is measured once, when it is made.
type frag struct {
	text  string
	face  face
	blank bool
	w     float64
	url   string
}

// word is a run of frags with no space between them: the unit the line
// breaker moves. gap says a space comes before it; brk says a hard line
// break does.
type word struct {
	start, end int // frags[start:end]
	w          float64
	gap, brk   bool
}

// line is words[start:end] set on one line, w wide.
type line struct {
	start, end int
	w          float64
}

// inliner turns inline content into measured words and breaks them into
// lines no wider than maxW. It is the layout engine's text core.
type inliner struct {
	st    *state
	size  float64
	base  face
	maxW  float64
	frags []frag
	words []word
	space bool // a space is pending before the next word
	brk   bool // a hard break is pending before the next word
	open  bool // the last word takes more frags
}

func (st *state) inline(size float64, base face, maxW float64) *inliner {
	return &inliner{st: st, size: size, base: base, maxW: max(maxW, size)}
}

// inlines adds inline content in face f, linked to url when not empty.
func (b *inliner) inlines(list []worksheet.Inline, f face, url string) {
	for _, in := range list {
		switch v := in.(type) {
		case *worksheet.Text:
			b.text(v.Text, f, url)
		case *worksheet.Emphasis:
			ef := bold
			if !v.Strong && f == regular && b.st.m.italic {
				ef = italic
			}
			if f == mono {
				ef = mono
			}
			b.inlines(v.Content, ef, url)
		case *worksheet.Code:
			b.text(v.Text, mono, url)
		case *worksheet.Link:
			// A program may put any address into the model by hand; one
			// that is not safe to follow (javascript:, file:, …) is
			// printed as its text, with no link.
			u := url
			if worksheet.SafeURL(v.URL) {
				u = v.URL
			}
			b.inlines(v.Content, f, u)
		case *worksheet.Blank:
			// Room for handwriting: half an em per underscore, at least
			// ten ems.
			b.blank(max(float64(v.Width)*0.5, 10) * b.size)
		case *worksheet.Slot:
			if val, ok := b.st.opts.Params[v.Name]; ok && val != "" {
				b.text(val, f, url)
			} else {
				b.blank(b.size * 10)
			}
		case *worksheet.Break:
			if v.Hard {
				b.hardBreak()
			} else {
				b.endWord()
			}
		}
	}
}

// scale sets the text f times its size; widths scale with it.
func (b *inliner) scale(f float64) {
	b.size *= f
	for i := range b.frags {
		b.frags[i].w *= f
	}
	for i := range b.words {
		b.words[i].w *= f
	}
}

// endWord closes the current word; a space follows it.
func (b *inliner) endWord() {
	if b.open || len(b.words) > 0 {
		b.space = true
	}
	b.open = false
}

// hardBreak starts a new line.
func (b *inliner) hardBreak() {
	b.open, b.space, b.brk = false, false, true
}

// add appends a measured frag to the current word, or starts a word.
func (b *inliner) add(fr frag) {
	if !b.open {
		b.words = append(b.words, word{start: len(b.frags), end: len(b.frags), gap: b.space && len(b.words) > 0, brk: b.brk})
		b.space, b.brk, b.open = false, false, true
	}
	b.frags = append(b.frags, fr)
	w := &b.words[len(b.words)-1]
	w.end++
	w.w += fr.w
}

// text adds s in face f, split into words at white space.
func (b *inliner) text(s string, f face, url string) {
	start := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
			if start >= 0 {
				b.word(s[start:i], f, url)
				start = -1
			}
			b.endWord()
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		b.word(s[start:], f, url)
	}
}

// verbatim adds s as one word, spaces included, for preformatted text.
func (b *inliner) verbatim(s string, f face) {
	if s == "" {
		return
	}
	b.word(s, f, "")
}

func (b *inliner) word(s string, f face, url string) {
	b.add(frag{text: s, face: f, w: b.st.measure(f, s, b.size), url: url})
}

// underscores is sliced to draw blanks.
const underscores = "________________________________________________________________" +
	"________________________________________________________________"

// blank adds a line to write on, about w wide and at most a whole line. It
// is drawn as underscores, so the line of text stays one line of text for
// extraction and screen readers ("I get up at ______ every day").
func (b *inliner) blank(w float64) {
	uw := b.st.measure(regular, "_", b.size)
	if uw <= 0 {
		return // reported as a missing glyph
	}
	n := min(max(int(min(w, b.maxW)/uw), 3), len(underscores))
	b.add(frag{text: underscores[:n], blank: true, face: regular, w: float64(n) * uw})
}

// spaceW is the width of the space between two frags.
func (b *inliner) spaceW(left, right face) float64 {
	f := regular
	if left == right {
		f = left
	}
	return b.st.fam.faces[f].spaceWidth() * b.size
}

// spaceWidth is the width of a space in 1/1000 em, as a fraction of an em.
func (ff *fontFace) spaceWidth() float64 {
	return float64(max(ff.quick[' '], 0)) / 1000
}

// lines breaks the words into lines, greedily: each word is measured once,
// when it was added; a word longer than a line is broken between
// characters.
func (b *inliner) lines() []line {
	b.clampBlanks()
	b.splitLong()
	var out []line
	cur := line{start: 0, end: 0}
	for i := range b.words {
		wd := &b.words[i]
		if cur.end > cur.start {
			gap := 0.0
			if wd.gap {
				gap = b.spaceW(b.frags[b.words[i-1].end-1].face, b.frags[wd.start].face)
			}
			if wd.brk || cur.w+gap+wd.w > b.maxW {
				out = append(out, cur)
				cur = line{start: i, end: i + 1, w: wd.w}
				continue
			}
			cur.w += gap + wd.w
			cur.end = i + 1
			continue
		}
		cur = line{start: i, end: i + 1, w: wd.w}
	}
	if cur.end > cur.start {
		out = append(out, cur)
	}
	return out
}

// clampBlanks narrows blanks wider than a line to the line.
func (b *inliner) clampBlanks() {
	for i := range b.words {
		wd := &b.words[i]
		for j := wd.start; j < wd.end; j++ {
			if fr := &b.frags[j]; fr.blank && fr.w > b.maxW {
				uw := fr.w / float64(len(fr.text))
				n := max(int(b.maxW/uw), 1)
				wd.w -= fr.w - float64(n)*uw
				fr.text, fr.w = fr.text[:n], float64(n)*uw
			}
		}
	}
}

// splitLong breaks each word wider than a line into pieces that fit,
// between characters, so that nothing runs off the page.
func (b *inliner) splitLong() {
	long := false
	for _, w := range b.words {
		if w.w > b.maxW {
			long = true
			break
		}
	}
	if !long {
		return
	}
	var words []word
	var frags []frag
	for _, w := range b.words {
		if w.w <= b.maxW {
			nw := w
			nw.start = len(frags)
			frags = append(frags, b.frags[w.start:w.end]...)
			nw.end = len(frags)
			words = append(words, nw)
			continue
		}
		cur := word{start: len(frags), end: len(frags), gap: w.gap, brk: w.brk}
		flush := func() {
			if cur.end > cur.start {
				words = append(words, cur)
				cur = word{start: len(frags), end: len(frags), brk: true}
			}
		}
		for _, fr := range b.frags[w.start:w.end] {
			if fr.blank || cur.w+fr.w <= b.maxW {
				if cur.w+fr.w > b.maxW {
					flush()
				}
				frags = append(frags, fr)
				cur.end++
				cur.w += fr.w
				continue
			}
			s := fr.text
			from := 0
			pw := 0.0
			for i, r := range s {
				_, gw := b.st.fam.glyph(fr.face, r)
				rw := float64(max(gw, 0)) * b.size / 1000
				if cur.w+pw+rw > b.maxW && (i > from || cur.end > cur.start) {
					if i > from {
						frags = append(frags, frag{text: s[from:i], face: fr.face, w: pw, url: fr.url})
						cur.end++
						cur.w += pw
					}
					flush()
					from, pw = i, 0
				}
				pw += rw
			}
			if from < len(s) {
				frags = append(frags, frag{text: s[from:], face: fr.face, w: pw, url: fr.url})
				cur.end++
				cur.w += pw
			}
		}
		if cur.end > cur.start {
			words = append(words, cur)
		}
	}
	b.words, b.frags = words, frags
}

// lineOps appends the operations that draw ln with its box's top at top.
// Adjacent frags in the same face and link are drawn as one text run, with
// real spaces, so that text extraction gives back words and spaces.
func (b *inliner) lineOps(ln line, x, top, lh float64, al align, dst []op) []op {
	switch al {
	case alignCenter:
		x += (b.maxW - ln.w) / 2
	case alignRight:
		x += b.maxW - ln.w
	}
	base := top + b.st.baseline(b.size, lh)
	var run []byte
	runStart := -1 // index in dst of the open run's text op
	var runFace face
	var runURL string
	closeRun := func() {
		if runStart < 0 {
			return
		}
		dst[runStart].text = string(run)
		if runURL != "" {
			o := dst[runStart]
			dst = append(dst,
				op{kind: opLine, x: o.x, y: base + b.size*0.12, w: o.w, size: b.st.m.hair},
				op{kind: opLink, x: o.x, y: top, w: o.w, h: lh, text: runURL})
		}
		run, runStart = run[:0], -1
	}
	for i := ln.start; i < ln.end; i++ {
		wd := &b.words[i]
		if i > ln.start && wd.gap {
			sw := b.spaceW(b.frags[b.words[i-1].end-1].face, b.frags[wd.start].face)
			if runStart >= 0 && b.frags[wd.start].face == runFace && b.frags[wd.start].url == runURL {
				run = append(run, ' ')
				dst[runStart].w += sw
			} else {
				closeRun()
			}
			x += sw
		}
		for _, fr := range b.frags[wd.start:wd.end] {
			if runStart < 0 || fr.face != runFace || fr.url != runURL {
				closeRun()
				runStart, runFace, runURL = len(dst), fr.face, fr.url
				dst = append(dst, op{kind: opText, face: fr.face, x: x, y: base, size: b.size})
			}
			run = append(run, fr.text...)
			dst[runStart].w += fr.w
			x += fr.w
		}
	}
	closeRun()
	return dst
}
