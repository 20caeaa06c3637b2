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
//	.between-cache.json                 the build cache (see below)
//
// Each card of the library page shows the handout's title, summary, time
// and measured reading level: the school grade of the locale's formula
// ("Reading level: grade 4", Flesch–Kincaid for English) or, for an ease
// formula, its band ("Lectura: muy fácil", INFLESZ for Spanish), measured
// by worksheet/readability on the worksheet already parsed for the pages.
// A language with no formula shows none. Topics are listed under their
// names in the page's language, the UI string Topic.<key>; a topic with no
// such string shows its key, and the locale records the miss like any
// missing string.
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
// # Incremental builds
//
// The build cache, [CacheName], records for each template id the hash of
// its files (every language: a page shown in another language depends on
// the file it falls back to) with the size and CRC-32C of every file made
// from them and the id's library cards; and, for the index pages and the
// assets, the hash of all ids. Its key hashes what every file depends on:
// [Options.Version], the layouts and assets built into the program, the
// locales' fingerprint ([i18n.Catalog.Fingerprint]), the languages, the
// variants and each [Format]'s Ext and Version.
//
// The next Build into the same folder reuses every group whose inputs hash
// as before and whose files are still, by size and checksum, those it
// wrote: it hard-links them into the new site (copying where links do not
// work) and renders the rest. With nothing changed it renders nothing and
// leaves the folder alone; [Report.Rendered] and [Report.Reused] say what
// happened. The cache is a file like the others, written into the new
// site before the swap and byte-reproducible; deleting it only makes the
// next build a full one. A build is never cached when [Options.Version]
// is empty, the locales have no fingerprint, [Options.Parser] is set or a
// Format has no Version; [Options.Full] renders everything and writes the
// cache afresh. Files reused are not rendered, so the UI strings they use
// are not looked up: a build that checks the catalog's fallbacks
// afterwards sets Full.
//
// # Preview
//
// "between serve" builds the site, serves it on 127.0.0.1, polls the
// template folders and calls Build again when a file changes, so only the
// changed handouts are rendered. The reload script and the error banner it
// shows are added by the server to the copy of a page it sends; the files
// Build writes never hold a script. See docs/site.md.
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
