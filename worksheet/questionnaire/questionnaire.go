package questionnaire

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/betweensessions/between/homework"
)

// The FHIR R4 core extensions SDC uses, written by this package.
const (
	extTranslation = "http://hl7.org/fhir/StructureDefinition/translation"
	extItemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
	extMinValue    = "http://hl7.org/fhir/StructureDefinition/minValue"
	extMaxValue    = "http://hl7.org/fhir/StructureDefinition/maxValue"
	extSliderStep  = "http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue"
	extOrdinal     = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
	systemItemCtl  = "http://hl7.org/fhir/questionnaire-item-control"
	systemLOINC    = "http://loinc.org"
	// ProfileSDC is the SDC Questionnaire profile the Questionnaires claim.
	ProfileSDC = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire"
)

// The JSON shapes of the elements written; field order fixes JSON order.
type (
	coding struct {
		System  string `json:"system,omitempty"`
		Code    string `json:"code"`
		Display string `json:"display,omitempty"`
	}
	concept struct {
		Coding []coding `json:"coding"`
	}
	extension struct {
		URL                  string      `json:"url"`
		Extension            []extension `json:"extension,omitempty"`
		ValueCode            string      `json:"valueCode,omitempty"`
		ValueString          string      `json:"valueString,omitempty"`
		ValueInteger         *int        `json:"valueInteger,omitempty"`
		ValueDecimal         *int        `json:"valueDecimal,omitempty"`
		ValueCodeableConcept *concept    `json:"valueCodeableConcept,omitempty"`
	}
	// element carries extensions of a primitive, e.g. "_text".
	element struct {
		Extension []extension `json:"extension"`
	}
	answerOption struct {
		Extension   []extension `json:"extension,omitempty"`
		ValueCoding coding      `json:"valueCoding"`
	}
	item struct {
		Extension    []extension    `json:"extension,omitempty"`
		LinkID       string         `json:"linkId"`
		Code         []coding       `json:"code,omitempty"`
		Text         string         `json:"text,omitempty"`
		TextExt      *element       `json:"_text,omitempty"`
		Type         string         `json:"type"`
		Required     bool           `json:"required,omitempty"`
		AnswerOption []answerOption `json:"answerOption,omitempty"`
		Item         []*item        `json:"item,omitempty"`

		// Not written: what ReadResponse needs to check an answer.
		min, max int        // a scale's range
		day      int        // a tracker cell's day, 1–7
		kind     kindOfItem // what the item came from
	}
	meta struct {
		Profile []string `json:"profile"`
	}
	resource struct {
		ResourceType   string   `json:"resourceType"`
		ID             string   `json:"id"`
		Meta           meta     `json:"meta"`
		Language       string   `json:"language,omitempty"`
		URL            string   `json:"url"`
		Name           string   `json:"name"`
		Title          string   `json:"title"`
		TitleExt       *element `json:"_title,omitempty"`
		Status         string   `json:"status"`
		SubjectType    []string `json:"subjectType"`
		Description    string   `json:"description,omitempty"`
		DescriptionExt *element `json:"_description,omitempty"`
		Code           []coding `json:"code,omitempty"`
		Item           []*item  `json:"item"`
	}
)

// kindOfItem is the worksheet element an item came from.
type kindOfItem int

const (
	kindDisplay kindOfItem = iota
	kindGroup
	kindBlank
	kindLines
	kindScale
	kindTask
	kindTrackerCell
	kindMeasureItem
)

// Questionnaire is a FHIR R4 Questionnaire (SDC profile) made from a
// handout by [FromWorksheet] or from a measure by [Measure]. Marshal it with
// [Questionnaire.JSON]; read a completed response back with
// [Questionnaire.ReadResponse]. A Questionnaire is not changed after it is
// made and is safe for concurrent use.
type Questionnaire struct {
	r          resource
	instrument homework.Instrument // set for a measure
}

// URL returns the Questionnaire's canonical URL, which a
// QuestionnaireResponse names in its "questionnaire" element: a name-based
// urn:uuid of the template id (or the measure's LOINC code), stable across
// builds and languages.
func (q *Questionnaire) URL() string { return q.r.URL }

// JSON returns the Questionnaire as indented JSON.
func (q *Questionnaire) JSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(q.r); err != nil {
		return nil, fmt.Errorf("questionnaire: %w", err)
	}
	return buf.Bytes(), nil
}

// canonical returns a name-based (version 5) urn:uuid for name.
func canonical(name string) string {
	h := sha1.New()
	h.Write([]byte("between.questionnaire\x00"))
	h.Write([]byte(name))
	s := h.Sum(nil)[:16]
	s[6] = s[6]&0x0f | 0x50
	s[8] = s[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", s[0:4], s[4:6], s[6:8], s[8:10], s[10:16])
}

var nonName = regexp.MustCompile(`[^A-Za-z0-9]+`)

// computerName turns an id such as "sleep-routine" into the name
// "SleepRoutine" that Questionnaire.name wants (a letter, then letters,
// digits and underscores).
func computerName(id string) string {
	var b strings.Builder
	for _, part := range nonName.Split(id, -1) {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	s := b.String()
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		s = "Q" + s
	}
	return s
}

// translated returns the "_x" element carrying texts in other languages,
// or nil when there are none.
func translated(texts map[string]string, langs []string) *element {
	var ext []extension
	for _, l := range langs {
		t, ok := texts[l]
		if !ok || t == "" {
			continue
		}
		ext = append(ext, extension{URL: extTranslation, Extension: []extension{
			{URL: "lang", ValueCode: l},
			{URL: "content", ValueString: t},
		}})
	}
	if len(ext) == 0 {
		return nil
	}
	return &element{Extension: ext}
}

func itemControl(code string) extension {
	return extension{URL: extItemControl, ValueCodeableConcept: &concept{Coding: []coding{{System: systemItemCtl, Code: code}}}}
}

func intPtr(n int) *int { return &n }
