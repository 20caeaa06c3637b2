package i18n_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/internal/needtool"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// writeFiles writes a scaffold into dir.
func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, b, 0o644))
	}
}

// edit replaces old with new in a file, which must contain old.
func edit(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Contains(t, string(b), old, path)
	require.NoError(t, os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644))
}

// overlayDir lays dir over the default catalog.
func overlayDir(t *testing.T, dir string) (*i18n.Catalog, error) {
	t.Helper()
	def, err := i18n.Default()
	require.NoError(t, err)
	top, err := i18n.Load(os.DirFS(dir))
	require.NoError(t, err, "a fresh scaffold loads")
	c, err := def.Overlay(top)
	require.NoError(t, err)
	return c, c.Validate()
}

func TestScaffoldFillLoad(t *testing.T) {
	def, err := i18n.Default()
	require.NoError(t, err)
	base := fstest.MapFS{"walk/en.md": {Data: []byte(english)}}
	lib := layer(t, base)
	de := language.German
	files, err := def.Scaffold(de, lib)
	require.NoError(t, err)
	assert.Len(t, files, 3)
	dir := t.TempDir()
	writeFiles(t, dir, files)

	_, err = overlayDir(t, dir)
	require.Error(t, err, "an unfilled locale file is not quietly used")
	assert.Contains(t, err.Error(), "de.toml:4: name is empty (locale de)")

	// Fill it in, as docs/translating.md says.
	facts := filepath.Join(dir, "de.toml")
	edit(t, facts, `name = ""`, `name = "Deutsch"`)
	for _, d := range []string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"} {
		edit(t, facts, `day = ""`, `day = "`+d+`"`)
	}
	for _, kv := range [][2]string{{`name = ""  `, `name = "Telefonseelsorge"`}, {`number = ""`, `number = "0800 111 0 111"`},
		{`how = ""`, `how = "Rund um die Uhr, kostenlos."`}, {`region = ""`, `region = "Deutschland"`}} {
		edit(t, facts, kv[0], kv[1])
	}
	msgs := filepath.Join(dir, "translate.de.toml")
	edit(t, msgs, `other = "Day"`, `other = "Tag"`)
	edit(t, msgs, `one = "{{.Count}} minute"`, `one = "{{.Count}} Minute"`)
	edit(t, msgs, `other = "{{.Count}} minutes"`, `other = "{{.Count}} Minuten"`)
	tmpl := filepath.Join(dir, "templates", "walk", "de.md")
	edit(t, tmpl, "# source_hash:", "source_hash:")
	edit(t, tmpl, "Walk for ten minutes.", "Gehen Sie zehn Minuten.")

	c, err := overlayDir(t, dir)
	require.NoError(t, err)
	l, err := c.Locale(language.MustParse("de-AT"))
	require.NoError(t, err)
	assert.Equal(t, de, l.Tag)
	assert.Equal(t, "Tag", l.Text("Day", nil))
	assert.Equal(t, "1 Minute", l.Text("Minutes", map[string]any{"Count": 1}))
	assert.Equal(t, "Montag", l.Weekdays[1])
	assert.Empty(t, c.Fallbacks())

	st, err := c.Status(layer(t, base, os.DirFS(filepath.Join(dir, "templates"))))
	require.NoError(t, err)
	var got *i18n.Status
	for i := range st {
		if st[i].Lang == de {
			got = &st[i]
		}
	}
	require.NotNil(t, got)
	assert.Equal(t, got.Messages.Total, got.Messages.Translated)
	assert.NotContains(t, got.Messages.SameAsEnglish, "Day")
	assert.Contains(t, got.Messages.SameAsEnglish, "Print", "still the English text")
	assert.Equal(t, 1, got.Templates.Translated)
	assert.Equal(t, 1, got.CrisisToCheck)
}

func TestScaffoldRegional(t *testing.T) {
	def, err := i18n.Default()
	require.NoError(t, err)
	files, err := def.Scaffold(language.MustParse("es-AR"), nil)
	require.NoError(t, err)
	facts := string(files["es-AR.toml"])
	assert.Contains(t, facts, "Everything not set here comes from es.toml")
	assert.NotContains(t, facts, "[weekdays]", "a region inherits its language's weekdays")
	dir := t.TempDir()
	writeFiles(t, dir, files)
	_, err = overlayDir(t, dir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "crisis line 1: name is empty (locale es-AR)")
}

func TestScaffoldRefusesLanguageWithoutPluralRules(t *testing.T) {
	def, err := i18n.Default()
	require.NoError(t, err)
	_, err = def.Scaffold(language.MustParse("tlh"), nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "tlh has no CLDR plural rules")
}

// goi18n returns the path of the goi18n command, installing it with
// go install when it is not on PATH.
func goi18n(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("goi18n"); err == nil {
		return p
	}
	bin := filepath.Join(os.TempDir(), "between-goi18n-v2.7.0")
	p := filepath.Join(bin, "goi18n")
	if _, err := os.Stat(p); err == nil {
		return p
	}
	cmd := exec.Command("go", "install", "github.com/nicksnyder/go-i18n/v2/goi18n@v2.7.0")
	cmd.Env = append(os.Environ(), "GOBIN="+bin)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Logf("go install goi18n: %v\n%s", err, out)
		needtool.Missing(t, "goi18n", "go install github.com/nicksnyder/go-i18n/v2/goi18n@v2.7.0 failed")
	}
	return p
}

func TestGoi18nMergeRoundTrip(t *testing.T) {
	bin := goi18n(t)
	def, err := i18n.Default()
	require.NoError(t, err)
	english, err := os.ReadFile("locales/active.en.toml")
	require.NoError(t, err)
	spanish, err := os.ReadFile("locales/active.es.toml")
	require.NoError(t, err)
	files, err := def.Scaffold(language.Polish, nil)
	require.NoError(t, err)

	in, out := t.TempDir(), t.TempDir()
	writeFiles(t, in, map[string][]byte{"active.en.toml": english, "active.es.toml": spanish, "translate.pl.toml": files["translate.pl.toml"]})
	edit(t, filepath.Join(in, "translate.pl.toml"), `other = "Day"`, `other = "Dzień"`)
	edit(t, filepath.Join(in, "translate.pl.toml"), `few = "{{.Count}} minutes"`, `few = "{{.Count}} minuty"`)
	edit(t, filepath.Join(in, "translate.pl.toml"), `many = "{{.Count}} minutes"`, `many = "{{.Count}} minut"`)

	cmd := exec.Command(bin, "merge", "-outdir", out,
		filepath.Join(in, "active.en.toml"), filepath.Join(in, "active.es.toml"), filepath.Join(in, "translate.pl.toml"))
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, "goi18n merge: %s", b)

	// Every hash matched, so goi18n kept every message and left nothing
	// to translate.
	for _, lang := range []string{"es", "pl"} {
		_, err := os.Stat(filepath.Join(out, "translate."+lang+".toml"))
		assert.True(t, os.IsNotExist(err), "goi18n found untranslated %s messages: our hashes differ from its", lang)
	}
	facts, err := os.ReadFile("testdata/extra/pl.toml")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(out, "pl.toml"), facts, 0o644))
	require.NoError(t, os.Remove(filepath.Join(out, "active.en.toml")))

	c, err := overlayDir(t, out)
	require.NoError(t, err)
	pl, err := c.Locale(language.Polish)
	require.NoError(t, err)
	assert.Equal(t, "Dzień", pl.Text("Day", nil))
	assert.Equal(t, "5 minut", pl.Text("Minutes", map[string]any{"Count": 5}))
	es, err := c.Locale(language.Spanish)
	require.NoError(t, err)
	assert.Equal(t, "Imprimir", es.Text("Print", nil))
	st, err := c.Status(nil)
	require.NoError(t, err)
	for _, s := range st {
		assert.Empty(t, s.Messages.Stale, s.Lang)
		assert.Empty(t, s.Messages.Missing, s.Lang)
	}
	assert.Empty(t, c.Fallbacks())
}
