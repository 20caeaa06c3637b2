// Package site builds Between's static handout site: templates in, a
// folder of HTML pages out, that works offline, from a USB stick
// (file://) or under any base path.
//
// # Layout
//
// [Build] writes:
//
//	index.html                          language chooser (no JavaScript)
//	<lang>/index.html                   the library: cards by kind, then by topic
//	<lang>/<id>/index.html              the handout, standard print
//	<lang>/<id>/large-print.html        the handout, large print
//	<lang>/<id>/<id>.<ext>              each extra [Format] (a PDF, say) …
//	<lang>/<id>/<id>-large-print.<ext>  … in both variants
//	assets/site.css, assets/print.css   styles for screen and for paper
//	.between-site                       the manifest: every file written
//
// Links are relative, pages load nothing from outside the folder (a
// Content-Security-Policy meta element says so to the browser), and pages
// of the same handout in different languages link each other with
// hreflang alternates.
//
// # Sources and languages
//
// [Options.Sources] are fs.FS folders of templates (<id>/<lang>.md), such
// as templates.FS() and os.DirFS of a clinic's own folder. They are layered
// in order: a later source's id replaces that id of an earlier source, in
// every language, and new ids are added. A handout with no file in a page
// language is shown from English (or its first language) with a visible
// note, and listed in [Report.Fallbacks].
//
// # Safety
//
// Build writes into a new folder beside [Options.Out] and renames it into
// place only when every file is written, so a failed or cancelled build
// leaves the previous site untouched. It refuses a non-empty folder with no
// manifest ([ErrNotSite]), and carries over any file of a previous site
// that its manifest does not list, so a file put there by hand is never
// deleted.
//
// # Output
//
// Output is byte-for-byte reproducible: no dates, no randomness, sorted
// listings, whatever the number of workers. Rendering streams each page to
// its file; only one card per handout is kept for the library pages, and
// a parsed template is released as soon as its last page is written, so
// memory stays flat as the library grows.
//
// # PDF and other formats
//
// The package does not link a PDF library. A program that wants PDFs
// passes a [Format] whose Render calls the PDF renderer; Build then writes
// the files and links them from the handout pages and the library cards.
package site
