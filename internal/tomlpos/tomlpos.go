// Package tomlpos finds where things are in a TOML file a person wrote,
// for errors that name the file and line: the position of a BurntSushi
// TOML decoding error, and the line a key is defined on (BurntSushi's
// MetaData gives no positions for keys, so an unknown key found with
// MetaData.Undecoded needs this to say where it is).
package tomlpos

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/betweensessions/between/diag"
)

// Error turns an error from BurntSushi's decoder into a [diag.Error] for
// the file path with the position it names, its message prefixed by pkg
// (such as "i18n"). A toml.ParseError gives a line and column; a value of
// the wrong type gives the line of its key.
func Error(pkg, path string, err error) *diag.Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return &diag.Error{Pkg: pkg, Path: path, Line: pe.Position.Line, Col: pe.Position.Col, Err: errors.New(pe.Message)}
	}
	msg := strings.TrimPrefix(err.Error(), "toml: ")
	if m := typeErrRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &diag.Error{Pkg: pkg, Path: path, Line: line, Err: fmt.Errorf("%s: %s", m[2], m[3])}
	}
	return &diag.Error{Pkg: pkg, Path: path, Err: errors.New(msg)}
}

// typeErrRE matches BurntSushi's errors for a value of the wrong type.
var typeErrRE = regexp.MustCompile(`^line (\d+) \(last key "(.*)"\): (.*)$`)

// KeyLine returns the 1-based line on which key is defined in the TOML
// source, scanning from line from (1-based); 0 if it cannot be found. A key
// matches an assignment of that key, a table header for it, or the first
// line that defines something inside it.
func KeyLine(src []byte, key []string, from int) int {
	if from < 1 {
		from = 1
	}
	lines := strings.Split(string(src), "\n")
	var table []string
	inMulti := ""
	for i, raw := range lines {
		s := strings.TrimSpace(raw)
		if inMulti != "" {
			if strings.Contains(s, inMulti) {
				inMulti = ""
			}
			continue
		}
		if s == "" || s[0] == '#' {
			continue
		}
		var full []string
		switch {
		case strings.HasPrefix(s, "[["):
			end := strings.Index(s, "]]")
			if end < 0 {
				continue
			}
			table = splitKey(s[2:end])
			full = table
		case s[0] == '[':
			end := strings.LastIndex(s, "]")
			if end < 0 {
				continue
			}
			table = splitKey(s[1:end])
			full = table
		default:
			eq := assignIndex(s)
			if eq < 0 {
				continue
			}
			full = append(append([]string(nil), table...), splitKey(s[:eq])...)
			v := strings.TrimSpace(s[eq+1:])
			for _, q := range []string{`"""`, `'''`} {
				if strings.HasPrefix(v, q) && !strings.Contains(v[3:], q) {
					inMulti = q
				}
			}
		}
		if i+1 >= from && hasPrefix(full, key) {
			return i + 1
		}
	}
	return 0
}

// hasPrefix reports whether key starts with prefix.
func hasPrefix(key, prefix []string) bool {
	if len(key) < len(prefix) {
		return false
	}
	for i := range prefix {
		if key[i] != prefix[i] {
			return false
		}
	}
	return true
}

// assignIndex returns the index of the "=" of a key/value line, outside
// quotes, or -1.
func assignIndex(s string) int {
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '=':
			return i
		}
	}
	return -1
}

// splitKey splits a dotted TOML key, honouring quoted parts.
func splitKey(s string) []string {
	var parts []string
	var cur strings.Builder
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else {
				cur.WriteByte(c)
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '.':
			parts = append(parts, strings.TrimSpace(cur.String()))
			cur.Reset()
		case c == ' ' || c == '\t':
		default:
			cur.WriteByte(c)
		}
	}
	return append(parts, strings.TrimSpace(cur.String()))
}
