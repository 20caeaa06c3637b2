package homework

// Adaptations are the changes made so the homework fits this client. Each
// kind is optional (nil when not used) and each carries the reason it was
// made: [Assignment.Check] reports an adaptation without a reason.
type Adaptations struct {
	Cultural       *CulturalAdaptation       `json:"cultural,omitempty" yaml:"cultural,omitempty"`
	Neurodivergent *NeurodivergentAdaptation `json:"neurodivergent,omitempty" yaml:"neurodivergent,omitempty"`
	Language       *LanguageAdaptation       `json:"language,omitempty" yaml:"language,omitempty"`
	Vision         *VisionAdaptation         `json:"vision,omitempty" yaml:"vision,omitempty"`
	Literacy       *LiteracyAdaptation       `json:"literacy,omitempty" yaml:"literacy,omitempty"`
	Access         *AccessAdaptation         `json:"access,omitempty" yaml:"access,omitempty"`
}

// CulturalAdaptation fits the task to the client's culture and family, e.g.
// doing it as a family activity.
type CulturalAdaptation struct {
	// FamilyParticipation records that family members take part.
	FamilyParticipation bool `json:"family_participation,omitempty" yaml:"family_participation,omitempty"`
	// Details is what was changed, in the clinician's words.
	Details string `json:"details,omitempty" yaml:"details,omitempty"`
	Reason  string `json:"reason" yaml:"reason"`
}

// NeurodivergentAdaptation splits the task into Parts sittings of
// MinutesPerPart minutes, each tied to a daily routine, and may use the
// client's special interests in examples.
type NeurodivergentAdaptation struct {
	// Parts is the number of sittings; 0 when the task is not split.
	Parts int `json:"parts,omitempty" yaml:"parts,omitempty"`
	// MinutesPerPart is the length of one sitting; required when Parts > 0.
	MinutesPerPart int `json:"minutes_per_part,omitempty" yaml:"minutes_per_part,omitempty"`
	// Routines are the routines the parts are tied to, one per part, e.g.
	// "after breakfast", "after brushing teeth". Empty, or exactly Parts
	// long.
	Routines []string `json:"routines,omitempty" yaml:"routines,omitempty"`
	// SpecialInterests are interests used in examples, e.g. "trains".
	SpecialInterests []string `json:"special_interests,omitempty" yaml:"special_interests,omitempty"`
	Reason           string   `json:"reason" yaml:"reason"`
}

// LanguageAdaptation gives the client material in their language and at
// their reading level.
type LanguageAdaptation struct {
	// Language is a BCP 47 tag such as "es" or "pt-BR". Package homework
	// uses only the standard library, so it is a string, checked for
	// well-formedness only; parse it with golang.org/x/text/language.
	Language string `json:"language" yaml:"language"`
	// Translated records that translated material was given.
	Translated bool `json:"translated,omitempty" yaml:"translated,omitempty"`
	// ReadingGrade is the target reading grade level (US school grade, 1–12);
	// 0 when not set.
	ReadingGrade int    `json:"reading_grade,omitempty" yaml:"reading_grade,omitempty"`
	Reason       string `json:"reason" yaml:"reason"`
}

// VisionAdaptation fits the material to the client's sight.
type VisionAdaptation struct {
	// LargePrint records that large print is used. Check reports a
	// worksheet that is not the large-print variant.
	LargePrint bool `json:"large_print,omitempty" yaml:"large_print,omitempty"`
	// Details is anything further, e.g. "high contrast", "read aloud".
	Details string `json:"details,omitempty" yaml:"details,omitempty"`
	Reason  string `json:"reason" yaml:"reason"`
}

// LiteracyAdaptation fits the task to the client's reading and writing,
// e.g. pictures instead of words, answers spoken into a recorder.
type LiteracyAdaptation struct {
	// Approach is what was done, in the clinician's words.
	Approach string `json:"approach" yaml:"approach"`
	Reason   string `json:"reason" yaml:"reason"`
}

// AccessAdaptation fits the task to what the client has access to.
type AccessAdaptation struct {
	// NoSmartphone records that the client has no smartphone. Check reports
	// a channel that needs one (see [Channel.NeedsSmartphone]).
	NoSmartphone bool `json:"no_smartphone,omitempty" yaml:"no_smartphone,omitempty"`
	// LimitedData records that the client's data plan is limited.
	LimitedData bool `json:"limited_data,omitempty" yaml:"limited_data,omitempty"`
	// Details is anything further, e.g. "shared family phone".
	Details string `json:"details,omitempty" yaml:"details,omitempty"`
	Reason  string `json:"reason" yaml:"reason"`
}

// namedReason is an adaptation's JSON field name and its reason.
type namedReason struct{ name, reason string }

// reasons returns, for each adaptation present, its JSON field name and
// reason, in declaration order.
func (a Adaptations) reasons() []namedReason {
	var out []namedReason
	if a.Cultural != nil {
		out = append(out, namedReason{"cultural", a.Cultural.Reason})
	}
	if a.Neurodivergent != nil {
		out = append(out, namedReason{"neurodivergent", a.Neurodivergent.Reason})
	}
	if a.Language != nil {
		out = append(out, namedReason{"language", a.Language.Reason})
	}
	if a.Vision != nil {
		out = append(out, namedReason{"vision", a.Vision.Reason})
	}
	if a.Literacy != nil {
		out = append(out, namedReason{"literacy", a.Literacy.Reason})
	}
	if a.Access != nil {
		out = append(out, namedReason{"access", a.Access.Reason})
	}
	return out
}
