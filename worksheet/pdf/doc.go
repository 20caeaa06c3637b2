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
// next one, and a unit whose keep chain (it and the units it is kept with)
// does not fit in the rest of the page starts the next one. What is kept:
//   - heading lines with what follows, and a part's label and title;
//   - the first line of a paragraph with the second and the last but one
//     with the last, so no lone line is left at a page foot or top;
//   - a paragraph right under a heading, or one that leads into writing
//     lines, a scale, a tracker, a table, a list or the crisis box, with
//     the first unit of what follows ("Something that got in the way:"
//     never ends a page while its lines start the next);
//   - the writing lines of one answer, when they take at most a third of
//     a page;
//   - a top-level list of up to four items, when it takes at most half a
//     page; a longer list keeps its first two and its last two items
//     together;
//   - a closing paragraph of one or two lines with the unit before it, so
//     it never sits on a page of its own;
//   - a table header with its first row, a scale label with its boxes, and
//     a 7-day tracker whole when it fits on a page.
//
// Some of these keeps are for looks only: a short list whole, a week's
// grid whole, the lines of one answer, a closing line with what is above
// it. When honouring one would leave the page less than half full, these
// give way for the rest of that page (the others, headings with what
// follows, an introduction with what it introduces, no lone line or list
// item, a table's header with its first row, still hold); so no page but
// the last is less than half full unless what comes next cannot fit or a
// new part starts. When the last page would be a third full or less, the
// handout is laid out again with half the space between blocks and list
// items and less above headings (text, line spacing and room to write
// unchanged), and that layout is kept if it needs a page less.
//
// When a whole chain is taller than a page, only its leading units (the
// heading and introduction lines) are kept with the first unit after them.
// A table or tracker row that starts a page gets the header row repeated
// above it; a row taller than a page is cut. Parts after the first start
// a new page unless [RenderOptions.ContinuousParts] is set. The total page
// count is known after pagination, so the footer is drawn with the pages,
// after each page's content.
//
// The footer is the handout title and "Page 1 of 2" in one right-aligned
// text run ("Mood Journal · Page 1 of 2"), with no rule above it (at the
// foot of a page of writing lines a rule passes for one more line).
// pdftotext reads a page in columns; a footer that reaches the right
// margin as one block is read last, where a title at the left margin was
// read between the widely spaced numbers of a rating scale.
//
// Under the title of a handout come the lines a clinic needs: "Name or
// initials" and "Date", each with a blank a writing line tall, and, with
// [RenderOptions.NextSession], "Next session" (message IDs HeaderName,
// HeaderDate, HeaderNextSession, the same as the HTML page's). A label's
// last word and its blank never part at a line break. With
// [RenderOptions.Branding] the footer of every page carries the clinic's
// name and phone number on a line above the title, and the clinic's logo
// at the left, 30 pt tall (40 pt in large print), at most a quarter of the
// text width wide; the page body is shortened to make room. Nothing of it
// is printed when the branding is the zero value.
//
// Tables share the width by content: each column gets its longest word
// where the page allows and the rest goes where the text is longest. A
// table too wide for the page is set smaller in standard print (down to
// 8 pt, then words are broken); large print keeps 18 pt and prints each
// row as a short list of "header: value" lines instead, and so does
// standard print when the columns could not each get one em and its
// padding at 8 pt. A row of blanks
// ("| ___ | ___ |") is room to write in: its cells are left empty and the
// row is two writing lines tall.
//
// # Room to write by hand
//
// Writing lines are 26 pt apart in standard print and 40 pt in large
// print, never less than a ruled line for adult handwriting: US wide rule,
// 11/32 in (24.75 pt), in standard print and 1/2 in (36 pt, the widest
// common ruling) in large print. A cell to write in, in a table or a
// tracker, is at least that tall.
//
// A 7-day tracker has a column per weekday and a row per label, with the
// locale's short day names, when it has many labels. Seven day columns
// (about three-quarters of an inch in standard print) hold a number or a
// tick, not "What I did", so the grid is turned round when it can be: a
// row per weekday (full names when they fit, else short ones) and a
// column per label, as long as each label column holds the label's
// longest word and is at least 1.25 in wide in standard print (room for
// two or three handwritten words) or four ems in large print.
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
// Two families are built in. "andika", the default, is Andika
// ([github.com/betweensessions/between/worksheet/typeface]), a typeface
// SIL made for literacy work and beginning readers (single-story a and g;
// I, l and 1 that do not look alike), for Latin (Vietnamese included),
// Greek and Cyrillic, with DejaVu Sans Mono for code. "dejavu"
// ([github.com/go-fonts/dejavu]) is DejaVu Sans throughout, which adds
// Arabic and Hebrew. The locale's Font field picks one; [Options.Fonts]
// adds families from TrueType data.
//
// A family may name a fallback family ([FontFamily.Fallback]): a
// character its face lacks is drawn with the fallback's same face.
// Andika's fallback is DejaVu Sans, which draws symbols such as ☐ and ✔.
// Text is still measured and broken into lines as one run; only drawing
// splits it into runs by face, so a line reads back whole. Each family is
// parsed once, on first use, into a gopdf FontContainer shared by every
// render; each render builds its own gopdf document and embeds subsets of
// only the faces it drew with, fallback faces included.
//
// Text is set left to right without shaping. A locale whose Dir is
// right-to-left is refused with an error rather than printed wrongly.
//
// # Missing glyphs
//
// gopdf silently draws a space for a character its font lacks. Here every
// string is measured before it is drawn, and measuring looks each rune up
// in the font's character map, then in its fallback's: a rune neither has
// (or only as glyph 0, .notdef) is recorded, and the render fails with a [*GlyphError] naming the
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
// table after gopdf has written the file. Page contents are not
// compressed: gopdf makes a new zlib writer for every stream, whose flate
// tables take about 650 KB whatever the level, and a two-page handout
// grows by only about 7 KB without them. gopdf always compresses the
// embedded fonts.
//
// # Limits
//
// A handout may print on at most [MaxPages] pages; a longer one is
// refused with an error matching [ErrTooManyPages] that names the
// template and the page count, and nothing is written. Lists and quotes
// indent their content until the column would be narrower than two-fifths
// of the text width; deeper levels are drawn at that indent, so no model,
// however deeply nested, puts text off the page. A link whose address
// fails [worksheet.SafeURL] (javascript:, data:, file: and the like, which
// the parser refuses but a program may put into the model) is printed as
// its text without a link.
//
// # Concurrency
//
// A [Renderer] is safe for concurrent use and should be shared. A
// [worksheet.Worksheet] is only read.
package pdf
