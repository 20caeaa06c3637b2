package worksheet

import "golang.org/x/text/language"

// Worksheet is one parsed template file: its typed front matter and its
// document, parsed once and shared by every renderer. A Worksheet is not
// modified by rendering and may be rendered from many goroutines at once.
type Worksheet struct {
	// Path is the file's slash-separated name within the source fs.FS, such
	// as "sleep-routine/es.md". Errors and reports name it.
	Path string
	// Lang is the language of the file, taken from its name.
	Lang language.Tag
	// Meta is the decoded front matter.
	Meta Meta
	// Body is the handout's content in reading order.
	Body []Block
}

// Kind is what sort of handout a template is.
type Kind string

// The kinds of handout. The text form of a Kind is its string value.
const (
	KindWorksheet Kind = "worksheet"
	KindLog       Kind = "log"
	KindPlan      Kind = "plan"
	KindHandout   Kind = "handout"
	KindReview    Kind = "review"
)

// Kinds returns every kind, in the order a library lists them and error
// messages name them.
func Kinds() []Kind {
	return []Kind{KindWorksheet, KindLog, KindPlan, KindHandout, KindReview}
}

// Meta is a template's front matter. Field names in YAML are the lower-case
// snake_case names given in the tags; an unknown key is an error.
type Meta struct {
	ID         string   `yaml:"id" json:"id"`
	Title      string   `yaml:"title" json:"title"`
	Summary    string   `yaml:"summary" json:"summary"`
	Kind       Kind     `yaml:"kind" json:"kind"`
	Topics     []string `yaml:"topics,omitempty" json:"topics,omitempty"`
	Approaches []string `yaml:"approaches,omitempty" json:"approaches,omitempty"`
	// Minutes is how long one sitting takes.
	Minutes int `yaml:"minutes,omitempty" json:"minutes,omitempty"`
	// Frequency is how often the client does it, in words ("daily").
	Frequency string `yaml:"frequency,omitempty" json:"frequency,omitempty"`
	// Parts is the number of short sittings the handout splits into; it must
	// match the number of "::: part" directives when there are any.
	Parts  int     `yaml:"parts,omitempty" json:"parts,omitempty"`
	Params []Param `yaml:"params,omitempty" json:"params,omitempty"`
	// Clinician holds notes for the clinician and for documentation. They are
	// never printed on the client's handout.
	Clinician Clinician `yaml:"clinician,omitempty" json:"clinician,omitzero"`
	License   string    `yaml:"license,omitempty" json:"license,omitempty"`
	// SourceHash is set on translations: the hash (see templates.SourceHash) of
	// the English file this one was translated from.
	SourceHash string `yaml:"source_hash,omitempty" json:"source_hash,omitempty"`
	// Readability, when set, replaces the locale's readability target for
	// this template, with the reason why. Lint requires the reason.
	Readability *ReadabilityTarget `yaml:"readability,omitempty" json:"readability,omitempty"`
}

// ReadabilityTarget is a template's own readability target, set in front
// matter when the locale's target does not fit the handout (for example a
// handout that must name a diagnosis). Target is on the scale of the
// locale's formula: a grade level, or an ease score.
type ReadabilityTarget struct {
	Target float64 `yaml:"target" json:"target"`
	// Reason says why the locale's target does not apply. It is required.
	Reason string `yaml:"reason" json:"reason"`
}

// Param declares a personalisation slot used as {{Name}} in the body.
type Param struct {
	Name    string `yaml:"name" json:"name"`
	Label   string `yaml:"label" json:"label"`
	Example string `yaml:"example,omitempty" json:"example,omitempty"`
}

// Clinician holds a template's notes for the clinician.
type Clinician struct {
	Rationale   string    `yaml:"rationale,omitempty" json:"rationale,omitempty"`
	FollowUp    string    `yaml:"follow_up,omitempty" json:"follow_up,omitempty"`
	Barriers    []Barrier `yaml:"barriers,omitempty" json:"barriers,omitempty"`
	Adaptations []string  `yaml:"adaptations,omitempty" json:"adaptations,omitempty"`
}

// Barrier is a common obstacle to doing the homework and an idea for it.
type Barrier struct {
	Barrier string `yaml:"barrier" json:"barrier"`
	Plan    string `yaml:"plan" json:"plan"`
}
