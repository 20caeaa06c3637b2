package site_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/site"
)

// TestBuildClinicOptions checks what a clinic's configuration sets: the
// handouts built, the paper and branding every download gets, the logo
// in the site's assets, and the variant the library's links open.
func TestBuildClinicOptions(t *testing.T) {
	var png8 bytes.Buffer
	require.NoError(t, png.Encode(&png8, image.NewGray(image.Rect(0, 0, 8, 8))))
	logo, err := worksheet.NewLogo(png8.Bytes())
	require.NoError(t, err)
	brand := worksheet.Branding{Clinic: "Riverside Counseling", Phone: "(555) 010-0199", Logo: logo}
	// A download that prints what it was given.
	echo := site.Download{
		Ext:     "txt",
		Version: "echo 1",
		Render: func(_ context.Context, w io.Writer, ws *worksheet.Worksheet, v worksheet.Variant, loc *i18n.Locale, b worksheet.Branding) error {
			_, err := fmt.Fprintf(w, "%s %s %s %s %s logo=%t\n", ws.Meta.ID, v, loc.Tag, loc.Paper, b.Clinic+" "+b.Phone, b.Logo != nil)
			return err
		},
	}
	out := filepath.Join(t.TempDir(), "site")
	opts := site.Options{
		Out: out, Sources: []fs.FS{mine(t)}, Locales: catalog(t), Downloads: []site.Download{echo}, Version: "test",
		IDs: []string{"sleep-routine"}, Paper: i18n.Letter, Branding: brand, LinkVariant: worksheet.LargePrint,
	}
	rep, err := site.Build(context.Background(), opts)
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Handouts)
	tree := readTree(t, out)
	assert.Equal(t, "sleep-routine large-print en letter Riverside Counseling (555) 010-0199 logo=true\n", tree["en/sleep-routine/sleep-routine-large-print.txt"])
	assert.NotContains(t, tree, "en/mood-journal/index.html", "only the listed handouts")
	assert.Equal(t, png8.String(), tree["assets/logo.png"])
	assert.Equal(t, "assets/logo.png", site.LogoFile(logo))
	assert.Contains(t, tree["en/sleep-routine/index.html"],
		`<footer class="handout-brand"><img class="logo" src="../../assets/logo.png" alt=""><p><span class="clinic">Riverside Counseling</span> <span class="phone">(555) 010-0199</span></p></footer>`,
		"the HTML handout carries the clinic's logo, name and phone")
	assert.Contains(t, tree["en/index.html"], `<h3><a href="sleep-routine/large-print.html">`)
	assert.Contains(t, tree["en/index.html"], `<a href="sleep-routine/index.html">Standard print</a>`, "the card still lists every variant")

	opts.Paper, opts.Branding = i18n.A4, worksheet.Branding{}
	rep, err = site.Build(context.Background(), opts)
	require.NoError(t, err)
	assert.Zero(t, rep.Reused, "another paper or branding renders every file again")
	tree = readTree(t, out)
	assert.Equal(t, "sleep-routine standard en a4   logo=false\n", tree["en/sleep-routine/sleep-routine.txt"])
	assert.NotContains(t, tree, "assets/logo.png")
	assert.NotContains(t, tree["en/sleep-routine/index.html"], "handout-brand")

	opts.IDs = []string{"sleep-routine", "no-such"}
	_, err = site.Build(context.Background(), opts)
	assert.ErrorContains(t, err, `site: no handout "no-such" in the library`)
	opts.IDs, opts.Paper = nil, "a3"
	_, err = site.Build(context.Background(), opts)
	assert.ErrorContains(t, err, `site: unknown paper size "a3"`)
}
