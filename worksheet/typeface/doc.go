// Package typeface holds the reading typeface of Between's handouts,
// Andika 6.101 by SIL International, as TrueType files embedded in the
// program, with its licence. The PDF renderer draws handouts with it and
// the static site serves the same files as web fonts, so a handout looks
// the same on paper and on screen and no page asks another server for a
// font.
//
// # Why Andika
//
// Andika's own documentation (FONTLOG and the "Design" page, shipped in
// Debian's fonts-sil-andika) describes it as "a sans serif,
// Unicode-compliant font designed especially for literacy use, taking into
// account the needs of beginning readers", whose focus is "clear,
// easy-to-perceive letterforms that will not be readily confused with one
// another". Among the requests of literacy specialists it answers, the
// same page lists single-story a and g ("that look more like
// handwriting"), a capital I, lower-case l and numeral 1 that do not look
// alike, an r that does not read as m when n follows it, and large
// diacritics; letters that are mirror images in other fonts are given
// distinct characteristics. Homework is read by people with low vision,
// low literacy or little energy; those are the shapes they need. It
// covers Latin (Spanish and Vietnamese included), Greek and Cyrillic.
//
// # What is embedded
//
// Regular, Bold and Italic. Large print never uses italics; standard print
// sets *emphasis* in italics, and a clinic's own template may use it, so
// the italic is kept rather than slanted by the viewer. Bold Italic is
// left out: nothing in a handout asks for it. The files are those of
// Debian's fonts-sil-andika 6.101-2, unmodified: Andika-Regular.ttf
// (669,828 bytes), Andika-Bold.ttf (681,008) and Andika-Italic.ttf
// (700,596), about 2 MB in all. A PDF embeds only a subset of the glyphs
// it draws, a few tens of kilobytes per face.
//
// # Licence
//
// The fonts are under the SIL Open Font License 1.1 with the Reserved
// Font Names "Andika" and "SIL" ([LicenseFile]). They may be bundled and
// embedded with software, provided each copy carries the copyright notice
// and the licence: whoever serves [FS] serves OFL.txt with the fonts. The
// fonts must not be renamed-and-modified; they are used here as released.
//
// # Use
//
// [Regular], [Bold] and [Italic] return the TrueType data; [FS] holds the
// same files and the licence for a site to copy. The data is read only
// and the package has no state; everything is safe for concurrent use.
package typeface
