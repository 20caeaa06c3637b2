package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// handoutIDs lists the handout folders of one language of a built site.
func handoutIDs(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var ids []string
	for _, e := range entries {
		if e.IsDir() {
			ids = append(ids, e.Name())
		}
	}
	require.NotEmpty(t, ids, "no handouts in %s", dir)
	return ids
}

func TestBuildWritesPDFs(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	_, stderr, code := runCLI(t, "build", "-o", out, "-q")
	require.Equal(t, 0, code, stderr)
	for _, lang := range []string{"en", "es"} {
		ids := handoutIDs(t, filepath.Join(out, lang))
		assert.GreaterOrEqual(t, len(ids), 16, "the whole library in %s", lang)
		index, err := os.ReadFile(filepath.Join(out, lang, "index.html"))
		require.NoError(t, err)
		for _, id := range ids {
			page, err := os.ReadFile(filepath.Join(out, lang, id, "index.html"))
			require.NoError(t, err)
			for _, name := range []string{id + ".pdf", id + "-large-print.pdf"} {
				b, err := os.ReadFile(filepath.Join(out, lang, id, name))
				if assert.NoError(t, err, "%s/%s/%s", lang, id, name) {
					assert.True(t, bytes.HasPrefix(b, []byte("%PDF-")), "%s/%s/%s is a PDF", lang, id, name)
					assert.False(t, bytes.Contains(b, []byte("CreationDate")), "%s/%s/%s: no date unless SOURCE_DATE_EPOCH is set", lang, id, name)
				}
				assert.Contains(t, string(page), `href="`+name+`"`, "%s/%s links %s", lang, id, name)
				assert.Contains(t, string(index), `href="`+id+"/"+name+`"`, "the %s library links %s", lang, name)
			}
		}
	}
	es, err := os.ReadFile(filepath.Join(out, "es", "sleep-routine", "index.html"))
	require.NoError(t, err)
	assert.Contains(t, string(es), "PDF en letra grande", "the link text is in the page's language")
}

func TestBuildNoPDF(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	_, stderr, code := runCLI(t, "build", "-o", out, "--lang", "es", "--no-pdf", "-q")
	require.Equal(t, 0, code, stderr)
	assert.FileExists(t, filepath.Join(out, "es", "sleep-routine", "index.html"))
	assert.NoFileExists(t, filepath.Join(out, "es", "sleep-routine", "sleep-routine.pdf"))
	page, err := os.ReadFile(filepath.Join(out, "es", "sleep-routine", "index.html"))
	require.NoError(t, err)
	assert.NotContains(t, string(page), ".pdf")
}

func TestBuildSourceDateEpoch(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	_, stderr, code := runCLI(t, "build", "-o", out, "--lang", "en", "-q")
	require.Equal(t, 0, code, stderr)
	b, err := os.ReadFile(filepath.Join(out, "en", "mood-journal", "mood-journal.pdf"))
	require.NoError(t, err)
	assert.True(t, bytes.Contains(b, []byte("D:20231114221320")), "the PDF's creation date is SOURCE_DATE_EPOCH")

	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	_, stderr, code = runCLI(t, "build", "-o", out, "--lang", "en", "-q")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, `SOURCE_DATE_EPOCH="yesterday" is not a whole number`)
}

// TestSourceDateRange checks that SOURCE_DATE_EPOCH must be a whole
// number of seconds from 1970 up to about now: garbage, a negative
// number and a date in the future are errors, never an impossible date in
// the PDFs.
func TestSourceDateRange(t *testing.T) {
	now := time.Date(2026, 12, 4, 8, 0, 0, 0, time.UTC)
	for _, s := range []string{"0", "1", "1700000000", fmt.Sprint(now.Unix()), fmt.Sprint(now.Add(23 * time.Hour).Unix())} {
		d, err := sourceDate(s, now)
		require.NoError(t, err, s)
		assert.False(t, d.After(now.Add(maxClockSkew)))
	}
	for s, want := range map[string]string{
		"yesterday":            "not a whole number",
		"-1":                   "not a whole number",
		"-9223372036854775808": "not a whole number",
		"1e9":                  "not a whole number",
		"1700000000.5":         "not a whole number",
		" 1700000000":          "not a whole number",
		"+1700000000":          "not a whole number",
		"0x6553F100":           "not a whole number",
		"99999999999999999999": "not a whole number",
		fmt.Sprint(now.Add(49 * time.Hour).Unix()): "in the future (2026-12-06)",
		"4102444800":          "in the future (2100-01-01)",
		"253402300799":        "in the future (9999-12-31)",
		"253402300800":        "in the future (after the year 9999)",
		"9223372036854775807": "in the future (after the year 9999)",
	} {
		_, err := sourceDate(s, now)
		require.Error(t, err, s)
		assert.Contains(t, err.Error(), want, s)
	}
	out := filepath.Join(t.TempDir(), "site")
	for _, s := range []string{"9223372036854775807", "253402300800", "-5"} {
		t.Setenv("SOURCE_DATE_EPOCH", s)
		_, stderr, code := runCLI(t, "build", "-o", out, "--lang", "en", "-q")
		assert.Equal(t, 1, code, s)
		assert.Contains(t, stderr, "SOURCE_DATE_EPOCH")
		assert.NoDirExists(t, out, "nothing is built with an impossible date")
	}
}

func TestBuildStrictShippedLibrary(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	stdout, stderr, code := runCLI(t, "build", "-o", out, "--strict")
	require.Equal(t, 0, code, "the shipped library has no gaps: %s", stderr)
	assert.Contains(t, stdout, "2 languages (en, es)")
	assert.NotContains(t, stderr, "note:")
}

// writeSite builds a small site and returns its manifest, to show later
// that a refused build left it alone.
func writeSite(t *testing.T, out string) []byte {
	t.Helper()
	_, stderr, code := runCLI(t, "build", "-o", out, "--lang", "en", "--no-pdf", "-q")
	require.Equal(t, 0, code, stderr)
	manifest, err := os.ReadFile(filepath.Join(out, ".between-site"))
	require.NoError(t, err)
	return manifest
}

func TestBuildStrictMissingString(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "site")
	before := writeSite(t, out)

	// A synthetic Polish with a locale file and only a few UI strings.
	pl := filepath.Join(dir, "pl")
	require.NoError(t, os.MkdirAll(pl, 0o755))
	for _, f := range []string{"pl.toml", "active.pl.toml"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "i18n", "testdata", "extra", f))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(pl, f), b, 0o644))
	}

	_, stderr, code := runCLI(t, "build", "-o", out, "--lang", "pl", "--locales", pl, "--strict")
	assert.Equal(t, 1, code, stderr)
	assert.Contains(t, stderr, "--strict: nothing was written")
	assert.Contains(t, stderr, "UI string pl: PDFLargePrint: not translated")
	after, err := os.ReadFile(filepath.Join(out, ".between-site"))
	require.NoError(t, err)
	assert.Equal(t, before, after, "the previous site is intact")
	assert.NoDirExists(t, filepath.Join(out, "pl"))

	// Without --strict the same build works and says what fell back.
	_, stderr, code = runCLI(t, "build", "-o", out, "--lang", "pl", "--locales", pl, "--no-pdf")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "UI strings are shown in English")
	assert.Contains(t, stderr, "pl: Versions (missing)")
	assert.FileExists(t, filepath.Join(out, "pl", "sleep-routine", "index.html"))
}

func TestBuildStrictUntranslatedHandout(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "site")
	before := writeSite(t, out)
	src := filepath.Join(dir, "clinic", "our-plan")
	require.NoError(t, os.MkdirAll(src, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(src, "en.md"),
		[]byte("---\nid: our-plan\ntitle: Our Plan\nsummary: A clinic's own plan.\nkind: plan\n---\n\nStep one: ___\n"), 0o644))

	_, stderr, code := runCLI(t, "build", "-o", out, "--src", filepath.Dir(src), "--strict")
	assert.Equal(t, 1, code, stderr)
	assert.Contains(t, stderr, "handout es: our-plan: not translated")
	assert.Equal(t, 1, strings.Count(stderr, "handout "), "only the clinic's handout is untranslated: %s", stderr)
	after, err := os.ReadFile(filepath.Join(out, ".between-site"))
	require.NoError(t, err)
	assert.Equal(t, before, after, "the previous site is intact")
}

func TestBuildLocalesErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad")
	require.NoError(t, os.MkdirAll(bad, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(bad, "active.es.toml"), []byte("PageOf = \"unclosed\n"), 0o644))
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"build", "--locales", filepath.Join(dir, "missing")}, "--locales"},
		{[]string{"build", "--locales", bad}, "active.es.toml"},
	}
	for _, tt := range tests {
		_, stderr, code := runCLI(t, append(tt.args, "-o", filepath.Join(dir, "site"))...)
		assert.Equal(t, 1, code, stderr)
		assert.Contains(t, stderr, tt.stderr)
	}
	assert.NoDirExists(t, filepath.Join(dir, "site"))
}

// TestBuildTranslatorFolder follows "between i18n new": the scaffolded
// language builds for a preview, and --strict names the handouts still in
// English, with the --src the next steps print or without it.
func TestBuildTranslatorFolder(t *testing.T) {
	dir := t.TempDir()
	pl := filepath.Join(dir, "pl")
	_, stderr, code := runCLI(t, "i18n", "new", "pl", "--dir", pl)
	require.Equal(t, 0, code, stderr)
	facts, err := os.ReadFile(filepath.Join("..", "..", "i18n", "testdata", "extra", "pl.toml"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(pl, "pl.toml"), facts, 0o644))
	out := filepath.Join(dir, "site")

	_, stderr, code = runCLI(t, "build", "--lang", "pl", "--locales", pl, "--no-pdf", "-o", out, "-q")
	require.Equal(t, 0, code, stderr)
	assert.FileExists(t, filepath.Join(out, "pl", "sleep-routine", "index.html"))

	for _, extra := range [][]string{nil, {"--src", filepath.Join(pl, "templates")}} {
		args := append([]string{"build", "--lang", "pl", "--locales", pl, "--strict", "-o", out}, extra...)
		_, stderr, code = runCLI(t, args...)
		assert.Equal(t, 1, code, stderr)
		assert.Contains(t, stderr, "handout pl: sleep-routine: the file is still the English copy (no source_hash)")
	}
}
