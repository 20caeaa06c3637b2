package notes

import (
	"fmt"
	"strings"
)

// Style is how a note is laid out: one paragraph of prose, or the sections
// of SOAP, DAP, BIRP or GIRP. (Clinicians call these note formats; the
// type is named Style so that "format" keeps one meaning in this module:
// the kind of file written, as in handout.Format.) The zero value is
// [Narrative].
type Style int

// The note styles.
const (
	// Narrative is one paragraph of prose ("narrative").
	Narrative Style = iota
	// SOAP is Subjective, Objective, Assessment, Plan ("soap").
	SOAP
	// DAP is Data, Assessment, Plan ("dap").
	DAP
	// BIRP is Behavior, Intervention, Response, Plan ("birp").
	BIRP
	// GIRP is Goal, Intervention, Response, Plan ("girp").
	GIRP
)

var styleNames = []string{"narrative", "soap", "dap", "birp", "girp"}

// Styles returns every style, in declaration order.
func Styles() []Style { return []Style{Narrative, SOAP, DAP, BIRP, GIRP} }

// String returns the text form, e.g. "soap".
func (s Style) String() string {
	if s < 0 || int(s) >= len(styleNames) {
		return fmt.Sprintf("Style(%d)", int(s))
	}
	return styleNames[s]
}

// MarshalText encodes the style as its text form.
func (s Style) MarshalText() ([]byte, error) {
	if s < 0 || int(s) >= len(styleNames) {
		return nil, fmt.Errorf("notes: invalid style value %d", int(s))
	}
	return []byte(styleNames[s]), nil
}

// UnmarshalText decodes "narrative", "soap", "dap", "birp" or "girp", in
// any case.
func (s *Style) UnmarshalText(b []byte) error {
	for i, n := range styleNames {
		if strings.EqualFold(n, string(b)) {
			*s = Style(i)
			return nil
		}
	}
	return fmt.Errorf("notes: unknown style (want one of %s)", strings.Join(styleNames, ", "))
}

// section is one heading of a style, as a message ID.
type section string

const (
	secNone         section = ""
	secSubjective   section = "NoteSubjective"
	secObjective    section = "NoteObjective"
	secAssessment   section = "NoteAssessment"
	secPlan         section = "NotePlan"
	secData         section = "NoteData"
	secBehavior     section = "NoteBehavior"
	secIntervention section = "NoteIntervention"
	secResponse     section = "NoteResponse"
	secGoal         section = "NoteGoal"
)

// sections returns a style's sections in order.
func (s Style) sections() []section {
	switch s {
	case SOAP:
		return []section{secSubjective, secObjective, secAssessment, secPlan}
	case DAP:
		return []section{secData, secAssessment, secPlan}
	case BIRP:
		return []section{secBehavior, secIntervention, secResponse, secPlan}
	case GIRP:
		return []section{secGoal, secIntervention, secResponse, secPlan}
	}
	return []section{secNone}
}

// piece is one element of the documentation, placed by [placement].
type piece int

// The pieces, in the order they are written within a section.
const (
	pGoal          piece = iota // the rationale as the goal (GIRP only)
	pReviewed                   // the task reviewed, at the next session
	pCompletion                 // days completed of days planned
	pExperience                 // the client's own words
	pBarrierMet                 // barriers met during the week
	pMeasures                   // PHQ-9, GAD-7 and their change
	pCustom                     // other measures
	pInsights                   // clinical insight
	pSelfHarm                   // PHQ-9 item 9 and the safety follow-up
	pTask                       // the task, with its rationale
	pMethod                     // channel, format, fit
	pContacts                   // reminders, check-ins and questions between sessions
	pSafeguards                 // consent, boundaries, security per remote channel
	pDeclined                   // declined channels and alternatives offered
	pWorksheet                  // the handout used
	pAdaptations                // adaptations with their reasons
	pAI                         // AI suggestion and human review
	pSafety                     // safety considerations and back-up plan
	pBarriers                   // barriers discussed, each with its plan
	pAgreement                  // the client's agreement or refusal
	pPreparation                // what the clinician prepares
	pFollowUp                   // when and how the homework is reviewed
	pModifications              // changes for the next assignment
	numPieces
)

// placement returns the section a piece goes in for style s. The table is
// documented in doc.go and docs/notes.md; change all three together.
func (s Style) placement(p piece) section {
	switch s {
	case Narrative:
		if p == pGoal {
			return "-"
		}
		return secNone
	case SOAP:
		switch p {
		case pGoal:
			return "-"
		case pReviewed, pCompletion, pExperience, pBarrierMet:
			return secSubjective
		case pMeasures, pCustom:
			return secObjective
		case pInsights, pSelfHarm:
			return secAssessment
		}
		return secPlan
	case DAP:
		switch p {
		case pGoal:
			return "-"
		case pReviewed, pCompletion, pExperience, pBarrierMet, pMeasures, pCustom:
			return secData
		case pInsights, pSelfHarm:
			return secAssessment
		}
		return secPlan
	case BIRP, GIRP:
		switch p {
		case pGoal:
			if s == BIRP {
				return "-"
			}
			return secGoal
		case pMeasures, pCustom:
			if s == BIRP {
				return secBehavior
			}
			return secResponse
		case pCompletion, pExperience, pBarrierMet, pInsights, pSelfHarm, pAgreement:
			return secResponse
		case pContacts, pPreparation, pFollowUp, pModifications:
			return secPlan
		}
		return secIntervention
	}
	return "-"
}
