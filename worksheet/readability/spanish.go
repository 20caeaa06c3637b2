package readability

import (
	"strings"
	"unicode"
)

// This file holds Spanish syllabification by the spelling rules of the
// language (not by hyphenation patterns).

// sound is one spoken unit of a Spanish word: a vowel or a consonant,
// where ch, ll, rr, and the qu and gu of que/qui/gue/gui, are one
// consonant each.
type sound struct {
	text   string
	vowel  bool
	strong bool // a, e, o, and an accented í or ú
}

// spanishSounds splits a lower-case word into sounds.
func spanishSounds(w []rune) []sound {
	out := make([]sound, 0, len(w))
	for i := 0; i < len(w); i++ {
		r := w[i]
		next := rune(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		after := rune(0)
		if i+2 < len(w) {
			after = w[i+2]
		}
		switch {
		case (r == 'c' && next == 'h') || (r == 'l' && next == 'l') || (r == 'r' && next == 'r'):
			out = append(out, sound{text: string([]rune{r, next})})
			i++
		case (r == 'q' || r == 'g') && next == 'u' && isFrontVowel(after):
			// The u of que, qui, gue, gui is silent (guerra, quiero);
			// güe and güi write it with a diaeresis instead.
			out = append(out, sound{text: string([]rune{r, next})})
			i++
		case r == 'y':
			// y is a vowel at the end of a word or before a consonant
			// (hoy, muy, Uruguay) and a consonant before a vowel (yo, mayo).
			if isSpanishVowel(next) {
				out = append(out, sound{text: "y"})
			} else {
				out = append(out, sound{text: "y", vowel: true})
			}
		case isSpanishVowel(r):
			strong := strings.ContainsRune("aeoáéóíúàèòìù", r)
			out = append(out, sound{text: string(r), vowel: true, strong: strong})
		default:
			out = append(out, sound{text: string(r)})
		}
	}
	return out
}

// isSpanishVowel reports whether r is a Spanish vowel letter (y is decided
// by position in spanishSounds).
func isSpanishVowel(r rune) bool {
	return strings.ContainsRune("aeiouáéíóúüàèìòù", r)
}

// isFrontVowel reports whether r is e or i, with or without an accent.
func isFrontVowel(r rune) bool {
	return strings.ContainsRune("eiéí", r)
}

// inseparable reports whether the consonant pair a+b starts a syllable
// together and is never split: pr, br, tr, dr, cr, gr, fr, kr, pl, bl,
// cl, gl, fl, kl.
func inseparable(a, b string) bool {
	switch b {
	case "r":
		return strings.Contains("pbtdcgfk", a) && len(a) == 1
	case "l":
		return strings.Contains("pbcgfk", a) && len(a) == 1
	}
	return false
}

// Syllabify splits one Spanish word into its syllables by the spelling
// rules: vowels are grouped into diphthongs and triphthongs unless two
// strong vowels meet or a weak vowel carries an accent (hiatus); a single
// consonant between vowels starts the next syllable; of two, the second
// does, unless they form an inseparable pair such as "pr" or "bl"; ch, ll
// and rr are single consonants. The silent u of que, qui, gue and gui
// makes no syllable; ü does (pin-güi-no). The word is lower-cased; any
// character that is not a letter is dropped. Syllabify("perro") is
// ["pe" "rro"].
func Syllabify(word string) []string {
	w := make([]rune, 0, len(word))
	for _, r := range word {
		if unicode.IsLetter(r) {
			w = append(w, unicode.ToLower(r))
		}
	}
	if len(w) == 0 {
		return nil
	}
	snd := spanishSounds(w)

	// Find the nuclei: maximal runs of vowels, split wherever two strong
	// vowels meet or the same weak vowel is doubled (chi-i-ta).
	type nucleus struct{ start, end int } // sound indexes, end exclusive
	var nuclei []nucleus
	for i := 0; i < len(snd); {
		if !snd[i].vowel {
			i++
			continue
		}
		start := i
		for i+1 < len(snd) && snd[i+1].vowel && !(snd[i].strong && snd[i+1].strong) && snd[i].text != snd[i+1].text {
			i++
		}
		i++
		nuclei = append(nuclei, nucleus{start, i})
	}
	if len(nuclei) == 0 {
		return []string{string(w)}
	}

	// Decide where each syllable starts: between two nuclei with k
	// consonants between them, the last one or the last two (an
	// inseparable pair) go with the next nucleus.
	starts := make([]int, len(nuclei))
	starts[0] = 0
	for n := 1; n < len(nuclei); n++ {
		lo, hi := nuclei[n-1].end, nuclei[n].start // consonants in [lo, hi)
		k := hi - lo
		switch {
		case k == 0:
			starts[n] = hi
		case k >= 2 && inseparable(snd[hi-2].text, snd[hi-1].text):
			starts[n] = hi - 2
		default:
			starts[n] = hi - 1
		}
	}
	out := make([]string, len(nuclei))
	for n := range nuclei {
		end := len(snd)
		if n+1 < len(nuclei) {
			end = starts[n+1]
		}
		var b strings.Builder
		for _, s := range snd[starts[n]:end] {
			b.WriteString(s.text)
		}
		out[n] = b.String()
	}
	return out
}

// spanishSyllables counts the syllables of one Spanish word without
// building the syllables: one per vowel nucleus, as in Syllabify.
func spanishSyllables(word string) int {
	var buf [32]rune
	w := buf[:0]
	for _, r := range word {
		if unicode.IsLetter(r) {
			w = append(w, unicode.ToLower(r))
		}
	}
	n := 0
	prevVowel, prevStrong := false, false
	var prev rune
	for i := 0; i < len(w); i++ {
		r := w[i]
		var next, after rune
		if i+1 < len(w) {
			next = w[i+1]
		}
		if i+2 < len(w) {
			after = w[i+2]
		}
		if (r == 'q' || r == 'g') && next == 'u' && isFrontVowel(after) {
			i++ // silent u
			prevVowel = false
			continue
		}
		vowel := isSpanishVowel(r) || (r == 'y' && !isSpanishVowel(next))
		if !vowel {
			prevVowel = false
			continue
		}
		strong := strings.ContainsRune("aeoáéóíúàèòìù", r)
		if !prevVowel || (prevStrong && strong) || r == prev {
			n++
		}
		prevVowel, prevStrong, prev = true, strong, r
	}
	return n
}
