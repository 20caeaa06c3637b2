package i18n

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/betweensessions/between/diag"
)

// FileError is a mistake in a file a person wrote: a message file, a locale
// data file or a template. It is the project's one positioned error type,
// [diag.Error], under the name this package has always used: Pkg is
// "i18n", Line and Col are 1-based and 0 when unknown, and Err holds the
// message.
type FileError = diag.Error

// pkg is the package name that starts every error message.
const pkg = "i18n"

// tomlError turns a BurntSushi TOML error into a FileError with the
// position it names.
func tomlError(path string, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return &FileError{Pkg: pkg, Path: path, Line: pe.Position.Line, Col: pe.Position.Col, Err: errors.New(pe.Message)}
	}
	msg := strings.TrimPrefix(err.Error(), "toml: ")
	if m := typeErrRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &FileError{Pkg: pkg, Path: path, Line: line, Err: fmt.Errorf("%s: %s", m[2], m[3])}
	}
	return &FileError{Pkg: pkg, Path: path, Err: errors.New(msg)}
}

// typeErrRE matches BurntSushi's errors for a value of the wrong type.
var typeErrRE = regexp.MustCompile(`^line (\d+) \(last key "(.*)"\): (.*)$`)

// keyLine returns the 1-based line on which key is defined in the TOML
// source, scanning from line from (1-based); 0 if it cannot be found. A key
// matches an assignment of that key, a table header for it, or the first
// line that defines something inside it.
func keyLine(src []byte, key []string, from int) int {
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
