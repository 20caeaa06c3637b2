package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuildClinicLibrary(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"-src", filepath.Join("testdata", "clinic"), "-o", out}, &stdout, &stderr), stderr.String())
	assert.Contains(t, stdout.String(), "built ")
	assert.Contains(t, stdout.String(), "note: sleep-routine is shown in en on the es pages")

	read := func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		require.NoError(t, err)
		return string(b)
	}
	// The clinic's own handout, in both its languages, with its PDFs.
	assert.Contains(t, read("en/walking-plan/index.html"), "My Walking Plan")
	assert.Contains(t, read("es/walking-plan/index.html"), "Mi plan para caminar")
	for _, name := range []string{"es/walking-plan/walking-plan.pdf", "es/walking-plan/walking-plan-large-print.pdf"} {
		assert.True(t, bytes.HasPrefix([]byte(read(name)), []byte("%PDF-")), name)
	}
	// The clinic's sleep-routine replaces the default one in every language.
	assert.Contains(t, read("en/sleep-routine/index.html"), "Our Clinic&#39;s Sleep Routine")
	es := read("es/sleep-routine/index.html")
	assert.Contains(t, es, "Our Clinic&#39;s Sleep Routine")
	assert.Contains(t, es, `class="note"`, "shown in English with a note on the Spanish page")
	// The rest of the default library is still there.
	assert.Contains(t, read("es/mood-journal/index.html"), "<h1>")
	assert.Contains(t, read("en/index.html"), "walking-plan/index.html")
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		want string
	}{
		{nil, "-src is required"},
		{[]string{"-src", filepath.Join(dir, "missing")}, "no such file"},
		{[]string{"-src", "main.go"}, "is not a folder"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), tt.args, &stdout, &stderr)
		require.Error(t, err)
		assert.Contains(t, err.Error(), tt.want)
	}
}
