package hwyaml_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/homework/hwyaml"
	"github.com/betweensessions/between/internal/bounded"
	"github.com/betweensessions/between/internal/marker"
)

// decodeEither decodes src as a review when review is set, else as an
// assignment.
func decodeEither(review bool, name string, r io.Reader) error {
	if review {
		_, err := hwyaml.DecodeReview(name, r)
		return err
	}
	_, err := hwyaml.DecodeAssignment(name, r)
	return err
}

// Every error is a *diag.Error with a line (and, where a field is named,
// a column) in the file.
func TestDecodePositions(t *testing.T) {
	tests := []struct {
		name   string
		review bool
		src    string
		want   string
	}{
		{"syntax, parser line", false, "task:\n  what: x\n  - y\n", "hwyaml: a.yaml:3:3: the assignment is not valid YAML: did not find expected key"},
		{"syntax, tab", false, "task:\n  what: x\n\twhen: y\n", "hwyaml: a.yaml:3:1: the assignment is not valid YAML: found a tab character that violates indentation"},
		{"unknown key", false, "task:\n  what: x\n  wehn: y\n", `hwyaml: a.yaml:3:3: unknown key "wehn" in task (did you mean "when"?)`},
		{"wrong type", true, "days_planned: 7\ndays_completed: [1]\n", "hwyaml: r.yaml:2:17: days_completed: want a whole number such as 10"},
		{"duplicate key", false, "rationale: x\ntask:\n  what: x\nrationale: y\n", `hwyaml: a.yaml:4:1: key "rationale" is given twice; the first is on line 1`},
		{"float for minutes", false, "task:\n  minutes: 1e9\n", "hwyaml: a.yaml:2:12: task.minutes: want a whole number such as 10"},
		{"huge minutes", false, "task:\n  minutes: 9223372036854775807\n", "hwyaml: a.yaml:2:12: task.minutes: the number is out of range; want at most 1000000000 either way from 0"},
		{"minutes past a day", false, "task:\n  minutes: 1441\n", "hwyaml: a.yaml:2:12: task.minutes: more than 1440, the most it may be"},
		{"days past a year", true, "days_planned: 400\n", "hwyaml: r.yaml:1:15: days_planned: more than 366, the most it may be"},
		{"too many parts", false, "adaptations:\n  neurodivergent:\n    parts: 13\n    minutes_per_part: 5\n    reason: x\n", "hwyaml: a.yaml:3:12: adaptations.neurodivergent.parts: more than 12, the most it may be"},
		{"custom measure value", true, "custom_measures:\n  - name: sleep\n    value: 1e12\n", "hwyaml: r.yaml:3:12: custom_measures[0].value: the number is out of range; want at most 1000000000 either way from 0"},
		{"alias", false, "rationale: &r x\nobservations: *r\n", "hwyaml: a.yaml:2:15: an alias (*name) is not allowed; write the value out in full"},
		{"second document", false, "rationale: x\n---\nrationale: y\n", `hwyaml: a.yaml:2:1: the assignment holds more than one YAML document; remove the second "---" line and what follows it`},
		{"control character", false, "rationale: x\x1b[31m\n", "hwyaml: a.yaml:1:13: the assignment holds a byte that is not UTF-8 text, or a control character; save it as plain UTF-8 text"},
		{"not a mapping", true, "- 7\n", `hwyaml: r.yaml:1:1: the review must be keys with values, one a line, such as "key: value"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "a.yaml"
			if tt.review {
				name = "r.yaml"
			}
			err := decodeEither(tt.review, name, strings.NewReader(tt.src))
			require.EqualError(t, err, tt.want)
			var e *diag.Error
			require.True(t, errors.As(err, &e), "errors.As finds a *diag.Error")
			assert.Equal(t, name, e.Path)
			assert.Positive(t, e.Line)
			assert.Empty(t, e.Src, "a record's line is never quoted")
		})
	}
}

// A null is a missing value: the record decodes as if the key were absent.
func TestNullIsMissing(t *testing.T) {
	a, err := hwyaml.DecodeAssignment("a.yaml", strings.NewReader("rationale: ~\ntask:\n  what: null\n  minutes: ~\n"))
	require.NoError(t, err)
	assert.Empty(t, a.Rationale)
	assert.Zero(t, a.Task.Minutes)
	gaps := a.Check()
	assert.False(t, gaps.OK(), "the checklist counts a null rationale as missing")
	assert.Contains(t, gaps.String(), "rationale")
}

// A record larger than MaxSize is refused after reading at most
// MaxSize+1 bytes.
func TestTooLarge(t *testing.T) {
	r := &countingReader{r: io.MultiReader(strings.NewReader("rationale: "), infinite('x'))}
	_, err := hwyaml.DecodeAssignment("big.yaml", r)
	require.EqualError(t, err, "hwyaml: big.yaml: the assignment is too large: over 256 KB; a record may be at most 256 KB")
	assert.LessOrEqual(t, r.n, int64(hwyaml.MaxSize+1))
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

type infinite byte

func (b infinite) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}

// Aliases are refused, quickly and in little memory, however much they
// would expand: a 300 KB assignment of aliases made a 400 MB note.
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("observations: &a0 \"" + strings.Repeat("x", 1000) + "\"\n")
	for i := 1; b.Len() < 250<<10; i++ {
		fmt.Fprintf(&b, "rationale%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
	}
	src := b.String()
	for _, review := range []bool{false, true} {
		var err error
		bounded.Run(t, "decode", bounded.Limits{Time: 2 * time.Second, Alloc: 64 << 20}, func() {
			err = decodeEither(review, "bomb.yaml", strings.NewReader(src))
		})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "hwyaml: bomb.yaml:2:")
		assert.Contains(t, err.Error(), "alias")
	}
}

// No error repeats a client's words: the marker word, put in every value,
// as a key, and in broken lines of each golden record, never reaches the
// message, and no line of a record is quoted.
func TestClientWordsNeverInErrors(t *testing.T) {
	for _, tc := range []struct {
		file   string
		review bool
	}{{"assignment.yaml", false}, {"assignment-minimal.yaml", false}, {"review.yaml", true}} {
		src, err := os.ReadFile(filepath.Join("testdata", tc.file))
		require.NoError(t, err)
		variants, err := marker.Variants(src)
		require.NoError(t, err)
		require.Greater(t, len(variants), 50, "variants of %s", tc.file)
		refused := 0
		for _, v := range variants {
			err := decodeEither(tc.review, tc.file, bytes.NewReader(v.Src))
			if err == nil {
				continue
			}
			refused++
			require.NotContains(t, strings.ToUpper(err.Error()), marker.Word, "%s: %s\n%s", tc.file, v.Name, v.Src)
			var list diag.List
			if errors.As(err, &list) {
				for _, e := range list {
					assert.NotContains(t, strings.ToUpper(e.Error()), marker.Word, "%s: %s", tc.file, v.Name)
					assert.Empty(t, e.Src, "%s: %s", tc.file, v.Name)
					assert.Positive(t, e.Line, "%s: %s: %v", tc.file, v.Name, e)
				}
			}
		}
		t.Logf("%s: %d variants, %d refused", tc.file, len(variants), refused)
		assert.Greater(t, refused, len(variants)/3, "most variants are refused, so the messages were looked at")
	}
}
