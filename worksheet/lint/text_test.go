package lint_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet/lint"
	"github.com/betweensessions/between/worksheet/readability"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// sample is a hand-made result, so the golden files test the formats and
// not the analyser's numbers.
func sample() lint.Result {
	return lint.Result{
		Strict: true,
		Templates: []lint.Template{{
			ID: "walk",
			Files: []lint.File{
				{
					Path: "walk/en.md", Lang: language.English,
					Reading: &lint.Reading{Formula: "flesch-kincaid", Value: 7.25, Scale: readability.GradeScale,
						Band: "fairly easy", Target: 6, Words: 120, Sentences: 10},
					Findings: []lint.Finding{
						{Position: diag.Position{Path: "walk/en.md"}, Severity: lint.Warning, Code: "readability/above-target", Message: "reading grade 7.2 (fairly easy) is above the target 6 (flesch-kincaid)"},
						{Position: diag.Position{Path: "walk/en.md", Line: 9}, Severity: lint.Info, Code: "readability/long-word", Message: `long word "relationship" (4 or more syllables): is there a shorter one?`},
						{Position: diag.Position{Path: "walk/en.md", Line: 12, Col: 7}, Severity: lint.Error, Code: lint.Glyph, Message: `font "andika" for en cannot draw U+4E2D '中' (regular); the PDF would leave a hole, so the build refuses it`},
					},
				},
				{
					Path: "walk/es.md", Lang: language.Spanish, Translation: templates.Translated,
					Reading: &lint.Reading{Formula: "szigriszt-pazos", Value: 58, Scale: readability.EaseScale,
						Band: "normal", Target: 55, Reason: "it names the medicine", MeetsTarget: true, Words: 130, Sentences: 11},
					Findings: []lint.Finding{
						{Position: diag.Position{Path: "walk/es.md", Line: 6, Col: 1}, Severity: lint.Info, Code: lint.Override, Message: "readability target 55 set in front matter in place of 65 (szigriszt-pazos): it names the medicine"},
					},
				},
				{
					Path: "walk/fr.md", Lang: language.French, Absent: true, Translation: templates.Missing,
					Findings: []lint.Finding{{Position: diag.Position{Path: "walk/fr.md"}, Severity: lint.Warning, Code: lint.Missing, Message: "no fr file; the fr pages show this handout in English"}},
				},
			},
		}},
		Summary: lint.Summary{Errors: 1, Warnings: 2, Infos: 2, Files: 2, FilesWithProblems: 2},
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(p, got, 0o644))
	}
	want, err := os.ReadFile(p)
	require.NoError(t, err, "run go test -update to create %s", p)
	assert.Equal(t, string(want), string(got), "%s differs; run go test -update if the change is meant", p)
}

func TestWriteText(t *testing.T) {
	res := sample()
	for _, tt := range []struct {
		name string
		min  lint.Severity
	}{{"text.golden", lint.Info}, {"text-quiet.golden", lint.Warning}} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, res.WriteText(&b, tt.min))
			golden(t, tt.name, b.Bytes())
		})
	}
}

// TestJSON pins the field names tools rely on (docs/lint.md).
func TestJSON(t *testing.T) {
	res := sample()
	b, err := json.MarshalIndent(&res, "", "  ")
	require.NoError(t, err)
	golden(t, "result.json", append(b, '\n'))

	var back lint.Result
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, res, back, "the JSON form reads back into the same Result")
}

func TestSeverityText(t *testing.T) {
	for _, s := range []lint.Severity{lint.Info, lint.Warning, lint.Error} {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back lint.Severity
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	var s lint.Severity
	assert.Error(t, s.UnmarshalText([]byte("fatal")))
	_, err := lint.Severity(7).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "Severity(7)", lint.Severity(7).String())
}
