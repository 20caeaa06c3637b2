package notes

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/betweensessions/between/homework"
)

// LOINC codes of the questionnaire total scores.
const (
	LOINCPHQ9 = "44261-6" // Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]
	LOINCGAD7 = "70274-6" // Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]
)

// ErrNoSubject is returned by [Writer.Bundle] when [Options.Subject] is
// empty: every resource in the Bundle belongs to a subject, and notes never
// makes one up.
var ErrNoSubject = errors.New("notes: fhir: a subject reference is required (e.g. Patient/123)")

// reference matches the FHIR references a caller may pass: a relative
// "Type/id" or an absolute URL or URN.
var reference = regexp.MustCompile(`^(?:[A-Z][A-Za-z]+/[A-Za-z0-9\-.]{1,64}|(?:https?|urn):\S+)$`)

// The JSON shapes of the FHIR R4 elements written. One struct,
// fhirResource, serves every resource type: each uses its own fields and
// the rest stay empty and are omitted. Struct field order fixes the JSON
// order, so the output is stable.
type (
	fhirRef struct {
		Reference string `json:"reference"`
	}
	fhirCoding struct {
		System  string `json:"system"`
		Code    string `json:"code"`
		Display string `json:"display,omitempty"`
	}
	fhirConcept struct {
		Coding []fhirCoding `json:"coding,omitempty"`
		Text   string       `json:"text,omitempty"`
	}
	fhirNarrative struct {
		Status string `json:"status"`
		Div    string `json:"div"`
	}
	fhirAnnotation struct {
		Text string `json:"text"`
	}
	fhirRepeat struct {
		Frequency  int    `json:"frequency"`
		Period     int    `json:"period"`
		PeriodUnit string `json:"periodUnit"`
	}
	fhirTiming struct {
		Repeat *fhirRepeat  `json:"repeat,omitempty"`
		Code   *fhirConcept `json:"code,omitempty"`
	}
	fhirDetail struct {
		ReasonCode      []fhirConcept `json:"reasonCode,omitempty"`
		ReasonReference []fhirRef     `json:"reasonReference,omitempty"`
		Goal            []fhirRef     `json:"goal,omitempty"`
		Status          string        `json:"status"`
		StatusReason    *fhirConcept  `json:"statusReason,omitempty"`
		ScheduledTiming *fhirTiming   `json:"scheduledTiming,omitempty"`
		Performer       []fhirRef     `json:"performer,omitempty"`
		Description     string        `json:"description,omitempty"`
	}
	fhirQuantity struct {
		Value  int    `json:"value"`
		Unit   string `json:"unit"`
		System string `json:"system"`
		Code   string `json:"code"`
	}
	fhirRatio struct {
		Numerator   fhirQuantity `json:"numerator"`
		Denominator fhirQuantity `json:"denominator"`
	}
	fhirActivity struct {
		OutcomeReference []fhirRef        `json:"outcomeReference,omitempty"`
		Progress         []fhirAnnotation `json:"progress,omitempty"`
		Detail           fhirDetail       `json:"detail"`
	}
	fhirResource struct {
		ResourceType string         `json:"resourceType"`
		ID           string         `json:"id"`
		Text         *fhirNarrative `json:"text,omitempty"`
		// CarePlan
		Status  string `json:"status,omitempty"`
		Intent  string `json:"intent,omitempty"`
		Created string `json:"created,omitempty"`
		// Goal
		LifecycleStatus string       `json:"lifecycleStatus,omitempty"`
		Description     *fhirConcept `json:"description,omitempty"`
		// Consent
		Scope    *fhirConcept  `json:"scope,omitempty"`
		Category []fhirConcept `json:"category,omitempty"`
		// Observation
		Code *fhirConcept `json:"code,omitempty"`
		// shared
		Subject        *fhirRef         `json:"subject,omitempty"`
		Patient        *fhirRef         `json:"patient,omitempty"`
		Effective      string           `json:"effectiveDateTime,omitempty"`
		Author         *fhirRef         `json:"author,omitempty"`
		Performer      []fhirRef        `json:"performer,omitempty"`
		PolicyRule     *fhirConcept     `json:"policyRule,omitempty"`
		Provision      *fhirProvision   `json:"provision,omitempty"`
		ValueInteger   *int             `json:"valueInteger,omitempty"`
		ValueConcept   *fhirConcept     `json:"valueCodeableConcept,omitempty"`
		ValueRatio     *fhirRatio       `json:"valueRatio,omitempty"`
		Interpretation []fhirConcept    `json:"interpretation,omitempty"`
		HasMember      []fhirRef        `json:"hasMember,omitempty"`
		Goal           []fhirRef        `json:"goal,omitempty"`
		Activity       []fhirActivity   `json:"activity,omitempty"`
		Note           []fhirAnnotation `json:"note,omitempty"`
	}
	fhirProvision struct {
		Type  string        `json:"type"`
		Actor []fhirActor   `json:"actor,omitempty"`
		Code  []fhirConcept `json:"code,omitempty"`
	}
	fhirActor struct {
		Role      fhirConcept `json:"role"`
		Reference fhirRef     `json:"reference"`
	}
	fhirEntry struct {
		FullURL  string        `json:"fullUrl"`
		Resource *fhirResource `json:"resource"`
	}
	fhirBundle struct {
		ResourceType string      `json:"resourceType"`
		ID           string      `json:"id"`
		Type         string      `json:"type"`
		Entry        []fhirEntry `json:"entry"`
	}
)

const (
	systemLOINC        = "http://loinc.org"
	systemObsCategory  = "http://terminology.hl7.org/CodeSystem/observation-category"
	systemConsentScope = "http://terminology.hl7.org/CodeSystem/consentscope"
	systemActCode      = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
	systemParticipant  = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
	systemInterp       = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
	systemUCUM         = "http://unitsofmeasure.org"
)

// Bundle writes the input as a FHIR R4 Bundle of type collection, as
// indented JSON: the Goal the homework serves, one Consent for each remote
// channel with a safeguards record, with a review the Observation of days
// completed and, for each PHQ-9 and GAD-7 score (earlier ones first), an
// Observation per item, one for the total and the panel that groups them,
// and the CarePlan whose activity is the homework and whose status follows
// the review's outcome. Every id is a name-based UUID derived from the resource's
// content, so the same input always gives the same bytes. The mapping is
// documented in docs/fhir.md.
//
// opt.Subject is required and opt.Practitioner optional; they are the only
// identifiers written. Text (descriptions, narrative) is in opt.Lang.
func (w *Writer) Bundle(in Input, opt Options) ([]byte, error) {
	if opt.Subject == "" {
		return nil, ErrNoSubject
	}
	// A reference that is not one may be free text about the client: the
	// error names the option, never repeats the text.
	refs := []struct{ what, ref string }{{"the subject", opt.Subject}, {"the practitioner", opt.Practitioner}}
	for i, r := range opt.Reasons {
		refs = append(refs, struct{ what, ref string }{fmt.Sprintf("reason %d", i+1), r})
	}
	for _, r := range refs {
		if r.ref != "" && !reference.MatchString(r.ref) {
			return nil, fmt.Errorf("notes: fhir: %s is not a FHIR reference such as Patient/123", r.what)
		}
	}
	if _, err := prepare(in, opt); err != nil {
		return nil, err
	}
	loc, err := w.cat.Locale(langOrEnglish(opt.Lang))
	if err != nil {
		return nil, fmt.Errorf("notes: %w", err)
	}
	t := &texts{loc: loc}
	a, rv := in.Assignment, in.Review
	subject := &fhirRef{opt.Subject}
	var author *fhirRef
	if opt.Practitioner != "" {
		author = &fhirRef{opt.Practitioner}
	}
	var entries []fhirEntry
	add := func(r *fhirResource) fhirRef {
		r.ID = contentID(r, len(entries))
		entries = append(entries, fhirEntry{FullURL: "urn:uuid:" + r.ID, Resource: r})
		return fhirRef{"urn:uuid:" + r.ID}
	}

	var goals []fhirRef
	if r := clean(a.Rationale); r != "" {
		status := "active"
		if a.Agreement.Status == homework.Declined {
			status = "rejected"
		}
		goals = append(goals, add(&fhirResource{
			ResourceType: "Goal", LifecycleStatus: status,
			Description: &fhirConcept{Text: sentence(r)}, Subject: subject,
		}))
	}

	for _, sg := range a.Method.Safeguards {
		if !sg.Channel.Remote() {
			continue
		}
		status := "active"
		c := sg.Consent
		if !c.PrivacyLimitsDiscussed || !c.RiskAccepted || !c.CanSwitchToPaper {
			status = "proposed"
		}
		res := &fhirResource{
			ResourceType: "Consent",
			Text:         narrative(t.safeguards([]homework.Safeguards{sg})),
			Status:       status,
			Scope:        &fhirConcept{Coding: []fhirCoding{{System: systemConsentScope, Code: "patient-privacy", Display: "Privacy Consent"}}},
			Category:     []fhirConcept{{Coding: []fhirCoding{{System: systemLOINC, Code: "59284-0"}}}},
			Patient:      subject,
			Performer:    []fhirRef{*subject},
			PolicyRule:   &fhirConcept{Coding: []fhirCoding{{System: systemActCode, Code: "OPTIN"}}},
			Provision:    &fhirProvision{Type: "permit", Code: []fhirConcept{{Text: t.channel(sg.Channel)}}},
		}
		if author != nil {
			res.Provision.Actor = []fhirActor{{
				Role:      fhirConcept{Coding: []fhirCoding{{System: systemParticipant, Code: "PRCP", Display: "primary information recipient"}}},
				Reference: *author,
			}}
		}
		add(res)
	}

	var outcomes []fhirRef
	if rv != nil {
		if c := completion(t, rv, subject); c != nil {
			outcomes = append(outcomes, add(c))
		}
		for _, sc := range rv.Earlier {
			outcomes = append(outcomes, scoreObservations(t, sc, nil, subject, add))
		}
		for _, sc := range rv.Measures {
			outcomes = append(outcomes, scoreObservations(t, sc, rv, subject, add))
		}
	}

	detail := fhirDetail{
		Goal:        goals,
		Status:      "scheduled",
		Performer:   []fhirRef{*subject},
		Description: strings.TrimSuffix(sentence(taskPhrase(a.Task)), "."),
	}
	if r := clean(a.Rationale); r != "" {
		detail.ReasonCode = []fhirConcept{{Text: sentence(r)}}
	}
	for _, r := range opt.Reasons {
		detail.ReasonReference = append(detail.ReasonReference, fhirRef{r})
	}
	if tm := timing(a.Task); tm != nil {
		detail.ScheduledTiming = tm
	}
	status := "active"
	var activity fhirActivity
	switch {
	case a.Agreement.Status == homework.Declined:
		detail.Status = "cancelled"
		detail.StatusReason = &fhirConcept{Text: sentence(t.msg("NoteDeclinedTask", nil))}
		status = "revoked"
	case rv != nil:
		detail.Status, status = reviewStatus(rv.Outcome)
		var p [numPieces][]string
		t.review(&p, a, rv)
		for _, pc := range []piece{pCompletion, pExperience, pBarrierMet, pCustom, pInsights} {
			for _, s := range p[pc] {
				activity.Progress = append(activity.Progress, fhirAnnotation{s})
			}
		}
		activity.OutcomeReference = outcomes
	}
	activity.Detail = detail
	plan := &fhirResource{
		ResourceType: "CarePlan", Status: status, Intent: "plan", Created: a.SessionDate,
		Subject: subject, Author: author, Goal: goals,
		Activity: []fhirActivity{activity},
	}
	var planNotes []string
	p := t.pieces(Input{Assignment: a}, false)
	for _, pc := range []piece{pMethod, pContacts, pDeclined, pAdaptations, pAI, pSafety, pBarriers, pFollowUp} {
		planNotes = append(planNotes, p[pc]...)
	}
	if rv != nil {
		if s := clean(rv.Modifications); s != "" {
			planNotes = append(planNotes, sentence(t.msg("NoteModifications", m{"Text": s})))
		}
	}
	for _, s := range planNotes {
		plan.Note = append(plan.Note, fhirAnnotation{s})
	}
	add(plan)

	b := fhirBundle{ResourceType: "Bundle", Type: "collection", Entry: entries}
	b.ID = contentID(b, 0)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return nil, fmt.Errorf("notes: fhir: %w", err)
	}
	return buf.Bytes(), nil
}

// reviewStatus returns the CarePlan activity's status and the CarePlan's
// status after a review: they follow the recorded outcome, never the mere
// presence of a review. Homework that continues (as it is or modified) is
// in progress; complete homework is completed; stopped homework is stopped
// and its plan revoked. Without a recorded outcome the activity's status is
// unknown and the plan stays active (the outcome is a checklist gap).
func reviewStatus(o homework.ReviewOutcome) (activity, plan string) {
	switch o {
	case homework.Continue, homework.Modify:
		return "in-progress", "active"
	case homework.Complete:
		return "completed", "completed"
	case homework.Stop:
		return "stopped", "revoked"
	}
	return "unknown", "active"
}

// completion is the Observation of days completed of days planned, as a
// ratio of days; nil when the days planned are not recorded.
func completion(t *texts, rv *homework.Review, subject *fhirRef) *fhirResource {
	pct, err := rv.CompletionRate()
	if err != nil {
		return nil
	}
	days := func(n int) fhirQuantity {
		return fhirQuantity{Value: n, Unit: "d", System: systemUCUM, Code: "d"}
	}
	return &fhirResource{
		ResourceType: "Observation", Status: "final",
		Category:   []fhirConcept{{Coding: []fhirCoding{{System: systemObsCategory, Code: "therapy", Display: "Therapy"}}}},
		Code:       &fhirConcept{Text: t.msg("FHIRCompletion", nil)},
		Subject:    subject,
		Effective:  rv.SessionDate,
		ValueRatio: &fhirRatio{Numerator: days(rv.DaysCompleted), Denominator: days(rv.DaysPlanned)},
		Note:       []fhirAnnotation{{sentence(t.msg("NoteCompletion", m{"Done": rv.DaysCompleted, "Count": rv.DaysPlanned, "Percent": pct}))}},
	}
}

// scoreObservations adds the Observations of one administration following
// US Core's screening-assessment pattern: one per item, LOINC-coded with
// its LOINC answer, then the total score, then the panel whose hasMember
// lists them all. It returns the panel's reference. When rv is given (a
// score of this session) and PHQ-9 item 9 is above 0, the item carries the
// interpretation POS (positive) and, with the panel, the note's self-harm
// sentence and the recorded safety follow-up.
func scoreObservations(t *texts, s homework.Score, rv *homework.Review, subject *fhirRef, add func(*fhirResource) fhirRef) fhirRef {
	survey := []fhirConcept{{Coding: []fhirCoding{{System: systemObsCategory, Code: "survey", Display: "Survey"}}}}
	var flagNotes []fhirAnnotation
	if rv != nil && s.SelfHarmFlag() {
		flagNotes = append(flagNotes, fhirAnnotation{sentence(t.msg("NoteSelfHarm", m{"Score": s.Items[8]}))})
		if f := clean(rv.SafetyFollowUp); f != "" {
			flagNotes = append(flagNotes, fhirAnnotation{sentence(t.msg("NoteSafetyFollowUp", m{"Text": f}))})
		}
	}
	var members []fhirRef
	for i, item := range s.Instrument.LOINCItems() {
		answer, _ := homework.LOINCAnswer(s.Items[i]) // the score was validated
		obs := &fhirResource{
			ResourceType: "Observation", Status: "final",
			Category:     survey,
			Code:         &fhirConcept{Coding: []fhirCoding{{System: systemLOINC, Code: item.Code, Display: item.Text}}},
			Subject:      subject,
			Effective:    s.Date,
			ValueConcept: &fhirConcept{Coding: []fhirCoding{{System: systemLOINC, Code: answer.Code, Display: answer.Text}}},
		}
		if s.Instrument == homework.PHQ9 && i == 8 && s.Items[i] > 0 {
			obs.Interpretation = []fhirConcept{{Coding: []fhirCoding{{System: systemInterp, Code: "POS", Display: "Positive"}}}}
			obs.Note = flagNotes
		}
		members = append(members, add(obs))
	}
	members = append(members, add(observation(t, s, subject)))
	name := strings.ToUpper(s.Instrument.String())
	return add(&fhirResource{
		ResourceType: "Observation", Status: "final",
		Category:  survey,
		Code:      &fhirConcept{Coding: []fhirCoding{{System: systemLOINC, Code: s.Instrument.LOINCPanel(), Display: panelDisplay[s.Instrument]}}, Text: name},
		Subject:   subject,
		Effective: s.Date,
		HasMember: members,
		Note:      flagNotes,
	})
}

// panelDisplay is the LOINC display of each panel code.
var panelDisplay = map[homework.Instrument]string{
	homework.PHQ9: "PHQ-9 quick depression assessment panel [Reported.PHQ]",
	homework.GAD7: "Generalized anxiety disorder 7 item (GAD-7)",
}

// observation is the Observation of one questionnaire total score.
func observation(t *texts, s homework.Score, subject *fhirRef) *fhirResource {
	code := fhirConcept{Coding: []fhirCoding{{System: systemLOINC, Code: LOINCPHQ9, Display: "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"}}, Text: "PHQ-9"}
	if s.Instrument == homework.GAD7 {
		code = fhirConcept{Coding: []fhirCoding{{System: systemLOINC, Code: LOINCGAD7, Display: "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]"}}, Text: "GAD-7"}
	}
	total := s.Total()
	return &fhirResource{
		ResourceType: "Observation", Status: "final",
		Category:       []fhirConcept{{Coding: []fhirCoding{{System: systemObsCategory, Code: "survey", Display: "Survey"}}}},
		Code:           &code,
		Subject:        subject,
		Effective:      s.Date,
		ValueInteger:   &total,
		Interpretation: []fhirConcept{{Text: t.severity(s.Severity())}},
	}
}

// timing is the scheduled timing of the task: its frequency and time in
// words, and a structured repeat when the frequency is one of a few plain
// words (daily, weekly and their Spanish equivalents). Nil without either.
func timing(k homework.Task) *fhirTiming {
	text := joinNonEmpty(" ", clean(k.Frequency), clean(k.When))
	if text == "" {
		return nil
	}
	tm := &fhirTiming{Code: &fhirConcept{Text: text}}
	switch strings.ToLower(clean(k.Frequency)) {
	case "daily", "every day", "every night", "nightly", "diario", "a diario", "diariamente", "todos los días", "todas las noches", "cada noche", "cada día":
		tm.Repeat = &fhirRepeat{Frequency: 1, Period: 1, PeriodUnit: "d"}
	case "twice a day", "twice daily", "dos veces al día":
		tm.Repeat = &fhirRepeat{Frequency: 2, Period: 1, PeriodUnit: "d"}
	case "weekly", "once a week", "every week", "semanal", "una vez por semana", "cada semana":
		tm.Repeat = &fhirRepeat{Frequency: 1, Period: 1, PeriodUnit: "wk"}
	}
	return tm
}

// narrative is generated XHTML narrative for sentences, or nil.
func narrative(sentences []string) *fhirNarrative {
	if len(sentences) == 0 {
		return nil
	}
	return &fhirNarrative{Status: "generated", Div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>` + html.EscapeString(strings.Join(sentences, " ")) + `</p></div>`}
}

// uuidNamespace is the namespace of Between's name-based UUIDs (itself a
// version 5 UUID of "between.notes.fhir" in the URL namespace's spirit; any
// fixed value works as long as it never changes).
var uuidNamespace = [16]byte{0x6b, 0x1f, 0x0e, 0x52, 0x3c, 0x8d, 0x5a, 0x27, 0x9f, 0x41, 0x2d, 0x7c, 0x80, 0x13, 0xe6, 0x55}

// contentID returns a version 5 (SHA-1, name-based) UUID of v's JSON and
// its position, so equal resources in one Bundle still get distinct ids.
func contentID(v any, index int) string {
	b, _ := json.Marshal(v) // the fhir types always marshal
	h := sha1.New()
	h.Write(uuidNamespace[:])
	fmt.Fprintf(h, "%d\x00", index)
	h.Write(b)
	s := h.Sum(nil)[:16]
	s[6] = s[6]&0x0f | 0x50
	s[8] = s[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", s[0:4], s[4:6], s[6:8], s[8:10], s[10:16])
}
