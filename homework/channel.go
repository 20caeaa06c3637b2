package homework

// Channel is how homework reaches the client and how the client does it or
// reports on it: on paper, in an app, by text message and so on. The zero
// Channel is unset. Its text form is the kebab-case name given with each
// constant.
//
// Every channel for which [Channel.Remote] is true needs a [Safeguards]
// record: consent, boundaries and security measures.
type Channel int

// The channels.
const (
	// Paper is a printed worksheet or journal ("paper").
	Paper Channel = iota + 1
	// LargePrintPaper is a printed worksheet in large print
	// ("large-print-paper").
	LargePrintPaper
	// MobileApp is an app on the client's phone or tablet ("mobile-app").
	MobileApp
	// SMS is text-message reminders or check-ins ("sms").
	SMS
	// PhoneCheckIn is a scheduled phone call between sessions
	// ("phone-check-in").
	PhoneCheckIn
	// Email is email ("email").
	Email
	// EncryptedMessaging is an end-to-end encrypted messenger such as Signal
	// ("encrypted-messaging").
	EncryptedMessaging
	// InSession is work done in the session itself ("in-session").
	InSession
	// FamilyActivity is an activity done together with family at home
	// ("family-activity").
	FamilyActivity
	// AIAssistedApp is an app in which an AI suggests or guides exercises
	// ("ai-assisted-app"). It needs a [HumanReview] as well as safeguards.
	AIAssistedApp
)

var channelNames = names{typ: "channel", text: []string{"",
	"paper", "large-print-paper", "mobile-app", "sms", "phone-check-in",
	"email", "encrypted-messaging", "in-session", "family-activity",
	"ai-assisted-app",
}}

// Channels returns every channel, in declaration order.
func Channels() []Channel {
	cs := make([]Channel, 0, len(channelNames.text)-1)
	for i := 1; i < len(channelNames.text); i++ {
		cs = append(cs, Channel(i))
	}
	return cs
}

// Remote reports whether the channel is neither paper nor in person: every
// channel except [Paper], [LargePrintPaper], [InSession] and
// [FamilyActivity]. A phone check-in is remote: it needs the same consent,
// boundaries and security record as a text message. The zero Channel is not
// remote.
func (c Channel) Remote() bool {
	switch c {
	case MobileApp, SMS, PhoneCheckIn, Email, EncryptedMessaging, AIAssistedApp:
		return true
	}
	return false
}

// NeedsSmartphone reports whether the channel needs a smartphone or tablet:
// [MobileApp], [AIAssistedApp] and [EncryptedMessaging].
func (c Channel) NeedsSmartphone() bool {
	return c == MobileApp || c == AIAssistedApp || c == EncryptedMessaging
}

// String returns the text form, "" for the zero Channel.
func (c Channel) String() string { return channelNames.str("Channel", int(c)) }

// MarshalText encodes the channel as its text form.
func (c Channel) MarshalText() ([]byte, error) { return channelNames.format(int(c)) }

// UnmarshalText decodes a text form; the empty string decodes to the zero
// Channel.
func (c *Channel) UnmarshalText(b []byte) error {
	v, err := channelNames.parse(b)
	if err == nil {
		*c = Channel(v)
	}
	return err
}

// Safeguards is what was agreed for one remote channel (see
// [Channel.Remote]): consent, boundaries and security. An [Assignment] needs
// one for every remote channel it uses, in [Method.Channel] or a
// [Reminder].
type Safeguards struct {
	// Channel is the remote channel these safeguards cover.
	Channel    Channel    `json:"channel" yaml:"channel"`
	Consent    Consent    `json:"consent" yaml:"consent"`
	Boundaries Boundaries `json:"boundaries" yaml:"boundaries"`
	Security   Security   `json:"security" yaml:"security"`
}

// Consent records the client's informed consent to a remote channel. It is
// complete when the first three are true and, for [AIAssistedApp],
// AILimitsUnderstood too.
type Consent struct {
	// PrivacyLimitsDiscussed: the limits of privacy on this channel were
	// discussed (who else may see the phone, what the provider stores).
	PrivacyLimitsDiscussed bool `json:"privacy_limits_discussed" yaml:"privacy_limits_discussed"`
	// RiskAccepted: the client accepts the remaining risk.
	RiskAccepted bool `json:"risk_accepted" yaml:"risk_accepted"`
	// CanSwitchToPaper: the client knows they can switch to paper at any
	// time.
	CanSwitchToPaper bool `json:"can_switch_to_paper" yaml:"can_switch_to_paper"`
	// AILimitsUnderstood: the client understands the limits of the AI —
	// that it can be wrong, is not a clinician and is not for crises.
	// Required for [AIAssistedApp]; [Assignment.Check] reports it on any
	// other channel as [RuleInvalid].
	AILimitsUnderstood bool `json:"ai_limits_understood,omitempty" yaml:"ai_limits_understood,omitempty"`
}

// missing returns the JSON names of the parts of the consent to channel ch
// not yet given.
func (c Consent) missing(ch Channel) []string {
	var m []string
	if !c.PrivacyLimitsDiscussed {
		m = append(m, "privacy_limits_discussed")
	}
	if !c.RiskAccepted {
		m = append(m, "risk_accepted")
	}
	if !c.CanSwitchToPaper {
		m = append(m, "can_switch_to_paper")
	}
	if ch == AIAssistedApp && !c.AILimitsUnderstood {
		m = append(m, "ai_limits_understood")
	}
	return m
}

// Boundaries records the limits agreed for a remote channel. It is complete
// when every field is set; text holding only white space is not set.
type Boundaries struct {
	// ResponseTime is how soon the client can expect a reply, e.g. "within
	// one working day" or "no replies; reminders only".
	ResponseTime string `json:"response_time" yaml:"response_time"`
	// MonitoredHours is when the channel is read, e.g. "weekdays 9:00–17:00".
	MonitoredHours string `json:"monitored_hours" yaml:"monitored_hours"`
	// NotForCrisis: the client was told the channel is not for crises.
	NotForCrisis bool `json:"not_for_crisis" yaml:"not_for_crisis"`
	// EmergencyResourcesReviewed: the emergency resources to use instead
	// were reviewed with the client.
	EmergencyResourcesReviewed bool `json:"emergency_resources_reviewed" yaml:"emergency_resources_reviewed"`
}

// missing returns the JSON names of the boundary fields not yet set.
func (b Boundaries) missing() []string {
	var m []string
	if blank(b.ResponseTime) {
		m = append(m, "response_time")
	}
	if blank(b.MonitoredHours) {
		m = append(m, "monitored_hours")
	}
	if !b.NotForCrisis {
		m = append(m, "not_for_crisis")
	}
	if !b.EmergencyResourcesReviewed {
		m = append(m, "emergency_resources_reviewed")
	}
	return m
}

// Security records the measures taken to protect what travels over a remote
// channel. It is complete when at least one measure is listed.
type Security struct {
	Measures []SecurityMeasure `json:"measures,omitempty" yaml:"measures,omitempty"`
	// Notes is anything further, in the clinician's words. Never record the
	// code words themselves.
	Notes string `json:"notes,omitempty" yaml:"notes,omitempty"`
}

// SecurityMeasure is one security measure for a remote channel. The zero
// value is unset.
type SecurityMeasure int

// The security measures.
const (
	// EndToEndEncryption: messages are end-to-end encrypted
	// ("end-to-end-encryption").
	EndToEndEncryption SecurityMeasure = iota + 1
	// InitialsOnly: messages use initials, never names ("initials-only").
	InitialsOnly
	// NoIdentifyingDetails: messages carry no identifying or clinical
	// details ("no-identifying-details").
	NoIdentifyingDetails
	// CodeWords: client and clinician agreed code words for sensitive
	// topics ("code-words").
	CodeWords
)

var securityNames = names{typ: "security measure", text: []string{"",
	"end-to-end-encryption", "initials-only", "no-identifying-details", "code-words",
}}

// String returns the text form, "" for the zero value.
func (m SecurityMeasure) String() string { return securityNames.str("SecurityMeasure", int(m)) }

// MarshalText encodes the measure as its text form.
func (m SecurityMeasure) MarshalText() ([]byte, error) { return securityNames.format(int(m)) }

// UnmarshalText decodes a text form.
func (m *SecurityMeasure) UnmarshalText(b []byte) error {
	v, err := securityNames.parse(b)
	if err == nil {
		*m = SecurityMeasure(v)
	}
	return err
}
