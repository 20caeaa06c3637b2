package readability

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file splits client-facing text into sentences and words. The rules
// are written down in doc.go under "Sentences and words".

// hardBreak marks a hard line break inside a segment; it ends a sentence.
const hardBreak = '\u2029'

// lineMark says that the text from byte offset off on is on source line
// line.
type lineMark struct{ off, line int }

// segment is one run of client-facing text: a heading, a paragraph, a
// table cell, a label. Every segment ends a sentence.
type segment struct {
	text  string
	lines []lineMark // at least one, with off 0
	field string     // "title" or "summary" for front matter text
	// fragment marks text that is not running prose: the title, headings,
	// table cells, labels and tracker rows. Fragments are checked like any
	// text but do not count toward the formula (see the package doc).
	fragment bool
}

// lineAt returns the source line of byte offset off.
func (s *segment) lineAt(off int) int {
	line := s.lines[0].line
	for _, m := range s.lines[1:] {
		if m.off > off {
			break
		}
		line = m.line
	}
	return line
}

// word is one word of a sentence as written.
type word struct {
	text string
	line int
	syl  int
}

// sentence is one sentence (or one sentence-like fragment: a heading, a
// list item, a label) with its words.
type sentence struct {
	words    []word
	line     int
	field    string
	fragment bool
}

// isWordRune reports whether r belongs inside a word on its own. A word
// starts with a letter or a digit; combining marks only continue one.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isApostrophe reports whether r is an apostrophe, straight or curly.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// isTerminal reports whether r ends a sentence.
func isTerminal(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…' || r == hardBreak
}

// isOpener reports whether r may start a sentence before its first word.
func isOpener(r rune) bool {
	return strings.ContainsRune("\"'“‘«¿¡([{‹—–-*•", r)
}

// splitSentences splits seg into sentences and appends them to out. abbr
// holds the language's abbreviations, lower-case without the final period.
func splitSentences(out []sentence, seg *segment, abbr map[string]bool) []sentence {
	text := seg.text
	cur := sentence{field: seg.field, fragment: seg.fragment}
	pendingEnd := false // a terminal mark was seen after the last word
	flush := func() {
		if len(cur.words) > 0 {
			out = append(out, cur)
		}
		cur = sentence{field: seg.field, fragment: seg.fragment}
		pendingEnd = false
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if r == hardBreak {
				flush()
			} else if isTerminal(r) {
				pendingEnd = true
			} else if pendingEnd && !unicode.IsSpace(r) && !isOpener(r) && !strings.ContainsRune(`"'”’»)]}`, r) {
				// Other punctuation after a period (a comma, a colon) means
				// the period did not end a sentence.
				pendingEnd = false
			}
			i += size
			continue
		}
		// A word starts here.
		if pendingEnd {
			if !unicode.IsLower(r) {
				flush() // a capital, a digit or a caseless letter starts a new sentence
			}
			pendingEnd = false
		}
		start := i
		end := scanWord(text, i)
		w := text[start:end]
		i = end
		// A period straight after the word: an abbreviation or an initial
		// never ends a sentence.
		if i < len(text) && text[i] == '.' {
			key := strings.ToLower(w)
			if abbr[key] || utf8.RuneCountInString(w) == 1 && unicode.IsLetter(r) {
				i++ // swallow the period
			}
		}
		if len(cur.words) == 0 {
			cur.line = seg.lineAt(start)
		}
		cur.words = append(cur.words, word{text: w, line: seg.lineAt(start)})
	}
	flush()
	return out
}

// scanWord returns the end of the word that starts at text[i]. Inside a
// word, an apostrophe or a hyphen between letters, and a period or comma
// between digits (6.5, 1,000) or between single letters (e.g, U.S), are
// part of the word.
func scanWord(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += size
			continue
		}
		if i+size >= len(text) {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[i+size:])
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case (isApostrophe(r) || r == '-') && unicode.IsLetter(prev) && isWordRune(next):
		case (r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next):
		case r == '.' && unicode.IsLetter(prev) && unicode.IsLetter(next) && singleLetterBefore(text, i):
		default:
			return i
		}
		i += size
	}
	return i
}

// singleLetterBefore reports whether the letter just before text[i] is a
// word on its own or follows a period ("e" in "e.g", "g" in "e.g").
func singleLetterBefore(text string, i int) bool {
	_, size := utf8.DecodeLastRuneInString(text[:i])
	j := i - size
	if j == 0 {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(text[:j])
	return !isWordRune(before) || before == '.'
}

// isNumber reports whether w is written with digits only (and the
// separators scanWord allows in numbers).
func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '.' && r != ',' {
			return false
		}
	}
	return true
}

// numberSyllables estimates the spoken length of a number written in
// digits: one syllable per digit ("500" reads "five hundred").
func numberSyllables(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsDigit(r) {
			n++
		}
	}
	if strings.ContainsAny(w, ".,") {
		n++ // "point", "coma"
	}
	return n
}

// isAllCaps reports whether w has at least two letters and no lower-case
// letter.
func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// letterCount returns the number of letters in w.
func letterCount(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// stripAccent maps an accented Latin letter to its base letter, lower-case.
// Other runes are returned unchanged.
func stripAccent(r rune) rune {
	switch unicode.ToLower(r) {
	case 'á', 'à', 'â', 'ä', 'ã', 'å':
		return 'a'
	case 'é', 'è', 'ê', 'ë':
		return 'e'
	case 'í', 'ì', 'î', 'ï':
		return 'i'
	case 'ó', 'ò', 'ô', 'ö', 'õ':
		return 'o'
	case 'ú', 'ù', 'û', 'ü':
		return 'u'
	case 'ñ':
		return 'n'
	case 'ç':
		return 'c'
	}
	return r
}

// fold lower-cases w and strips Latin accents, for matching against
// word lists.
func fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf || (w[i] >= 'A' && w[i] <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		if isApostrophe(r) {
			b.WriteByte('\'')
			continue
		}
		b.WriteRune(stripAccent(unicode.ToLower(r)))
	}
	return b.String()
}
