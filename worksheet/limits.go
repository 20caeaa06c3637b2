package worksheet

import (
	"fmt"
	"math"

	"github.com/betweensessions/between/templates"
)

// This file holds the limits Parse checks before any Markdown is parsed.

// Limits on a template file. Parse checks them before the Markdown is
// parsed, so that a mistaken or hostile file is refused in milliseconds
// with a clear error instead of costing seconds and gigabytes: the
// Markdown parser takes time that grows faster than the input on long
// lines and on deep nesting. Each limit is far above what a handout needs.
const (
	// MaxFileSize is the largest template file, in bytes: 256 KiB, some
	// forty times the largest shipped template. It is
	// templates.MaxFileSize, the limit the template library reads with.
	MaxFileSize = templates.MaxFileSize
	// MaxLineLength is the longest line, in bytes without its line ending:
	// 4 KiB, some twenty-five times the longest shipped line.
	MaxLineLength = 4 << 10
	// MaxNesting is how deep lists and block quotes may nest, counting
	// each list and each quote as one level. Deeper content would no longer
	// fit across a printed page.
	MaxNesting = 20
)

// tooLarge is the error for a file of size bytes, over MaxFileSize; a
// size below 0 means the file was not read to its end.
func tooLarge(name string, size int64) *Error {
	what := formatSize(size)
	if size < 0 {
		what = "over " + formatSize(MaxFileSize)
	}
	return &Error{Pkg: pkg, Path: name, Msg: fmt.Sprintf("the file is too large: %s; a template may be at most %s", what, formatSize(MaxFileSize))}
}

// formatSize gives n bytes for a person: "4097 bytes", "4 KB", "12.5 KB",
// "50.0 MB" (a KB is 1024 bytes). Fractions are rounded up, so that a size
// just over a limit never reads as the limit itself.
func formatSize(n int64) string {
	ceil := func(unit float64) float64 { return math.Ceil(float64(n)*10/unit) / 10 }
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", ceil(1<<20))
	case n%(1<<10) == 0 && n > 0:
		return fmt.Sprintf("%d KB", n>>10)
	case n >= 10<<10:
		return fmt.Sprintf("%.1f KB", ceil(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// checkLineLengths reports every line longer than MaxLineLength, at the
// first byte past the limit. It returns true when there is none.
func (s *state) checkLineLengths() bool {
	ok := true
	for n := 1; n <= len(s.lineStarts); n++ {
		if l := len(s.line(n)); l > MaxLineLength {
			s.errPos(n, MaxLineLength+1, fmt.Sprintf("the line is too long: %s; split it (a line may be at most %s)", formatSize(int64(l)), formatSize(MaxLineLength)))
			ok = false
		}
	}
	return ok
}

// checkNesting reports every body line, from the file line first on,
// that starts with more than MaxNesting list or quote markers, at the
// first marker past the limit, or that is indented more than maxIndent
// columns, at its first character. Nesting built up over several lines is
// checked on the parsed document; the indentation limit keeps the
// Markdown parser from going deeper than a few levels past MaxNesting
// first. It returns true when no line is refused.
func (s *state) checkNesting(first int) bool {
	ok := true
	for n := first; n <= len(s.lineStarts); n++ {
		line := s.line(n)
		if i := deepMarker(line); i >= 0 {
			s.errPos(n, i+1, msgTooDeep())
			ok = false
		} else if w, i := indentWidth(line); w > maxIndent && i < len(line) {
			s.errPos(n, i+1, fmt.Sprintf("the line is indented %d columns; lists and quotes may nest at most %d deep, which needs at most %d", w, MaxNesting, maxIndent))
			ok = false
		}
	}
	return ok
}

// maxIndent is the most columns a body line may be indented: five for each
// level of nesting, enough for a list item numbered "10." and one space,
// and four more for an indented code block.
const maxIndent = 5*MaxNesting + 4

// indentWidth returns the width in columns of the spaces and tabs at the
// start of line, a tab reaching the next multiple of four, and the offset
// of the first other byte.
func indentWidth(line []byte) (width, off int) {
	for off < len(line) {
		switch line[off] {
		case ' ':
			width++
		case '\t':
			width += 4 - width%4
		default:
			return width, off
		}
		off++
	}
	return width, off
}

// msgTooDeep is the error for lists and quotes nested past MaxNesting.
func msgTooDeep() string {
	return fmt.Sprintf("lists and quotes nest more than %d deep here; they may nest at most %d deep", MaxNesting, MaxNesting)
}

// deepMarker returns the offset of the list or quote marker at the start
// of line that opens nesting level MaxNesting+1, or -1 if line opens no
// more than MaxNesting. It counts "-", "*" and "+" bullets, "1." and "1)"
// numbers, and ">", each before a space, a tab or the end of the line. A
// thematic break such as "- - -" is not a run of bullets.
func deepMarker(line []byte) int {
	if isBreak(line) {
		return -1
	}
	depth := 0
	for i := 0; i < len(line); {
		if line[i] == ' ' || line[i] == '\t' {
			i++
			continue
		}
		end := i
		switch c := line[i]; {
		case c == '>':
			end = i + 1
		case c == '-' || c == '*' || c == '+':
			end = i + 1
			if end < len(line) && line[end] != ' ' && line[end] != '\t' {
				return -1
			}
		case '0' <= c && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && '0' <= line[j] && line[j] <= '9' {
				j++
			}
			if j == len(line) || line[j] != '.' && line[j] != ')' ||
				j+1 < len(line) && line[j+1] != ' ' && line[j+1] != '\t' {
				return -1
			}
			end = j + 1
		default:
			return -1
		}
		if depth++; depth > MaxNesting {
			return i
		}
		i = end
	}
	return -1
}

// isBreak reports whether line holds only one of '-', '*' or '_' (at
// least once) and spaces or tabs, as a thematic break does.
func isBreak(line []byte) bool {
	var mark byte
	for _, c := range line {
		switch {
		case c == ' ' || c == '\t':
		case mark == 0 && (c == '-' || c == '*' || c == '_'):
			mark = c
		case c != mark:
			return false
		}
	}
	return mark != 0
}
