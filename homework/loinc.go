package homework

// LOINC codes of the instruments, so that every export (FHIR Observations,
// Questionnaires) uses one table. Each code was checked against published
// HL7 material, cited in docs/fhir.md: the PHQ-9 panel, item and total codes
// and the answer codes against US Core's screening-assessment examples
// (HL7/US-Core input/examples/Observation-PHQ9-*.json); the GAD-7 codes
// against the HL7 Personal Health Record format IG's GAD-7 Questionnaire and
// LOINC's panel 69737-5.

// LOINCItem is one item of an instrument: its LOINC code and its question
// as the instrument words it in English.
type LOINCItem struct {
	Code string
	Text string
}

var (
	phq9Items = []LOINCItem{
		{"44250-9", "Little interest or pleasure in doing things"},
		{"44255-8", "Feeling down, depressed, or hopeless"},
		{"44259-0", "Trouble falling or staying asleep, or sleeping too much"},
		{"44254-1", "Feeling tired or having little energy"},
		{"44251-7", "Poor appetite or overeating"},
		{"44258-2", "Feeling bad about yourself - or that you are a failure or have let yourself or your family down"},
		{"44252-5", "Trouble concentrating on things, such as reading the newspaper or watching television"},
		{"44253-3", "Moving or speaking so slowly that other people could have noticed. Or the opposite - being so fidgety or restless that you have been moving around a lot more than usual"},
		{"44260-8", "Thoughts that you would be better off dead, or of hurting yourself in some way"},
	}
	gad7Items = []LOINCItem{
		{"69725-0", "Feeling nervous, anxious or on edge"},
		{"68509-9", "Not being able to stop or control worrying"},
		{"69733-4", "Worrying too much about different things"},
		{"69734-2", "Trouble relaxing"},
		{"69735-9", "Being so restless that it is hard to sit still"},
		{"69689-8", "Becoming easily annoyed or irritable"},
		{"69736-7", "Feeling afraid as if something awful might happen"},
	}
	// answers are the LOINC answer list shared by both instruments, for item
	// scores 0 to 3.
	answers = [MaxItem + 1]LOINCItem{
		{"LA6568-5", "Not at all"},
		{"LA6569-3", "Several days"},
		{"LA6570-1", "More than half the days"},
		{"LA6571-9", "Nearly every day"},
	}
)

// LOINCPanel returns the LOINC code of the instrument's panel: "44249-1"
// (PHQ-9 quick depression assessment panel) or "69737-5" (Generalized
// anxiety disorder 7 item (GAD-7)); "" for an unknown instrument.
func (in Instrument) LOINCPanel() string {
	switch in {
	case PHQ9:
		return "44249-1"
	case GAD7:
		return "69737-5"
	}
	return ""
}

// LOINCTotal returns the LOINC code of the instrument's total score:
// "44261-6" or "70274-6"; "" for an unknown instrument.
func (in Instrument) LOINCTotal() string {
	switch in {
	case PHQ9:
		return "44261-6"
	case GAD7:
		return "70274-6"
	}
	return ""
}

// LOINCItems returns the instrument's items in questionnaire order, a new
// slice on every call; nil for an unknown instrument.
func (in Instrument) LOINCItems() []LOINCItem {
	switch in {
	case PHQ9:
		return append([]LOINCItem(nil), phq9Items...)
	case GAD7:
		return append([]LOINCItem(nil), gad7Items...)
	}
	return nil
}

// LOINCAnswer returns the LOINC answer for an item score of 0 to 3 ("Not at
// all" LA6568-5 … "Nearly every day" LA6571-9), and false for any other
// score.
func LOINCAnswer(score int) (LOINCItem, bool) {
	if score < 0 || score > MaxItem {
		return LOINCItem{}, false
	}
	return answers[score], true
}

// LOINCAnswerScore returns the item score of a LOINC answer code, and false
// for a code that is not one of the four answers.
func LOINCAnswerScore(code string) (int, bool) {
	for i, a := range answers {
		if a.Code == code {
			return i, true
		}
	}
	return 0, false
}
