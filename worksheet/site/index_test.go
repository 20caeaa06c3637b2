package site_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet/site"
)

// TestLibraryIndexLabels checks the library cards' reading levels and the
// topic names in each page language.
func TestLibraryIndexLabels(t *testing.T) {
	napEN := "---\nid: nap\ntitle: Naps\nsummary: Rest a little.\nkind: plan\ntopics: [sleep, habits]\n---\n\nTake a short nap after lunch. Set an alarm for twenty minutes.\n"
	src := fstest.MapFS{
		"nap/en.md":  {Data: []byte(napEN)},
		"nap/es.md":  {Data: []byte("---\nid: nap\nsource_hash: " + templates.SourceHash([]byte(napEN)) + "\ntitle: Siestas\nsummary: Descanse un poco.\nkind: plan\ntopics: [sleep, habits]\n---\n\nDuerma una siesta corta. Ponga una alarma.\n")},
		"walk/en.md": {Data: []byte("---\nid: walk\ntitle: A walk\nsummary: Go out.\nkind: plan\ntopics: [mood]\n---\n\nWalk for ten minutes today.\n")},
	}
	cat, err := i18n.Default()
	require.NoError(t, err)
	out := filepath.Join(t.TempDir(), "site")
	_, err = site.Build(context.Background(), site.Options{Out: out, Sources: []fs.FS{src}, Locales: cat, Langs: []language.Tag{language.English, language.Spanish}})
	require.NoError(t, err)
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(out, name))
		require.NoError(t, err)
		return string(b)
	}
	en, es := read("en/index.html"), read("es/index.html")

	assert.Regexp(t, `<p class="reading" lang="en">Reading level: grade \d+</p>`, en, "English: the Flesch–Kincaid grade")
	assert.Regexp(t, `<p class="reading" lang="es">Lectura: (muy fácil|bastante fácil|normal|algo difícil|muy difícil)</p>`, es, "Spanish: the INFLESZ band")
	assert.Regexp(t, `(?s)<a href="walk/index.html">A walk</a>.*<p class="reading" lang="es">Nivel de lectura: \d+</p>`, es,
		"an English handout on a Spanish page is measured in English and labelled in Spanish")

	assert.Contains(t, en, `<h3 id="topic-sleep">Sleep</h3>`)
	assert.Contains(t, es, `<h3 id="topic-sleep">Sueño</h3>`)
	assert.Contains(t, es, `<h3 id="topic-mood">Estado de ánimo</h3>`)
	assert.Contains(t, es, `<h3 id="topic-habits">habits</h3>`, "a topic with no message shows its key")
	assert.Regexp(t, regexp.MustCompile(`(?s)Estado de ánimo.*habits.*Sueño`), es, "topics sort by name in the page language, whatever the case")
	var missing []string
	for _, f := range cat.Fallbacks() {
		missing = append(missing, f.Lang.String()+" "+f.ID)
	}
	assert.Contains(t, missing, "es Topic.habits", "and is reported as a fallback")
	assert.Contains(t, missing, "en Topic.habits")
}

// TestReadingLevelNoFormula checks that a language whose locale names no
// formula shows no reading level.
func TestReadingLevelNoFormula(t *testing.T) {
	def, err := i18n.Default()
	require.NoError(t, err)
	top, err := i18n.Load(fstest.MapFS{"en.toml": {Data: []byte("[readability]\nformula = \"\"\n")}})
	require.NoError(t, err)
	cat, err := def.Overlay(top)
	require.NoError(t, err)
	out := filepath.Join(t.TempDir(), "site")
	_, err = site.Build(context.Background(), site.Options{Out: out, Sources: []fs.FS{mine(t)}, Locales: cat})
	require.NoError(t, err)
	b, err := os.ReadFile(filepath.Join(out, "en", "index.html"))
	require.NoError(t, err)
	assert.NotContains(t, string(b), `class="reading"`)
}
