// Package worksheet reads therapy-homework templates and holds them as a
// small document model that every output — HTML, PDF, a readability report,
// a portal's own form, JSON for a mobile app — walks.
//
// # Templates
//
// A template is one Markdown file per language, templates/<id>/<lang>.md:
// YAML front matter (decoded into [Meta]) followed by a CommonMark body with
// GFM tables and task lists and a few worksheet additions: "___" blanks,
// "{{name}}" personalisation slots, and directive lines that start with
// ":::" ("::: lines 3", "::: scale 0 10 How strong?", "::: tracker Mood |
// Sleep", "::: part", "::: crisis"). docs/template-format.md in the
// repository describes the format in full, with every error message.
//
// # Parse once, render many
//
// Build one [Parser] with [NewParser] and call [Parser.Parse] or
// [Parser.ParseFS] for each file. Each call parses the file once into a
// [Worksheet]: the typed front matter plus the body as []Block. Renderers
// take the *Worksheet and never parse again, so one parse feeds the
// standard and large-print HTML, both PDFs and the readability analysis.
//
// # The model
//
// [Block] is one of *[Heading], *[Paragraph], *[List], *[Table], *[Quote],
// *[CodeBlock], *[Rule], *[Lines], *[Scale], *[Tracker], *[Part] or
// *[Crisis]; [Inline] is one of *[Text], *[Emphasis], *[Code], *[Link],
// *[Blank], *[Slot] or *[Break]. Both sets are closed: switch on the
// concrete type, and return an error for a type you do not know rather than
// dropping content. The Markdown library the parser uses internally never
// appears in the model. Text is final: escapes and entities are resolved.
// Every block carries its [Pos] in the source file. Blocks after a
// "::: part" line are grouped into a [Part] that knows its number and the
// total. The model marshals to JSON with a "type" field on every node.
//
// # Errors
//
// Parse reports every problem it finds in a file at once, as an [ErrorList]
// of [*Error] values in source order, each with the file, line and column,
// the offending source line (at most 200 bytes of it, around the column),
// and a message that says what was expected:
//
//	worksheet: sleep-routine/es.md:14:5: unknown directive "line" (did you mean "lines"?)
//
// Error is the project's one positioned error type, [diag.Error], so the
// same [errors.As] finds the place of a mistake in a template, a locale
// file or a homework record.
//
// A file with any error yields no Worksheet, so a broken template can never
// be rendered by accident.
//
// # Limits
//
// The Markdown parser takes time that grows faster than its input on long
// lines and deep nesting, so Parse refuses, before any Markdown is parsed:
//
//   - a file larger than [MaxFileSize] (256 KiB; [Parser.ParseFS] never
//     reads more than one byte past it);
//   - a line longer than [MaxLineLength] (4 KiB);
//   - a body line that starts with more than [MaxNesting] (20) list or
//     quote markers, or that is indented more than 104 columns.
//
// Lists and quotes nested deeper than MaxNesting over several lines are
// refused too, as are a tracker with more than 30 rows and a handout with
// more than 12 parts. Each limit is far above what a handout needs: the
// largest shipped template is about 6 KB. With them, parsing any file takes
// at most a couple of seconds, and a few milliseconds for one that breaks a
// limit. docs/template-format.md lists every limit.
//
// # Trust
//
// Templates are treated as untrusted text. Raw HTML, images, strikethrough
// and links with a dangerous scheme (javascript:, data: and the like) are
// errors and never reach the model. Slots are looked up by name only:
// "{{...}}" holding anything but a declared name is an error, and nothing
// in a template is ever executed. The front matter's clinician notes are
// for the clinician and for documentation; renderers of the client's
// handout must not print them. No function in this package does network
// or file I/O beyond the fs.FS it is given, and errors quote template text,
// never a client's personalised values.
//
// # Concurrency
//
// A Parser is safe for concurrent use by multiple goroutines; share one.
// A Worksheet is never changed after Parse returns and may be rendered from
// many goroutines at once.
package worksheet
