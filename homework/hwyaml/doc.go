// Package hwyaml reads and writes [homework] records as YAML.
//
// Package homework uses only the standard library; its types carry yaml
// struct tags with the same snake_case names as their JSON tags, and this
// package supplies the decoder. Decoding is strict: a field the type does not
// have is an error naming the field and its line, and so is a value an enum
// does not accept. Decoded records are then checked with their Validate
// method, so impossible values (7 of 5 days, a PHQ-9 with 8 items) are
// refused too. Completeness is not checked: a draft decodes fine, and its
// Check method lists what is missing.
//
// # Errors
//
// Errors read "hwyaml: <name>:<line>: <message>", where name is the name
// passed in (usually a file name). They never repeat a value from the input:
// the YAML parser's quoted values are removed, since they may be clinical
// text.
//
// # Concurrency
//
// The functions keep no state and are safe for concurrent use.
package hwyaml
