package questionnaire_test

import (
	"fmt"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/worksheet/questionnaire"
)

// A PHQ-9 completed in a portal comes back as a QuestionnaireResponse and
// becomes a score in the review, item 9 and all.
func ExampleQuestionnaire_ReadResponse() {
	q, err := questionnaire.Measure(homework.PHQ9)
	if err != nil {
		fmt.Println(err)
		return
	}
	answer := func(code, la string) string {
		return `{"linkId": "` + code + `", "answer": [{"valueCoding": {"system": "http://loinc.org", "code": "` + la + `"}}]}`
	}
	items := ""
	for i, it := range homework.PHQ9.LOINCItems() {
		la := "LA6569-3" // several days
		if i == 8 {
			la = "LA6568-5" // not at all
		}
		if i > 0 {
			items += ","
		}
		items += answer(it.Code, la)
	}
	data := []byte(`{"resourceType": "QuestionnaireResponse", "questionnaire": "` + q.URL() + `",
		"status": "completed", "authored": "2026-10-12", "item": [` + items + `]}`)
	rv, err := q.ReadResponse("phq9-response.json", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	s := rv.Measures[0]
	fmt.Println(s.Instrument, s.Date, s.Total(), s.Severity(), rv.SelfHarmFlag())

	_, err = q.ReadResponse("phq9-response.json", []byte(`{"resourceType": "QuestionnaireResponse", "questionnaire": "urn:uuid:00000000-0000-5000-8000-000000000000", "status": "completed"}`))
	fmt.Println(err)
	// Output:
	// phq-9 2026-10-12 8 mild false
	// questionnaire: phq9-response.json: the response is for another questionnaire, not phq-9 (urn:uuid:5a6276d1-4bc6-578e-a239-61aea7835b5b)
}
