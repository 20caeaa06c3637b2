package pdf

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/betweensessions/between/worksheet/typeface"
	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansmono"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"github.com/signintech/gopdf"
	"golang.org/x/text/language"
)

// face is one of the four faces a font family provides.
type face uint8

const (
	regular face = iota
	bold
	italic
	mono
	numFaces
)

var faceNames = [numFaces]string{"regular", "bold", "italic", "mono"}

// FontFamily is the TrueType data of one font family. Regular is required;
// a missing Bold, Italic or Mono face falls back to Regular. Only fonts with
// TrueType outlines load (no OpenType/CFF, collections or WOFF).
type FontFamily struct {
	Regular []byte
	Bold    []byte
	Italic  []byte
	Mono    []byte
	// Fallback names another family whose same face draws the characters
	// this one lacks (its own fallback is not consulted). Empty means
	// none: a character the family lacks is a [*GlyphError].
	Fallback string
}

// DefaultFont is the family used when a locale names none: Andika, the
// reading typeface of [github.com/betweensessions/between/worksheet/typeface].
const DefaultFont = "andika"

// builtinFamilies returns the embedded families: "andika" (Andika, made
// for beginning readers, for Latin, Greek and Cyrillic text, with DejaVu
// Sans Mono for code and DejaVu Sans for the characters it lacks) and
// "dejavu" (DejaVu Sans, with Vietnamese, Arabic, Hebrew and symbols such
// as ☐ and ✓).
func builtinFamilies() map[string]FontFamily {
	return map[string]FontFamily{
		"andika": {
			Regular: typeface.Regular(), Bold: typeface.Bold(), Italic: typeface.Italic(),
			Mono: dejavusansmono.TTF, Fallback: "dejavu",
		},
		"dejavu": {
			Regular: dejavusans.TTF, Bold: dejavusansbold.TTF,
			Italic: dejavusansoblique.TTF, Mono: dejavusansmono.TTF,
		},
	}
}

// quickRunes is the size of the per-face width table filled when a face is
// parsed: Basic Latin up to the end of Latin Extended-B.
const quickRunes = 0x250

// fontFace is one parsed face. After load it is only read, except for the
// width cache of runes outside the quick table, which is a sync.Map.
type fontFace struct {
	family string
	face   face
	key    string               // family name inside gopdf, unique per face
	c      *gopdf.FontContainer // the container holding the parsed face
	data   []byte
	parsed gopdf.SubsetFontObj
	// ascent and descent are per point of font size; descent is negative.
	ascent, descent float64
	quick           [quickRunes]int16 // width in 1/1000 em, -1 when missing
	other           sync.Map          // rune -> int16
}

// family is one named font family, parsed on first use.
type family struct {
	name string
	src  FontFamily
	once sync.Once
	err  error
	// fbOnce guards fallback, filled by Renderer.family.
	fbOnce sync.Once
	// faces holds the four faces; a face the family lacks points at Regular.
	faces [numFaces]*fontFace
	// fallback holds the fallback family's faces, or nils.
	fallback  [numFaces]*fontFace
	container gopdf.FontContainer
}

// glyph returns the face that draws r in face f, the primary face or the
// fallback's, and r's advance in 1/1000 em; w is -1 when neither can.
func (f *family) glyph(fc face, r rune) (ff *fontFace, w int16) {
	ff = f.faces[fc]
	if w = ff.width(r); w >= 0 {
		return ff, w
	}
	if fb := f.fallback[fc]; fb != nil {
		if fw := fb.width(r); fw >= 0 {
			return fb, fw
		}
	}
	return ff, -1
}

// load parses the family's faces once.
func (f *family) load() error {
	f.once.Do(func() { f.err = f.parse() })
	return f.err
}

func (f *family) parse() error {
	if len(f.src.Regular) == 0 {
		return fmt.Errorf("pdf: font %q has no regular face", f.name)
	}
	datas := [numFaces][]byte{f.src.Regular, f.src.Bold, f.src.Italic, f.src.Mono}
	for i, data := range datas {
		if len(data) == 0 {
			f.faces[i] = f.faces[regular]
			continue
		}
		ff := &fontFace{
			family: f.name,
			face:   face(i),
			key:    f.name + "/" + faceNames[i],
			c:      &f.container,
			data:   data,
		}
		if err := ff.init(&f.container); err != nil {
			return fmt.Errorf("pdf: font %q %s face: %w", f.name, faceNames[i], err)
		}
		f.faces[i] = ff
	}
	return nil
}

// init parses the face for measuring and adds it to the shared container
// that every render copies it from.
func (ff *fontFace) init(c *gopdf.FontContainer) (err error) {
	defer func() {
		// gopdf's TrueType parser indexes tables without bounds checks; a
		// damaged file must not take the caller down.
		if p := recover(); p != nil {
			err = errors.New("not a TrueType font this renderer can read")
		}
	}()
	opt := gopdf.TtfOption{Style: gopdf.Regular}
	ff.parsed.SetTtfFontOption(opt)
	ff.parsed.SetFamily(ff.key)
	if err := ff.parsed.SetTTFData(ff.data); err != nil {
		return err
	}
	p := ff.parsed.GetTTFParser()
	upm := float64(p.UnitsPerEm())
	if upm <= 0 || p.NumberOfHMetrics() == 0 {
		return errors.New("not a TrueType font this renderer can read")
	}
	ff.ascent = float64(p.Ascender()) / upm
	ff.descent = float64(p.Descender()) / upm
	if ff.descent > 0 {
		ff.descent = -ff.descent
	}
	for r := range rune(quickRunes) {
		ff.quick[r] = ff.lookup(r)
	}
	return c.AddTTFFontDataWithOption(ff.key, ff.data, opt)
}

// lookup finds a rune's advance width in 1/1000 em, or -1 when the font
// has no glyph for it. Glyph 0 (.notdef) counts as missing: gopdf would
// draw it as an empty box or a space.
func (ff *fontFace) lookup(r rune) int16 {
	if r < 0x20 || (r >= 0x7f && r < 0xa0) {
		return -1
	}
	g, err := ff.parsed.CharCodeToGlyphIndex(r)
	if err != nil || g == 0 {
		return -1
	}
	return int16(ff.parsed.GlyphIndexToPdfWidth(g))
}

// width returns a rune's advance in 1/1000 em, or -1 when it is missing.
// It is safe for concurrent use.
func (ff *fontFace) width(r rune) int16 {
	if r >= 0 && r < quickRunes {
		return ff.quick[r]
	}
	if v, ok := ff.other.Load(r); ok {
		return v.(int16)
	}
	w := ff.lookup(r)
	ff.other.Store(r, w)
	return w
}

// ErrMissingGlyph is matched by errors.Is for every *GlyphError.
var ErrMissingGlyph = errors.New("pdf: missing glyph")

// MissingGlyph is one character a face cannot draw.
type MissingGlyph struct {
	Rune rune
	// Face is "regular", "bold", "italic" or "mono".
	Face string
}

// GlyphError reports characters the chosen font cannot draw. The handout
// is refused rather than printed with holes.
type GlyphError struct {
	// Path is the template file, Lang its language.
	Path string
	Lang language.Tag
	// Font is the font family name, such as "andika".
	Font string
	// Missing lists each missing character once per face, sorted.
	Missing []MissingGlyph
}

// Error names the template, the language, the font and each character as
// U+XXXX with the character itself.
func (e *GlyphError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "pdf: %s (%s): font %q cannot draw", e.Path, e.Lang, e.Font)
	byRune := map[rune][]string{}
	var runes []rune
	for _, m := range e.Missing {
		if _, ok := byRune[m.Rune]; !ok {
			runes = append(runes, m.Rune)
		}
		byRune[m.Rune] = append(byRune[m.Rune], m.Face)
	}
	for i, r := range runes {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, " U+%04X %q (%s)", r, r, strings.Join(byRune[r], ", "))
	}
	b.WriteString("; choose a font that covers them (locale font or Options.Fonts)")
	return b.String()
}

// Is reports whether target is ErrMissingGlyph.
func (e *GlyphError) Is(target error) bool { return target == ErrMissingGlyph }

// missingSet collects missing glyphs during one layout.
type missingSet map[MissingGlyph]struct{}

func (m missingSet) error(path string, lang language.Tag, font string) error {
	if len(m) == 0 {
		return nil
	}
	e := &GlyphError{Path: path, Lang: lang, Font: font}
	for g := range m {
		e.Missing = append(e.Missing, g)
	}
	sort.Slice(e.Missing, func(i, j int) bool {
		a, b := e.Missing[i], e.Missing[j]
		if a.Rune != b.Rune {
			return a.Rune < b.Rune
		}
		return a.Face < b.Face
	})
	return e
}

// Fonts returns the names of the font families the renderer knows, sorted.
func (r *Renderer) Fonts() []string {
	fams := r.families()
	names := make([]string, 0, len(fams))
	for n := range fams {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// family returns the named family, parsed.
func (r *Renderer) family(name string) (*family, error) {
	if name == "" {
		name = DefaultFont
	}
	fams := r.families()
	f, ok := fams[name]
	if !ok {
		return nil, fmt.Errorf("pdf: unknown font %q (have %s)", name, strings.Join(r.Fonts(), ", "))
	}
	if err := f.load(); err != nil {
		return nil, err
	}
	if fb := f.src.Fallback; fb != "" && fb != name {
		ff, ok := fams[fb]
		if !ok {
			return nil, fmt.Errorf("pdf: font %q: unknown fallback font %q", name, fb)
		}
		if err := ff.load(); err != nil {
			return nil, err
		}
		// Set once by whichever render gets here first; every render
		// writes the same pointers.
		f.fbOnce.Do(func() { f.fallback = ff.faces })
	}
	return f, nil
}
