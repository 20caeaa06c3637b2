package readability

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// spanishWords are words whose syllables trip up naive counters, with
// their division by the rules of Spanish spelling.
var spanishWords = []struct {
	word, want string
}{
	// Hiatus: two strong vowels, or an accented weak vowel.
	{"país", "pa-ís"},
	{"día", "dí-a"},
	{"leer", "le-er"},
	{"poeta", "po-e-ta"},
	{"caer", "ca-er"},
	{"reír", "re-ír"},
	{"oído", "o-í-do"},
	{"baúl", "ba-úl"},
	{"maíz", "ma-íz"},
	{"aeropuerto", "a-e-ro-puer-to"},
	{"toalla", "to-a-lla"},
	{"héroe", "hé-ro-e"},
	{"tenía", "te-ní-a"},
	// Diphthongs: a weak vowel next to another vowel, unaccented.
	{"ciudad", "ciu-dad"},
	{"tierra", "tie-rra"},
	{"bueno", "bue-no"},
	{"aire", "ai-re"},
	{"causa", "cau-sa"},
	{"huevo", "hue-vo"},
	{"ruido", "rui-do"},
	{"familia", "fa-mi-lia"},
	{"emociones", "e-mo-cio-nes"},
	// Triphthongs.
	{"buey", "buey"},
	{"Uruguay", "u-ru-guay"},
	{"Paraguay", "pa-ra-guay"},
	{"estudiáis", "es-tu-diáis"},
	// Silent u in que, qui, gue, gui; ü is spoken.
	{"que", "que"},
	{"quiero", "quie-ro"},
	{"guerra", "gue-rra"},
	{"guitarra", "gui-ta-rra"},
	{"pingüino", "pin-güi-no"},
	{"vergüenza", "ver-güen-za"},
	{"agua", "a-gua"},
	// Final y is a vowel; y before a vowel is a consonant.
	{"hoy", "hoy"},
	{"muy", "muy"},
	{"rey", "rey"},
	{"y", "y"},
	{"mayo", "ma-yo"},
	{"ayer", "a-yer"},
	// ch, ll, rr are one consonant; h is a consonant between vowels.
	{"muchacho", "mu-cha-cho"},
	{"calle", "ca-lle"},
	{"perro", "pe-rro"},
	{"ahora", "a-ho-ra"},
	{"ahí", "a-hí"},
	{"deshacer", "des-ha-cer"},
	// Inseparable pairs start a syllable together; other pairs split.
	{"hablar", "ha-blar"},
	{"otro", "o-tro"},
	{"sobre", "so-bre"},
	{"siempre", "siem-pre"},
	{"problema", "pro-ble-ma"},
	{"inflar", "in-flar"},
	{"ejemplo", "e-jem-plo"},
	{"cuatro", "cua-tro"},
	{"atleta", "at-le-ta"},
	{"instante", "ins-tan-te"},
	{"obstruir", "obs-truir"},
	{"transporte", "trans-por-te"},
	{"pensamiento", "pen-sa-mien-to"},
	{"responsabilidad", "res-pon-sa-bi-li-dad"},
	{"Ansiedad", "an-sie-dad"},
}

func TestSyllabify(t *testing.T) {
	require.GreaterOrEqual(t, len(spanishWords), 40)
	for _, tc := range spanishWords {
		t.Run(tc.word, func(t *testing.T) {
			got := strings.Join(Syllabify(tc.word), "-")
			assert.Equal(t, tc.want, got)
			assert.Equal(t, strings.Count(tc.want, "-")+1, spanishSyllables(tc.word), "spanishSyllables(%q)", tc.word)
		})
	}
}

func TestSyllabifyEmpty(t *testing.T) {
	assert.Nil(t, Syllabify(""))
	assert.Nil(t, Syllabify("123 ¿?"))
	assert.Equal(t, 0, spanishSyllables("123"))
	assert.Equal(t, []string{"psst"}, Syllabify("psst"), "a word with no vowel is one piece")
}

func FuzzSyllabify(f *testing.F) {
	for _, tc := range spanishWords {
		f.Add(tc.word)
	}
	f.Add("¿Qué?")
	f.Add("güe-güi")
	f.Fuzz(func(t *testing.T, w string) {
		syl := Syllabify(w)
		// The syllables spell the word's letters, lower-cased, in order;
		// the counter agrees with the syllabifier.
		var letters strings.Builder
		for _, r := range strings.ToLower(w) {
			if unicode.IsLetter(r) {
				letters.WriteRune(r)
			}
		}
		if got := strings.Join(syl, ""); got != letters.String() && len(syl) > 0 {
			t.Fatalf("Syllabify(%q) = %q, letters %q", w, syl, letters.String())
		}
		for _, s := range syl {
			if s == "" {
				t.Fatalf("Syllabify(%q) = %q has an empty syllable", w, syl)
			}
		}
		if n := spanishSyllables(w); n != len(syl) && !(n == 0 && len(syl) == 1) {
			t.Fatalf("spanishSyllables(%q) = %d, Syllabify gives %d %q", w, n, len(syl), syl)
		}
	})
}
