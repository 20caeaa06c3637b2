package readability

import (
	"maps"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Jargon is a term that clients may not know, with plain words to use
// instead.
type Jargon struct {
	// Term is the jargon, one or more words, in lower case.
	Term string
	// Plain is the plain alternative, or several separated by "; ".
	Plain string
}

// Language holds what the analyser needs to know about one language
// besides its formula: how to count syllables and which words and
// sentences to flag. A field left nil or empty turns its check off.
type Language struct {
	// Tag is the language. The registry keys languages by base language,
	// so one Language serves es-ES, es-MX and es-419.
	Tag language.Tag
	// Formula is the formula name used when no locale is given.
	Formula string
	// Syllables counts the syllables of one word as written (capitals,
	// apostrophes and hyphens included). Without it no formula applies.
	Syllables func(word string) int
	// LongWord reports whether a word of the given syllable count should
	// be flagged as long; LongWordRule says the rule in words for the
	// finding's message ("4 or more syllables").
	LongWord     func(word string, syllables int) bool
	LongWordRule string
	// Passive looks for passive voice in a sentence's words, folded to
	// lower case without accents, and returns the index of the word that
	// makes it passive (the participle), or -1.
	Passive func(words []string) int
	// Imperative reports whether a folded word that opens a sentence marks
	// it as an instruction to the reader ("write", "escribe").
	Imperative func(word string) bool
	// Jargon lists terms to flag, with plain alternatives.
	Jargon []Jargon
	// Abbreviations are words, folded and without their final period,
	// whose period never ends a sentence ("dr", "e.g", "p.ej").
	Abbreviations []string
}

// compiledLanguage is a Language prepared for fast matching.
type compiledLanguage struct {
	Language
	abbr map[string]bool
	// jargon holds the terms keyed by jargonKey of their first word.
	jargon map[string][]*compiledJargon
}

// compiledJargon is a jargon term split into folded words.
type compiledJargon struct {
	words []string
	Jargon
}

// compile prepares l for the analyser.
func compile(l Language) *compiledLanguage {
	c := &compiledLanguage{Language: l, abbr: make(map[string]bool, len(l.Abbreviations)), jargon: map[string][]*compiledJargon{}}
	for _, a := range l.Abbreviations {
		c.abbr[fold(a)] = true
	}
	for _, j := range l.Jargon {
		words := strings.Fields(fold(j.Term))
		if len(words) > 0 {
			k := jargonKey(words[0])
			c.jargon[k] = append(c.jargon[k], &compiledJargon{words: words, Jargon: j})
		}
	}
	return c
}

// jargonKey is the index key of a folded word: the word without a plural
// "s", so that "distortions" finds the terms that start with "distortion".
func jargonKey(w string) string {
	return strings.TrimSuffix(strings.TrimSuffix(w, "s"), "e")
}

// Registry maps formula names to formulas and languages to their rules.
// A new language plugs in by adding its Language and, if it has one, its
// Formula; the analyser itself does not change.
//
// The zero Registry is empty and ready to use. Add languages and formulas
// before analysing; after that a Registry is safe for concurrent use as
// long as nothing more is added.
type Registry struct {
	formulas map[string]Formula
	langs    map[language.Base]*compiledLanguage
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{} }

// DefaultRegistry returns a new registry holding the built-in formulas
// (flesch-kincaid, fernandez-huerta, szigriszt-pazos) and languages
// (English and Spanish). Each call returns a fresh value that the caller
// may extend.
func DefaultRegistry() *Registry {
	r := NewRegistry()
	r.AddFormula(FleschKincaid{})
	r.AddFormula(FernandezHuerta{})
	r.AddFormula(SzigrisztPazos{})
	d := builtinData()
	r.AddLanguage(d.english())
	r.AddLanguage(d.spanish())
	return r
}

// AddFormula adds f under f.Name(), replacing any formula of that name.
func (r *Registry) AddFormula(f Formula) {
	if r.formulas == nil {
		r.formulas = make(map[string]Formula)
	}
	r.formulas[f.Name()] = f
}

// AddLanguage adds l under its base language, replacing any earlier entry.
func (r *Registry) AddLanguage(l Language) {
	if r.langs == nil {
		r.langs = make(map[language.Base]*compiledLanguage)
	}
	base, _ := l.Tag.Base()
	r.langs[base] = compile(l)
}

// Formula returns the formula registered under name.
func (r *Registry) Formula(name string) (Formula, bool) {
	f, ok := r.formulas[name]
	return f, ok
}

// FormulaNames returns the registered formula names, sorted.
func (r *Registry) FormulaNames() []string {
	return slices.Sorted(maps.Keys(r.formulas))
}

// Language returns the rules registered for tag's base language.
func (r *Registry) Language(tag language.Tag) (Language, bool) {
	c := r.language(tag)
	if c == nil {
		return Language{}, false
	}
	return c.Language, true
}

// language returns the compiled entry for tag's base language, or nil.
func (r *Registry) language(tag language.Tag) *compiledLanguage {
	base, _ := tag.Base()
	return r.langs[base]
}
