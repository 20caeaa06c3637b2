package questionnaire

import (
	"fmt"
	"strings"

	"github.com/betweensessions/between/homework"
)

// measureTitles are the instruments' names as LOINC gives the panels.
var measureTitles = map[homework.Instrument]string{
	homework.PHQ9: "PHQ-9 quick depression assessment panel",
	homework.GAD7: "Generalized anxiety disorder 7 item (GAD-7)",
}

// Measure returns the Questionnaire of a PHQ-9 or GAD-7: coded with the
// panel's LOINC code, one required choice item per question, each coded
// with its LOINC code and linkId, answered from the LOINC answer list (Not
// at all … Nearly every day) with the item score as each answer's
// ordinalValue. The codes come from [homework.Instrument.LOINCItems]. The
// texts are the instruments' English wording; a validated translation is
// not shipped, and Between does not make one up.
func Measure(in homework.Instrument) (*Questionnaire, error) {
	items := in.LOINCItems()
	if items == nil {
		return nil, fmt.Errorf("questionnaire: unknown instrument")
	}
	var options []answerOption
	for score := 0; score <= homework.MaxItem; score++ {
		a, _ := homework.LOINCAnswer(score)
		options = append(options, answerOption{
			Extension:   []extension{{URL: extOrdinal, ValueDecimal: intPtr(score)}},
			ValueCoding: coding{System: systemLOINC, Code: a.Code, Display: a.Text},
		})
	}
	var qs []*item
	for _, it := range items {
		qs = append(qs, &item{
			LinkID:       it.Code,
			Code:         []coding{{System: systemLOINC, Code: it.Code}},
			Text:         it.Text,
			Type:         "choice",
			Required:     true,
			AnswerOption: options,
			kind:         kindMeasureItem,
		})
	}
	name := strings.ToUpper(in.String())
	r := resource{
		ResourceType: "Questionnaire",
		ID:           in.String(),
		Meta:         meta{Profile: []string{ProfileSDC}},
		Language:     "en",
		URL:          canonical("measure:" + in.LOINCPanel()),
		Name:         strings.ReplaceAll(name, "-", ""),
		Title:        measureTitles[in],
		Status:       "active",
		SubjectType:  []string{"Patient"},
		Description:  fmt.Sprintf("Over the last 2 weeks, how often have you been bothered by the following problems? (%s)", name),
		Code:         []coding{{System: systemLOINC, Code: in.LOINCPanel(), Display: measureTitles[in]}},
		Item:         qs,
	}
	return &Questionnaire{r: r, instrument: in}, nil
}
