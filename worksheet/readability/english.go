package readability

import (
	"strings"
)

// This file holds the English syllable counter: an exception dictionary
// (data/syllables.en.txt) in front of spelling rules.

// syllables counts the syllables of one English word. The word may
// carry capitals, apostrophes and hyphens; a hyphenated compound counts as
// the sum of its parts. A word with no letters counts as 0.
func (e *english) syllables(word string) int {
	if strings.ContainsRune(word, '.') {
		// A dotted initialism (T.V., U.S.) is read letter by letter.
		n := 0
		for _, r := range word {
			switch {
			case r == 'w' || r == 'W':
				n += 3
			case r != '.':
				n++
			}
		}
		return n
	}
	if strings.ContainsRune(word, '-') {
		n := 0
		for part := range strings.SplitSeq(word, "-") {
			n += e.syllables(part)
		}
		return n
	}
	w := foldASCII(word)
	if w == "" {
		return 0
	}
	if strings.HasSuffix(word, "é") && len(w) > 1 {
		return e.count(w[:len(w)-1]) + 1 // café, résumé: the é is spoken
	}
	// Contractions: "'s", "'ll", "'re", "'ve", "'d" and "'m" add no
	// syllable; "n't" adds one after a consonant (did-n't, is-n't) and
	// none after a vowel (don't, can't, won't).
	if i := strings.IndexByte(w, '\''); i >= 0 {
		base, tail := w[:i], w[i+1:]
		if tail == "t" && strings.HasSuffix(base, "n") && len(base) > 1 {
			stem := base[:len(base)-1]
			if !isVowelByte(stem[len(stem)-1]) {
				return e.count(stem) + 1
			}
			return e.count(base)
		}
		switch tail {
		case "s", "ll", "re", "ve", "d", "m":
			return e.count(base)
		}
		return e.count(base) + e.count(tail) // o'clock, ma'am
	}
	return e.count(w)
}

// count counts the syllables of a lower-case ASCII word without
// apostrophes or hyphens.
func (e *english) count(w string) int {
	if w == "" {
		return 0
	}
	if n, ok := e.exceptions[w]; ok {
		return n
	}
	// A plural or third-person "-s" adds no syllable to a word in the
	// dictionary (ideas, colleagues, creates).
	if len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' {
		if n, ok := e.exceptions[w[:len(w)-1]]; ok {
			return n
		}
	}
	return englishRules(w)
}

// isVowelByte reports whether b is one of a, e, i, o, u or y.
func isVowelByte(b byte) bool {
	switch b {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// englishRules counts syllables by spelling: one per vowel group, less
// silent endings, plus the vowel pairs that are spoken as two.
func englishRules(w string) int {
	if n, ok := compound(w); ok {
		return n
	}
	// Suffixes that keep a stem's silent e silent: care-ful, hope-less,
	// state-ment, like-ness, safe-ly.
	for _, s := range stemSuffixes {
		if len(w) > len(s.suffix)+2 && strings.HasSuffix(w, s.suffix) {
			stem := w[:len(w)-len(s.suffix)]
			if silentE(stem) {
				return englishRules(stem) + s.add
			}
		}
	}

	n := 0
	prevVowel := false
	for i := 0; i < len(w); i++ {
		v := isVowelByte(w[i])
		switch {
		case w[i] == 'y' && i > 0 && i+1 < len(w) && w[i+1] == 'i' && !isVowelByte(w[i-1]):
			// copy-ing, try-ing: y and i are two syllables.
			n++
			prevVowel = false
			continue
		case w[i] == 'y' && i+1 < len(w) && isVowelByte(w[i+1]) && w[i+1] != 'y' && !silentTail(w[i+1:]):
			// "y" before a vowel is a consonant: yes, beyond, saying;
			// but not before a silent ending: played, eyes.
			v = false
		}
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}

	// Silent endings.
	last := len(w) - 1
	switch {
	case w[last] == 'e' && len(w) > 2:
		if !isVowelByte(w[last-1]) && !syllabicLe(w, last-1) {
			n-- // make, time, whole; but table, little keep -le
		}
	case strings.HasSuffix(w, "es") && len(w) > 3:
		p := w[last-2]
		switch {
		case isVowelByte(p), syllabicLe(w, last-2):
			// goes, tries, tables
		case p == 's' || p == 'x' || p == 'z' || p == 'c' || p == 'g':
			// boxes, pieces, changes: "-es" is a syllable
		case p == 'h' && (w[last-3] == 'c' || w[last-3] == 's'):
			// matches, wishes
		default:
			n-- // makes, times
		}
	case strings.HasSuffix(w, "ed") && len(w) > 3:
		p := w[last-2]
		if p != 't' && p != 'd' && !isVowelByte(p) && !syllabicLe(w, last-2) {
			n-- // liked, helped; but wanted, needed, puzzled
		}
	}

	// Vowel pairs usually spoken as two syllables.
	for i := 0; i+1 < len(w); i++ {
		if twoSyllablePair(w, i) {
			n++
		}
	}
	switch {
	case strings.HasSuffix(w, "ism") || strings.HasSuffix(w, "isms"):
		n++ // real-ism
	case len(w) > 5 && (strings.HasSuffix(w, "ier") || strings.HasSuffix(w, "iest") || strings.HasSuffix(w, "iers")):
		n++ // happi-er, easi-est
	}
	if strings.HasPrefix(w, "mc") {
		n++
	}
	if len(w) >= 5 && (strings.HasPrefix(w, "reu") || strings.HasPrefix(w, "rei") || strings.HasPrefix(w, "reo")) && !strings.HasPrefix(w, "reig") {
		n++ // re-use, re-in-force, re-o-pen
	}
	if strings.HasSuffix(w, "ically") || strings.HasSuffix(w, "que") && len(w) > 4 {
		n-- // typi-cally, u-nique: one syllable fewer than spelled
	}
	if i := strings.LastIndex(w, "ire"); i > 0 && len(w) > 3 && (w[i:] == "ire" || w[i:] == "ires" || w[i:] == "ired") &&
		(!isVowelByte(w[i-1]) || (w[i-1] == 'u' && i > 1 && w[i-2] == 'q')) {
		n++ // fi-re, de-si-re, en-ti-re: the r is a syllable of its own
	}
	if n < 1 {
		n = 1
	}
	return n
}

// silentTail reports whether s is an ending whose e is silent after y
// (pla-yed, e-yes, bu-ye).
func silentTail(s string) bool {
	return s == "e" || s == "ed" || s == "es"
}

// stemSuffixes are the suffixes counted on their stem by englishRules.
var stemSuffixes = []struct {
	suffix string
	add    int
}{
	{"fully", 2}, {"ness", 1}, {"less", 1}, {"ful", 1}, {"ments", 1}, {"ment", 1}, {"ly", 1}, {"ty", 1},
}

// silentE reports whether s ends in a silent e after a consonant (care,
// hope, state, change, announce); not the spoken -le and -re of table and
// acre.
func silentE(s string) bool {
	n := len(s)
	if n < 3 || s[n-1] != 'e' || isVowelByte(s[n-2]) || syllabicLe(s, n-2) {
		return false
	}
	if s[n-2] == 'r' && !isVowelByte(s[n-3]) {
		return false // acre, incre-ment
	}
	return hasVowel(s[:n-2])
}

// syllabicLe reports whether w[i] is the l of a spoken "-le" ending after a
// consonant (table, little, puzzle, uncle).
func syllabicLe(w string, i int) bool {
	if i < 1 || w[i] != 'l' {
		return false
	}
	switch w[i-1] {
	case 'b', 'c', 'd', 'f', 'g', 'k', 'p', 's', 't', 'z':
		return true
	}
	return false
}

// twoSyllablePair reports whether the vowels at w[i] and w[i+1] belong to
// two syllables: pi-a-no, ra-di-o, me-di-um, u-su-al, flu-ent, qui-et,
// au-di-ence, be-ing, go-ing.
func twoSyllablePair(w string, i int) bool {
	a, b := w[i], w[i+1]
	var prev byte
	if i > 0 {
		prev = w[i-1]
	}
	rest := w[i+2:]
	switch {
	case a == 'i' && b == 'a':
		if strings.HasPrefix(rest, "te") || strings.HasPrefix(rest, "ti") {
			return true // appreci-ate, associ-ation
		}
		// -cial, -tial, -sian, -gian, -llian, -ilia and -iage are one
		// syllable.
		if prev == 'l' && i > 1 && (w[i-2] == 'l' || w[i-2] == 'i') {
			return false
		}
		return !strings.ContainsRune("ctsg", rune(prev)) && !strings.HasPrefix(rest, "ge")
	case a == 'i' && b == 'o':
		// -tion, -sion, -cious, -gion, -xion, -shion, -llion, -nion, -vior.
		if strings.ContainsRune("ctsgxhn", rune(prev)) || (prev == 'v' && strings.HasPrefix(rest, "r")) {
			return false
		}
		return !(prev == 'l' && i > 1 && w[i-2] == 'l')
	case a == 'i' && b == 'u':
		return true
	case a == 'u' && b == 'a':
		return prev != 'q' && prev != 'g'
	case a == 'u' && b == 'e':
		// flu-ent, cru-el, fu-el; not blue, true, issues, guess.
		return prev != 'q' && prev != 'g' && rest != "" && rest != "s" && rest != "d" && rest[0] != 's'
	case a == 'i' && b == 'e':
		switch {
		case strings.HasPrefix(rest, "t"):
			return true // qui-et, di-et, soci-e-ty
		case strings.HasPrefix(rest, "n"):
			// audi-ence, cli-ent; not pa-tient, an-cient, conve-nient, friend.
			return prev != 'c' && prev != 't' && prev != 'n' && !(prev == 'r' && i > 1 && w[i-2] == 'f')
		}
		return false
	case a == 'e' && b == 'o' && strings.HasPrefix(rest, "u"):
		return prev != 'c' && prev != 'g' // errone-ous, but gorgeous
	case isVowelByte(a) && a != 'y' && b == 'i' && rest == "ng", isVowelByte(a) && a != 'y' && b == 'i' && rest == "ngs":
		return true // be-ing, go-ing, do-ing
	}
	return false
}

// compound splits words that begin with a common word ending in a silent e
// (some-thing, home-work, every-thing, there-fore) and counts the parts.
func compound(w string) (int, bool) {
	for _, p := range compoundHeads {
		if len(w) >= len(p.head)+3 && strings.HasPrefix(w, p.head) {
			rest := w[len(p.head):]
			if !isVowelByte(rest[0]) && hasVowel(rest) {
				return p.n + englishRules(rest), true
			}
		}
	}
	return 0, false
}

// compoundHeads are the first parts recognised by compound.
var compoundHeads = []struct {
	head string
	n    int
}{
	{"some", 1}, {"home", 1}, {"life", 1}, {"time", 1}, {"care", 1}, {"safe", 1}, {"hope", 1},
	{"whole", 1}, {"name", 1}, {"same", 1}, {"love", 1}, {"base", 1}, {"side", 1}, {"like", 1},
	{"more", 1}, {"where", 1}, {"there", 1}, {"here", 1}, {"every", 2}, {"none", 1},
	{"note", 1}, {"face", 1}, {"house", 1}, {"whose", 1}, {"else", 1}, {"guide", 1}, {"frame", 1},
	{"trade", 1}, {"game", 1}, {"state", 1}, {"place", 1}, {"space", 1}, {"make", 1}, {"take", 1},
}

// hasVowel reports whether s holds a vowel letter.
func hasVowel(s string) bool {
	for i := 0; i < len(s); i++ {
		if isVowelByte(s[i]) {
			return true
		}
	}
	return false
}

// foldASCII lower-cases w and maps curly apostrophes to "'", dropping any
// other character that is not an ASCII letter or an apostrophe. Accented
// Latin letters lose their accent (café, naïve).
func foldASCII(w string) string {
	clean := true
	for i := 0; i < len(w) && clean; i++ {
		clean = w[i] >= 'a' && w[i] <= 'z' || w[i] == '\''
	}
	if clean {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + ('a' - 'A'))
		case r == '\'' || r == '’' || r == 'ʼ':
			b.WriteByte('\'')
		default:
			if f := stripAccent(r); f != r {
				b.WriteRune(f)
			}
		}
	}
	return b.String()
}
