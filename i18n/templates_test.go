package i18n_test

import (
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/betweensessions/between/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

const english = "---\nid: walk\ntitle: A short walk\n---\nWalk for ten minutes.\n"

func translation(hash string) string {
	return "---\nid: walk\ntitle: Un paseo corto\nsource_hash: " + hash + "\n---\nCamine diez minutos.\n"
}

func TestTemplateStatus(t *testing.T) {
	hash := i18n.SourceHash([]byte(english))
	tests := []struct {
		name  string
		files map[string]string
		lang  string
		state i18n.TemplateState
		path  string
	}{
		{"translated", map[string]string{"walk/es.md": translation(hash)}, "es", i18n.Translated, "walk/es.md"},
		{"stale", map[string]string{"walk/es.md": translation("sha256-0123456789abcdef")}, "es", i18n.Stale, "walk/es.md"},
		{"missing", nil, "es", i18n.Missing, "walk/en.md"},
		{"untranslated copy", map[string]string{"walk/es.md": english}, "es", i18n.Untranslated, "walk/en.md"},
		{"regional uses its language", map[string]string{"walk/es.md": translation(hash)}, "es-MX", i18n.Translated, "walk/es.md"},
		{"regional file first", map[string]string{"walk/es.md": translation(hash), "walk/es-MX.md": translation("sha256-old")}, "es-MX", i18n.Stale, "walk/es-MX.md"},
		{"English is the source", nil, "en-US", i18n.Translated, "walk/en.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"walk/en.md": {Data: []byte(english)}, "lonely/es.md": {Data: []byte(english)}}
			for p, s := range tt.files {
				fsys[p] = &fstest.MapFile{Data: []byte(s)}
			}
			got, err := i18n.TemplateStatus(fsys, language.MustParse(tt.lang))
			require.NoError(t, err)
			require.Len(t, got, 1, "a folder with no en.md is not a template")
			assert.Equal(t, "walk", got[0].ID)
			assert.Equal(t, tt.state, got[0].State)
			assert.Equal(t, tt.path, got[0].Path)
			assert.Equal(t, hash, got[0].Hash)
			assert.Equal(t, tt.state == i18n.Missing || tt.state == i18n.Untranslated, got[0].ShowsEnglish())
		})
	}
}

func TestTemplateStatusBadFrontMatter(t *testing.T) {
	fsys := fstest.MapFS{
		"walk/en.md": {Data: []byte(english)},
		"walk/es.md": {Data: []byte("---\nid: walk\ntitle: a: b\n---\nx\n")},
	}
	_, err := i18n.TemplateStatus(fsys, language.Spanish)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "i18n: walk/es.md:3:9: ")
	var fe *i18n.FileError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "title: a: b\n        ^", fe.Caret(), "the caret is under the second colon")
}

func TestSourceHash(t *testing.T) {
	a := i18n.SourceHash([]byte(english))
	assert.Regexp(t, `^sha256-[0-9a-f]{16}$`, a)
	assert.Equal(t, a, i18n.SourceHash([]byte("\xef\xbb\xbf"+english)), "a byte order mark does not count")
	crlf := []byte("---\r\nid: walk\r\ntitle: A short walk\r\n---\r\nWalk for ten minutes.\r\n")
	assert.Equal(t, a, i18n.SourceHash(crlf), "line endings do not count")
	assert.NotEqual(t, a, i18n.SourceHash([]byte(english+"More.\n")))
}

func ExampleSourceHash() {
	fmt.Println(i18n.SourceHash([]byte("---\nid: walk\n---\nWalk.\n")))
	// Output: sha256-27fbeef823ba5fa9
}
