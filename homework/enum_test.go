package homework_test

import (
	"encoding"
	"fmt"
	"testing"

	"github.com/betweensessions/between/homework"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// textEnum is what every enum type in the package implements.
type textEnum interface {
	fmt.Stringer
	encoding.TextMarshaler
}

// enumCase lists every value of one enum type with its text form, and a
// function that decodes text into a fresh value.
type enumCase struct {
	typ    string
	values map[string]textEnum
	decode func([]byte) (textEnum, error)
}

func decoder[T textEnum, P interface {
	*T
	encoding.TextUnmarshaler
}]() func([]byte) (textEnum, error) {
	return func(b []byte) (textEnum, error) {
		var v T
		err := P(&v).UnmarshalText(b)
		return v, err
	}
}

func TestEnumsText(t *testing.T) {
	cases := []enumCase{
		{"Kind", map[string]textEnum{
			"journaling": homework.Journaling, "mood-tracking": homework.MoodTracking, "scheduling": homework.Scheduling,
			"event-planning": homework.EventPlanning, "hobbies": homework.Hobbies, "worksheet": homework.WorksheetKind,
			"reaching-out": homework.ReachingOut, "mutual-help-meeting": homework.MutualHelpMeeting,
			"social-skills": homework.SocialSkills, "breathing": homework.Breathing, "sleep-routine": homework.SleepRoutine,
			"reading": homework.Reading,
		}, decoder[homework.Kind]()},
		{"Channel", map[string]textEnum{
			"paper": homework.Paper, "large-print-paper": homework.LargePrintPaper, "mobile-app": homework.MobileApp,
			"sms": homework.SMS, "phone-check-in": homework.PhoneCheckIn, "email": homework.Email,
			"encrypted-messaging": homework.EncryptedMessaging, "in-session": homework.InSession,
			"family-activity": homework.FamilyActivity, "ai-assisted-app": homework.AIAssistedApp,
		}, decoder[homework.Channel]()},
		{"SecurityMeasure", map[string]textEnum{
			"end-to-end-encryption": homework.EndToEndEncryption, "initials-only": homework.InitialsOnly,
			"no-identifying-details": homework.NoIdentifyingDetails, "code-words": homework.CodeWords,
		}, decoder[homework.SecurityMeasure]()},
		{"AgreementStatus", map[string]textEnum{"agreed": homework.Agreed, "declined": homework.Declined}, decoder[homework.AgreementStatus]()},
		{"ReviewDecision", map[string]textEnum{
			"approved": homework.Approved, "approved-with-changes": homework.ApprovedWithChanges, "rejected": homework.Rejected,
		}, decoder[homework.ReviewDecision]()},
		{"Instrument", map[string]textEnum{"phq-9": homework.PHQ9, "gad-7": homework.GAD7}, decoder[homework.Instrument]()},
		{"Severity", map[string]textEnum{
			"minimal": homework.Minimal, "mild": homework.Mild, "moderate": homework.Moderate,
			"moderately-severe": homework.ModeratelySevere, "severe": homework.Severe,
		}, decoder[homework.Severity]()},
	}
	for _, c := range cases {
		t.Run(c.typ, func(t *testing.T) {
			for text, v := range c.values {
				b, err := v.MarshalText()
				require.NoError(t, err)
				assert.Equal(t, text, string(b))
				assert.Equal(t, text, v.String())
				got, err := c.decode(b)
				require.NoError(t, err)
				assert.Equal(t, v, got)
			}
			zero, err := c.decode(nil)
			require.NoError(t, err, "empty text decodes to the zero value")
			b, err := zero.MarshalText()
			require.NoError(t, err)
			assert.Empty(t, b)

			_, err = c.decode([]byte("no-such-value"))
			require.Error(t, err)
			assert.NotContains(t, err.Error(), "no-such-value", "errors do not echo input")
			_, err = c.decode([]byte("Paper"))
			assert.Error(t, err, "text forms are case-sensitive")
		})
	}
}

func TestEnumOutOfRange(t *testing.T) {
	_, err := homework.Channel(99).MarshalText()
	assert.EqualError(t, err, "homework: invalid channel value 99")
	assert.Equal(t, "Channel(99)", homework.Channel(99).String())
	_, err = homework.Kind(-1).MarshalText()
	assert.Error(t, err)
}

func TestEnumUnmarshalKeepsValueOnError(t *testing.T) {
	c := homework.SMS
	require.Error(t, c.UnmarshalText([]byte("fax")))
	assert.Equal(t, homework.SMS, c)
}

func TestChannelPredicates(t *testing.T) {
	remote := map[homework.Channel]bool{
		homework.MobileApp: true, homework.SMS: true, homework.PhoneCheckIn: true,
		homework.Email: true, homework.EncryptedMessaging: true, homework.AIAssistedApp: true,
	}
	smartphone := map[homework.Channel]bool{
		homework.MobileApp: true, homework.EncryptedMessaging: true, homework.AIAssistedApp: true,
	}
	require.Len(t, homework.Channels(), 10)
	for _, c := range homework.Channels() {
		assert.Equal(t, remote[c], c.Remote(), "%s remote", c)
		assert.Equal(t, smartphone[c], c.NeedsSmartphone(), "%s needs smartphone", c)
	}
	assert.False(t, homework.Channel(0).Remote())
	assert.Len(t, homework.Kinds(), 12)
}

func FuzzChannelText(f *testing.F) {
	for _, c := range homework.Channels() {
		f.Add(c.String())
	}
	f.Add("")
	f.Add("SMS")
	f.Fuzz(func(t *testing.T, s string) {
		var c homework.Channel
		if c.UnmarshalText([]byte(s)) != nil {
			return
		}
		b, err := c.MarshalText()
		require.NoError(t, err)
		require.Equal(t, s, string(b))
	})
}
