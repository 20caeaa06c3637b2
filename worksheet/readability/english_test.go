package readability

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// englishWords are syllable counts as the CMU Pronouncing Dictionary
// gives them (first pronunciation), for words that exercise each rule and
// some of the exception dictionary.
var englishWords = []struct {
	word string
	want int
}{
	// Vowel groups and silent endings.
	{"cat", 1}, {"the", 1}, {"make", 1}, {"whole", 1}, {"time", 1}, {"free", 1},
	{"table", 2}, {"little", 2}, {"puzzle", 2}, {"puzzles", 2}, {"uncle", 2},
	{"makes", 1}, {"pieces", 2}, {"changes", 2}, {"boxes", 2}, {"wishes", 2}, {"goes", 1},
	{"liked", 1}, {"helped", 1}, {"wanted", 2}, {"needed", 2}, {"played", 1}, {"puzzled", 2},
	{"happy", 2}, {"yes", 1}, {"beyond", 2}, {"saying", 2}, {"copying", 3}, {"trying", 2}, {"eyes", 1},
	// Vowel pairs spoken as two.
	{"piano", 3}, {"medium", 3}, {"usual", 3}, {"quiet", 2}, {"anxiety", 4}, {"audience", 3},
	{"client", 2}, {"being", 2}, {"going", 2}, {"doing", 2}, {"fluent", 2}, {"various", 3},
	{"situation", 4}, {"appreciate", 4}, {"erroneous", 4},
	// ...and the endings where they are one.
	{"nation", 2}, {"special", 2}, {"patient", 2}, {"delicious", 3}, {"million", 2},
	{"fashion", 2}, {"behavior", 3}, {"language", 2}, {"question", 2}, {"convenient", 3},
	// Suffixes, prefixes and compounds.
	{"careful", 2}, {"carefully", 3}, {"hopeless", 2}, {"statement", 2}, {"safely", 2},
	{"safety", 2}, {"announcement", 3}, {"increment", 3}, {"something", 2}, {"homework", 2},
	{"everything", 3}, {"sometimes", 2}, {"therefore", 2}, {"guidelines", 2}, {"forever", 3},
	{"typically", 3}, {"unique", 2}, {"fire", 2}, {"desire", 3}, {"required", 3},
	{"reuse", 2}, {"reinforce", 3}, {"criticism", 4}, {"happier", 3},
	// The exception dictionary.
	{"our", 2}, {"hours", 2}, {"evening", 2}, {"interesting", 3}, {"business", 2}, {"several", 2},
	{"create", 2}, {"idea", 3}, {"science", 2}, {"recovery", 3}, {"colleagues", 2}, {"maybe", 2},
	// Contractions, hyphens, capitals, initialisms, curly apostrophes.
	{"don't", 1}, {"didn't", 2}, {"isn't", 2}, {"can't", 1}, {"it's", 1}, {"you'll", 1},
	{"o'clock", 2}, {"Anna's", 2}, {"hour’s", 2}, {"well-balanced", 3}, {"non-threatening", 4},
	{"PUZZLE", 2}, {"T.V", 2}, {"café", 2},
}

func TestEnglishSyllables(t *testing.T) {
	b, err := loadBuiltin()
	require.NoError(t, err)
	for _, tc := range englishWords {
		assert.Equal(t, tc.want, b.en.syllables(tc.word), "syllables(%q)", tc.word)
	}
	assert.Equal(t, 0, b.en.syllables(""), "empty word")
	assert.Equal(t, 0, b.en.syllables("'"), "no letters")
}

// TestEnglishExceptions checks that every entry of the exception
// dictionary is needed: the rules alone would count it wrong.
func TestEnglishExceptions(t *testing.T) {
	b, err := loadBuiltin()
	require.NoError(t, err)
	require.NotEmpty(t, b.en.exceptions)
	for w, n := range b.en.exceptions {
		assert.NotEqual(t, n, englishRules(w), "%q is counted right by the rules; drop it from data/syllables.en.txt", w)
	}
}
