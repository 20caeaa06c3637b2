package handout

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/worksheet"
)

// Document is the JSON form of a personalised handout, for a portal or a
// mobile app that draws its own form. It is what [Renderer.Render] writes
// for [JSON]. The clinician notes are never in it.
type Document struct {
	// ID is the template id.
	ID string `json:"id"`
	// Lang is the language asked for; TextLang the language the text is in.
	// They differ when the handout has no translation yet, and Note then
	// says so in Lang.
	Lang     string `json:"lang"`
	TextLang string `json:"text_lang"`
	Note     string `json:"note,omitempty"`
	// Variant is "standard" or "large-print".
	Variant worksheet.Variant `json:"variant"`
	// Params lists every slot the handout declares, with the value given
	// for this client, if any. A slot with no value is drawn as a blank.
	Params []Param `json:"params"`
	// Weekdays are the seven column headings of a tracker in the text's
	// language, in the locale's order, and WeekdaysShort their short forms.
	Weekdays      []string `json:"weekdays"`
	WeekdaysShort []string `json:"weekdays_short"`
	// Crisis are the crisis lines for the client's region, for the
	// body's "crisis" blocks.
	Crisis []i18n.CrisisLine `json:"crisis,omitempty"`
	// Worksheet is the document model: path, lang, meta and body, as
	// worksheet.Worksheet marshals it, with Meta.Clinician cleared. Its
	// blocks are interfaces, so Document is for encoding; a Go client
	// decodes the body as json.RawMessage values by their "type" field.
	Worksheet worksheet.Worksheet `json:"worksheet"`
}

// Param is one personalisation slot of a [Document].
type Param struct {
	Name    string `json:"name"`
	Label   string `json:"label"`
	Example string `json:"example,omitempty"`
	// Value is the value given for this client; empty when none was.
	Value string `json:"value,omitempty"`
}

// document builds the Document of h.
func (h *prepared) document() Document {
	ws := *h.ws // a shallow copy: Meta is a value, Body is only read
	ws.Meta.Clinician = worksheet.Clinician{}
	d := Document{
		ID:        ws.Meta.ID,
		Lang:      h.req.Lang.String(),
		TextLang:  ws.Lang.String(),
		Variant:   h.req.Variant,
		Params:    make([]Param, len(ws.Meta.Params)),
		Crisis:    h.textLoc.Crisis,
		Worksheet: ws,
	}
	for i, p := range ws.Meta.Params {
		d.Params[i] = Param{Name: p.Name, Label: p.Label, Example: p.Example, Value: h.req.Params[p.Name]}
	}
	for _, day := range h.textLoc.WeekOrder() {
		d.Weekdays = append(d.Weekdays, h.textLoc.Weekdays[day])
		d.WeekdaysShort = append(d.WeekdaysShort, h.textLoc.WeekdaysShort[day])
	}
	if !h.translated {
		d.Note = h.pageLoc.Text("NotTranslated", map[string]any{"Language": h.pageLoc.Name})
	}
	return d
}

// json writes h's Document, indented.
func (h *prepared) json(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(h.document()); err != nil {
		return fmt.Errorf("handout: %s: json: %w", h.ws.Path, err)
	}
	return nil
}
