package readability

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// data holds the built-in word lists, one file per list and language.
//
//go:embed data/*.txt
var data embed.FS

// english is the English syllable counter with its exception dictionary.
type english struct {
	exceptions map[string]int
}

// builtin is the parsed content of data.
type builtin struct {
	en          english
	jargonEN    []Jargon
	jargonES    []Jargon
	impEN       map[string]bool
	impES       map[string]bool
	participles map[string]bool
	adjectives  map[string]bool
}

// builtinData parses the embedded lists once. The lists are tested to
// parse cleanly (see TestBuiltinData); a malformed line is skipped.
var builtinData = sync.OnceValue(func() *builtin {
	b, _ := loadBuiltin()
	return b
})

// loadBuiltin parses every embedded list. It returns the lists with any
// malformed lines skipped, and an error naming the first one.
func loadBuiltin() (*builtin, error) {
	var firstErr error
	keep := func(err error) {
		if firstErr == nil {
			firstErr = err
		}
	}
	b := &builtin{en: english{exceptions: map[string]int{}}}
	keep(eachLine("data/syllables.en.txt", func(line string) error {
		w, n, ok := strings.Cut(line, " ")
		c, err := strconv.Atoi(strings.TrimSpace(n))
		if !ok || err != nil || c < 1 {
			return fmt.Errorf("want \"word count\"")
		}
		b.en.exceptions[strings.ToLower(w)] = c
		return nil
	}))
	b.jargonEN, b.jargonES = loadJargon("data/jargon.en.txt", keep), loadJargon("data/jargon.es.txt", keep)
	b.impEN, b.impES = loadWords("data/imperative.en.txt", keep), loadWords("data/imperative.es.txt", keep)
	b.participles, b.adjectives = map[string]bool{}, map[string]bool{}
	section := ""
	keep(eachLine("data/passive.en.txt", func(line string) error {
		if strings.HasPrefix(line, "[") {
			section = line
			return nil
		}
		for _, w := range strings.Fields(line) {
			switch section {
			case "[participles]":
				b.participles[w] = true
			case "[adjectives]":
				b.adjectives[w] = true
			default:
				return fmt.Errorf("word outside a section")
			}
		}
		return nil
	}))
	return b, firstErr
}

// eachLine calls fn for every line of the embedded file name that is not
// blank or a "#" comment, with surrounding space trimmed.
func eachLine(name string, fn func(line string) error) error {
	src, err := data.ReadFile(name)
	if err != nil {
		return fmt.Errorf("readability: %w", err)
	}
	var firstErr error
	sc := bufio.NewScanner(strings.NewReader(string(src)))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(line); err != nil && firstErr == nil {
			firstErr = fmt.Errorf("readability: %s:%d: %w", name, n, err)
		}
	}
	return firstErr
}

// loadJargon reads "term = plain" lines.
func loadJargon(name string, keep func(error)) []Jargon {
	var out []Jargon
	keep(eachLine(name, func(line string) error {
		term, plain, ok := strings.Cut(line, "=")
		term, plain = strings.TrimSpace(term), strings.TrimSpace(plain)
		if !ok || term == "" || plain == "" {
			return fmt.Errorf("want \"term = plain alternative\"")
		}
		out = append(out, Jargon{Term: strings.ToLower(term), Plain: plain})
		return nil
	}))
	return out
}

// loadWords reads a list of words separated by spaces and line breaks,
// folded for matching.
func loadWords(name string, keep func(error)) map[string]bool {
	out := map[string]bool{}
	keep(eachLine(name, func(line string) error {
		for _, w := range strings.Fields(line) {
			out[fold(w)] = true
		}
		return nil
	}))
	return out
}

// english returns the built-in English rules.
func (b *builtin) english() Language {
	return Language{
		Tag:          language.English,
		Formula:      FleschKincaid{}.Name(),
		Syllables:    b.en.syllables,
		LongWord:     func(_ string, syl int) bool { return syl >= 4 },
		LongWordRule: "4 or more syllables",
		Passive:      b.passive,
		Imperative:   func(w string) bool { return b.impEN[w] },
		Jargon:       b.jargonEN,
		Abbreviations: []string{
			"e.g", "i.e", "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "approx", "min", "mins", "hr", "hrs", "fig", "dept", "no",
		},
	}
}

// spanish returns the built-in Spanish rules.
func (b *builtin) spanish() Language {
	return Language{
		Tag:       language.Spanish,
		Formula:   SzigrisztPazos{}.Name(),
		Syllables: spanishSyllables,
		LongWord: func(w string, syl int) bool {
			return syl >= 6 || letterCount(w) >= 14
		},
		LongWordRule: "6 or more syllables, or 14 or more letters",
		Imperative: func(w string) bool {
			if b.impES[w] {
				return true
			}
			// Forms with pronouns attached: anótalo, escríbelo, fíjate.
			for n := len(w) - 1; n >= 4; n-- {
				if b.impES[w[:n]] {
					return true
				}
			}
			return false
		},
		Jargon: b.jargonES,
		Abbreviations: []string{
			"sr", "sra", "srta", "dr", "dra", "ud", "uds", "ej", "p.ej", "pag", "num", "aprox", "tel", "min", "etc", "vd", "vds",
		},
	}
}

// beForms are the forms of "be" that start an English passive.
var beForms = map[string]bool{
	"am": true, "is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
	"isn't": true, "aren't": true, "wasn't": true, "weren't": true,
}

// passiveSkips are words that may stand between "be" and the participle.
var passiveSkips = map[string]bool{
	"not": true, "never": true, "also": true, "often": true, "always": true, "just": true, "still": true,
	"sometimes": true, "usually": true, "already": true, "being": true, "been": true, "all": true,
}

// passive finds "be" + past participle in folded English words: a form of
// be, up to two adverbs ("not", "often", any "-ly" word), then an
// irregular participle from the list or a word ending in "-ed" that is not
// a listed adjective ("tired", "worried").
func (b *builtin) passive(words []string) int {
	for i, w := range words {
		if !beForms[w] {
			continue
		}
		for j := i + 1; j < len(words) && j <= i+3; j++ {
			p := words[j]
			if passiveSkips[p] || (strings.HasSuffix(p, "ly") && len(p) > 4) {
				continue
			}
			if b.adjectives[p] {
				break
			}
			if b.participles[p] || (len(p) > 4 && strings.HasSuffix(p, "ed")) {
				return j
			}
			break
		}
	}
	return -1
}
