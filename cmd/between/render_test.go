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

func TestRender(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "old.html"), []byte("old"), 0o644))
	tests := []struct {
		name   string
		args   []string
		file   string // written by the command, if any
		prefix string // of the output (file or stdout)
		want   string
	}{
		{name: "html to stdout", args: []string{"render", "sleep-routine", "--param", "wake_time=6:00 AM"}, prefix: "<!DOCTYPE html>", want: "6:00 AM"},
		{name: "flags first", args: []string{"render", "--lang", "es", "--large-print", "sleep-routine"}, prefix: "<!DOCTYPE html>", want: `<body class="large-print">`},
		{name: "pdf by extension", args: []string{"render", "sleep-routine", "--lang", "es", "--large-print", "--param", "wake_time=6:00", "-o", filepath.Join(dir, "h.pdf")}, file: "h.pdf", prefix: "%PDF-"},
		{name: "json", args: []string{"render", "mood-journal", "--format", "json", "--lang", "es-419"}, prefix: "{", want: `"text_lang": "es"`},
		{name: "html file", args: []string{"render", "mood-journal", "-o", filepath.Join(dir, "m.html")}, file: "m.html", prefix: "<!DOCTYPE html>"},
		{name: "replaces a file", args: []string{"render", "mood-journal", "-o", filepath.Join(dir, "old.html")}, file: "old.html", prefix: "<!DOCTYPE html>"},
		{name: "format with other extension", args: []string{"render", "mood-journal", "--format", "json", "-o", filepath.Join(dir, "m.txt")}, file: "m.txt", prefix: "{"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, tt.args...)
			require.Equal(t, 0, code, stderr)
			got := stdout
			if tt.file != "" {
				assert.Contains(t, stdout, "wrote ")
				b, err := os.ReadFile(filepath.Join(dir, tt.file))
				require.NoError(t, err)
				got = string(b)
				fi, err := os.Stat(filepath.Join(dir, tt.file))
				require.NoError(t, err)
				assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "a personalised handout is readable by its owner only")
			}
			assert.True(t, strings.HasPrefix(got, tt.prefix), "output starts %.40q", got)
			assert.Contains(t, got, tt.want)
		})
	}
}

func TestRenderJSONLeavesOutClinicianNotes(t *testing.T) {
	stdout, stderr, code := runCLI(t, "render", "sleep-routine", "--format", "json", "--param", "wake_time=7:00")
	require.Equal(t, 0, code, stderr)
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
	assert.NotContains(t, stdout, "rationale")
	assert.NotContains(t, stdout, "follow_up")
	assert.Contains(t, stdout, `"value": "7:00"`)
}

func TestRenderRefuses(t *testing.T) {
	const secret = "Private-Value-42"
	dir := t.TempDir()
	siteDir := filepath.Join(dir, "site")
	require.NoError(t, os.MkdirAll(filepath.Join(siteDir, "es", "sleep-routine"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(siteDir, ".between-site"), nil, 0o644))

	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{name: "no id", args: []string{"render"}, code: 2, stderr: "render needs a handout id"},
		{name: "two ids", args: []string{"render", "a", "b"}, code: 2, stderr: `render takes one handout id, and got 2 words`},
		{name: "unknown id", args: []string{"render", "no-such"}, code: 1, stderr: `no such handout: "no-such" (run "between list"`},
		{name: "unknown param", args: []string{"render", "sleep-routine", "--param", "wake=" + secret}, code: 1, stderr: `no param "wake"`},
		{name: "param without value", args: []string{"render", "sleep-routine", "--param", secret}, code: 2, stderr: "--param (the 1st one): want name=value"},
		{name: "param twice", args: []string{"render", "sleep-routine", "--param", "wake_time=1", "--param", "wake_time=" + secret}, code: 2, stderr: `"wake_time" is given twice`},
		{name: "bad format", args: []string{"render", "sleep-routine", "--format", "docx"}, code: 2, stderr: "want html, pdf or json"},
		{name: "format and extension", args: []string{"render", "sleep-routine", "--format", "pdf", "-o", filepath.Join(dir, "x.html")}, code: 2, stderr: "does not end in .pdf"},
		{name: "bad lang", args: []string{"render", "sleep-routine", "--lang", "es_MX"}, code: 2, stderr: "use a hyphen"},
		{name: "no locale", args: []string{"render", "sleep-routine", "--lang", "ja"}, code: 1, stderr: "language not supported"},
		{name: "into the site", args: []string{"render", "sleep-routine", "-o", filepath.Join(siteDir, "x.pdf")}, code: 2, stderr: "never written into the site"},
		{name: "deep in the site", args: []string{"render", "sleep-routine", "-o", filepath.Join(siteDir, "es", "sleep-routine", "mine.html")}, code: 2, stderr: "inside the site in " + siteDir},
		{name: "a folder", args: []string{"render", "sleep-routine", "-o", dir}, code: 2, stderr: "is a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, tt.args...)
			assert.Equal(t, tt.code, code, stderr)
			assert.Contains(t, stderr, tt.stderr)
			assert.NotContains(t, stderr+stdout, secret, "a param's value is never echoed")
		})
	}
	entries, err := os.ReadDir(filepath.Join(siteDir, "es", "sleep-routine"))
	require.NoError(t, err)
	assert.Empty(t, entries, "nothing was written into the site")
	assert.NoFileExists(t, filepath.Join(siteDir, "x.pdf"))
}

func TestRenderLayersSources(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "clinic", "our-plan")
	require.NoError(t, os.MkdirAll(src, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(src, "en.md"), []byte(
		"---\nid: our-plan\ntitle: Our Plan\nsummary: A clinic's own plan.\nkind: plan\nparams:\n  - name: day\n    label: Day\n---\n\nOn {{day}}: ___\n"), 0o644))
	stdout, stderr, code := runCLI(t, "render", "our-plan", "--src", filepath.Dir(src), "--lang", "es", "--param", "day=lunes")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "Our Plan")
	assert.Contains(t, stdout, "lunes")
	assert.Contains(t, stdout, `<p class="note">`, "shown in English with a note in Spanish")
}

func TestI18nCheckGlyphs(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join("..", "..", "templates", "mood-journal", "es.md"))
	require.NoError(t, err)
	p := filepath.Join(dir, "templates", "mood-journal", "es.md")
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, append(b, "\nनमस्ते\n"...), 0o644))

	stdout, _, code := runCLI(t, "i18n", "check", "--locales", dir)
	assert.Equal(t, 1, code, stdout)
	assert.Contains(t, stdout, "mood-journal/es.md")
	assert.Contains(t, stdout, `font "andika" cannot draw`)
	assert.Contains(t, stdout, `'न' (U+0928)`)
}

// TestRenderAssignment renders the handout an assignment names, in its
// language and variant, through handout.RequestFor.
func TestRenderAssignment(t *testing.T) {
	src, err := os.ReadFile("../../notes/testdata/cases/mood-journal.assignment.yaml")
	require.NoError(t, err)
	dir := t.TempDir()
	file := filepath.Join(dir, "a.yaml")
	withRef := strings.Replace(string(src), "  template: mood-journal\n", "  template: mood-journal\n  language: es\n  variant: large-print\n", 1)
	require.NoError(t, os.WriteFile(file, []byte(withRef), 0o600))
	out := filepath.Join(dir, "h.html")
	stdout, stderr, code := runCLI(t, "render", "--assignment", file, "-o", out)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "wrote "+out+" (mood-journal, es, html)")
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(b), `<html lang="es"`)
	assert.Contains(t, string(b), "handout-large-print")

	_, stderr, code = runCLI(t, "render", "--assignment", file, "--lang", "en")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "--assignment names the handout")
	_, stderr, code = runCLI(t, "render", "mood-journal", "--assignment", file)
	assert.Equal(t, 2, code, stderr)

	none := filepath.Join(dir, "none.yaml")
	require.NoError(t, os.WriteFile(none, []byte(strings.Replace(string(src), "worksheet:\n  template: mood-journal\n", "", 1)), 0o600))
	_, stderr, code = runCLI(t, "render", "--assignment", none)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "names no worksheet")
}
