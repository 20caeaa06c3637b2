package pdf

import (
	"slices"
	"unicode"
)

// MissingRunes returns the characters of text that the named font family
// cannot draw in its regular or bold face (the faces body text and
// headings use), nor its fallback family, each once, in ascending order. White space and control
// characters are skipped: they are never drawn as glyphs. The empty name
// means [DefaultFont]. An unknown family, or one whose TrueType data does
// not load, is an error.
//
// It checks raw text, such as a template file or a message file, without
// laying anything out; [Renderer.CheckGlyphs] checks a parsed handout as
// it will be printed. It is safe for concurrent use.
func (r *Renderer) MissingRunes(font, text string) ([]rune, error) {
	fam, err := r.family(font)
	if err != nil {
		return nil, err
	}
	seen := map[rune]bool{}
	var out []rune
	for _, c := range text {
		if seen[c] || unicode.IsSpace(c) || unicode.IsControl(c) {
			continue
		}
		seen[c] = true
		if _, w := fam.glyph(regular, c); w < 0 {
			out = append(out, c)
		} else if _, w := fam.glyph(bold, c); w < 0 {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out, nil
}
