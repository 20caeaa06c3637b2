package readability

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
)

// sentencesOf splits text as one paragraph in the language tag and
// returns each sentence's words joined by spaces.
func sentencesOf(tag language.Tag, text string) []string {
	var abbr map[string]bool
	if l := defaultRegistry().language(tag); l != nil {
		abbr = l.abbr
	}
	seg := segment{text: text, lines: []lineMark{{0, 1}}}
	var out []string
	for _, s := range splitSentences(nil, &seg, abbr) {
		words := make([]string, len(s.words))
		for i, w := range s.words {
			words[i] = w.text
		}
		out = append(out, strings.Join(words, " "))
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		lang language.Tag
		text string
		want []string
	}{
		{"plain", language.English, "Sleep well. Wake up at seven! Did it help?",
			[]string{"Sleep well", "Wake up at seven", "Did it help"}},
		{"decimal number", language.English, "Sleep 6.5 hours. Then rate it.",
			[]string{"Sleep 6.5 hours", "Then rate it"}},
		{"thousands", language.English, "About 1,000 people took part.",
			[]string{"About 1,000 people took part"}},
		{"e.g.", language.English, "Do something kind, e.g. call a friend. Then rest.",
			[]string{"Do something kind e.g call a friend", "Then rest"}},
		{"i.e. before a capital", language.English, "Use the plan, i.e. The second one. It works.",
			[]string{"Use the plan i.e The second one", "It works"}},
		{"a single letter is an initial, even at the end", language.English, "Use plan B. It works.",
			[]string{"Use plan B It works"}},
		{"title", language.English, "Ask Dr. Lee or Ms. Park. They can help.",
			[]string{"Ask Dr Lee or Ms Park", "They can help"}},
		{"initial", language.English, "Read J. Smith's notes.",
			[]string{"Read J Smith's notes"}},
		{"ellipsis before lower case", language.English, "Playing ... games is fun.",
			[]string{"Playing games is fun"}},
		{"quote after the stop", language.English, `She said "Stop." Then she left.`,
			[]string{"She said Stop", "Then she left"}},
		{"no final stop", language.English, "Write three things",
			[]string{"Write three things"}},
		{"contractions and hyphens", language.English, "Don't over-think it.",
			[]string{"Don't over-think it"}},
		{"dashes separate", language.English, "Breathe—slowly—now.",
			[]string{"Breathe slowly now"}},
		{"slash separates", language.English, "Call and/or text.",
			[]string{"Call and or text"}},
		{"period then comma", language.English, "Bring pens, paper etc., then start.",
			[]string{"Bring pens paper etc then start"}},
		{"spanish questions", language.Spanish, "¿Cómo dormiste? ¡Muy bien! Anota la hora.",
			[]string{"Cómo dormiste", "Muy bien", "Anota la hora"}},
		{"spanish abbreviation", language.Spanish, "Habla con la Dra. Ruiz, p. ej. mañana. Luego descansa.",
			[]string{"Habla con la Dra Ruiz p ej mañana", "Luego descansa"}},
		{"empty", language.English, " ... ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, sentencesOf(tc.lang, tc.text))
		})
	}
}

func TestSplitSentencesLines(t *testing.T) {
	seg := segment{text: "One two.\nThree four five. Six\nseven.", lines: []lineMark{{0, 10}, {9, 11}, {27, 12}}}
	got := splitSentences(nil, &seg, nil)
	var lines []int
	for _, s := range got {
		lines = append(lines, s.line)
	}
	assert.Equal(t, []int{10, 11, 11}, lines, "a sentence is on the line of its first word")
	assert.Equal(t, 12, got[2].words[1].line, "a word keeps its own line")
}

func TestHardBreakEndsSentence(t *testing.T) {
	seg := segment{text: "Name" + string(hardBreak) + "Date of birth", lines: []lineMark{{0, 1}}}
	assert.Len(t, splitSentences(nil, &seg, nil), 2)
}

func TestWordHelpers(t *testing.T) {
	assert.True(t, isNumber("6.5"))
	assert.False(t, isNumber("6a"))
	assert.Equal(t, 3, numberSyllables("500"))
	assert.Equal(t, 3, numberSyllables("6.5"), "six point five")
	assert.True(t, isAllCaps("STOP"))
	assert.True(t, isAllCaps("DON'T"))
	assert.False(t, isAllCaps("A"), "one letter is not a run of capitals")
	assert.False(t, isAllCaps("Stop"))
	assert.Equal(t, "cafe", fold("Café"))
	assert.Equal(t, "don't", fold("DON’T"))
}

func FuzzSplitSentences(f *testing.F) {
	for _, s := range []string{"Sleep 6.5 hours. Then rate it.", "e.g. Dr. Lee...", "¿Qué? ¡Sí!", "a-b c'd 1,000.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		seg := segment{text: text, lines: []lineMark{{0, 1}}}
		sents := splitSentences(nil, &seg, map[string]bool{"dr": true})
		for _, s := range sents {
			if len(s.words) == 0 {
				t.Fatal("empty sentence")
			}
			for _, w := range s.words {
				if w.text == "" || !strings.Contains(text, w.text) {
					t.Fatalf("word %q not in text", w.text)
				}
				if !strings.ContainsFunc(w.text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
					t.Fatalf("word %q has no letter or digit", w.text)
				}
			}
		}
	})
}
