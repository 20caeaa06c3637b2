// Package templates is Between's default handout library, embedded in the
// program with go:embed.
//
// # Layout
//
// [FS] holds one folder per template, named by the template's id, with one
// Markdown file per language named by its BCP 47 tag, for example:
//
//	mood-journal/en.md
//	sleep-routine/en.md
//	thought-record/en.md
//	thought-record-parts/es.md
//
// Each file is a worksheet template: YAML front matter and a Markdown body
// with worksheet directives, as the worksheet package documents. English
// is the source language; a translation carries the hash of the English
// file it was made from.
//
// # The library and its translations
//
// [Layer] lays folders of templates over one another into a [Library],
// the one owner of what a library holds: which files there are (drafts in
// "_" and "." folders skipped, misnamed and duplicate files reported),
// which file a reader of each language is shown, and how far each
// translation is done ([Library.Translation]: translated, stale,
// untranslated, missing, with the review record a translation carries).
// The site builder, lint, handout rendering, the translator's status and
// the command line all ask it; none lists a template folder itself.
//
// # Use
//
// Read a file with [Library.Read] and parse it with worksheet.Parser, or
// build the whole library into a static site with the worksheet/site
// package. A clinic can layer its own folder over this one: a folder with
// the English file replaces the default template of that id; a
// translator's folder of other languages adds them.
//
// # License
//
// The handouts are written for Between and licensed CC BY 4.0, as each
// file's front matter says.
package templates
