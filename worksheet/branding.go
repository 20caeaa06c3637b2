package worksheet

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
)

// Branding is what a clinic prints on its handouts: its name and phone
// number in the footer of every page, and optionally its logo. The zero
// value prints none of them; nothing is required. Renderers only read it,
// so one Branding may be shared by every render.
type Branding struct {
	// Clinic is the clinic's name, as it should be printed.
	Clinic string
	// Phone is the clinic's phone number, as it should be printed.
	Phone string
	// Logo is the clinic's logo, or nil for none.
	Logo *Logo
}

// IsZero reports whether b brands nothing.
func (b Branding) IsZero() bool { return b.Clinic == "" && b.Phone == "" && b.Logo == nil }

// MaxLogoBytes is the largest logo file [NewLogo] accepts, and
// MaxLogoPixels the most pixels (width times height) it decodes: a logo is
// printed about an inch tall, and a bigger file only slows every build.
const (
	MaxLogoBytes  = 2 << 20
	MaxLogoPixels = 16 << 20
)

// ErrLogo is matched by errors.Is for every logo [NewLogo] refuses.
var ErrLogo = errors.New("logo")

// Logo is a clinic's logo: a PNG or JPEG image that [NewLogo] has decoded
// in full, so a renderer can embed it without meeting a broken file. It
// is only read after it is made and is safe for concurrent use.
type Logo struct {
	data   []byte
	format string
	w, h   int
}

// NewLogo checks that data is a whole PNG or JPEG image of at most
// [MaxLogoBytes] bytes and [MaxLogoPixels] pixels and returns it as a
// Logo. The error matches [ErrLogo] and says what is wrong without
// quoting the data; the caller adds the file's name. data is copied.
func NewLogo(data []byte) (*Logo, error) {
	if len(data) > MaxLogoBytes {
		return nil, fmt.Errorf("worksheet: %w is %d bytes, more than the %d allowed", ErrLogo, len(data), MaxLogoBytes)
	}
	var decode func([]byte) (image.Config, error)
	var format string
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		format = "png"
		decode = func(b []byte) (image.Config, error) { return png.DecodeConfig(bytes.NewReader(b)) }
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		format = "jpeg"
		decode = func(b []byte) (image.Config, error) { return jpeg.DecodeConfig(bytes.NewReader(b)) }
	default:
		return nil, fmt.Errorf("worksheet: %w is not a PNG or JPEG image", ErrLogo)
	}
	cfg, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("worksheet: %w is not a readable %s image", ErrLogo, format)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxLogoPixels/cfg.Height {
		return nil, fmt.Errorf("worksheet: %w is %d×%d pixels, more than the %d allowed", ErrLogo, cfg.Width, cfg.Height, MaxLogoPixels)
	}
	// Decode the whole image: a file cut short or damaged after its
	// header is refused here rather than half drawn by a renderer.
	if format == "png" {
		_, err = png.Decode(bytes.NewReader(data))
	} else {
		_, err = jpeg.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return nil, fmt.Errorf("worksheet: %w is not a readable %s image", ErrLogo, format)
	}
	return &Logo{data: bytes.Clone(data), format: format, w: cfg.Width, h: cfg.Height}, nil
}

// Data returns the image file's bytes. The caller must not modify them.
func (l *Logo) Data() []byte { return l.data }

// Format is "png" or "jpeg".
func (l *Logo) Format() string { return l.format }

// MediaType is "image/png" or "image/jpeg".
func (l *Logo) MediaType() string { return "image/" + l.format }

// Ext is the file name extension for the image, ".png" or ".jpg".
func (l *Logo) Ext() string {
	if l.format == "jpeg" {
		return ".jpg"
	}
	return ".png"
}

// Size returns the image's width and height in pixels.
func (l *Logo) Size() (w, h int) { return l.w, l.h }
