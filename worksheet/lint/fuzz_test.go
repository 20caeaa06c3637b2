package lint_test

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/worksheet/lint"
)

// FuzzRun lints one arbitrary file as walk/en.md: lint never fails on a
// template's content, and every finding names the file and a sane place.
func FuzzRun(f *testing.F) {
	for _, seed := range []string{
		english,
		english + hard,
		strings.Replace(english, "kind: plan\n", "kind: plan\nreadability:\n  target: 9\n  reason: x\n  why: y\n", 1),
		strings.Replace(english, "kind: plan\n", "kind: plan\nreadability: 7\n", 1),
		english + "\n<div>x</div>\n\n::: line\n\n{{nope}}\n",
		"---\nid: walk\n---\n\xff",
		"",
		"---\n",
		english + "\n中文 ☐ \u200b\n",
	} {
		f.Add(seed)
	}
	cat, r := shared()
	f.Fuzz(func(t *testing.T, text string) {
		src := fstest.MapFS{"walk/en.md": {Data: []byte(text)}}
		res, err := lint.Run(context.Background(), lint.Options{Sources: []fs.FS{src}, Locales: cat, PDF: r})
		require.NoError(t, err)
		lines := strings.Count(text, "\n") + 1
		for _, fd := range all(res) {
			assert.Equal(t, "walk/en.md", fd.Path)
			assert.True(t, fd.Line >= 0 && fd.Line <= lines, "line %d of %d: %s", fd.Line, lines, fd)
			assert.GreaterOrEqual(t, fd.Col, 0)
			assert.NotEmpty(t, fd.Message)
		}
	})
}
