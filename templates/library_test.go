package templates_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/templates"
)

func names(files []templates.File) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Name)
	}
	return out
}

func TestLayer(t *testing.T) {
	base := fstest.MapFS{
		"sleep/en.md":   {Data: []byte("base")},
		"sleep/es.md":   {Data: []byte("base")},
		"mood/en.md":    {Data: []byte("base")},
		"mood/pt-BR.md": {Data: []byte("base")},
		"_draft/en.md":  {Data: []byte("skipped")},
		"mood/.x.md":    {Data: []byte("skipped")},
	}
	clinic := fstest.MapFS{
		"sleep/en.md":    {Data: []byte("clinic")}, // replaces sleep in every language
		"grief/fr.md":    {Data: []byte("clinic")},
		"grief/notes.md": {Data: []byte("clinic")},
	}
	lib, err := templates.Layer(base, clinic)
	require.NoError(t, err)

	assert.Equal(t, []string{"grief", "mood", "sleep"}, lib.IDs())
	assert.Equal(t, []string{"sleep/en.md"}, names(lib.Files("sleep")), "the clinic's sleep replaces the base one whole")
	assert.Equal(t, []string{"mood/en.md", "mood/pt-BR.md"}, names(lib.Files("mood")))
	assert.Equal(t, []string{"grief/fr.md", "grief/notes.md"}, names(lib.Files("grief")), "misnamed files last")
	assert.Equal(t, []language.Tag{language.English, language.French, language.BrazilianPortuguese}, lib.Langs())
	assert.Equal(t, []string{"grief/notes.md"}, names(lib.Misnamed()))
	assert.EqualError(t, lib.CheckNames(), "templates: grief/notes.md: the file name must be a language tag such as en.md or es.md")

	tests := []struct {
		id, lang, want string
		translated, ok bool
	}{
		{"mood", "pt-BR", "mood/pt-BR.md", true, true},
		{"mood", "en-US", "mood/en.md", true, true},
		{"mood", "es-419", "mood/en.md", false, true},
		{"grief", "en", "grief/fr.md", false, true},
		{"none", "en", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.id+"/"+tt.lang, func(t *testing.T) {
			f, translated, ok := lib.Pick(tt.id, language.MustParse(tt.lang))
			assert.Equal(t, tt.want, f.Name)
			assert.Equal(t, tt.translated, translated)
			assert.Equal(t, tt.ok, ok)
		})
	}
}

func TestLayerDefault(t *testing.T) {
	lib, err := templates.Layer(templates.FS())
	require.NoError(t, err)
	assert.NoError(t, lib.CheckNames())
	assert.Equal(t, []language.Tag{language.English, language.Spanish}, lib.Langs())
	for _, id := range lib.IDs() {
		_, translated, ok := lib.Pick(id, language.MustParse("es-MX"))
		assert.True(t, ok && translated, "%s has Spanish", id)
	}
}

// TestLayerSkipsSymlinks checks that a symbolic link in a source, to a
// template folder or to a template file, inside or outside the source, is
// not listed, in every kind of source that can tell links.
func TestLayerSkipsSymlinks(t *testing.T) {
	outside := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(outside, "leak"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(outside, "leak", "en.md"), []byte("secret"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(outside, "file.md"), []byte("secret"), 0o644))

	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "sleep"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "sleep", "en.md"), []byte("ours"), 0o644))
	require.NoError(t, os.Symlink(filepath.Join(outside, "leak"), filepath.Join(dir, "leak")))
	require.NoError(t, os.Symlink(filepath.Join(outside, "file.md"), filepath.Join(dir, "sleep", "es.md")))
	require.NoError(t, os.Symlink(filepath.Join(dir, "sleep"), filepath.Join(dir, "inside")))
	require.NoError(t, os.Symlink("en.md", filepath.Join(dir, "sleep", "fr.md")))

	root, err := os.OpenRoot(dir)
	require.NoError(t, err)
	defer root.Close()
	tests := []struct {
		name string
		fsys fs.FS
	}{
		{"os.DirFS", os.DirFS(dir)},
		{"os.Root", root.FS()},
		{"fstest.MapFS", fstest.MapFS{
			"sleep/en.md": {Data: []byte("ours")},
			"sleep/es.md": {Data: []byte("../file.md"), Mode: fs.ModeSymlink},
			"leak":        {Data: []byte("/elsewhere"), Mode: fs.ModeSymlink},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib, err := templates.Layer(tt.fsys)
			require.NoError(t, err)
			assert.Equal(t, []string{"sleep"}, lib.IDs())
			assert.Equal(t, []string{"sleep/en.md"}, names(lib.Files("sleep")))
		})
	}
}
