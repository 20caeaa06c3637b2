package handout

import (
	"fmt"
	"strings"
)

// Format is the kind of file [Renderer.Render] writes. The zero value is
// HTML.
type Format int

// The formats a handout renders to.
const (
	// HTML is a complete, standalone HTML page with its styles and the
	// handout script inline: no requests, fill-in fields as form controls,
	// Print and Save/Open answers (see worksheet.HTMLScript).
	HTML Format = iota
	// PDF is a printable PDF made by package worksheet/pdf.
	PDF
	// JSON is the document model for a portal or app that draws its own
	// form, without the clinician notes. See [Document].
	JSON
)

// Formats returns every format, in declaration order.
func Formats() []Format { return []Format{HTML, PDF, JSON} }

// String returns "html", "pdf" or "json".
func (f Format) String() string {
	switch f {
	case HTML:
		return "html"
	case PDF:
		return "pdf"
	case JSON:
		return "json"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// Ext returns the file name extension of the format, with the dot.
func (f Format) Ext() string { return "." + f.String() }

// ContentType returns the MIME type of the format, for an HTTP response.
func (f Format) ContentType() string {
	switch f {
	case PDF:
		return "application/pdf"
	case JSON:
		return "application/json"
	}
	return "text/html; charset=utf-8"
}

// MarshalText encodes the format as its String form.
func (f Format) MarshalText() ([]byte, error) {
	switch f {
	case HTML, PDF, JSON:
		return []byte(f.String()), nil
	}
	return nil, fmt.Errorf("handout: unknown format %d", int(f))
}

// UnmarshalText decodes "html", "pdf" or "json". Case does not matter.
func (f *Format) UnmarshalText(b []byte) error {
	for _, c := range Formats() {
		if strings.EqualFold(string(b), c.String()) {
			*f = c
			return nil
		}
	}
	return fmt.Errorf("handout: unknown format %q (want html, pdf or json)", truncate(string(b)))
}

// FormatOf returns the format a file name's extension names (".html",
// ".htm", ".pdf", ".json"), and false for any other name.
func FormatOf(name string) (Format, bool) {
	for i := len(name) - 1; i >= 0 && name[i] != '/' && name[i] != '\\'; i-- {
		if name[i] != '.' {
			continue
		}
		ext := name[i+1:]
		if strings.EqualFold(ext, "htm") {
			return HTML, true
		}
		var f Format
		if f.UnmarshalText([]byte(ext)) == nil {
			return f, true
		}
		break
	}
	return HTML, false
}

// truncate shortens text a person typed for an error message.
func truncate(s string) string {
	const max = 24
	if len(s) <= max {
		return s
	}
	n := max
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
