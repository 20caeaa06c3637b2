package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lintFixture is a template that lints clean.
const lintFixture = `---
id: walk
title: A short walk
summary: Take a short walk each day.
kind: plan
---
# A short walk

1. Put on your shoes.
2. Walk for ten minutes.
3. Write how you feel: ___
`

// writeTemplates writes files (name → text) under a new folder and
// returns it.
func writeTemplates(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	return dir
}

func TestLintCLI(t *testing.T) {
	clean := writeTemplates(t, map[string]string{"walk/en.md": lintFixture})
	broken := writeTemplates(t, map[string]string{"walk/en.md": strings.Replace(lintFixture, "kind: plan\n", "kind: plan\ncolour: blue\n", 1)})
	hard := writeTemplates(t, map[string]string{"walk/en.md": lintFixture +
		"\nThe multidisciplinary therapeutic intervention necessitates considerable deliberation regarding individual circumstances, particularly concerning interpersonal relationships and physiological manifestations.\n"})
	empty := t.TempDir()
	file := filepath.Join(clean, "walk", "en.md")
	slash := filepath.ToSlash

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr string
	}{
		{name: "library", args: []string{"lint"}, code: 0, stdout: []string{"== sleep-routine: en grade", "0 errors, 0 warnings in 0 files (34 files checked"}},
		{name: "library strict", args: []string{"lint", "--strict", "-q"}, code: 0, stdout: []string{"0 errors, 0 warnings"}},
		{name: "clean folder", args: []string{"lint", "--strict", clean}, code: 0, stdout: []string{"== walk: en grade", "(1 file checked"}},
		{name: "errors fail", args: []string{"lint", broken}, code: 1,
			stdout: []string{slash(broken) + `/walk/en.md:6:1: error: unknown key "colour" in the front matter`, "1 error, 0 warnings in 1 file"}},
		{name: "warnings pass", args: []string{"lint", hard}, code: 0, stdout: []string{"warning: reading grade", "[readability/above-target]"}},
		{name: "strict after the folder", args: []string{"lint", hard, "--strict"}, code: 1, stdout: []string{"0 errors, "}},
		{name: "two folders", args: []string{"lint", clean, broken}, code: 1, stdout: []string{"(2 files checked"}},
		{name: "no templates", args: []string{"lint", empty}, code: 1, stderr: "no template files"},
		{name: "no such folder", args: []string{"lint", filepath.Join(empty, "nope")}, code: 1, stderr: "lint:"},
		{name: "not a folder", args: []string{"lint", file}, code: 2, stderr: "is not a folder"},
		{name: "bad flag", args: []string{"lint", "--frob"}, code: 2, stderr: "an unknown flag"},
		{name: "help", args: []string{"lint", "-h"}, code: 0, stderr: "Usage: between lint"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.args...)
			require.Equal(t, tt.code, code, "exit code; stdout:\n%s\nstderr:\n%s", out, errOut)
			for _, s := range tt.stdout {
				assert.Contains(t, out, s)
			}
			assert.Contains(t, errOut, tt.stderr)
		})
	}
}

// TestLintJSON checks the field names docs/lint.md promises.
func TestLintJSON(t *testing.T) {
	broken := writeTemplates(t, map[string]string{"walk/en.md": strings.Replace(lintFixture, "kind: plan\n", "kind: plan\ncolour: blue\n", 1)})
	out, errOut, code := runCLI(t, "lint", "--json", broken)
	require.Equal(t, 1, code, errOut)
	var got struct {
		Templates []struct {
			ID    string `json:"id"`
			Files []struct {
				Path     string           `json:"path"`
				Lang     string           `json:"lang"`
				Findings []map[string]any `json:"findings"`
			} `json:"files"`
		} `json:"templates"`
		Summary map[string]int `json:"summary"`
		Strict  *bool          `json:"strict"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	require.NoError(t, dec.Decode(&got), out)
	require.Len(t, got.Templates, 1)
	assert.Equal(t, "walk", got.Templates[0].ID)
	require.Len(t, got.Templates[0].Files, 1)
	f := got.Templates[0].Files[0]
	assert.Equal(t, filepath.ToSlash(broken)+"/walk/en.md", f.Path)
	assert.Equal(t, "en", f.Lang)
	require.Len(t, f.Findings, 1)
	fd := f.Findings[0]
	for _, k := range []string{"path", "line", "col", "severity", "code", "message"} {
		assert.Contains(t, fd, k)
	}
	assert.Equal(t, "error", fd["severity"])
	assert.Equal(t, "parse", fd["code"])
	assert.EqualValues(t, 6, fd["line"])
	assert.Equal(t, map[string]int{"errors": 1, "warnings": 0, "infos": 0, "files": 1, "files_with_problems": 1}, got.Summary)
	require.NotNil(t, got.Strict)
	assert.False(t, *got.Strict)
}
