// Package diag holds the one error type for a mistake in a file a person
// wrote — a template, a locale file, a message file, a homework record —
// with the place of the mistake: the file's path, a 1-based line and
// column, a message and, when known, the source line to show under a
// caret.
//
// Every package of Between that reads a person's file returns its
// problems as [*Error] values, alone or in a [List], so that one
// [errors.As] recovers the position whatever the package:
//
//	var e *diag.Error
//	if errors.As(err, &e) {
//		fmt.Printf("%s line %d column %d: %s\n", e.Path, e.Line, e.Col, e.Msg)
//		fmt.Println(e.Caret())
//	}
//
// errors.As finds the first *Error of a [List] too, since a List unwraps
// into its errors; range over the List itself for all of them.
//
// The type follows BurntSushi/toml's ParseError and go/scanner's Error: a
// one-line Error() for logs, and [Error.Caret] for the person who must fix
// the file.
//
// # Client text
//
// A message names files, lines, fields and ids, never the words a person
// wrote about a client: the packages that build an Error keep a record's
// values out of Msg, and a line of a record is never put in Src.
package diag
