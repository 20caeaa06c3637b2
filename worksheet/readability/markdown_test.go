package readability_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/readability"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite the golden reports in testdata/handouts")

// parse parses a handout from testdata/handouts; the file "x-en.md" is
// parsed under the name "x/en.md" so the parser takes its language from it.
func parse(t testing.TB, file string) *worksheet.Worksheet {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "handouts", file))
	require.NoError(t, err)
	base := strings.TrimSuffix(file, ".md")
	i := strings.LastIndexByte(base, '-')
	ws, err := worksheet.NewParser().Parse(base[:i]+"/"+base[i+1:]+".md", src)
	require.NoError(t, err)
	return ws
}

// locales are the locale facts the tests use, as the i18n package sets
// them for English and Spanish.
var locales = map[string]*i18n.Locale{
	"en": {Tag: language.MustParse("en-US"), Readability: i18n.Readability{Formula: "flesch-kincaid", Target: 6}},
	"es": {Tag: language.MustParse("es-ES"), Readability: i18n.Readability{Formula: "szigriszt-pazos", Target: 65}},
}

// TestMarkdownGolden parses the handouts in testdata/handouts and compares
// their reports with the golden JSON beside them. Run with -update to
// rewrite the golden files after a deliberate change.
func TestMarkdownGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "handouts", "*.md"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			ws := parse(t, name)
			lang, _ := ws.Lang.Base()
			r := readability.Analyze(ws, locales[lang.String()])
			got, err := json.MarshalIndent(r, "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, ".md") + ".report.json"
			if *update {
				require.NoError(t, os.WriteFile(golden, got, 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -update to create %s", golden)
			assert.Equal(t, string(want), string(got))
		})
	}
}

// TestMarkdownLines checks that findings point at the right source lines
// of a parsed handout.
func TestMarkdownLines(t *testing.T) {
	src := []byte(`---
id: breathing
title: Slow breathing
summary: Breathe slowly to calm your body.
kind: handout
---
## How to do it

Sit down. Breathe in through your nose
while you count to four. PLEASE DO THIS _every_ day.

- Breathe out slowly
- Repeat five times

The exercise was developed for people who experience panic, and it is
used in psychoeducation groups in many clinics and hospitals across the country.
`)
	ws, err := worksheet.NewParser().Parse("breathing/en.md", src)
	require.NoError(t, err)
	r := readability.Analyze(ws, locales["en"])
	var got []string
	for _, f := range r.Findings {
		if f.Code != readability.LongWord {
			got = append(got, f.Severity.String()+" "+string(f.Code)+" "+itoa(f.Line))
		}
	}
	// Sorted by line, then code. The bulleted list is not numbered steps
	// and there is nowhere to write, so the handout has no steps.
	assert.Equal(t, []string{
		"info no-steps 0",
		"warning all-caps 10",      // PLEASE DO THIS
		"warning italics 10",       // _every_
		"warning long-sentence 15", // 24 words over two lines
		"info passive-voice 15",    // was developed
		"warning jargon 16",        // psychoeducation
	}, got)
	assert.True(t, r.MeetsTarget, "grade %.2f", r.Score.Value)
	// Only prose counts toward the formula: summary 6, paragraph 2+10+5,
	// items 3+3, last 24. The title (2) and the heading (4) are fragments.
	assert.Equal(t, 6+2+10+5+3+3+24, r.Words)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(bytes.TrimSpace(b))
}
