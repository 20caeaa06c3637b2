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
//	<lang>/<id>/<id>.<ext>              each extra [Download] (a PDF, say) …
//	<lang>/<id>/<id>-large-print.<ext>  … in both variants
//	assets/handout.css, assets/handout.js  the handouts' styles and script (package worksheet)
//	assets/fonts/                       the typeface Andika and its licence (worksheet/typeface)
//	assets/site.css, assets/print.css   styles of the pages around them
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
// Content-Security-Policy meta element allows only the site's own files),
// handout pages hold worksheet.RenderAnswerBar's Print, Save my answers
// and Open saved answers (shown by the script assets/handout.js, which
// keeps answers only in a file the client saves), and pages
// of the same handout in different languages link each other with
// hreflang alternates.
//
// # Sources and languages
//
// [Options.Sources] are fs.FS folders of templates (<id>/<lang>.md), such
// as templates.FS() and os.DirFS of a clinic's own folder. They are layered
// in order by [templates.Layer]: a later source's folder that has the
// English file replaces that id of an earlier source, in every language; a
// folder without it adds its languages (a translator's folder); new ids
// are added. [templates.Library.Translation] decides which file each page
// language shows: a handout with no file in a page language, or whose
// file is a copy not translated yet (no source_hash), is shown from
// English (or its first language) with a visible note, and listed in
// [Report.Fallbacks]. A misnamed file, or two files naming one language
// (en.md and EN.md), is an error.
//
// # Safety
//
// Build writes into a new folder beside [Options.Out]
// (.between-site-new-<name>-N) and puts it in place only when every file
// is written, so a failed or cancelled build leaves the previous site
// untouched. [Options.BeforeCommit] may still refuse the finished site at
// that point, with the same effect. It refuses a non-empty folder with no
// manifest ([ErrNotSite]), and carries over any file of a previous site
// that its manifest does not list, so a file put there by hand is never
// deleted.
//
// The swap is one step on Linux: renameat2 with RENAME_EXCHANGE trades the
// two folders, so the output path holds a whole site at every moment, and
// the old site is removed after. Elsewhere, or on a file system that
// cannot, it is two renames: the site to .between-site-old-<name>-N, then
// the new one in. A crash between the two leaves no folder at Out; the
// next Build finds the one old site beside it and renames it back first.
//
// A build ends in one of two ways only: the new site in place and a
// [Report], or the previous site untouched and an error. Once the new site
// is in place nothing is an error: the builder's own folders are removed
// even when a person made a folder in them read-only (it makes its
// folders writable first, never changing a file), and one that still
// cannot be removed is listed in [Report.Leftovers] and removed by the
// next build. A folder or file a person put into the site is carried over
// with its permissions. Errors about a file of the new site name it by its
// path in the site and by the template it was made from, never by the
// temporary folder.
//
// One build at a time writes a site: Build holds a lock file,
// .between-site-<name>.lock beside Out, from before it reads the previous
// site until the swap is done, and removes it after. Where the system has
// flock (Linux, macOS, the BSDs) the lock dies with its process, however
// it ends, and a second Build of the same folder waits for the first
// (writing "waiting for another build" to [Options.Progress]) until its
// context is done. Elsewhere the lock is a file created with O_EXCL, and a
// second Build fails at once, asking for the file to be removed if no
// build is running. The lock file is only ever opened as a regular file:
// a symbolic link (even a dangling one), a FIFO or a folder at its path
// stops the build with an error naming it. Holding the lock, Build first removes the new-site
// folders of this output that killed builds left.
//
// Templates are listed by [templates.Layer], which skips symbolic links in
// a source that can report them ([io/fs.ReadLinkFS], as os.DirFS does), so
// that a link in a clinic's folder cannot publish a file from elsewhere on
// the computer. Programs should still pass an [os.Root]'s FS for a folder
// a person names, as "between build --src" does: it refuses, at every
// open, a link that leaves the folder.
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
// variants and each [Download]'s Ext and Version.
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
// [Download] has no Version; [Options.Full] renders everything and writes the
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
// # PDFs and other downloads
//
// The package does not link a PDF library. A program that wants PDFs
// passes a [Download] whose Render calls the PDF renderer; Build then writes
// the files and links them from the handout pages and the library cards.
package site
