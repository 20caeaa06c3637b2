package worksheet_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"

	"github.com/betweensessions/between/worksheet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testImage(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, h/2, color.RGBA{R: 200, A: 255})
	}
	return img
}

func encoded(t *testing.T, format string, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if format == "png" {
		require.NoError(t, png.Encode(&b, testImage(w, h)))
	} else {
		require.NoError(t, jpeg.Encode(&b, testImage(w, h), nil))
	}
	return b.Bytes()
}

func TestNewLogo(t *testing.T) {
	for _, format := range []string{"png", "jpeg"} {
		t.Run(format, func(t *testing.T) {
			data := encoded(t, format, 40, 20)
			l, err := worksheet.NewLogo(data)
			require.NoError(t, err)
			assert.Equal(t, format, l.Format())
			assert.Equal(t, "image/"+format, l.MediaType())
			w, h := l.Size()
			assert.Equal(t, [2]int{40, 20}, [2]int{w, h})
			data[len(data)/2] ^= 0xff // the logo keeps its own copy
			assert.NotEqual(t, data, l.Data())
		})
	}
	assert.Equal(t, ".jpg", must(worksheet.NewLogo(encoded(t, "jpeg", 2, 2))).Ext())
	assert.Equal(t, ".png", must(worksheet.NewLogo(encoded(t, "png", 2, 2))).Ext())
}

func must(l *worksheet.Logo, err error) *worksheet.Logo {
	if err != nil {
		panic(err)
	}
	return l
}

func TestNewLogoRefuses(t *testing.T) {
	good := encoded(t, "png", 40, 20)
	huge := append(bytes.Clone(good), make([]byte, worksheet.MaxLogoBytes)...)
	cut := good[:len(good)-20]
	for name, tc := range map[string]struct {
		data []byte
		says string
	}{
		"empty":           {nil, "not a PNG or JPEG image"},
		"text":            {[]byte("<svg xmlns='http://www.w3.org/2000/svg'/>"), "not a PNG or JPEG image"},
		"gif":             {[]byte("GIF89a\x01\x00\x01\x00"), "not a PNG or JPEG image"},
		"too big":         {huge, "more than the 2097152 allowed"},
		"cut short":       {cut, "not a readable png image"},
		"bad jpeg":        {[]byte("\xff\xd8\xff\xe0 not really"), "not a readable jpeg image"},
		"too many pixels": {encoded(t, "png", 8192, 2049), "more than the 16777216 allowed"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := worksheet.NewLogo(tc.data)
			require.ErrorIs(t, err, worksheet.ErrLogo)
			assert.Contains(t, err.Error(), tc.says)
		})
	}
}

func TestBrandingIsZero(t *testing.T) {
	assert.True(t, worksheet.Branding{}.IsZero())
	assert.False(t, worksheet.Branding{Phone: "555 0100"}.IsZero())
}
