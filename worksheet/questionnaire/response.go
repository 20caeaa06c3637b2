package questionnaire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/betweensessions/between/homework"
)

// MaxResponseSize is the largest QuestionnaireResponse ReadResponse reads,
// in bytes.
const MaxResponseSize = 1 << 20

// ResponseError is a QuestionnaireResponse that does not fit its
// Questionnaire. It names the file and, when the problem is one item, the
// item's linkId; it never holds an answer, which is the client's.
type ResponseError struct {
	// Name names the response, e.g. its file name.
	Name string
	// LinkID is the item concerned; empty for the whole response. A linkId
	// the Questionnaire does not have is cut to 64 characters.
	LinkID string
	// Msg says what is wrong, in fixed English text.
	Msg string
}

// Error returns "questionnaire: NAME: item LINKID: MSG".
func (e *ResponseError) Error() string {
	if e.LinkID == "" {
		return fmt.Sprintf("questionnaire: %s: %s", e.Name, e.Msg)
	}
	return fmt.Sprintf("questionnaire: %s: item %q: %s", e.Name, e.LinkID, e.Msg)
}

type (
	responseAnswer struct {
		ValueBoolean *bool           `json:"valueBoolean"`
		ValueInteger *int            `json:"valueInteger"`
		ValueString  *string         `json:"valueString"`
		ValueCoding  *coding         `json:"valueCoding"`
		Item         []*responseItem `json:"item"`
		// Any other value[x] is caught by its key.
		Other map[string]json.RawMessage `json:"-"`
	}
	responseItem struct {
		LinkID string           `json:"linkId"`
		Answer []responseAnswer `json:"answer"`
		Item   []*responseItem  `json:"item"`
	}
	response struct {
		ResourceType  string          `json:"resourceType"`
		Questionnaire string          `json:"questionnaire"`
		Status        string          `json:"status"`
		Authored      string          `json:"authored"`
		Item          []*responseItem `json:"item"`
	}
)

// UnmarshalJSON reads an answer and keeps the names of its value[x] keys,
// so an answer of a type the reader does not take is reported.
func (a *responseAnswer) UnmarshalJSON(b []byte) error {
	type plain responseAnswer
	if err := json.Unmarshal(b, (*plain)(a)); err != nil {
		return err
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(b, &keys); err != nil {
		return err
	}
	for k, v := range keys {
		switch k {
		case "valueBoolean", "valueInteger", "valueString", "valueCoding", "item", "extension", "id":
		default:
			if a.Other == nil {
				a.Other = map[string]json.RawMessage{}
			}
			a.Other[k] = v
		}
	}
	return nil
}

// ReadResponse reads a FHIR R4 QuestionnaireResponse (JSON) to this
// Questionnaire back into a [homework.Review]:
//
//   - for a measure, the review's Measures hold the one [homework.Score],
//     its items from the LOINC answers and its Date from "authored";
//   - for a handout with a tracker, DaysPlanned is the tracker's 7 days and
//     DaysCompleted the days on which any tracker row was filled in.
//
// The client's written answers are read for their shape only and are not
// copied into the review. Anything that does not fit is an error naming
// the item's linkId: a response to another questionnaire, an item the
// Questionnaire does not have, an answer of the wrong type, a score or
// scale value out of range, an answer code not in the list, a required
// measure item left unanswered, or a response that is not completed.
// name names the response in errors.
func (q *Questionnaire) ReadResponse(name string, data []byte) (*homework.Review, error) {
	fail := func(link, format string, args ...any) (*homework.Review, error) {
		return nil, &ResponseError{Name: name, LinkID: cut(link), Msg: fmt.Sprintf(format, args...)}
	}
	if len(data) > MaxResponseSize {
		return fail("", "the response is larger than %d KB", MaxResponseSize>>10)
	}
	var r response
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&r); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return fail("", "an element has the wrong JSON type (%s)", te.Field)
		}
		return fail("", "not JSON")
	}
	if r.ResourceType != "QuestionnaireResponse" {
		return fail("", "not a QuestionnaireResponse")
	}
	if url, _, _ := strings.Cut(r.Questionnaire, "|"); url != q.URL() {
		return fail("", "the response is for another questionnaire, not %s (%s)", q.r.ID, q.URL())
	}
	if r.Status != "completed" && r.Status != "amended" {
		return fail("", "the response's status is not completed or amended")
	}
	date := ""
	if r.Authored != "" {
		if len(r.Authored) < 10 {
			return fail("", "authored is not a date")
		}
		if _, err := time.Parse(time.DateOnly, r.Authored[:10]); err != nil {
			return fail("", "authored is not a date")
		}
		date = r.Authored[:10]
	}
	rd := reader{name: name, answered: map[string]bool{}}
	if err := rd.items(q.r.Item, r.Item); err != nil {
		return nil, err
	}
	rv := &homework.Review{}
	if q.instrument != 0 {
		s := homework.Score{Instrument: q.instrument, Date: date}
		for _, it := range q.r.Item {
			v, ok := rd.scores[it.LinkID]
			if !ok {
				return fail(it.LinkID, "required and not answered")
			}
			s.Items = append(s.Items, v)
		}
		if err := s.Validate(); err != nil {
			return fail("", "the score is not valid")
		}
		rv.Measures = []homework.Score{s}
		return rv, nil
	}
	hasTracker := false
	walk(q.r.Item, func(it *item) { hasTracker = hasTracker || it.kind == kindTrackerCell })
	if hasTracker {
		rv.DaysPlanned = 7
		for d := 1; d <= 7; d++ {
			if rd.days[d] {
				rv.DaysCompleted++
			}
		}
	}
	return rv, nil
}

// reader walks a response's items beside the Questionnaire's.
type reader struct {
	name     string
	answered map[string]bool
	scores   map[string]int
	days     [8]bool
}

func (rd *reader) fail(link, msg string) error {
	return &ResponseError{Name: rd.name, LinkID: cut(link), Msg: msg}
}

// items checks the response items rs against the Questionnaire items qs
// (the children of one item, or the top level).
func (rd *reader) items(qs []*item, rs []*responseItem) error {
	byID := map[string]*item{}
	for _, it := range qs {
		byID[it.LinkID] = it
	}
	for _, r := range rs {
		if r == nil {
			return rd.fail("", "an item is null")
		}
		it, ok := byID[r.LinkID]
		if !ok {
			return rd.fail(r.LinkID, "the questionnaire has no such item here")
		}
		if rd.answered[r.LinkID] {
			return rd.fail(r.LinkID, "the item appears twice")
		}
		rd.answered[r.LinkID] = true
		if err := rd.answers(it, r.Answer); err != nil {
			return err
		}
		if err := rd.items(it.Item, r.Item); err != nil {
			return err
		}
	}
	return nil
}

// answers checks one item's answers against its type and range.
func (rd *reader) answers(it *item, as []responseAnswer) error {
	if len(as) == 0 {
		return nil
	}
	if it.Type == "group" || it.Type == "display" {
		return rd.fail(it.LinkID, "a "+it.Type+" item has no answers")
	}
	if len(as) > 1 {
		return rd.fail(it.LinkID, "more than one answer to an item that does not repeat")
	}
	a := as[0]
	if len(a.Other) > 0 {
		return rd.fail(it.LinkID, "an answer of a type this item does not take (want "+valueType(it.Type)+")")
	}
	switch it.Type {
	case "boolean":
		if a.ValueBoolean == nil {
			return rd.fail(it.LinkID, "want valueBoolean")
		}
	case "string", "text":
		if a.ValueString == nil {
			return rd.fail(it.LinkID, "want valueString")
		}
		if it.kind == kindTrackerCell && strings.TrimSpace(*a.ValueString) != "" {
			rd.days[it.day] = true
		}
	case "integer":
		if a.ValueInteger == nil {
			return rd.fail(it.LinkID, "want valueInteger")
		}
		if v := *a.ValueInteger; v < it.min || v > it.max {
			return rd.fail(it.LinkID, fmt.Sprintf("the answer is out of range %d–%d", it.min, it.max))
		}
	case "choice":
		if a.ValueCoding == nil {
			return rd.fail(it.LinkID, "want valueCoding")
		}
		score, ok := homework.LOINCAnswerScore(a.ValueCoding.Code)
		if !ok || a.ValueCoding.System != systemLOINC {
			return rd.fail(it.LinkID, "the answer is not one of the LOINC answers LA6568-5, LA6569-3, LA6570-1, LA6571-9")
		}
		if rd.scores == nil {
			rd.scores = map[string]int{}
		}
		rd.scores[it.LinkID] = score
	}
	if (a.ValueBoolean != nil) && it.Type != "boolean" || (a.ValueInteger != nil) && it.Type != "integer" ||
		(a.ValueString != nil) && it.Type != "string" && it.Type != "text" || (a.ValueCoding != nil) && it.Type != "choice" {
		return rd.fail(it.LinkID, "an answer of a type this item does not take (want "+valueType(it.Type)+")")
	}
	if len(a.Item) > 0 {
		return rd.items(it.Item, a.Item)
	}
	return nil
}

// valueType is the answer element an item type takes.
func valueType(t string) string {
	switch t {
	case "boolean":
		return "valueBoolean"
	case "integer":
		return "valueInteger"
	case "choice":
		return "valueCoding"
	}
	return "valueString"
}

// cut shortens a linkId from a response to 64 characters.
func cut(s string) string {
	if utf8.RuneCountInString(s) <= 64 {
		return s
	}
	r := []rune(s)
	return string(r[:64]) + "…"
}
