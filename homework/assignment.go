package homework

// Assignment is one piece of homework as the clinician documents it at the
// end of a session. The five essential elements are [Assignment.Task],
// [Assignment.Rationale], [Assignment.Method], [Assignment.Barriers] and
// [Assignment.FollowUp]; [Assignment.Check] reports what is still missing.
//
// The zero Assignment is valid to build on and fails every checklist item.
// An Assignment is plain data: it is safe for concurrent reads, and the
// caller synchronises writes.
type Assignment struct {
	// ID identifies the assignment in the caller's system. It appears in
	// errors and findings instead of clinical text.
	ID string `json:"id,omitempty" yaml:"id,omitempty"`
	// SessionDate is the date of the session at which the homework was
	// assigned, as YYYY-MM-DD; empty when not recorded.
	SessionDate string `json:"session_date,omitempty" yaml:"session_date,omitempty"`
	// Task is what exactly the client will do.
	Task Task `json:"task" yaml:"task"`
	// Rationale is the clinical reason for the task, e.g. "to identify
	// patterns between sleep and mood".
	Rationale string `json:"rationale" yaml:"rationale"`
	// Method is how the client will do it and why that fits their life.
	Method Method `json:"method" yaml:"method"`
	// Barriers are the obstacles discussed, each with its plan.
	Barriers []Barrier `json:"barriers,omitempty" yaml:"barriers,omitempty"`
	// NoBarriersExpected records that barriers were discussed and the
	// client expected none. It satisfies the barriers checklist item when
	// Barriers is empty.
	NoBarriersExpected bool `json:"no_barriers_expected,omitempty" yaml:"no_barriers_expected,omitempty"`
	// FollowUp is when and how the homework will be reviewed.
	FollowUp FollowUp `json:"follow_up" yaml:"follow_up"`
	// Agreement is the client's understanding and agreement, or that they
	// declined.
	Agreement Agreement `json:"agreement" yaml:"agreement"`
	// Worksheet is the handout the task uses, if any.
	Worksheet *WorksheetRef `json:"worksheet,omitempty" yaml:"worksheet,omitempty"`
	// Safety is set when the task carries emotional or physical risk.
	Safety *Safety `json:"safety,omitempty" yaml:"safety,omitempty"`
	// Preparation lists what the clinician must do before the review, e.g.
	// "read chapter 3 of the assigned book".
	Preparation []string `json:"preparation,omitempty" yaml:"preparation,omitempty"`
	// Adaptations are the changes made to fit this client, each with its
	// reason.
	Adaptations Adaptations `json:"adaptations,omitzero" yaml:"adaptations,omitempty"`
	// AISuggested records that an AI tool suggested the exercise. Such an
	// assignment, like one using [AIAssistedApp], needs AIReview.
	AISuggested bool `json:"ai_suggested,omitempty" yaml:"ai_suggested,omitempty"`
	// AIReview is the human review of AI-suggested or AI-delivered content.
	AIReview *HumanReview `json:"ai_review,omitempty" yaml:"ai_review,omitempty"`
}

// Task says what exactly the client will do, how often, when and with what.
// "Mood tracking" is a Kind; the Task is "Daily mood rating 1–10 at bedtime
// using the paper journal provided".
type Task struct {
	// Kind is the kind of homework; optional, for grouping and reports.
	Kind Kind `json:"kind,omitempty" yaml:"kind,omitempty"`
	// What is the specific activity, e.g. "rate mood from 1 to 10".
	What string `json:"what" yaml:"what"`
	// Frequency is how often, e.g. "daily" or "three times this week".
	Frequency string `json:"frequency" yaml:"frequency"`
	// When is the time or trigger, e.g. "at bedtime".
	When string `json:"when" yaml:"when"`
	// Material is what the client uses, e.g. "the paper journal provided".
	// Empty when the task needs nothing.
	Material string `json:"material,omitempty" yaml:"material,omitempty"`
	// Minutes is how long one sitting takes; 0 when not stated.
	Minutes int `json:"minutes,omitempty" yaml:"minutes,omitempty"`
}

// Method is how the homework is done and why that way suits this client.
type Method struct {
	// Channel is where the work itself is done.
	Channel Channel `json:"channel" yaml:"channel"`
	// Format is the form of the material, e.g. "one line per night" or
	// "thought record, three columns". Optional.
	Format string `json:"format,omitempty" yaml:"format,omitempty"`
	// Fit is why this method fits the client's life, e.g. "no smartphone",
	// "limited data plan", "prefers paper".
	Fit string `json:"fit" yaml:"fit"`
	// ClientChose records that the client chose the method, rather than
	// accepting the clinician's suggestion.
	ClientChose bool `json:"client_chose,omitempty" yaml:"client_chose,omitempty"`
	// Contacts are the planned contacts between sessions, each with its
	// purpose: SMS reminders on Tuesday and Thursday at 18:00, a 5-minute
	// call on Thursday to review completion, questions by text message.
	Contacts []Contact `json:"contacts,omitempty" yaml:"contacts,omitempty"`
	// Safeguards holds one record for each remote channel used.
	Safeguards []Safeguards `json:"safeguards,omitempty" yaml:"safeguards,omitempty"`
	// Declined records channels the client declined, and what was offered
	// instead.
	Declined []DeclinedMethod `json:"declined,omitempty" yaml:"declined,omitempty"`
}

// Contact is one planned contact between sessions: a reminder, a check-in
// or a way for the client to ask questions, on some channel.
type Contact struct {
	// Channel is how the contact is made, e.g. sms or phone-check-in.
	Channel Channel `json:"channel" yaml:"channel"`
	// Purpose is what the contact is for. Required: a reminder, a check-in
	// call and "the client can text questions" are different things.
	Purpose ContactPurpose `json:"purpose" yaml:"purpose"`
	// Schedule is when, e.g. "Tuesday and Thursday at 18:00", or for
	// questions the hours they are read, e.g. "weekdays 9:00–17:00".
	// Required for reminders and check-ins.
	Schedule string `json:"schedule,omitempty" yaml:"schedule,omitempty"`
	// Minutes is how long a check-in lasts; 0 when not stated.
	Minutes int `json:"minutes,omitempty" yaml:"minutes,omitempty"`
	// About is what a check-in is for, as a verb phrase, e.g. "review
	// homework completion"; optional.
	About string `json:"about,omitempty" yaml:"about,omitempty"`
}

// ContactPurpose is what a [Contact] is for. The zero value is unset.
type ContactPurpose int

// The contact purposes.
const (
	// PurposeReminder: a reminder to do the homework ("reminder").
	PurposeReminder ContactPurpose = iota + 1
	// PurposeCheckIn: a scheduled check-in, e.g. a short call to review
	// how the homework is going ("check-in").
	PurposeCheckIn
	// PurposeQuestions: the client may get in touch with questions about
	// the homework ("questions").
	PurposeQuestions
)

var purposeNames = names{typ: "contact purpose", text: []string{"", "reminder", "check-in", "questions"}}

// String returns the text form, "" for the zero value.
func (p ContactPurpose) String() string { return purposeNames.str("ContactPurpose", int(p)) }

// MarshalText encodes the purpose as its text form.
func (p ContactPurpose) MarshalText() ([]byte, error) { return purposeNames.format(int(p)) }

// UnmarshalText decodes "reminder", "check-in", "questions" or "".
func (p *ContactPurpose) UnmarshalText(b []byte) error {
	v, err := purposeNames.parse(b)
	if err == nil {
		*p = ContactPurpose(v)
	}
	return err
}

// DeclinedMethod records that the client declined one or more channels — or every
// remote channel — and the alternatives offered. Declining is clinical
// information, not a failure to record.
type DeclinedMethod struct {
	// Channels lists the declined channels.
	Channels []Channel `json:"channels,omitempty" yaml:"channels,omitempty"`
	// AllRemote records that the client declined every remote channel (see
	// [Channel.Remote]).
	AllRemote bool `json:"all_remote,omitempty" yaml:"all_remote,omitempty"`
	// Reason is the client's reason, if they gave one.
	Reason string `json:"reason,omitempty" yaml:"reason,omitempty"`
	// AlternativesOffered lists what was offered instead, e.g. "paper log
	// brought to session".
	AlternativesOffered []string `json:"alternatives_offered" yaml:"alternatives_offered"`
}

// covers reports whether the record declines channel c.
func (d DeclinedMethod) covers(c Channel) bool {
	if d.AllRemote && c.Remote() {
		return true
	}
	for _, x := range d.Channels {
		if x == c {
			return true
		}
	}
	return false
}

// Barrier is an obstacle paired with the plan for it: "worried about
// forgetting" → "phone alarm at 21:30".
type Barrier struct {
	Concern string `json:"concern" yaml:"concern"`
	Plan    string `json:"plan" yaml:"plan"`
}

// FollowUp is when and how the homework will be reviewed.
type FollowUp struct {
	// When, e.g. "first 10 minutes of next session".
	When string `json:"when" yaml:"when"`
	// How, e.g. "review the journal together".
	How string `json:"how" yaml:"how"`
}

// Agreement is the client's understanding of and agreement to the task.
type Agreement struct {
	// Status is agreed or declined; zero when not recorded.
	Status AgreementStatus `json:"status" yaml:"status"`
	// Understood records that the clinician judged that the client
	// understood the task. Required when Status is [Agreed]. It says
	// nothing about how; Restated and Questions record what was observed.
	Understood bool `json:"understood,omitempty" yaml:"understood,omitempty"`
	// Restated records that the client said the task back in their own
	// words.
	Restated bool `json:"restated,omitempty" yaml:"restated,omitempty"`
	// Questions are the questions the client asked about the task, in the
	// clinician's words, e.g. "whether a missed night still counts";
	// empty when none were recorded.
	Questions string `json:"questions,omitempty" yaml:"questions,omitempty"`
	// Explored is what was explored about a refusal (required when Status
	// is [Declined]).
	Explored string `json:"explored,omitempty" yaml:"explored,omitempty"`
	// AlternativesOffered lists what was offered instead of a declined task
	// (required when Status is [Declined]).
	AlternativesOffered []string `json:"alternatives_offered,omitempty" yaml:"alternatives_offered,omitempty"`
}

// AgreementStatus is whether the client agreed to the task. The zero value
// is unset.
type AgreementStatus int

// The agreement statuses.
const (
	// Agreed: the client agreed to the task ("agreed").
	Agreed AgreementStatus = iota + 1
	// Declined: the client declined the task ("declined").
	Declined
)

var agreementNames = names{typ: "agreement status", text: []string{"", "agreed", "declined"}}

// String returns the text form, "" for the zero value.
func (s AgreementStatus) String() string { return agreementNames.str("AgreementStatus", int(s)) }

// MarshalText encodes the status as its text form.
func (s AgreementStatus) MarshalText() ([]byte, error) { return agreementNames.format(int(s)) }

// UnmarshalText decodes "agreed", "declined" or "".
func (s *AgreementStatus) UnmarshalText(b []byte) error {
	v, err := agreementNames.parse(b)
	if err == nil {
		*s = AgreementStatus(v)
	}
	return err
}

// WorksheetRef names the handout a task uses. It holds plain strings so that
// package homework stays free of other packages; package worksheet and the
// i18n package turn them into their own types.
type WorksheetRef struct {
	// Template is the template id, e.g. "sleep-mood-journal".
	Template string `json:"template" yaml:"template"`
	// Language is a BCP 47 language tag, e.g. "en", "es-MX"; empty means
	// the library's default language. It is checked for well-formedness
	// only.
	Language string `json:"language,omitempty" yaml:"language,omitempty"`
	// Variant is "standard", "large-print", or empty for standard.
	Variant string `json:"variant,omitempty" yaml:"variant,omitempty"`
	// Params are the personalisation values, e.g. "wake_time": "6:00 AM".
	// Every name must be a param the template declares.
	Params map[string]string `json:"params,omitempty" yaml:"params,omitempty"`
	// Basis is what the personalisation is based on, e.g. "work
	// schedule"; optional.
	Basis string `json:"basis,omitempty" yaml:"basis,omitempty"`
}

// The worksheet variants a [WorksheetRef] may name.
const (
	VariantStandard   = "standard"
	VariantLargePrint = "large-print"
)

// Safety records the risks a task carries and the back-up plan.
type Safety struct {
	// Considerations is the emotional or physical risk, e.g. "exposure may
	// raise distress".
	Considerations string `json:"considerations" yaml:"considerations"`
	// BackupPlan is what the client does if it goes badly, e.g. "stop, use
	// the grounding exercise, call the crisis line on the handout".
	BackupPlan string `json:"backup_plan" yaml:"backup_plan"`
}

// HumanReview records a clinician's review of AI-suggested or AI-delivered
// content before the client uses it.
type HumanReview struct {
	// Reviewer identifies who reviewed, by role or staff ID, e.g.
	// "treating clinician".
	Reviewer string `json:"reviewer" yaml:"reviewer"`
	// Decision is the outcome of the review.
	Decision ReviewDecision `json:"decision" yaml:"decision"`
	// Changes is what the reviewer changed, if anything.
	Changes string `json:"changes,omitempty" yaml:"changes,omitempty"`
}

// ReviewDecision is the outcome of a [HumanReview]. The zero value is unset.
type ReviewDecision int

// The review decisions.
const (
	// Approved: used as suggested ("approved").
	Approved ReviewDecision = iota + 1
	// ApprovedWithChanges: used after changes ("approved-with-changes").
	ApprovedWithChanges
	// Rejected: not used ("rejected").
	Rejected
)

var decisionNames = names{typ: "review decision", text: []string{"", "approved", "approved-with-changes", "rejected"}}

// String returns the text form, "" for the zero value.
func (d ReviewDecision) String() string { return decisionNames.str("ReviewDecision", int(d)) }

// MarshalText encodes the decision as its text form.
func (d ReviewDecision) MarshalText() ([]byte, error) { return decisionNames.format(int(d)) }

// UnmarshalText decodes a text form.
func (d *ReviewDecision) UnmarshalText(b []byte) error {
	v, err := decisionNames.parse(b)
	if err == nil {
		*d = ReviewDecision(v)
	}
	return err
}
