// Package pdf draws a parsed [worksheet.Worksheet] as a PDF handout, in
// standard or large print, with [github.com/signintech/gopdf].
//
// It is a leaf package: only programs that make PDFs link it and gopdf.
// It walks the same document model as the HTML renderer; there is no
// second Markdown parse and no HTML-to-PDF step.
//
//	r, err := pdf.New(pdf.Options{})          // once; parses fonts on first use
//	err = r.Render(ctx, w, ws, pdf.RenderOptions{
//		Variant: worksheet.LargePrint,
//		Locale:  loc,                          // weekdays, crisis lines, paper, font, UI strings
//		Params:  map[string]string{"wake_time": "6:30"},
//	})
//
// # Layout engine
//
// gopdf draws text and shapes at given positions; everything else is done
// here, in two steps.
//
// Layout turns blocks into units: a line of a paragraph, a table row, a
// writing line, a boxed crisis section. Inline content is split into words
// at white space; a word is a run of pieces with no space between them, so
// "**bold**ed" stays one word in two faces. Each piece is measured once,
// when it is made, by summing per-rune advance widths from a table filled
// when the font is parsed (Latin) or a shared cache (other scripts), so
// there is nothing to gain from caching whole words. Lines are filled
// greedily; a word wider than the line is broken between characters, and
// blanks (___) are drawn as underscores so that a line of text stays one
// line of text for extraction. Adjacent words in the same face and link
// are drawn as one text run with real spaces.
//
// Pagination places the units top to bottom. A unit may be kept with the
// next one: heading lines are kept with what follows, the first line of a
// paragraph with the second and the last but one with the last (so no
// heading and no lone line is left at a page foot), a table header with
// its first row, a scale label with its boxes, and a 7-day tracker is kept
// whole when it fits on a page. A table or tracker row that starts a page
// gets the header row repeated above it; a row taller than a page is cut.
// Parts after the first start a new page unless
// [RenderOptions.ContinuousParts] is set. The total page count is known
// after pagination, so the footer (handout title, "Page 1 of 2") is drawn
// with the pages.
//
// Tables share the width by content: each column gets its longest word
// where the page allows and the rest goes where the text is longest. A
// table too wide for the page is set smaller in standard print (down to
// 8 pt, then words are broken); large print keeps 18 pt and prints each
// row as a short list of "header: value" lines instead.
//
// # Variants
//
// Standard print uses 11 pt body text. Large print follows the large-print
// guidelines: every piece of text, footers and page numbers included, is at
// least 18 pt; headings are 22 and 20 pt; line height is 1.5 times the font
// size; text is left aligned and ragged right; emphasis is bold, never
// italic; writing lines are 40 pt (0.55 in) apart. Paper size comes from
// the locale (Letter or A4) unless [RenderOptions.Paper] overrides it.
//
// # Fonts
//
// Two families are built in: "go" ([golang.org/x/image/font/gofont]: clear
// I/l/1 shapes; Latin, Greek, Cyrillic) and "dejavu"
// ([github.com/go-fonts/dejavu]: adds Vietnamese, Arabic, Hebrew and symbols
// such as ☐ and ✓). The locale's Font field picks one; [Options.Fonts] adds
// families from TrueType data. Each family is parsed once, on first use,
// into a gopdf FontContainer shared by every render; each render builds its
// own gopdf document and embeds subsets of only the faces it uses.
//
// Text is set left to right without shaping. A locale whose Dir is
// right-to-left is refused with an error rather than printed wrongly.
//
// # Missing glyphs
//
// gopdf silently draws a space for a character its font lacks. Here every
// string is measured before it is drawn, and measuring looks each rune up
// in the font's character map: a rune with no glyph (or glyph 0, .notdef)
// is recorded, and the render fails with a [*GlyphError] naming the
// template, the language, the font and every missing character as U+XXXX
// with the character and the faces that lack it. Nothing is written. The
// same check runs without producing a PDF in [Renderer.CheckGlyphs], which
// covers both variants and the locale's strings, for lint.
//
// # Determinism
//
// Output is byte-for-byte reproducible: gopdf itself uses no clock and no
// randomness unless encryption is on (it is never on here), fonts are
// subset in a fixed order, and no creation date is written unless
// [Options.CreationDate] is set (set it from SOURCE_DATE_EPOCH when a date
// is wanted). Only WriteTo is used, never gopdf's calls that log.Fatal. The
// document catalog gets /Lang and /ViewerPreferences /DisplayDocTitle,
// which gopdf cannot set, by rewriting the catalog and the cross-reference
// table after gopdf has written the file. Page contents are compressed
// with Huffman-only coding, which costs a fraction of the default level's
// time and memory and makes a handout only about a tenth larger.
//
// # Concurrency
//
// A [Renderer] is safe for concurrent use and should be shared. A
// [worksheet.Worksheet] is only read.
package pdf
