package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/i18n"
)

func TestI18nCLI(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{args: []string{"i18n"}, code: 2, stderr: "i18n needs a command"},
		{args: []string{"i18n", "frob"}, code: 2, stderr: `unknown i18n command "frob"`},
		{args: []string{"i18n", "status"}, code: 0, stdout: "es-MX"},
		{args: []string{"i18n", "status", "extra"}, code: 2, stderr: "takes no arguments"},
		{args: []string{"i18n", "check"}, code: 0, stdout: "ok: every UI string runs in 6 languages"},
		{args: []string{"i18n", "new"}, code: 2, stderr: "needs a language tag"},
		{args: []string{"i18n", "new", "pt_BR"}, code: 2, stderr: `"pt_BR" is not a BCP 47 language tag: use a hyphen, as in "pt-BR"`},
		{args: []string{"i18n", "new", "not a tag"}, code: 2, stderr: "is not a BCP 47 language tag"},
		{args: []string{"i18n", "status", "--src", filepath.Join(t.TempDir(), "nope")}, code: 1, stderr: "no such file"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.args...)
			require.Equal(t, tt.code, code, "exit code; stderr: %s", errOut)
			assert.Contains(t, out, tt.stdout)
			assert.Contains(t, errOut, tt.stderr)
		})
	}
}

func TestI18nStatusJSON(t *testing.T) {
	out, errOut, code := runCLI(t, "i18n", "status", "--json")
	require.Equal(t, 0, code, errOut)
	var st []struct {
		Lang     string `json:"lang"`
		Messages struct {
			Total      int      `json:"total"`
			Translated int      `json:"translated"`
			Missing    []string `json:"missing"`
		} `json:"messages"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &st))
	require.Len(t, st, 6)
	for _, s := range st {
		assert.Equal(t, s.Messages.Total, s.Messages.Translated, s.Lang)
		assert.Empty(t, s.Messages.Missing, s.Lang)
	}
}

func TestI18nNewThenStatusStrict(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pl")
	out, errOut, code := runCLI(t, "i18n", "new", "pl", "--dir", dir)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Started pl in "+dir)
	for _, f := range []string{"translate.pl.toml", "pl.toml", "templates/sleep-routine/pl.md"} {
		assert.FileExists(t, filepath.Join(dir, filepath.FromSlash(f)))
	}

	_, errOut, code = runCLI(t, "i18n", "new", "pl", "--dir", dir)
	assert.Equal(t, 1, code, "never overwrites")
	assert.Contains(t, errOut, "already exists; nothing was written")

	// The locale file is still empty: status says where.
	_, errOut, code = runCLI(t, "i18n", "status", "--locales", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "pl.toml:4: name is empty (locale pl)")

	facts, err := os.ReadFile("../../i18n/testdata/extra/pl.toml")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "pl.toml"), facts, 0o644))

	out, errOut, code = runCLI(t, "i18n", "status", "--locales", dir)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "pl: templates missing or untranslated (English shown)")

	_, errOut, code = runCLI(t, "i18n", "status", "--strict", "--locales", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "--strict")

	out, errOut, code = runCLI(t, "i18n", "check", "--locales", dir)
	require.Equal(t, 0, code, errOut+out)

	// --src is a folder of templates in every command: the translator's
	// folder given as --src is refused, naming what to give instead,
	// rather than silently showing nothing.
	_, errOut, code = runCLI(t, "i18n", "status", "--src", dir)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "--src "+dir+" holds no templates")
	assert.Contains(t, errOut, "--locales "+dir)
	_, errOut, code = runCLI(t, "build", "--src", dir, "--no-pdf", "-o", filepath.Join(t.TempDir(), "site"))
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "--src "+dir+" holds no templates")
	out, errOut, code = runCLI(t, "i18n", "status", "--locales", dir, "--src", filepath.Join(dir, "templates"))
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "pl: templates missing or untranslated (English shown)")
}

func TestI18nCheckFindsBrokenTranslation(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "active.es.toml"), []byte("PageOf = \"Página {{.Pagina}} de {{.Pages}}\"\n"), 0o644))
	out, _, code := runCLI(t, "i18n", "check", "--locales", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "es: active.es.toml:1: PageOf: ")
	assert.Contains(t, out, `map has no entry for key "Pagina"`)
}

// TestI18nStatusSkipsDraftsAndHidden is the bug seen: with _drafts/en.md
// and .hidden/en.md in a folder, i18n status listed both as templates to
// translate while the site skipped them. Every command now asks the one
// template library, which skips them.
func TestI18nStatusSkipsDraftsAndHidden(t *testing.T) {
	dir := t.TempDir()
	for _, id := range []string{"walk", "_drafts", ".hidden"} {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, id), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, id, "en.md"), []byte("---\nid: walk\ntitle: A walk\nsummary: Go out.\nkind: plan\n---\n\nWalk.\n"), 0o644))
	}
	out, errOut, code := runCLI(t, "i18n", "status", "--json", "--src", dir)
	require.Equal(t, 0, code, errOut)
	var st []i18n.Status
	require.NoError(t, json.Unmarshal([]byte(out), &st))
	checked := 0
	for _, s := range st {
		if s.Lang != language.Spanish {
			continue
		}
		checked++
		assert.Contains(t, s.Templates.Missing, "walk")
		assert.NotContains(t, s.Templates.Missing, "_drafts")
		assert.NotContains(t, s.Templates.Missing, ".hidden")
		for _, td := range s.Templates.Todo {
			assert.NotContains(t, td.Path, "_drafts")
			assert.NotContains(t, td.Path, ".hidden")
		}
	}
	assert.Equal(t, 1, checked)

	out, errOut, code = runCLI(t, "list", "--src", dir)
	require.Equal(t, 0, code, errOut)
	assert.NotContains(t, out, "_drafts")
	assert.NotContains(t, out, ".hidden")
}
