// Package yamlpos is the project's one reader of YAML written by people —
// a template's front matter, a homework record — with positions: every
// problem is a [diag.Error] naming the file, the 1-based line and the
// 1-based byte column in the file (not in the YAML text), so front matter
// that starts on line 2 of a template is reported on the template's own
// lines.
//
// [File.Parse] reads the text into a [Doc]; [Doc.Decode] decodes it
// strictly into a Go value by walking the YAML beside the Go type, so that
// every kind of mistake has a place:
//
//   - syntax: the line yaml.v3 names, corrected where its parser counts
//     from 0, then narrowed to the first line and column at which the
//     text as written so far can no longer be read;
//   - an unknown key (yaml.v3's KnownFields does nothing for a yaml.Node,
//     so strictness lives here): at the key;
//   - a duplicate key: at the second one;
//   - a value of the wrong type, a number out of range ([MaxNumber]), a
//     float where a whole number is wanted (minutes: 1e9), a value its
//     type's UnmarshalText refuses: at the value;
//   - an alias (*name): at the alias. Aliases are refused everywhere, so
//     that a small text cannot expand into a huge value ("billion laughs");
//     nobody writing a handout or a record needs one.
//
// Missing required values are for the caller to check, with [Doc.Missing]
// (absent, null "~" or blank: a null is missing) and [Doc.Value] for the
// place.
//
// # Client text
//
// A record holds a client's words in its values and, when mistyped, in its
// keys. Messages name field paths ("task.minutes") and lines, never a
// value. Unless [File.NoClientText] is set, no line is quoted and an unknown
// key is named only when it is a near miss of a known key (a typo such as
// "rationle"), otherwise called "an unknown key". With NoClientText (a
// template's front matter), the offending line is quoted under a caret and
// an unknown key is named when it is a short identifier-like word.
package yamlpos
