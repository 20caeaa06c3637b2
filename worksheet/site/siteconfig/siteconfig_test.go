package siteconfig_test

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/internal/safefs"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/site/siteconfig"
)

// logoPNG is a small synthetic PNG.
func logoPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 4))
	for x := range 8 {
		img.Set(x, 1, color.RGBA{R: 0x0b, G: 0x4a, B: 0x8b, A: 0xff})
	}
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	return b.Bytes()
}

func known(t *testing.T) siteconfig.Known {
	t.Helper()
	cat, err := i18n.Default()
	require.NoError(t, err)
	return siteconfig.Known{IDs: []string{"mood-journal", "sleep-routine"}, Locales: cat}
}

// write puts files into a new folder and returns the path of between.toml.
func write(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	return filepath.Join(dir, siteconfig.FileName)
}

func TestLoad(t *testing.T) {
	name := write(t, map[string][]byte{
		"between.toml": []byte(`# A US clinic.
languages = ["en-US", "es-US"]
paper = "letter"
handouts = ["sleep-routine"]
variant = "large-print"

[clinic]
name = "Riverside Counseling"
phone = "(555) 010-0199"
logo = "logo.png"
`),
		"logo.png": logoPNG(t),
	})
	c, err := siteconfig.Load(name, known(t))
	require.NoError(t, err)
	assert.Equal(t, name, c.Path)
	assert.Equal(t, []language.Tag{language.MustParse("en-US"), language.MustParse("es-US")}, c.Langs)
	assert.Equal(t, i18n.Letter, c.Paper)
	assert.Equal(t, []string{"sleep-routine"}, c.Handouts)
	assert.Equal(t, worksheet.LargePrint, c.Variant)
	assert.Equal(t, "Riverside Counseling", c.Branding.Clinic)
	assert.Equal(t, "(555) 010-0199", c.Branding.Phone)
	require.NotNil(t, c.Branding.Logo)
	assert.Equal(t, "png", c.Branding.Logo.Format())

	empty, err := siteconfig.Load(write(t, map[string][]byte{"between.toml": []byte("# nothing set\n")}), known(t))
	require.NoError(t, err)
	assert.Equal(t, siteconfig.Config{Path: empty.Path}, *empty, "nothing set")
}

// TestLoadErrors checks that every mistake is a diag.Error at the line
// of the key it is about.
func TestLoadErrors(t *testing.T) {
	big := append(logoPNG(t), make([]byte, worksheet.MaxLogoBytes)...)
	tests := []struct {
		name, toml string
		files      map[string][]byte
		line       int
		want       string
	}{
		{"unknown key", "paper = \"a4\"\ncolour = \"blue\"\n", nil, 2, `unknown key "colour"`},
		{"unknown clinic key", "[clinic]\nname = \"X\"\nemail = \"x@example.org\"\n", nil, 3, `unknown key "clinic.email"`},
		{"unknown table", "paper = \"a4\"\n\n[printer]\nduplex = true\n", nil, 3, `unknown key "printer"`},
		{"paper that does not exist", "languages = [\"en\"]\npaper = \"a3\"\n", nil, 2, `paper "a3" is not "letter" or "a4"`},
		{"variant that does not exist", "variant = \"huge\"\n", nil, 1, `unknown variant "huge"`},
		{"wrong type", "handouts = \"sleep-routine\"\n", nil, 1, "handouts"},
		{"syntax", "paper = \"a4\nname = 1\n", nil, 1, ""},
		{"bad language tag", "languages = [\"en\", \"e_s\"]\n", nil, 1, `"e_s" is not a language tag`},
		{"language with no locale", "\nlanguages = [\"en\", \"fr\"]\n", nil, 2, `language fr: i18n: no locale for "fr"`},
		{"language twice", "languages = [\"es\", \"es\"]\n", nil, 1, "language es is listed twice"},
		{"unknown handout", "handouts = [\"sleep-routine\",\n  \"sleep-routin\"]\n", nil, 1, `no handout "sleep-routin"`},
		{"empty handouts", "handouts = []\n", nil, 1, "handouts is empty"},
		{"logo missing", "[clinic]\nlogo = \"logo.png\"\n", nil, 2, "no such file"},
		{"logo not an image", "[clinic]\nname = \"X\"\nlogo = \"logo.png\"\n", map[string][]byte{"logo.png": []byte("GIF89a not ours")}, 3, "logo is not a PNG or JPEG image"},
		{"logo cut short", "[clinic]\nlogo = \"logo.png\"\n", map[string][]byte{"logo.png": logoPNG(t)[:40]}, 2, "logo is not a readable png image"},
		{"logo too large", "[clinic]\nlogo = \"logo.png\"\n", map[string][]byte{"logo.png": big}, 2, "larger than the limit of 2 MiB"},
		{"logo a folder", "[clinic]\nlogo = \".\"\n", nil, 2, "not a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{"between.toml": []byte(tt.toml)}
			for k, v := range tt.files {
				files[k] = v
			}
			name := write(t, files)
			c, err := siteconfig.Load(name, known(t))
			require.Error(t, err)
			assert.Nil(t, c)
			var de *diag.Error
			require.True(t, errors.As(err, &de), "a diag.Error: %v", err)
			assert.Equal(t, name, de.Path)
			assert.Equal(t, tt.line, de.Line, "line of: %v", err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Regexp(t, `^siteconfig: .*between\.toml:\d+(:\d+)?: `, err.Error())
			assert.NotEmpty(t, de.Caret(), "the error quotes the line")
			t.Logf("%v\n%s", err, de.Caret())
		})
	}
}

func TestLoadFile(t *testing.T) {
	_, err := siteconfig.Load(filepath.Join(t.TempDir(), "none.toml"), siteconfig.Known{})
	assert.ErrorIs(t, err, os.ErrNotExist)

	name := write(t, map[string][]byte{"between.toml": bytes.Repeat([]byte("# padding\n"), siteconfig.MaxSize/10+1)})
	_, err = siteconfig.Load(name, siteconfig.Known{})
	assert.ErrorIs(t, err, safefs.ErrTooLarge)

	_, err = siteconfig.Load(t.TempDir(), siteconfig.Known{})
	assert.ErrorIs(t, err, safefs.ErrNotRegular)
}
