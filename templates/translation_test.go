package templates_test

import (
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/templates"
)

const english = "---\nid: walk\ntitle: A short walk\n---\nWalk for ten minutes.\n"

func translation(hash string) string {
	return "---\nid: walk\ntitle: Un paseo corto\nsource_hash: " + hash + "\n---\nCamine diez minutos.\n"
}

func TestTranslation(t *testing.T) {
	hash := templates.SourceHash([]byte(english))
	tests := []struct {
		name  string
		files map[string]string
		lang  string
		state templates.State
		shown string
	}{
		{"translated", map[string]string{"walk/es.md": translation(hash)}, "es", templates.Translated, "walk/es.md"},
		{"stale", map[string]string{"walk/es.md": translation("sha256-0123456789abcdef")}, "es", templates.Stale, "walk/es.md"},
		{"missing", nil, "es", templates.Missing, "walk/en.md"},
		{"untranslated copy", map[string]string{"walk/es.md": english}, "es", templates.Untranslated, "walk/en.md"},
		{"regional uses its language", map[string]string{"walk/es.md": translation(hash)}, "es-MX", templates.Translated, "walk/es.md"},
		{"regional file first", map[string]string{"walk/es.md": translation(hash), "walk/es-MX.md": translation("sha256-old")}, "es-MX", templates.Stale, "walk/es-MX.md"},
		{"English is the source", nil, "en-US", templates.Translated, "walk/en.md"},
		{"regional English is a translation", map[string]string{"walk/en-GB.md": translation(hash)}, "en-GB", templates.Translated, "walk/en-GB.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"walk/en.md": {Data: []byte(english)}}
			for p, s := range tt.files {
				fsys[p] = &fstest.MapFile{Data: []byte(s)}
			}
			lib, err := templates.Layer(fsys)
			require.NoError(t, err)
			got, ok, err := lib.Translation("walk", language.MustParse(tt.lang))
			require.NoError(t, err)
			require.True(t, ok)
			assert.Equal(t, tt.state, got.State)
			assert.Equal(t, tt.shown, got.Shown.Name)
			assert.Equal(t, tt.shown, got.Path)
			assert.Equal(t, "walk/en.md", got.SourcePath)
			if tt.shown != "walk/en.md" || tt.state != templates.Translated {
				assert.Equal(t, hash, got.Hash, "the hash a finished translation carries")
			}
			assert.Equal(t, tt.state != templates.Missing && tt.state != templates.Untranslated, got.InLang())
		})
	}
}

func TestTranslationNoSource(t *testing.T) {
	lib, err := templates.Layer(fstest.MapFS{"lonely/es.md": {Data: []byte(english)}})
	require.NoError(t, err)
	es, ok, err := lib.Translation("lonely", language.Spanish)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, templates.NoSource, es.State)
	assert.True(t, es.InLang(), "with nothing to compare, the file is shown as it is")
	en, _, err := lib.Translation("lonely", language.English)
	require.NoError(t, err)
	assert.Equal(t, templates.Missing, en.State)
	assert.Equal(t, "lonely/es.md", en.Shown.Name, "the first language stands in")
}

func TestTranslationReview(t *testing.T) {
	hash := templates.SourceHash([]byte(english))
	es := "---\nid: walk\ntitle: Un paseo\nsource_hash: " + hash + "\ntranslation: {status: draft, method: machine then bilingual clinician, reviewer: '', date: 2026-12-04}\n---\nCamine.\n"
	lib, err := templates.Layer(fstest.MapFS{"walk/en.md": {Data: []byte(english)}, "walk/es.md": {Data: []byte(es)}})
	require.NoError(t, err)
	tr, _, err := lib.Translation("walk", language.Spanish)
	require.NoError(t, err)
	assert.Equal(t, templates.Review{Status: "draft", Method: "machine then bilingual clinician", Date: "2026-12-04"}, tr.Review)
}

func TestTranslationBadFrontMatter(t *testing.T) {
	lib, err := templates.Layer(fstest.MapFS{
		"walk/en.md": {Data: []byte(english)},
		"walk/es.md": {Data: []byte("---\nid: walk\ntitle: a: b\n---\nx\n")},
	})
	require.NoError(t, err)
	tr, ok, err := lib.Translation("walk", language.Spanish)
	require.Error(t, err)
	assert.True(t, ok)
	assert.Contains(t, err.Error(), "templates: walk/es.md:3:9: ")
	var fault *diag.Error
	require.ErrorAs(t, err, &fault)
	assert.Equal(t, 3, fault.Line)
	assert.Equal(t, "title: a: b\n        ^", fault.Caret(), "the caret is under the second colon")
	assert.Equal(t, "walk/es.md", tr.Shown.Name, "the file is still named, so that its parse reports the fault in full")
}

func TestSourceHash(t *testing.T) {
	a := templates.SourceHash([]byte(english))
	assert.Regexp(t, `^sha256-[0-9a-f]{16}$`, a)
	assert.Equal(t, a, templates.SourceHash([]byte("\xef\xbb\xbf"+english)), "a byte order mark does not count")
	crlf := []byte("---\r\nid: walk\r\ntitle: A short walk\r\n---\r\nWalk for ten minutes.\r\n")
	assert.Equal(t, a, templates.SourceHash(crlf), "line endings do not count")
	assert.NotEqual(t, a, templates.SourceHash([]byte(english+"More.\n")))
}

func ExampleSourceHash() {
	fmt.Println(templates.SourceHash([]byte("---\nid: walk\n---\nWalk.\n")))
	// Output: sha256-27fbeef823ba5fa9
}
