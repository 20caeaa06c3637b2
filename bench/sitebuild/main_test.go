package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const handout = `---
id: tiny
title: Tiny
summary: One line.
kind: log
---
Today I felt ___.

::: tracker Mood | Sleep
`

func TestRunBuildsSite(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantPDF bool
	}{
		{name: "html only"},
		{name: "with pdf", args: []string{"-pdf"}, wantPDF: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			src := filepath.Join(dir, "src")
			require.NoError(t, os.MkdirAll(filepath.Join(src, "tiny"), 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(src, "tiny", "en.md"), []byte(handout), 0o644))
			out := filepath.Join(dir, "site")
			prof := filepath.Join(dir, "cpu.prof")
			args := append([]string{"-src", src, "-o", out, "-lang", "en", "-cpuprofile", prof}, tt.args...)
			var stdout bytes.Buffer
			require.NoError(t, run(context.Background(), args, &stdout, io.Discard))
			assert.Contains(t, stdout.String(), "built")
			assert.FileExists(t, filepath.Join(out, "en", "tiny", "index.html"))
			assert.FileExists(t, filepath.Join(out, "en", "tiny", "large-print.html"))
			assert.FileExists(t, prof)
			_, err := os.Stat(filepath.Join(out, "en", "tiny", "tiny.pdf"))
			assert.Equal(t, tt.wantPDF, err == nil, "tiny.pdf exists: %v", err)
		})
	}
}

func TestRunRejectsBadLanguage(t *testing.T) {
	err := run(context.Background(), []string{"-lang", "not a tag!", "-o", t.TempDir()}, io.Discard, io.Discard)
	assert.ErrorContains(t, err, "is not a language tag")
}
