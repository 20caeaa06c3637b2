// Package lint checks a library of handout templates before it is built:
// every file of every language, for everything that would break the build,
// hide a problem from the reader, or let a translation drift.
//
// [Run] is the whole package. `between lint` is a thin command over it, and
// the same [Result] can feed a live preview or the site's library index
// (each [File] carries its [Reading]: the measured reading level).
//
// # Checks
//
// For each template file (<id>/<lang>.md in the layered [Options.Sources]):
//
//   - Encoding: the file must be valid UTF-8 without NUL bytes ([Encoding]).
//   - Parse: everything [worksheet.Parser] rejects — front matter keys and
//     values, directives, params, links, raw HTML, the file name and the
//     id. Every problem of the file is kept, each with its line and column
//     ([Parse]).
//   - Translation: a file in another language than English is compared with
//     the English file beside it through its source_hash, as
//     [templates.Library.Translation] tells it: [Stale], [Untranslated], or
//     [NoSource] when there is no English file. A language that other templates of the library
//     have but this one lacks is reported as [Missing], on an Absent file.
//   - Readability: the analyser of package readability measures the
//     client-facing text against the target of the language's locale. Its
//     findings keep their own code behind [ReadabilityPrefix] and its
//     severity (a score past the target is a warning).
//   - Readability override: front matter may set the template's own target,
//     with a reason ([worksheet.ReadabilityTarget]). A target without a
//     reason, or without a positive value, is an error; a valid one is an
//     info finding that shows the reason ([Override]).
//   - Glyphs: when [Options.PDF] is set, every character the locale's PDF
//     font cannot draw is an error, named as U+XXXX with the character and
//     placed at its first use in the file ([Glyph]).
//   - Locale: a language the catalog has no locale for is a warning
//     ([Locale]); its readability has no target.
//
// # Severities
//
// [Error] means the handout cannot be built as written; [Warning] should be
// fixed before it ships; [Info] is worth a look. [Result.Failed] is true on
// any error, and on any warning when [Options.Strict] is set.
//
// # Layering
//
// Sources are layered by [templates.Layer], as package site layers them: a
// later source's folder that has the English file replaces every language
// of that id from earlier sources; one without it adds its languages.
// Folders and files whose names begin with "." or "_" are skipped, the
// way a go:embed directive skips them; files other than <id>/<lang>.md
// are ignored. Two files of one folder that name the same language (en.md and
// EN.md, or the alias eng.md) are both linted, and both carry a
// [Duplicate] error naming the other.
//
// # Concurrency
//
// Run may be called from many goroutines at once; it shares only the
// catalog and the PDF renderer, which are safe for concurrent use.
package lint
