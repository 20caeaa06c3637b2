package templates_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/internal/safefs"
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
		"mood/pt-BR.md": {Data: []byte(translation("sha256-0123456789abcdef"))},
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
	assert.EqualError(t, lib.Check(), "templates: grief/notes.md: the file name must be a language tag such as en.md or es.md")

	tests := []struct {
		id, lang, want string
		inLang, ok     bool
	}{
		{"mood", "pt-BR", "mood/pt-BR.md", true, true},
		{"mood", "en-US", "mood/en.md", true, true},
		{"mood", "es-419", "mood/en.md", false, true},
		{"grief", "en", "grief/fr.md", false, true},
		{"grief", "fr-CA", "grief/fr.md", true, true},
		{"none", "en", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.id+"/"+tt.lang, func(t *testing.T) {
			tr, ok, err := lib.Translation(tt.id, language.MustParse(tt.lang))
			require.NoError(t, err, "the files are read only to compare a translation with its English")
			assert.Equal(t, tt.want, tr.Shown.Name)
			assert.Equal(t, tt.inLang, tr.InLang())
			assert.Equal(t, tt.ok, ok)
		})
	}
}

// TestLayerTranslations checks the two kinds of layer: a folder with the
// English file defines its template anew; one without adds languages.
func TestLayerTranslations(t *testing.T) {
	base := fstest.MapFS{
		"sleep/en.md": {Data: []byte("base")},
		"sleep/es.md": {Data: []byte("base")},
		"mood/en.md":  {Data: []byte("base")},
		"mood/es.md":  {Data: []byte("base")},
	}
	french := fstest.MapFS{ // a translator's templates folder
		"sleep/fr.md": {Data: []byte("french")},
		"mood/fr.md":  {Data: []byte("french")},
		"mood/es.md":  {Data: []byte("better spanish")},
	}
	clinic := fstest.MapFS{"mood/en.md": {Data: []byte("clinic")}}
	lib, err := templates.Layer(base, french, clinic)
	require.NoError(t, err)
	assert.Equal(t, []string{"sleep/en.md", "sleep/es.md", "sleep/fr.md"}, names(lib.Files("sleep")), "French is added")
	assert.Equal(t, []string{"mood/en.md"}, names(lib.Files("mood")), "the clinic's English defines mood anew")
	lib, err = templates.Layer(base, french)
	require.NoError(t, err)
	es, _, _ := lib.Translation("mood", language.Spanish)
	got, err := lib.Read(es.File)
	require.NoError(t, err)
	assert.Equal(t, "better spanish", string(got), "a later translation replaces the earlier one")
}

// TestLayerSkipsHidden checks that folders and files starting with "." or
// "_" are left out of the library, so nothing (the site, lint, the
// translator's status) counts them: the bug seen was i18n status listing
// _drafts and .hidden as templates to translate.
func TestLayerSkipsHidden(t *testing.T) {
	fsys := fstest.MapFS{
		"walk/en.md":      {Data: []byte(english)},
		"_drafts/en.md":   {Data: []byte(english)},
		".hidden/en.md":   {Data: []byte(english)},
		"walk/_es.md":     {Data: []byte(english)},
		"walk/.fr.md":     {Data: []byte(english)},
		"walk/notes.txt":  {Data: []byte("not a template")},
		"walk/es.md.orig": {Data: []byte("not a template")},
	}
	lib, err := templates.Layer(fsys)
	require.NoError(t, err)
	assert.Equal(t, []string{"walk"}, lib.IDs())
	assert.Equal(t, []string{"walk/en.md"}, names(lib.Files("walk")))
	assert.Equal(t, []language.Tag{language.English}, lib.Langs())
	assert.NoError(t, lib.Check())
}

// TestDuplicates checks that two files naming one language in one folder
// are an error naming both, whichever spelling or alias: none is
// silently preferred.
func TestDuplicates(t *testing.T) {
	tests := []struct {
		files []string
		want  string
	}{
		{[]string{"walk/en.md", "walk/EN.md"}, "templates: walk/en.md: EN.md and en.md are both the en file of walk: keep one"},
		{[]string{"walk/en.md", "walk/eng.md"}, "templates: walk/eng.md: en.md and eng.md are both the en file of walk: keep one"},
		{[]string{"walk/es-MX.md", "walk/es-mx.md"}, "templates: walk/es-mx.md: es-MX.md and es-mx.md are both the es-MX file of walk: keep one"},
		{[]string{"walk/he.md", "walk/iw.md"}, "templates: walk/iw.md: he.md and iw.md are both the he file of walk: keep one"},
	}
	for _, tt := range tests {
		t.Run(tt.files[1], func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range tt.files {
				fsys[f] = &fstest.MapFile{Data: []byte(english)}
			}
			lib, err := templates.Layer(fsys)
			require.NoError(t, err, "listing still works: lint reports the duplicate on both files")
			require.Len(t, lib.Duplicates(), 1)
			assert.EqualError(t, lib.Check(), tt.want)
			d := lib.Duplicates()[0]
			assert.ElementsMatch(t, tt.files, []string{d.File.Name, d.Of.Name})
			var fault *diag.Error
			assert.ErrorAs(t, lib.Check(), &fault)
		})
	}

	// A duplicate in a folder a later source replaces is not in the
	// library any more.
	base := fstest.MapFS{"walk/en.md": {Data: []byte("a")}, "walk/EN.md": {Data: []byte("b")}}
	lib, err := templates.Layer(base, fstest.MapFS{"walk/en.md": {Data: []byte("c")}})
	require.NoError(t, err)
	assert.Empty(t, lib.Duplicates())
	assert.NoError(t, lib.Check())
}

// TestReadRefusesSpecialFiles checks that a FIFO named like a template is
// refused at once instead of blocking whoever reads the library: build,
// lint, render, list and the translator's status all read through Read.
func TestReadRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "walk"), 0o755))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "walk", "en.md"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "walk", "es.md"), []byte(translation("sha256-0123456789abcdef")), 0o644))
	for _, fsys := range []fs.FS{os.DirFS(dir), safefs.DirFS(dir)} {
		lib, err := templates.Layer(fsys)
		require.NoError(t, err)
		done := make(chan error, 2)
		go func() {
			_, err := lib.Read(lib.Files("walk")[0])
			done <- err
		}()
		go func() {
			_, _, err := lib.Translation("walk", language.Spanish)
			done <- err
		}()
		for range 2 {
			select {
			case err := <-done:
				require.ErrorIs(t, err, safefs.ErrNotRegular)
				assert.Contains(t, err.Error(), "walk/en.md")
			case <-time.After(5 * time.Second):
				t.Fatal("reading a FIFO blocked")
			}
		}
	}
	big := fstest.MapFS{"walk/en.md": {Data: make([]byte, templates.MaxFileSize+1)}}
	lib, err := templates.Layer(big)
	require.NoError(t, err)
	_, err = lib.Read(lib.Files("walk")[0])
	assert.ErrorIs(t, err, safefs.ErrTooLarge)
}

func TestLayerDefault(t *testing.T) {
	lib, err := templates.Layer(templates.FS())
	require.NoError(t, err)
	assert.NoError(t, lib.Check())
	assert.Equal(t, []language.Tag{language.English, language.Spanish}, lib.Langs())
	for _, id := range lib.IDs() {
		tr, ok, err := lib.Translation(id, language.MustParse("es-MX"))
		require.NoError(t, err)
		assert.True(t, ok)
		assert.Equal(t, templates.Translated, tr.State, "%s has an up-to-date Spanish translation", id)
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
