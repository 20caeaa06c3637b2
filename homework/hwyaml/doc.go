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
// Every problem is a [*diag.Error], several in a [diag.List], reading
// "hwyaml: <name>:<line>:<col>: <message>", where name is the name passed
// in (usually a file name). The decoding is the project's one YAML
// decoder, internal/yamlpos: syntax errors, unknown and duplicate keys,
// values of the wrong type, numbers out of range (minutes: 1e9 is not a
// whole number; no number may pass 1,000,000,000) and aliases (*name,
// refused so that a small record cannot expand into a huge one) are each
// reported at their line and column, and a null (~) is a missing value.
//
// A record holds a client's words, so errors never repeat a value from
// the input, nor a line of it, nor an unknown key unless it is a near miss
// of a known one ("rationle"): they name the field path ("task.minutes")
// and the place.
//
// # Limits
//
// At most [MaxSize] bytes are read; a larger record is refused before it
// is decoded.
//
// # Concurrency
//
// The functions keep no state and are safe for concurrent use.
package hwyaml
