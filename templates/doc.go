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
// # Use
//
// Parse a template with worksheet.Parser.ParseFS, or build the whole
// library into a static site with the worksheet/site package. A clinic can
// layer its own folder (os.DirFS) over this one: a template with the same
// id replaces the default one.
//
// # License
//
// The handouts are written for Between and licensed CC BY 4.0, as each
// file's front matter says.
package templates
