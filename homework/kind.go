package homework

// Kind is the kind of homework, from what clinicians assign in practice. The
// zero Kind is unset. Its text form (used in JSON and YAML) is the kebab-case
// name given with each constant.
type Kind int

// The kinds of homework.
const (
	// Journaling is free or guided writing ("journaling").
	Journaling Kind = iota + 1
	// MoodTracking is rating or logging mood over time ("mood-tracking").
	MoodTracking
	// Scheduling is planning activities into the week, as in behavioural
	// activation ("scheduling").
	Scheduling
	// EventPlanning is preparing for a specific coming event, such as a
	// family gathering or a job interview ("event-planning").
	EventPlanning
	// Hobbies is finding or returning to hobbies and interests ("hobbies").
	Hobbies
	// WorksheetKind is completing a structured worksheet such as a thought
	// record ("worksheet").
	WorksheetKind
	// ReachingOut is contacting someone: a friend, a relative, a group
	// ("reaching-out").
	ReachingOut
	// MutualHelpMeeting is attending a mutual-help meeting such as AA or NA
	// ("mutual-help-meeting").
	MutualHelpMeeting
	// SocialSkills is practising a social skill in daily life
	// ("social-skills").
	SocialSkills
	// Breathing is breathing practice ("breathing").
	Breathing
	// SleepRoutine is keeping a sleep routine ("sleep-routine").
	SleepRoutine
	// Reading is a reading assignment, such as a book chapter
	// ("reading").
	Reading
)

var kindNames = names{typ: "kind", text: []string{"",
	"journaling", "mood-tracking", "scheduling", "event-planning", "hobbies",
	"worksheet", "reaching-out", "mutual-help-meeting", "social-skills",
	"breathing", "sleep-routine", "reading",
}}

// Kinds returns every kind, in declaration order.
func Kinds() []Kind {
	ks := make([]Kind, 0, len(kindNames.text)-1)
	for i := 1; i < len(kindNames.text); i++ {
		ks = append(ks, Kind(i))
	}
	return ks
}

// String returns the text form, "" for the zero Kind.
func (k Kind) String() string { return kindNames.str("Kind", int(k)) }

// MarshalText encodes the kind as its text form.
func (k Kind) MarshalText() ([]byte, error) { return kindNames.format(int(k)) }

// UnmarshalText decodes a text form; the empty string decodes to the zero
// Kind.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := kindNames.parse(b)
	if err == nil {
		*k = Kind(v)
	}
	return err
}
