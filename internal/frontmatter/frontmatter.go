// Package frontmatter splits a template file into its YAML front matter and
// its Markdown body. It knows nothing about the keys inside the front matter;
// package worksheet decodes them, and package i18n reads the source hash of a
// translation from them.
package frontmatter

import (
	"bytes"
	"errors"
)

// ErrNoFrontMatter reports a file that does not begin with a "---" line.
var ErrNoFrontMatter = errors.New("file does not start with a --- front matter line")

// ErrUnclosed reports front matter whose closing "---" line is missing.
var ErrUnclosed = errors.New("front matter is not closed by a --- line")

// Split returns the front matter (without its delimiter lines), the body, and
// the 1-based line number on which the body starts in src. A UTF-8 byte order
// mark before the first delimiter is skipped. Line endings may be LF or CRLF.
func Split(src []byte) (front, body []byte, bodyLine int, err error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	first, rest, ok := cutLine(src)
	if !ok && len(first) == 0 || !isDelim(first) {
		return nil, nil, 0, ErrNoFrontMatter
	}
	line := 2
	start := len(src) - len(rest)
	pos := start
	for len(rest) > 0 {
		l, next, _ := cutLine(rest)
		if isDelim(l) {
			front = src[start:pos]
			body = next
			return front, body, line + 1, nil
		}
		pos += len(rest) - len(next)
		rest = next
		line++
	}
	return nil, nil, 0, ErrUnclosed
}

// cutLine returns the first line of b without its line ending, the rest after
// it, and whether a line ending was found.
func cutLine(b []byte) (line, rest []byte, found bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return b, nil, false
	}
	return bytes.TrimSuffix(b[:i], []byte("\r")), b[i+1:], true
}

func isDelim(l []byte) bool {
	return string(bytes.TrimRight(l, " \t")) == "---"
}
