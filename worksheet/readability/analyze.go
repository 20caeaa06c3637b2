package readability

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/worksheet"
	"golang.org/x/text/language"
)

// DefaultMaxSentenceWords is the sentence length above which a sentence
// is flagged as long.
const DefaultMaxSentenceWords = 20

// Analyzer measures the readability of handouts. The zero Analyzer uses
// the built-in registry and a 20-word sentence limit. An Analyzer is safe
// for concurrent use when its Registry is no longer being added to.
type Analyzer struct {
	// Registry supplies formulas and language rules; nil means the
	// built-in ones (see DefaultRegistry).
	Registry *Registry
	// MaxSentenceWords is the longest sentence, in words, that is not
	// flagged; 0 means DefaultMaxSentenceWords.
	MaxSentenceWords int
}

// defaultRegistry is the built-in registry shared by zero Analyzers. It is
// never added to after it is built.
var defaultRegistry = sync.OnceValue(DefaultRegistry)

// Analyze measures ws with the zero Analyzer. See Analyzer.Analyze.
func Analyze(ws *worksheet.Worksheet, loc *i18n.Locale) Report {
	return Analyzer{}.Analyze(ws, loc)
}

// Analyze measures the client-facing prose of ws: the title, the summary
// and the body (headings, paragraphs, list items, table cells, quotes,
// scale and lines labels, tracker rows and part titles). Directive syntax,
// blanks, slots, code and the clinician notes are not read.
//
// The formula and target come from loc.Readability; when loc is nil the
// language's own default formula is used with no target. The language is
// loc.Tag, or ws.Lang when loc is nil. A language without registered rules
// or formula still gets the sentence-length, capitals, italics and steps
// checks, and a NoFormula finding; the call-to-action check needs the
// language's Imperative test and is skipped without one.
func (a Analyzer) Analyze(ws *worksheet.Worksheet, loc *i18n.Locale) Report {
	if ws == nil {
		return Report{MeetsTarget: true}
	}
	x := extractor{}
	x.front(ws.Meta)
	x.blocks(ws.Body)
	tag := ws.Lang
	if loc != nil {
		tag = loc.Tag
	}
	r, sents := a.run(tag, x.segs, loc)
	r.Path = ws.Path
	r.Findings = append(r.Findings, x.findings...)
	r.Findings = x.structure(r.Findings, a.registry().language(tag), sents)
	sortFindings(r.Findings)
	return r
}

// AnalyzeText measures plain text in the language tag, as if it were the
// body of a handout: paragraphs are separated by blank lines, and line
// numbers count from 1. The handout-level checks (call to action, steps)
// are not run on plain text. loc works as in Analyze.
func (a Analyzer) AnalyzeText(tag language.Tag, text string, loc *i18n.Locale) Report {
	var segs []segment
	var b strings.Builder
	var marks []lineMark
	flush := func() {
		if len(marks) > 0 {
			segs = append(segs, segment{text: b.String(), lines: marks})
		}
		b.Reset()
		marks = nil
	}
	for n, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if len(marks) > 0 {
			b.WriteByte('\n')
		}
		marks = append(marks, lineMark{b.Len(), n + 1})
		b.WriteString(line)
	}
	flush()
	r, _ := a.run(tag, segs, loc)
	sortFindings(r.Findings)
	return r
}

// registry returns a's registry or the built-in one.
func (a Analyzer) registry() *Registry {
	if a.Registry != nil {
		return a.Registry
	}
	return defaultRegistry()
}

// run splits the segments into sentences, counts, scores and checks them.
func (a Analyzer) run(tag language.Tag, segs []segment, loc *i18n.Locale) (Report, []sentence) {
	reg := a.registry()
	lang := reg.language(tag)
	r := Report{Lang: tag, MeetsTarget: true, Findings: []Finding{}}

	var abbr map[string]bool
	if lang != nil {
		abbr = lang.abbr
	}
	var sents []sentence
	for i := range segs {
		sents = splitSentences(sents, &segs[i], abbr)
	}
	// Only running prose feeds the formula; when a text has none (a bare
	// table, a list of labels), every sentence counts.
	prose := false
	for i := range sents {
		prose = prose || !sents[i].fragment
	}
	for i := range sents {
		s := &sents[i]
		counted := !prose || !s.fragment
		if counted {
			r.Sentences++
			r.Words += len(s.words)
		}
		for j := range s.words {
			w := &s.words[j]
			switch {
			case isNumber(w.text):
				w.syl = numberSyllables(w.text)
			case lang != nil && lang.Syllables != nil:
				w.syl = lang.Syllables(w.text)
			}
			if counted {
				r.Syllables += w.syl
			}
		}
	}
	a.score(&r, reg, lang, loc)
	c := checker{lang: lang, limit: cmp.Or(a.MaxSentenceWords, DefaultMaxSentenceWords), seen: map[string]bool{}}
	for i := range sents {
		r.Findings = c.sentence(r.Findings, &sents[i])
	}
	return r, sents
}

// score fills the formula, score and target of r.
func (a Analyzer) score(r *Report, reg *Registry, lang *compiledLanguage, loc *i18n.Locale) {
	name := ""
	var target float64
	switch {
	case loc != nil:
		name, target = loc.Readability.Formula, loc.Readability.Target
	case lang != nil:
		name = lang.Formula
	}
	f, ok := reg.Formula(name)
	switch {
	case name == "":
		r.Findings = append(r.Findings, Finding{Code: NoFormula, Severity: Info,
			Message: fmt.Sprintf("no grade formula applies to %s; only the sentence and word checks ran", r.Lang)})
		return
	case !ok:
		r.Findings = append(r.Findings, Finding{Code: NoFormula, Severity: Warning,
			Message: fmt.Sprintf("unknown readability formula %q; want one of %s", name, strings.Join(reg.FormulaNames(), ", "))})
		return
	case lang == nil || lang.Syllables == nil:
		r.Findings = append(r.Findings, Finding{Code: NoFormula, Severity: Warning,
			Message: fmt.Sprintf("no syllable rules for %s, so formula %q cannot apply", r.Lang, name)})
		return
	}
	r.Formula = name
	r.Score = f.Score(r.Counts)
	r.Target = target
	r.MeetsTarget = r.Score.Meets(target)
	if !r.MeetsTarget {
		what, dir := "reading grade", "above"
		if r.Score.Scale == EaseScale {
			what, dir = "reading ease", "below"
		}
		r.Findings = append(r.Findings, Finding{Code: AboveTarget, Severity: Warning,
			Message: fmt.Sprintf("%s %.1f (%s) is %s the target %g (%s)", what, r.Score.Value, r.Score.Band, dir, target, name)})
	}
}

// checker runs the sentence checks over one handout.
type checker struct {
	lang  *compiledLanguage // nil for a language without rules
	limit int               // longest sentence not flagged
	seen  map[string]bool   // long words already reported
}

// sentence appends the findings about one sentence.
func (c *checker) sentence(out []Finding, s *sentence) []Finding {
	lang, limit := c.lang, c.limit
	at := func(line int, code Code, sev Severity, msg string) {
		out = append(out, Finding{Code: code, Severity: sev, Line: line, Field: s.field, Message: msg})
	}
	if len(s.words) > limit {
		at(s.line, LongSentence, Warning, fmt.Sprintf("sentence has %d words (more than %d): split it", len(s.words), limit))
	}
	// Capitals: one finding per run of 2+ all-caps words.
	for i := 0; i < len(s.words); {
		j := i
		for j < len(s.words) && isAllCaps(s.words[j].text) {
			j++
		}
		if j-i >= 2 {
			at(s.words[i].line, AllCaps, Warning, fmt.Sprintf("%d words in capitals (%q…): use bold instead; capitals are hard to read in large print", j-i, s.words[i].text))
		}
		i = max(j, i+1)
	}
	if lang == nil {
		return out
	}
	folded := make([]string, len(s.words))
	for i, w := range s.words {
		folded[i] = fold(w.text)
	}
	if lang.LongWord != nil {
		for i, w := range s.words {
			if !c.seen[folded[i]] && !isNumber(w.text) && lang.LongWord(w.text, w.syl) {
				c.seen[folded[i]] = true // once per handout: the fix is the same everywhere
				at(w.line, LongWord, Info, fmt.Sprintf("long word %q (%s): is there a shorter one?", w.text, lang.LongWordRule))
			}
		}
	}
	if lang.Passive != nil {
		if i := lang.Passive(folded); i >= 0 {
			at(s.words[i].line, Passive, Info, fmt.Sprintf("passive voice (%q): say who does it", s.words[i].text))
		}
	}
	var reported map[*compiledJargon]bool // once per sentence
	for i, w := range folded {
		for _, j := range lang.jargon[jargonKey(w)] {
			if !reported[j] && i+len(j.words) <= len(folded) && matchTerm(folded[i:i+len(j.words)], j.words) {
				if reported == nil {
					reported = map[*compiledJargon]bool{}
				}
				reported[j] = true
				at(s.words[i].line, JargonTerm, Warning, fmt.Sprintf("jargon %q: try %q", j.Term, j.Plain))
			}
		}
	}
	return out
}

// matchTerm reports whether words spell term; the last word may carry a
// plural "s" or "es".
func matchTerm(words, term []string) bool {
	for i, t := range term {
		w := words[i]
		if w == t {
			continue
		}
		if i == len(term)-1 && strings.HasPrefix(w, t) && (w[len(t):] == "s" || w[len(t):] == "es") {
			continue
		}
		return false
	}
	return true
}

// sortFindings orders findings by line, then code, keeping the original
// order otherwise.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Code, b.Code))
	})
}
