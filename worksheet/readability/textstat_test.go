package readability

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/betweensessions/between/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// TestTextstatTexts measures textstat's public test texts and checks the
// Flesch–Kincaid grade against one computed with CMU Pronouncing
// Dictionary syllable counts (testdata/textstat/reference.tsv; see the
// README beside it), and against textstat's published value where there
// is one. The goal is within 0.5 of a grade.
func TestTextstatTexts(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "textstat", "reference.tsv"))
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	rows := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		col := strings.Split(sc.Text(), "\t")
		require.Len(t, col, 6, "reference.tsv: %q", sc.Text())
		rows++
		t.Run(col[0], func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "textstat", col[0]))
			require.NoError(t, err)
			r := Analyzer{}.AnalyzeText(language.English, string(src), nil)
			assert.Equal(t, atoi(t, col[1]), r.Words, "words")
			assert.Equal(t, atoi(t, col[2]), r.Sentences, "sentences")
			cmuSyl, cmuGrade := atoi(t, col[3]), atof(t, col[4])
			assert.InDelta(t, cmuSyl, r.Syllables, 0.01*float64(cmuSyl), "syllables within 1%% of CMUdict")
			assert.InDelta(t, cmuGrade, r.Score.Value, 0.5, "grade within 0.5 of CMUdict-based grade")
			t.Logf("%s: %d syllables (CMUdict %d), grade %.2f (CMUdict %.2f, off by %+.2f)",
				col[0], r.Syllables, cmuSyl, r.Score.Value, cmuGrade, r.Score.Value-cmuGrade)
			if col[5] != "-" {
				published := atof(t, col[5])
				assert.InDelta(t, published, r.Score.Value, 0.5, "grade within 0.5 of textstat's %v", published)
				t.Logf("%s: textstat publishes %.2f, off by %+.2f", col[0], published, r.Score.Value-published)
			}
		})
	}
	require.NoError(t, sc.Err())
	assert.Equal(t, 7, rows)
}

// TestTextstatSpanish checks the syllabification of every word of
// textstat's Spanish text against a hand-checked division, and both
// Spanish formulas against values worked out from the counts:
//
//	162 words, 6 sentences, 329 syllables: W/S = 27, Sy/W = 2.0309
//	  FH = 206.84 − 60·2.0309 − 1.02·27 = 57.45 (algo difícil)
//	  SP = 206.835 − 62.3·2.0309 − 27  = 53.31 (INFLESZ algo difícil)
func TestTextstatSpanish(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "textstat", "long_spanish.txt"))
	require.NoError(t, err)
	golden, err := os.ReadFile(filepath.Join("testdata", "textstat", "long_spanish.syllables"))
	require.NoError(t, err)
	want := strings.Fields(string(golden))
	words := strings.Fields(string(src))
	require.Len(t, words, len(want))
	for i, w := range words {
		assert.Equal(t, want[i], strings.Join(Syllabify(w), "-"), "word %d %q", i+1, w)
	}

	for _, tc := range []struct {
		formula string
		value   float64
		band    string
	}{
		{"fernandez-huerta", 57.45, "algo difícil"},
		{"szigriszt-pazos", 53.31, "algo difícil"},
	} {
		loc := &i18n.Locale{Tag: language.Spanish, Readability: i18n.Readability{Formula: tc.formula, Target: 55}}
		r := Analyzer{}.AnalyzeText(language.Spanish, string(src), loc)
		assert.Equal(t, Counts{Words: 162, Sentences: 6, Syllables: 329}, r.Counts)
		assert.InDelta(t, tc.value, r.Score.Value, 0.005, tc.formula)
		assert.Equal(t, tc.band, r.Score.Band, tc.formula)
		assert.Equal(t, tc.value >= 55, r.MeetsTarget, tc.formula)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	require.NoError(t, err)
	return n
}

func atof(t *testing.T, s string) float64 {
	t.Helper()
	x, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err)
	require.False(t, math.IsNaN(x))
	return x
}
