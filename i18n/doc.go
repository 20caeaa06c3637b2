// Package i18n holds Between's locales: the UI strings of every language,
// the facts a handout needs about a language and region, and the
// translator's workflow around them.
//
// # Catalogs and locales
//
// A [Catalog] is a set of languages. [Default] returns the embedded ones
// (en, en-US, es, es-ES, es-MX, es-US); [Load] reads a translator's folder,
// which [Catalog.Overlay] lays over the defaults. [Catalog.Locale] finds
// the [Locale] for a BCP 47 tag: es-419 finds es, pt-BR finds pt, and a
// regional locale is never used for another region, because its crisis
// lines would be wrong there.
//
// # UI strings
//
// UI strings are go-i18n message files, active.<lang>.toml (and, in a
// translator's folder, translate.<lang>.toml as "between i18n new" writes
// it). [Locale.Text] executes one with its data; plural forms follow the
// CLDR rules of the language when the data has a "Count". A string missing
// in a language falls back to English, never silently: every fallback is
// recorded, [Catalog.Fallbacks] lists them, and [Catalog.CheckFallbacks]
// turns them into an error for a strict build. Every message is executed
// with one template parser that refuses unknown fields.
//
// A translation is data, not code: a message may hold text, field
// references such as {{.Count}} or {{.Title}}, and conditions on fields
// ({{if .About}}…{{else}}…{{end}}, with and, or and not of fields, nested
// at most four deep), and nothing else Go templates can do — {{range}},
// {{with}}, {{template}}, {{define}}, variables, other functions and
// pipelines are refused when the file is loaded, with its file and line —
// and one form holds at most [MaxMessageLength] bytes, so running a
// message is at most one pass over its text. Every file the package reads is a regular file of at most
// [MaxFileSize] bytes, refused before it is read otherwise (a named pipe
// never blocks).
//
// # Locale facts
//
// Beside the messages, one data file per locale, <tag>.toml, gives the
// language's name, text direction, weekday names and first day of the
// week, paper size, date and clock style, PDF font, readability formula and
// target, and the crisis lines to print. A regional file (es-MX.toml) sets
// only what differs from its language (es.toml). Files are decoded
// strictly: an unknown key or a bad value is a [*FileError] with the file
// and line. FileError is the project's one positioned error type,
// [diag.Error].
//
// # Templates and staleness
//
// A translated template, <id>/<lang>.md, records in its front matter key
// source_hash the templates.SourceHash of the English file it was
// translated from. Package templates owns the comparison:
// templates.Library.Translation says, per template and language, whether
// it is translated, stale, untranslated or missing, and which file to
// show. [Catalog.Status] sums this up per language with the UI strings,
// [Catalog.Scaffold] starts a new language from a library's English
// files, and [Catalog.Check] executes every string with sample data.
//
// # Concurrency
//
// Catalogs and Locales are safe for concurrent use.
package i18n
