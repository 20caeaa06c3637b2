package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/worksheet"
	"github.com/signintech/gopdf"
)

// MaxPages is the most pages a handout may print on. Homework that runs
// longer is a template or a model gone wrong (thousands of parts, a
// tracker of a hundred thousand rows), and Render refuses it with an
// error matching [ErrTooManyPages] before anything is drawn or written.
const MaxPages = 100

// ErrTooManyPages is matched by errors.Is when a handout would print on
// more than [MaxPages] pages.
var ErrTooManyPages = errors.New("too many pages")

// Options configures a Renderer. The zero value is valid: the embedded
// "andika" and "dejavu" families and no creation date.
type Options struct {
	// Fonts adds font families by name, or replaces a built-in one. A
	// locale selects a family by name in its Font field.
	Fonts map[string]FontFamily
	// CreationDate, when not zero, is written as the document's creation
	// date. Leave it zero for byte-reproducible output, or set it from
	// SOURCE_DATE_EPOCH; the renderer never reads the clock.
	CreationDate time.Time
}

// Renderer draws worksheets as PDF. It holds the parsed fonts, which are
// parsed once (built-in families on first use) and shared by every render.
//
// The zero value is a Renderer with the built-in fonts. A Renderer is safe
// for concurrent use by multiple goroutines; each Render builds its own
// document.
type Renderer struct {
	opts Options

	once sync.Once
	fams map[string]*family
}

// New returns a Renderer. Fonts given in opts are parsed now, so a font
// gopdf cannot read is reported here rather than at the first render.
func New(opts Options) (*Renderer, error) {
	r := &Renderer{opts: opts}
	for name := range opts.Fonts {
		if _, err := r.family(name); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// families returns the font families, built on first use.
func (r *Renderer) families() map[string]*family {
	r.once.Do(func() {
		r.fams = map[string]*family{}
		for name, src := range builtinFamilies() {
			r.fams[name] = &family{name: name, src: src}
		}
		for name, src := range r.opts.Fonts {
			r.fams[name] = &family{name: name, src: src}
		}
	})
	return r.fams
}

// RenderOptions says how to render one handout. The zero value renders
// the standard variant with built-in English defaults.
type RenderOptions struct {
	// Variant is Standard or LargePrint.
	Variant worksheet.Variant
	// Locale supplies weekday names, crisis lines, paper, font and UI
	// strings. Nil means built-in English defaults (Letter paper, the "andika"
	// font, Sunday first, no crisis lines).
	Locale *i18n.Locale
	// Params are personalised values for the handout's {{slots}}. A slot
	// with no value prints as a blank to write on.
	Params map[string]string
	// Paper overrides the locale's paper size when not empty.
	Paper i18n.PaperSize
	// ContinuousParts runs the parts of a split handout on without
	// starting each part on a new page.
	ContinuousParts bool
	// NextSession adds a "Next session" line with a blank under the name
	// and date lines at the top of the handout.
	NextSession bool
	// Branding is the clinic's name, phone and logo for the page footer.
	// The zero value prints none of them.
	Branding worksheet.Branding
}

// Render lays out ws and writes it to w as a PDF. Nothing is written when
// layout fails; a character the font cannot draw fails the render with a
// *GlyphError, and a handout longer than [MaxPages] pages with an error
// matching [ErrTooManyPages]. Render does not modify ws.
func (r *Renderer) Render(ctx context.Context, w io.Writer, ws *worksheet.Worksheet, opts RenderOptions) error {
	if ws == nil {
		return errors.New("pdf: nil worksheet")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	st, err := r.newState(ws, opts)
	if err != nil {
		return err
	}
	doc, err := st.layout(ctx)
	if err != nil {
		return err
	}
	if n := len(doc.pages); n > MaxPages {
		return fmt.Errorf("pdf: %s: %w: the handout would print on %d pages, at most %d",
			ws.Path, ErrTooManyPages, n, MaxPages)
	}
	var buf bytes.Buffer
	if err := st.draw(ctx, doc, &buf); err != nil {
		return err
	}
	return writeWithCatalogEntries(w, buf.Bytes(), st.lang().String())
}

// CheckGlyphs reports, without producing a PDF, whether the locale's font
// can draw every character of ws and of the locale's strings (weekday
// names, crisis lines, part and page labels) in both variants. It returns
// a *GlyphError listing every missing character, or another error when the
// font is unknown. Lint calls it before a build.
func (r *Renderer) CheckGlyphs(ws *worksheet.Worksheet, loc *i18n.Locale) error {
	if ws == nil {
		return errors.New("pdf: nil worksheet")
	}
	all := missingSet{}
	var st *state
	for _, v := range worksheet.Variants() {
		var err error
		st, err = r.newState(ws, RenderOptions{Variant: v, Locale: loc})
		if err != nil {
			return err
		}
		doc, err := st.layout(context.Background())
		if err != nil {
			return err
		}
		st.measureFooters(doc)
		for g := range st.missing {
			all[g] = struct{}{}
		}
	}
	return all.error(ws.Path, st.lang(), st.fam.name)
}

// glyphError reports what this render could not draw.
func (st *state) glyphError() error {
	return st.missing.error(st.ws.Path, st.lang(), st.fam.name)
}

// draw paints the laid-out pages with gopdf and writes the finished file.
// Every string has been measured, and so checked for missing glyphs, before
// gopdf is started.
func (st *state) draw(ctx context.Context, doc *document, out *bytes.Buffer) (err error) {
	defer func() {
		// gopdf is not ours; should it panic, the caller still gets an
		// error, not a crash.
		if p := recover(); p != nil {
			err = fmt.Errorf("pdf: %s: gopdf failed: %v", st.ws.Path, p)
		}
	}()
	st.measureFooters(doc)
	if err := st.glyphError(); err != nil {
		return err
	}
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: gopdf.Rect{W: st.pageW, H: st.pageH}})
	// Page content streams are written uncompressed: gopdf makes a new
	// zlib writer for each one, and a flate compressor holds about 650 KB
	// of tables whatever its level, which cost more than the few
	// kilobytes a page's stream would save. (Font files are always
	// compressed by gopdf.)
	gp.SetNoCompression()
	for f := range numFaces {
		for _, ff := range [2]*fontFace{st.fam.faces[f], st.fam.fallback[f]} {
			if ff == nil || (ff == st.fam.faces[f] && !st.used[f]) || (ff != st.fam.faces[f] && !st.usedFallback[f]) {
				continue
			}
			if err := gp.AddTTFFontFromFontContainer(ff.key, ff.c); err != nil {
				return fmt.Errorf("pdf: font %q: %w", ff.family, err)
			}
		}
	}
	info := gopdf.PdfInfo{
		Title:        st.ws.Meta.Title,
		Subject:      st.ws.Meta.Summary,
		Creator:      "Between",
		Producer:     "Between (gopdf)",
		CreationDate: st.r.opts.CreationDate,
	}
	gp.SetInfo(info)
	p := painter{gp: gp, st: st}
	for i, page := range doc.pages {
		if err := ctx.Err(); err != nil {
			return err
		}
		p.newPage()
		for j := range page {
			if err := p.op(&page[j]); err != nil {
				return err
			}
		}
		if err := p.footer(doc, i); err != nil {
			return err
		}
	}
	if _, err := gp.WriteTo(out); err != nil {
		return fmt.Errorf("pdf: write: %w", err)
	}
	return nil
}

// writeWithCatalogEntries writes the gopdf output b to w with /Lang and
// /ViewerPreferences added to the document catalog, which gopdf cannot set,
// and the cross-reference offsets that move fixed. gopdf always writes the
// catalog first, as object 1. Everything that can fail is checked before
// the first byte is written.
func writeWithCatalogEntries(w io.Writer, b []byte, lang string) error {
	const head = "1 0 obj\n<<\n"
	at := bytes.Index(b, []byte(head))
	xref := bytes.LastIndex(b, []byte("\nxref\n"))
	if at < 0 || xref < 0 || at > 64 {
		return errors.New("pdf: unexpected gopdf output layout")
	}
	at += len(head)
	ins := "  /Lang " + pdfString(lang) + "\n  /ViewerPreferences << /DisplayDocTitle true >>\n"
	shift := int64(len(ins))
	// The table is "xref\n0 N\n", N entries of 20 bytes, then the trailer
	// ending in "startxref\n<offset>\n%%EOF\n".
	tail := b[xref+1:]
	var fixed bytes.Buffer
	fixed.Grow(len(tail) + 8)
	lines := bytes.SplitAfter(tail, []byte("\n"))
	if len(lines) < 3 {
		return errors.New("pdf: unexpected gopdf xref layout")
	}
	fixed.Write(lines[0])
	fixed.Write(lines[1])
	i := 2
	for ; i < len(lines); i++ {
		l := lines[i]
		if len(l) != 20 || (l[17] != 'n' && l[17] != 'f') {
			break
		}
		off, err := strconv.ParseInt(string(l[:10]), 10, 64)
		if err != nil {
			return fmt.Errorf("pdf: xref entry: %w", err)
		}
		if l[17] == 'n' && off >= int64(at) {
			off += shift
		}
		fmt.Fprintf(&fixed, "%010d%s", off, l[10:])
	}
	found := false
	for ; i < len(lines); i++ {
		l := lines[i]
		fixed.Write(l)
		if bytes.Equal(l, []byte("startxref\n")) && i+1 < len(lines) {
			off, err := strconv.ParseInt(string(bytes.TrimSpace(lines[i+1])), 10, 64)
			if err != nil {
				return fmt.Errorf("pdf: startxref: %w", err)
			}
			fmt.Fprintf(&fixed, "%d\n", off+shift)
			i++
			found = true
		}
	}
	if !found {
		return errors.New("pdf: unexpected gopdf trailer layout")
	}
	for _, part := range [][]byte{b[:at], []byte(ins), b[at : xref+1], fixed.Bytes()} {
		if _, err := w.Write(part); err != nil {
			return err
		}
	}
	return nil
}

// pdfString writes s as a PDF literal string with the special characters
// escaped.
func pdfString(s string) string {
	var b []byte
	b = append(b, '(')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '(' || c == ')' || c == '\\' {
			b = append(b, '\\')
		}
		b = append(b, c)
	}
	return string(append(b, ')'))
}
