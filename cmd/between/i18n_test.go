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
	_, errOut, code = runCLI(t, "i18n", "status", "--src", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "pl.toml:4: name is empty (locale pl)")

	facts, err := os.ReadFile("../../i18n/testdata/extra/pl.toml")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "pl.toml"), facts, 0o644))

	out, errOut, code = runCLI(t, "i18n", "status", "--src", dir)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "pl: templates missing or untranslated (English shown)")

	_, errOut, code = runCLI(t, "i18n", "status", "--strict", "--src", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "--strict")

	out, errOut, code = runCLI(t, "i18n", "check", "--src", dir)
	require.Equal(t, 0, code, errOut+out)
}

func TestI18nCheckFindsBrokenTranslation(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "active.es.toml"), []byte("PageOf = \"Página {{.Pagina}} de {{.Pages}}\"\n"), 0o644))
	out, _, code := runCLI(t, "i18n", "check", "--src", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "es: active.es.toml:1: PageOf: ")
	assert.Contains(t, out, `map has no entry for key "Pagina"`)
}
