package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSymlinksOutOfFolders puts symbolic links in a --src and a --locales
// folder that point outside them: the commands never publish, list or
// render what they point to.
func TestSymlinksOutOfFolders(t *testing.T) {
	const secret = "SECRET-OUTSIDE-THE-FOLDER"
	tmpl := func(id string) []byte {
		return []byte("---\nid: " + id + "\ntitle: Handout " + id + "\nsummary: A handout.\nkind: log\n---\n\nWrite " + secret + " down.\n")
	}
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside")
	require.NoError(t, os.MkdirAll(filepath.Join(outside, "leak"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(outside, "leak", "en.md"), tmpl("leak"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(outside, "file.md"), tmpl("mood-journal"), 0o644))

	src := filepath.Join(dir, "clinic")
	require.NoError(t, os.MkdirAll(filepath.Join(src, "linked"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(src, "ours"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(src, "ours", "en.md"), []byte("---\nid: ours\ntitle: Ours\nsummary: A handout.\nkind: log\n---\n\nWrite it down.\n"), 0o644))
	require.NoError(t, os.Symlink(filepath.Join(outside, "leak"), filepath.Join(src, "leak")))
	require.NoError(t, os.Symlink(filepath.Join(outside, "file.md"), filepath.Join(src, "linked", "en.md")))

	out := filepath.Join(dir, "site")
	_, stderr, code := runCLI(t, "build", "--src", src, "--lang", "en", "--no-pdf", "-q", "-o", out)
	require.Equal(t, 0, code, stderr)
	require.NoError(t, filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		require.NoError(t, err)
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			assert.NotContains(t, string(b), secret, "%s publishes a file from outside the folders", p)
		}
		return nil
	}))
	assert.NoDirExists(t, filepath.Join(out, "en", "leak"))
	assert.NoDirExists(t, filepath.Join(out, "en", "linked"))

	stdout, stderr, code := runCLI(t, "list", "--src", src)
	require.Equal(t, 0, code, stderr)
	assert.NotContains(t, stdout, "leak")
	assert.NotContains(t, stdout, "linked")

	stdout, _, code = runCLI(t, "render", "leak", "--src", src, "--lang", "en")
	assert.NotEqual(t, 0, code)
	assert.NotContains(t, stdout, secret)

	// A translator's folder whose template is a link out of it: its
	// templates folder is a layer like any --src folder, so the link is
	// skipped the same way.
	locales := filepath.Join(dir, "pl")
	require.NoError(t, os.MkdirAll(filepath.Join(locales, "templates", "mood-journal"), 0o755))
	require.NoError(t, os.Symlink(filepath.Join(outside, "file.md"), filepath.Join(locales, "templates", "mood-journal", "en.md")))
	_, stderr, code = runCLI(t, "build", "--locales", locales, "--lang", "en", "--no-pdf", "-q", "-o", out)
	require.Equal(t, 0, code, stderr)
	assert.NotContains(t, stderr, secret)
	b, err := os.ReadFile(filepath.Join(out, "en", "mood-journal", "index.html"))
	require.NoError(t, err)
	assert.NotContains(t, string(b), secret, "the built-in mood journal is kept")
}

func TestOpenDirErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(file, []byte("x"), 0o644))
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"build", "--src", file, "-o", filepath.Join(dir, "site")}, 2, "--src " + file + " is not a folder"},
		{[]string{"list", "--src", file}, 2, "is not a folder"},
		{[]string{"list", "--src", filepath.Join(dir, "missing")}, 1, "--src"},
		{[]string{"lint", file}, 2, "is not a folder"},
		{[]string{"build", "--locales", file, "-o", filepath.Join(dir, "site")}, 1, "not a folder"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[:2], " "), func(t *testing.T) {
			_, stderr, code := runCLI(t, tt.args...)
			assert.Equal(t, tt.code, code, stderr)
			assert.Contains(t, stderr, tt.stderr)
		})
	}
	assert.NoDirExists(t, filepath.Join(dir, "site"))
}

// TestBuildVersion checks that the cache key of a development build is
// cheap and stable within one executable.
func TestBuildVersion(t *testing.T) {
	v := buildVersion()
	assert.Equal(t, v, buildVersion())
	if strings.HasSuffix(version, "-dev") {
		assert.NotEqual(t, "between "+version, v, "a development build names its code too")
	}
	assert.True(t, strings.HasPrefix(v, "between "+version), v)
}
