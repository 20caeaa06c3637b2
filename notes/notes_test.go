package notes_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/homework/hwyaml"
	"github.com/betweensessions/between/notes"
	"github.com/betweensessions/between/worksheet/handout"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testCase is one synthetic record under testdata/cases: NAME.assignment.yaml
// and, when the case has one, NAME.review.yaml.
type testCase struct {
	name string
	in   notes.Input
}

// cases loads every case, each once as assigned and, when it has a review,
// once more as reviewed ("NAME.review").
func cases(t testing.TB) []testCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "cases", "*.assignment.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	sort.Strings(files)
	var out []testCase
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".assignment.yaml")
		a := decodeAssignment(t, f)
		out = append(out, testCase{name: name, in: notes.Input{Assignment: a}})
		rf := filepath.Join("testdata", "cases", name+".review.yaml")
		if _, err := os.Stat(rf); err == nil {
			src, err := os.ReadFile(rf)
			require.NoError(t, err)
			r, err := hwyaml.DecodeReview(rf, bytes.NewReader(src))
			require.NoError(t, err)
			out = append(out, testCase{name: name + ".review", in: notes.Input{Assignment: a, Review: r}})
		}
	}
	return out
}

func decodeAssignment(t testing.TB, path string) *homework.Assignment {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	a, err := hwyaml.DecodeAssignment(path, bytes.NewReader(src))
	require.NoError(t, err)
	return a
}

// golden compares got with testdata/golden/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got), "%s differs; run go test -update if the change is intended", path)
}

var langs = []language.Tag{language.English, language.Spanish}

func newWriter(t testing.TB) *notes.Writer {
	t.Helper()
	w, err := notes.New(nil)
	require.NoError(t, err)
	return w
}

// describe names the case's handout in lang from the built-in library, as
// between note does.
func describe(t testing.TB, r *handout.Renderer, in notes.Input, lang language.Tag) notes.Input {
	t.Helper()
	if in.Assignment.Worksheet == nil {
		return in
	}
	d, err := r.Describe(*in.Assignment.Worksheet, lang)
	require.NoError(t, err)
	in.Handout = &notes.Handout{Title: d.Title, Labels: d.Labels}
	return in
}

func TestNotesGolden(t *testing.T) {
	w := newWriter(t)
	r, err := handout.New(handout.Options{})
	require.NoError(t, err)
	for _, c := range cases(t) {
		for _, lang := range langs {
			c := c
			c.in = describe(t, r, c.in, lang)
			var all strings.Builder
			for _, f := range notes.Styles() {
				n, err := w.Note(f, c.in, notes.Options{Lang: lang})
				require.NoError(t, err, "%s %s %s", c.name, f, lang)
				all.WriteString("== " + f.String() + "\n")
				_, err = n.WriteTo(&all)
				require.NoError(t, err)
				all.WriteString("\n")
				again, err := w.Note(f, c.in, notes.Options{Lang: lang})
				require.NoError(t, err)
				assert.Equal(t, n.String(), again.String(), "output is deterministic")
			}
			all.WriteString("== gaps\n" + notes.Check(c.in).String() + "\n")
			if ws := notes.Warnings(c.in, lang); len(ws) > 0 {
				all.WriteString("== warnings\n")
				for _, w := range ws {
					all.WriteString(w.String() + "\n")
				}
			}
			t.Run(c.name+"/"+lang.String(), func(t *testing.T) {
				golden(t, c.name+"."+lang.String()+".txt", []byte(all.String()))
			})
		}
	}
	assert.Empty(t, w.Catalog().Fallbacks(), "every sentence exists in English and Spanish")
}

func decodeA(s string) (*homework.Assignment, error) {
	return hwyaml.DecodeAssignment("fuzz.yaml", strings.NewReader(s))
}

func decodeR(s string) (*homework.Review, error) {
	return hwyaml.DecodeReview("fuzz.yaml", strings.NewReader(s))
}
