package main

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
)

func TestDocumentIsDeterministic(t *testing.T) {
	tests := []struct {
		name      string
		a, b      generator
		i, j      int
		wantEqual bool
	}{
		{name: "same seed and index", a: generator{seed: 1}, b: generator{seed: 1}, i: 7, j: 7, wantEqual: true},
		{name: "other index", a: generator{seed: 1}, b: generator{seed: 1}, i: 7, j: 8},
		{name: "other seed", a: generator{seed: 1}, b: generator{seed: 2}, i: 7, j: 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, y := tt.a.document(tt.i).between(), tt.b.document(tt.j).between()
			if tt.wantEqual {
				assert.Equal(t, string(x), string(y))
			} else {
				assert.NotEqual(t, string(x), string(y))
			}
		})
	}
}

func TestBetweenFilesParse(t *testing.T) {
	p := worksheet.NewParser()
	g := generator{seed: 3}
	for i := range 50 {
		d := g.document(i)
		en := d.between()
		ws, err := p.Parse(d.id+"/en.md", en)
		require.NoError(t, err, "worksheet %d in English", i)
		assert.Equal(t, d.id, ws.Meta.ID)
		es := g.spanish(i).betweenTranslation(en)
		ws, err = p.Parse(d.id+"/es.md", es)
		require.NoError(t, err, "worksheet %d in Spanish", i)
		assert.Equal(t, language.Spanish, ws.Lang)
	}
}

func TestHugoCopyIsPlainMarkdown(t *testing.T) {
	bareBlank := regexp.MustCompile(`(^|[^\\])___`)
	g := generator{seed: 1}
	for i := range 20 {
		h := string(g.document(i).hugo())
		assert.NotContains(t, h, ":::", "worksheet %d keeps a directive", i)
		assert.NotRegexp(t, bareBlank, h, "worksheet %d keeps an unescaped blank", i)
		assert.Contains(t, h, "| Mon | Tue | Wed | Thu | Fri | Sat | Sun |", "worksheet %d has no tracker table", i)
		assert.NotContains(t, h, "\nkind:", "worksheet %d sets Hugo's own kind", i)
	}
}

func TestRunWritesCorpus(t *testing.T) {
	out := filepath.Join(t.TempDir(), "corpus")
	require.NoError(t, run([]string{"-n", "3", "-langs", "en,es", "-out", out}, io.Discard))
	for _, f := range []string{"between/ws-00001/en.md", "between/ws-00003/es.md", "hugo/ws-00002.md"} {
		assert.FileExists(t, filepath.Join(out, f))
	}
	lib, err := templates.Layer(os.DirFS(filepath.Join(out, "between")))
	require.NoError(t, err)
	require.Len(t, lib.IDs(), 3)
	for _, id := range lib.IDs() {
		tr, _, err := lib.Translation(id, language.Spanish)
		require.NoError(t, err)
		assert.Equal(t, templates.Translated, tr.State, id)
	}

	err = run([]string{"-n", "1", "-out", out}, io.Discard)
	assert.ErrorContains(t, err, "is not empty")
}

func TestRunRejectsBadFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{name: "no out", args: []string{"-n", "1"}, want: "-out is required"},
		{name: "zero", args: []string{"-n", "0", "-out", "x"}, want: "-n must be at least 1"},
		{name: "language", args: []string{"-langs", "en,fr", "-out", "x"}, want: `"fr" is not supported`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.ErrorContains(t, run(tt.args, io.Discard), tt.want)
		})
	}
}
