package notes

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/betweensessions/between/homework"
	"golang.org/x/text/language"
)

// Warning is something a clinician should look at before signing a note
// that does not make the record incomplete: free text that seems to be in
// another language than the note. Field is the JSON path of the text
// (review fields prefixed "review."); Detail is fixed English text that
// never repeats the record's words.
type Warning struct {
	Field  string
	Detail string
}

// String returns "warning: <field>: <detail>".
func (w Warning) String() string { return "warning: " + w.Field + ": " + w.Detail }

// Warnings returns the free-text fields of the input that seem to be in
// another language than a note in lang: an English task inside a Spanish
// note, Spanish barriers inside an English one. The clinician's words are
// copied into the note as written, so such text would read as a mixture.
//
// The test is a simple heuristic, and it knows English and Spanish only.
// It counts the function words of each language in the text ("the",
// "and", "with", … ; "el", "los", "para", "que", …) and, for Spanish,
// words with á, é, í, ó, ú, ñ, ü, ¿ or ¡. A text is reported when it has at
// least two marks of the other language and more than twice as many as of
// the note's. So text of one or two words ("forgetting", "el olvido"),
// names, times and numbers are never reported; a text that mixes both
// languages may or may not be; and a note in a third language (a clinic's
// own catalog) is checked for English and Spanish text only. A warning is
// a prompt to look, never a gap.
func Warnings(in Input, lang language.Tag) []Warning {
	base, _ := langOrEnglish(lang).Base()
	note := base.String()
	var fields []homework.TextField
	if in.Assignment != nil {
		fields = in.Assignment.Texts()
	}
	if in.Review != nil {
		for _, f := range in.Review.Texts() {
			f.Path = "review." + f.Path
			fields = append(fields, f)
		}
	}
	var out []Warning
	for _, f := range fields {
		if homework.Suggested(f.Text) {
			continue // not the clinician's words yet; reported as a gap
		}
		score := languageMarks(f.Text)
		for _, other := range []string{"en", "es"} {
			if other == note {
				continue
			}
			if score[other] >= 2 && score[other] > 2*score[note] {
				out = append(out, Warning{Field: f.Path, Detail: fmt.Sprintf("seems to be in %s, not in the note's language (%s)", languageNames[other], note)})
				break
			}
		}
	}
	return out
}

var languageNames = map[string]string{"en": "English", "es": "Spanish"}

// functionWords are short, frequent words of each language that the other
// does not use as words ("a", "no", "me" and "he" are left out, being both
// or ambiguous).
var functionWords = map[string]map[string]bool{
	"en": setOf("the", "and", "of", "to", "with", "for", "on", "at", "in", "is", "are", "was", "it", "my", "your", "their", "they", "she", "his", "her", "will", "not", "this", "that", "from", "by", "after", "before", "every", "each", "when", "or", "an", "be", "has", "have", "had", "what", "how", "who", "into", "about", "next", "once", "twice", "day", "days", "week", "night", "client", "would", "could", "can", "does", "did"),
	"es": setOf("el", "la", "los", "las", "del", "de", "y", "en", "con", "por", "para", "que", "un", "una", "unos", "unas", "su", "sus", "al", "se", "es", "lo", "cada", "antes", "después", "cuando", "como", "pero", "muy", "más", "sin", "sobre", "entre", "hasta", "desde", "tiene", "ha", "le", "les", "mi", "tu", "día", "días", "semana", "noche", "paciente", "hacer", "está", "son", "ser"),
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// languageMarks counts the marks of English and Spanish in s.
func languageMarks(s string) map[string]int {
	score := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '¿' && r != '¡' }) {
		for lang, words := range functionWords {
			if words[w] {
				score[lang]++
			}
		}
		if !functionWords["es"][w] && strings.ContainsAny(w, "áéíóúñü¿¡") {
			score["es"]++
		}
	}
	return score
}
