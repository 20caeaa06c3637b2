package notes

import (
	"fmt"
	"strings"
)

// Format is a note format. The zero value is [Narrative].
type Format int

// The note formats.
const (
	// Narrative is one paragraph of prose ("narrative").
	Narrative Format = iota
	// SOAP is Subjective, Objective, Assessment, Plan ("soap").
	SOAP
	// DAP is Data, Assessment, Plan ("dap").
	DAP
	// BIRP is Behavior, Intervention, Response, Plan ("birp").
	BIRP
	// GIRP is Goal, Intervention, Response, Plan ("girp").
	GIRP
)

var formatNames = []string{"narrative", "soap", "dap", "birp", "girp"}

// Formats returns every format, in declaration order.
func Formats() []Format { return []Format{Narrative, SOAP, DAP, BIRP, GIRP} }

// String returns the text form, e.g. "soap".
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return fmt.Sprintf("Format(%d)", int(f))
	}
	return formatNames[f]
}

// MarshalText encodes the format as its text form.
func (f Format) MarshalText() ([]byte, error) {
	if f < 0 || int(f) >= len(formatNames) {
		return nil, fmt.Errorf("notes: invalid format value %d", int(f))
	}
	return []byte(formatNames[f]), nil
}

// UnmarshalText decodes "narrative", "soap", "dap", "birp" or "girp", in
// any case.
func (f *Format) UnmarshalText(b []byte) error {
	for i, n := range formatNames {
		if strings.EqualFold(n, string(b)) {
			*f = Format(i)
			return nil
		}
	}
	return fmt.Errorf("notes: unknown format (want one of %s)", strings.Join(formatNames, ", "))
}

// section is one heading of a format, as a message ID.
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

// sections returns a format's sections in order.
func (f Format) sections() []section {
	switch f {
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
	pReminders                  // reminders and their schedule
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

// placement returns the section a piece goes in for format f. The table is
// documented in doc.go and docs/notes.md; change all three together.
func (f Format) placement(p piece) section {
	switch f {
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
			if f == BIRP {
				return "-"
			}
			return secGoal
		case pMeasures, pCustom:
			if f == BIRP {
				return secBehavior
			}
			return secResponse
		case pCompletion, pExperience, pBarrierMet, pInsights, pSelfHarm, pAgreement:
			return secResponse
		case pReminders, pPreparation, pFollowUp, pModifications:
			return secPlan
		}
		return secIntervention
	}
	return "-"
}
