package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuildCommand(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "clinic")
	require.NoError(t, os.MkdirAll(filepath.Join(src, "our-plan"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(src, "our-plan", "en.md"),
		[]byte("---\nid: our-plan\ntitle: Our Plan\nsummary: A clinic's own plan.\nkind: plan\n---\n\nStep one: ___\n"), 0o644))
	out := filepath.Join(dir, "site")

	stdout, stderr, code := runCLI(t, "build", "--src", src, "-o", out, "--lang", "en")
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Contains(t, stdout, "built ")
	assert.Contains(t, stdout, "1 language (en)")
	assert.FileExists(t, filepath.Join(out, "en", "our-plan", "large-print.html"))
	assert.FileExists(t, filepath.Join(out, "en", "sleep-routine", "index.html"))

	stdout, _, code = runCLI(t, "build", "--src", src, "-o", out, "--lang", "en", "-q")
	require.Equal(t, 0, code, "a second build replaces the first")
	assert.Empty(t, stdout)

	stdout, _, code = runCLI(t, "list", "--src", src)
	require.Equal(t, 0, code)
	assert.Contains(t, stdout, "ID")
	assert.Regexp(t, `our-plan\s+plan\s+en\s+Our Plan`, stdout)
	assert.Regexp(t, `sleep-routine\s+plan\s+en`, stdout)
}

func TestBuildCommandErrors(t *testing.T) {
	dir := t.TempDir()
	notSite := filepath.Join(dir, "docs")
	require.NoError(t, os.MkdirAll(notSite, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(notSite, "letter.txt"), []byte("x"), 0o644))

	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"build", "--lang", "not a tag"}, 2, "not a language tag"},
		{[]string{"build", "extra"}, 2, "takes no arguments"},
		{[]string{"build", "--src", filepath.Join(dir, "missing")}, 1, "--src"},
		{[]string{"build", "-o", notSite}, 1, "not a site Between built"},
		{[]string{"list", "extra"}, 2, "takes no arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.args[0]+" "+tt.args[1], func(t *testing.T) {
			_, stderr, code := runCLI(t, tt.args...)
			assert.Equal(t, tt.code, code, "stderr: %s", stderr)
			assert.Contains(t, stderr, tt.stderr)
		})
	}
	assert.NoFileExists(t, filepath.Join(dir, "site"))
}
