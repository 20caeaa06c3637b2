package typeface_test

import (
	"bytes"
	"io/fs"
	"testing"

	"github.com/betweensessions/between/worksheet/typeface"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font/sfnt"
)

// TestFaces parses each face and checks it is the Andika the package
// documents, with the glyphs a Spanish or English handout needs.
func TestFaces(t *testing.T) {
	for name, data := range map[string][]byte{
		"regular": typeface.Regular(), "bold": typeface.Bold(), "italic": typeface.Italic(),
	} {
		t.Run(name, func(t *testing.T) {
			f, err := sfnt.Parse(data)
			require.NoError(t, err)
			var buf sfnt.Buffer
			fam, err := f.Name(&buf, sfnt.NameIDFamily)
			require.NoError(t, err)
			assert.Equal(t, typeface.Name, fam)
			ver, err := f.Name(&buf, sfnt.NameIDVersion)
			require.NoError(t, err)
			assert.Contains(t, ver, typeface.Version)
			for _, r := range "AaBbDdIl1|0ÁÉÍÑÓÚÜáéíñóúü¿¡«»–—’“”·" {
				g, err := f.GlyphIndex(&buf, r)
				require.NoError(t, err)
				assert.NotZero(t, g, "no glyph for %q", r)
			}
		})
	}
}

// TestFS checks that the served files are the ones the functions return
// and that the licence travels with them.
func TestFS(t *testing.T) {
	fsys := typeface.FS()
	for name, want := range map[string][]byte{
		typeface.RegularFile: typeface.Regular(),
		typeface.BoldFile:    typeface.Bold(),
		typeface.ItalicFile:  typeface.Italic(),
	} {
		got, err := fs.ReadFile(fsys, name)
		require.NoError(t, err)
		assert.True(t, bytes.Equal(want, got), name)
	}
	lic, err := fs.ReadFile(fsys, typeface.LicenseFile)
	require.NoError(t, err)
	assert.Contains(t, string(lic), "SIL OPEN FONT LICENSE Version 1.1")
	assert.Contains(t, string(lic), `Reserved Font Names "Andika" and "SIL"`)
	assert.Equal(t, string(lic), typeface.License())
}

// TestCopy checks that a caller changing the returned data cannot change
// what the next caller gets.
func TestCopy(t *testing.T) {
	a := typeface.Regular()
	a[0] ^= 0xff
	assert.NotEqual(t, a[0], typeface.Regular()[0])
}
