package homework_test

import (
	"testing"

	"github.com/betweensessions/between/homework"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// smsSafeguards returns a complete safeguards record for ch.
func safeguards(ch homework.Channel) homework.Safeguards {
	return homework.Safeguards{
		Channel:    ch,
		Boundaries: homework.Boundaries{ResponseTime: "one working day", MonitoredHours: "weekdays 9–17", NotForCrisis: true, EmergencyResourcesReviewed: true},
		Security:   homework.Security{Measures: []homework.SecurityMeasure{homework.InitialsOnly, homework.NoIdentifyingDetails}},
		Consent:    homework.Consent{PrivacyLimitsDiscussed: true, RiskAccepted: true, CanSwitchToPaper: true, AILimitsUnderstood: ch == homework.AIAssistedApp},
	}
}

func TestAssignmentCheck(t *testing.T) {
	type want struct {
		items  []homework.Item
		fields []string // fields of the first missing item, when given
		rules  []homework.Rule
		vfield string // field of the first violation, when given
	}
	tests := []struct {
		name   string
		modify func(a *homework.Assignment)
		want   want
	}{
		{"complete", func(*homework.Assignment) {}, want{}},
		{"zero assignment", func(a *homework.Assignment) { *a = homework.Assignment{} }, want{items: []homework.Item{
			homework.ItemTask, homework.ItemRationale, homework.ItemMethod, homework.ItemAgreement, homework.ItemBarriers, homework.ItemFollowUp,
		}}},
		{"no rationale", func(a *homework.Assignment) { a.Rationale = "" }, want{items: []homework.Item{homework.ItemRationale}, fields: []string{"rationale"}}},
		{"blank rationale", func(a *homework.Assignment) { a.Rationale = " \t" }, want{items: []homework.Item{homework.ItemRationale}}},
		{"task without frequency or when", func(a *homework.Assignment) { a.Task.Frequency, a.Task.When = "", "" },
			want{items: []homework.Item{homework.ItemTask}, fields: []string{"task.frequency", "task.when"}}},
		{"task without material is fine", func(a *homework.Assignment) { a.Task.Material = "" }, want{}},
		{"method without fit", func(a *homework.Assignment) { a.Method.Fit = "" },
			want{items: []homework.Item{homework.ItemMethod}, fields: []string{"method.fit"}}},
		{"method without channel", func(a *homework.Assignment) { a.Method.Channel = 0 },
			want{items: []homework.Item{homework.ItemMethod}, fields: []string{"method.channel"}}},
		{"agreement unset", func(a *homework.Assignment) { a.Agreement = homework.Agreement{} },
			want{items: []homework.Item{homework.ItemAgreement}, fields: []string{"agreement.status"}}},
		{"agreed without understanding", func(a *homework.Assignment) { a.Agreement.Understood = false },
			want{items: []homework.Item{homework.ItemAgreement}, fields: []string{"agreement.understood"}}},
		{"declined, explored, alternatives", func(a *homework.Assignment) {
			a.Agreement = homework.Agreement{Status: homework.Declined, Explored: "felt like schoolwork", AlternativesOffered: []string{"talk it through in session"}}
		}, want{}},
		{"declined without alternatives", func(a *homework.Assignment) {
			a.Agreement = homework.Agreement{Status: homework.Declined, Explored: "felt like schoolwork"}
		}, want{rules: []homework.Rule{homework.RuleDeclinedWithoutAlternatives}, vfield: "agreement.alternatives_offered"}},
		{"declined without exploring", func(a *homework.Assignment) {
			a.Agreement = homework.Agreement{Status: homework.Declined, AlternativesOffered: []string{"x"}}
		}, want{rules: []homework.Rule{homework.RuleDeclinedNotExplored}}},
		{"no barriers", func(a *homework.Assignment) { a.Barriers = nil },
			want{items: []homework.Item{homework.ItemBarriers}, fields: []string{"barriers"}}},
		{"no barriers expected", func(a *homework.Assignment) { a.Barriers, a.NoBarriersExpected = nil, true }, want{}},
		{"barrier without plan", func(a *homework.Assignment) {
			a.Barriers = append(a.Barriers, homework.Barrier{Concern: "busy weekend"})
		},
			want{items: []homework.Item{homework.ItemBarriers}, fields: []string{"barriers[1].plan"}}},
		{"follow-up without how", func(a *homework.Assignment) { a.FollowUp.How = "" },
			want{items: []homework.Item{homework.ItemFollowUp}, fields: []string{"follow_up.how"}}},
		{"remote channel with full safeguards", func(a *homework.Assignment) {
			a.Adaptations.Access = nil
			a.Method.Channel = homework.EncryptedMessaging
			a.Method.Safeguards = []homework.Safeguards{safeguards(homework.EncryptedMessaging)}
		}, want{}},
		{"remote channel without safeguards", func(a *homework.Assignment) {
			a.Method.Contacts = []homework.Contact{{Channel: homework.SMS, Purpose: homework.PurposeReminder, Schedule: "Tue/Thu 18:00"}}
		}, want{rules: []homework.Rule{homework.RuleRemoteConsent, homework.RuleRemoteBoundaries, homework.RuleRemoteSecurity}, vfield: "method.safeguards"}},
		{"phone check-in is remote", func(a *homework.Assignment) {
			a.Method.Contacts = []homework.Contact{{Channel: homework.PhoneCheckIn, Purpose: homework.PurposeReminder, Schedule: "Wednesday 17:00"}}
		}, want{rules: []homework.Rule{homework.RuleRemoteConsent, homework.RuleRemoteBoundaries, homework.RuleRemoteSecurity}}},
		{"same remote channel twice is checked once", func(a *homework.Assignment) {
			a.Method.Contacts = []homework.Contact{{Channel: homework.SMS, Purpose: homework.PurposeReminder, Schedule: "Tue"}, {Channel: homework.SMS, Purpose: homework.PurposeReminder, Schedule: "Thu"}}
			s := safeguards(homework.SMS)
			s.Consent.RiskAccepted = false
			a.Method.Safeguards = []homework.Safeguards{s}
		}, want{rules: []homework.Rule{homework.RuleRemoteConsent}, vfield: "method.safeguards[0].consent"}},
		{"boundaries without not-for-crisis", func(a *homework.Assignment) {
			a.Method.Contacts = []homework.Contact{{Channel: homework.Email, Purpose: homework.PurposeReminder, Schedule: "Mondays"}}
			s := safeguards(homework.Email)
			s.Boundaries.NotForCrisis = false
			a.Method.Safeguards = []homework.Safeguards{s}
		}, want{rules: []homework.Rule{homework.RuleRemoteBoundaries}}},
		{"security without measures", func(a *homework.Assignment) {
			a.Method.Contacts = []homework.Contact{{Channel: homework.Email, Purpose: homework.PurposeReminder, Schedule: "Mondays"}}
			s := safeguards(homework.Email)
			s.Security = homework.Security{Notes: "talked about it"}
			a.Method.Safeguards = []homework.Safeguards{s}
		}, want{rules: []homework.Rule{homework.RuleRemoteSecurity}}},
		{"safeguards for the wrong channel", func(a *homework.Assignment) {
			a.Method.Contacts = []homework.Contact{{Channel: homework.SMS, Purpose: homework.PurposeReminder, Schedule: "Tue"}}
			a.Method.Safeguards = []homework.Safeguards{safeguards(homework.Email)}
		}, want{rules: []homework.Rule{homework.RuleRemoteConsent, homework.RuleRemoteBoundaries, homework.RuleRemoteSecurity}}},
		{"declined digital with alternatives", func(a *homework.Assignment) {
			a.Method.Declined = []homework.DeclinedMethod{{AllRemote: true, Reason: "does not trust apps", AlternativesOffered: []string{"paper journal"}}}
		}, want{}},
		{"declined digital without alternatives", func(a *homework.Assignment) {
			a.Method.Declined = []homework.DeclinedMethod{{AllRemote: true}}
		}, want{rules: []homework.Rule{homework.RuleDeclinedWithoutAlternatives}, vfield: "method.declined[0].alternatives_offered"}},
		{"declined channel used", func(a *homework.Assignment) {
			a.Method.Declined = []homework.DeclinedMethod{{Channels: []homework.Channel{homework.SMS}, AlternativesOffered: []string{"phone alarm"}}}
			a.Method.Contacts = []homework.Contact{{Channel: homework.SMS, Purpose: homework.PurposeReminder, Schedule: "Tue"}}
			a.Method.Safeguards = []homework.Safeguards{safeguards(homework.SMS)}
		}, want{rules: []homework.Rule{homework.RuleDeclinedChannelUsed}, vfield: "method.contacts[0].channel"}},
		{"all remote declined, remote used", func(a *homework.Assignment) {
			a.Adaptations.Access = nil
			a.Method.Declined = []homework.DeclinedMethod{{AllRemote: true, AlternativesOffered: []string{"paper"}}}
			a.Method.Channel = homework.Email
			a.Method.Safeguards = []homework.Safeguards{safeguards(homework.Email)}
		}, want{rules: []homework.Rule{homework.RuleDeclinedChannelUsed}, vfield: "method.channel"}},
		{"AI-suggested without review", func(a *homework.Assignment) { a.AISuggested = true },
			want{rules: []homework.Rule{homework.RuleAIWithoutHumanReview}, vfield: "ai_review"}},
		{"AI review without decision", func(a *homework.Assignment) {
			a.AISuggested = true
			a.AIReview = &homework.HumanReview{Reviewer: "treating clinician"}
		}, want{rules: []homework.Rule{homework.RuleAIWithoutHumanReview}}},
		{"AI-suggested with review", func(a *homework.Assignment) {
			a.AISuggested = true
			a.AIReview = &homework.HumanReview{Reviewer: "treating clinician", Decision: homework.ApprovedWithChanges, Changes: "shortened"}
		}, want{}},
		{"AI app without the client understanding its limits", func(a *homework.Assignment) {
			a.Adaptations.Access = nil
			a.Method.Channel = homework.AIAssistedApp
			a.Method.Safeguards = []homework.Safeguards{safeguards(homework.AIAssistedApp)}
			a.Method.Safeguards[0].Consent.AILimitsUnderstood = false
			a.AIReview = &homework.HumanReview{Reviewer: "treating clinician", Decision: homework.Approved}
		}, want{rules: []homework.Rule{homework.RuleRemoteConsent}, vfield: "method.safeguards[0].consent"}},
		{"invalid: AI limits on a channel without AI", func(a *homework.Assignment) {
			a.Method.Contacts = []homework.Contact{{Channel: homework.SMS, Purpose: homework.PurposeReminder, Schedule: "Tue"}}
			a.Method.Safeguards = []homework.Safeguards{safeguards(homework.SMS)}
			a.Method.Safeguards[0].Consent.AILimitsUnderstood = true
		}, want{rules: []homework.Rule{homework.RuleInvalid}, vfield: "method.safeguards[0].consent.ai_limits_understood"}},
		{"contact without purpose", func(a *homework.Assignment) {
			a.Method.Contacts = []homework.Contact{{Channel: homework.Paper, Schedule: "Tue"}}
		}, want{items: []homework.Item{homework.ItemMethod}, fields: []string{"method.contacts[0].purpose"}}},
		{"check-in without schedule", func(a *homework.Assignment) {
			a.Method.Contacts = []homework.Contact{{Channel: homework.Paper, Purpose: homework.PurposeCheckIn, Schedule: " \t"}}
		}, want{items: []homework.Item{homework.ItemMethod}, fields: []string{"method.contacts[0].schedule"}}},
		{"questions need no schedule", func(a *homework.Assignment) {
			a.Method.Contacts = []homework.Contact{{Channel: homework.SMS, Purpose: homework.PurposeQuestions}}
			a.Method.Safeguards = []homework.Safeguards{safeguards(homework.SMS)}
		}, want{}},
		{"blank boundaries", func(a *homework.Assignment) {
			a.Method.Contacts = []homework.Contact{{Channel: homework.SMS, Purpose: homework.PurposeReminder, Schedule: "Tue"}}
			a.Method.Safeguards = []homework.Safeguards{safeguards(homework.SMS)}
			a.Method.Safeguards[0].Boundaries.ResponseTime = "  "
			a.Method.Safeguards[0].Boundaries.MonitoredHours = "\n"
		}, want{rules: []homework.Rule{homework.RuleRemoteBoundaries}, vfield: "method.safeguards[0].boundaries"}},
		{"blank alternatives offered", func(a *homework.Assignment) {
			a.Method.Declined = []homework.DeclinedMethod{{AllRemote: true, AlternativesOffered: []string{" ", ""}}}
		}, want{rules: []homework.Rule{homework.RuleDeclinedWithoutAlternatives}, vfield: "method.declined[0].alternatives_offered"}},
		{"blank entry among alternatives", func(a *homework.Assignment) {
			a.Method.Declined = []homework.DeclinedMethod{{AllRemote: true, AlternativesOffered: []string{"paper", "  "}}}
		}, want{rules: []homework.Rule{homework.RuleBlankText}, vfield: "method.declined[0].alternatives_offered[1]"}},
		{"blank optional text", func(a *homework.Assignment) { a.Task.Material = " " },
			want{rules: []homework.Rule{homework.RuleBlankText}, vfield: "task.material"}},
		{"blank required text is missing, not blank_text", func(a *homework.Assignment) { a.Rationale = "  " },
			want{items: []homework.Item{homework.ItemRationale}, fields: []string{"rationale"}}},
		{"unconfirmed suggestion", func(a *homework.Assignment) {
			a.Rationale = homework.Suggest(a.Rationale, "en")
			a.Barriers[0].Plan = homework.Suggest(a.Barriers[0].Plan, "es")
		}, want{rules: []homework.Rule{homework.RuleUnconfirmedSuggestion, homework.RuleUnconfirmedSuggestion}, vfield: "rationale"}},
		{"invalid: session date", func(a *homework.Assignment) { a.SessionDate = "2026-13-01" },
			want{rules: []homework.Rule{homework.RuleInvalid}, vfield: "session_date"}},
		{"AI app without review", func(a *homework.Assignment) {
			a.Adaptations.Access = nil
			a.Method.Channel = homework.AIAssistedApp
			a.Method.Safeguards = []homework.Safeguards{safeguards(homework.AIAssistedApp)}
		}, want{rules: []homework.Rule{homework.RuleAIWithoutHumanReview}}},
		{"risk without backup plan", func(a *homework.Assignment) { a.Safety = &homework.Safety{Considerations: "may raise distress"} },
			want{rules: []homework.Rule{homework.RuleRiskWithoutBackupPlan}, vfield: "safety.backup_plan"}},
		{"risk with backup plan", func(a *homework.Assignment) {
			a.Safety = &homework.Safety{Considerations: "may raise distress", BackupPlan: "stop and use grounding"}
		}, want{}},
		{"adaptation without reason", func(a *homework.Assignment) {
			a.Adaptations.Cultural = &homework.CulturalAdaptation{FamilyParticipation: true}
		},
			want{rules: []homework.Rule{homework.RuleAdaptationWithoutReason}, vfield: "adaptations.cultural.reason"}},
		{"every adaptation without reason", func(a *homework.Assignment) {
			a.Adaptations = homework.Adaptations{
				Cultural: &homework.CulturalAdaptation{}, Neurodivergent: &homework.NeurodivergentAdaptation{},
				Language: &homework.LanguageAdaptation{Language: "es"}, Vision: &homework.VisionAdaptation{},
				Literacy: &homework.LiteracyAdaptation{}, Access: &homework.AccessAdaptation{},
			}
		}, want{rules: []homework.Rule{
			homework.RuleAdaptationWithoutReason, homework.RuleAdaptationWithoutReason, homework.RuleAdaptationWithoutReason,
			homework.RuleAdaptationWithoutReason, homework.RuleAdaptationWithoutReason, homework.RuleAdaptationWithoutReason,
		}}},
		{"large print on ordinary paper", func(a *homework.Assignment) {
			a.Adaptations.Vision = &homework.VisionAdaptation{LargePrint: true, Reason: "macular degeneration"}
		}, want{rules: []homework.Rule{homework.RuleLargePrintNotUsed}, vfield: "method.channel"}},
		{"large print with standard worksheet", func(a *homework.Assignment) {
			a.Method.Channel = homework.LargePrintPaper
			a.Adaptations.Vision = &homework.VisionAdaptation{LargePrint: true, Reason: "low vision"}
			a.Worksheet = &homework.WorksheetRef{Template: "mood-journal", Variant: homework.VariantStandard}
		}, want{rules: []homework.Rule{homework.RuleLargePrintNotUsed}, vfield: "worksheet.variant"}},
		{"large print done right", func(a *homework.Assignment) {
			a.Method.Channel = homework.LargePrintPaper
			a.Adaptations.Vision = &homework.VisionAdaptation{LargePrint: true, Reason: "low vision"}
			a.Worksheet = &homework.WorksheetRef{Template: "mood-journal", Variant: homework.VariantLargePrint, Language: "es-MX"}
		}, want{}},
		{"no smartphone but app", func(a *homework.Assignment) {
			a.Method.Channel = homework.MobileApp
			a.Method.Safeguards = []homework.Safeguards{safeguards(homework.MobileApp)}
		}, want{rules: []homework.Rule{homework.RuleNeedsSmartphone}, vfield: "method.channel"}},
		{"no smartphone, SMS is fine", func(a *homework.Assignment) {
			a.Method.Contacts = []homework.Contact{{Channel: homework.SMS, Purpose: homework.PurposeReminder, Schedule: "Tue"}}
			a.Method.Safeguards = []homework.Safeguards{safeguards(homework.SMS)}
		}, want{}},
		{"invalid: negative minutes", func(a *homework.Assignment) { a.Task.Minutes = -5 },
			want{rules: []homework.Rule{homework.RuleInvalid}, vfield: "task.minutes"}},
		{"invalid: unknown kind", func(a *homework.Assignment) { a.Task.Kind = 99 },
			want{rules: []homework.Rule{homework.RuleInvalid}, vfield: "task.kind"}},
		{"invalid: contact without channel", func(a *homework.Assignment) {
			a.Method.Contacts = []homework.Contact{{Purpose: homework.PurposeReminder, Schedule: "Tue"}}
		},
			want{rules: []homework.Rule{homework.RuleInvalid}, vfield: "method.contacts[0].channel"}},
		{"invalid: duplicate safeguards", func(a *homework.Assignment) {
			a.Method.Safeguards = []homework.Safeguards{safeguards(homework.SMS), safeguards(homework.SMS)}
		}, want{rules: []homework.Rule{homework.RuleInvalid}, vfield: "method.safeguards[1].channel"}},
		{"invalid: declined names nothing", func(a *homework.Assignment) {
			a.Method.Declined = []homework.DeclinedMethod{{AlternativesOffered: []string{"paper"}}}
		}, want{rules: []homework.Rule{homework.RuleInvalid}, vfield: "method.declined[0]"}},
		{"invalid: worksheet without template", func(a *homework.Assignment) { a.Worksheet = &homework.WorksheetRef{} },
			want{rules: []homework.Rule{homework.RuleInvalid}, vfield: "worksheet.template"}},
		{"invalid: worksheet variant", func(a *homework.Assignment) { a.Worksheet = &homework.WorksheetRef{Template: "t", Variant: "huge"} },
			want{rules: []homework.Rule{homework.RuleInvalid}, vfield: "worksheet.variant"}},
		{"invalid: worksheet language", func(a *homework.Assignment) { a.Worksheet = &homework.WorksheetRef{Template: "t", Language: "en_US"} },
			want{rules: []homework.Rule{homework.RuleInvalid}, vfield: "worksheet.language"}},
		{"neurodivergent split", func(a *homework.Assignment) {
			a.Adaptations.Neurodivergent = &homework.NeurodivergentAdaptation{Parts: 3, MinutesPerPart: 5,
				Routines: []string{"after breakfast", "after school", "after brushing teeth"}, SpecialInterests: []string{"trains"}, Reason: "attention span"}
		}, want{}},
		{"invalid: routines do not match parts", func(a *homework.Assignment) {
			a.Adaptations.Neurodivergent = &homework.NeurodivergentAdaptation{Parts: 3, MinutesPerPart: 5, Routines: []string{"after breakfast"}, Reason: "r"}
		}, want{rules: []homework.Rule{homework.RuleInvalid}, vfield: "adaptations.neurodivergent.routines"}},
		{"invalid: parts without minutes", func(a *homework.Assignment) {
			a.Adaptations.Neurodivergent = &homework.NeurodivergentAdaptation{Parts: 2, Reason: "r"}
		}, want{rules: []homework.Rule{homework.RuleInvalid}, vfield: "adaptations.neurodivergent.minutes_per_part"}},
		{"invalid: minutes without parts", func(a *homework.Assignment) {
			a.Adaptations.Neurodivergent = &homework.NeurodivergentAdaptation{MinutesPerPart: 2, Reason: "r"}
		}, want{rules: []homework.Rule{homework.RuleInvalid}, vfield: "adaptations.neurodivergent.parts"}},
		{"invalid: language tag", func(a *homework.Assignment) {
			a.Adaptations.Language = &homework.LanguageAdaptation{Language: "spanish!", Reason: "r"}
		}, want{rules: []homework.Rule{homework.RuleInvalid}, vfield: "adaptations.language.language"}},
		{"invalid: reading grade", func(a *homework.Assignment) {
			a.Adaptations.Language = &homework.LanguageAdaptation{Language: "es", ReadingGrade: 13, Reason: "r"}
		}, want{rules: []homework.Rule{homework.RuleInvalid}, vfield: "adaptations.language.reading_grade"}},
		{"invalid: security measure", func(a *homework.Assignment) {
			s := safeguards(homework.SMS)
			s.Security.Measures = []homework.SecurityMeasure{0}
			a.Method.Safeguards = []homework.Safeguards{s}
		}, want{rules: []homework.Rule{homework.RuleInvalid}, vfield: "method.safeguards[0].security.measures[0]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := moodJournal()
			tt.modify(a)
			f := a.Check()
			assert.Equal(t, tt.want.items, f.Items(), "missing items")
			assert.Equal(t, tt.want.rules, f.Rules(), "broken rules")
			if tt.want.fields != nil {
				require.NotEmpty(t, f.Missing)
				assert.Equal(t, tt.want.fields, f.Missing[0].Fields)
			}
			if tt.want.vfield != "" {
				require.NotEmpty(t, f.Violations)
				assert.Equal(t, tt.want.vfield, f.Violations[0].Field)
			}
			assert.Equal(t, f.OK(), f.Err() == nil, "OK and Err agree")
			hasInvalid := false
			for _, r := range f.Rules() {
				hasInvalid = hasInvalid || r == homework.RuleInvalid
			}
			assert.Equal(t, hasInvalid, a.Validate() != nil, "Validate agrees with RuleInvalid findings")
		})
	}
}

func TestFindingsErr(t *testing.T) {
	a := moodJournal()
	a.Rationale = ""
	a.AISuggested = true
	err := a.Check().Err()
	require.Error(t, err)
	var ce *homework.CheckError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, []homework.Item{homework.ItemRationale}, ce.Findings.Items())
	assert.Equal(t, "homework: checklist not met: missing rationale; ai_without_human_review", err.Error())
}

func TestFindingsTextHasNoClientText(t *testing.T) {
	const secret = "SECRET-CLIENT-TEXT"
	a := &homework.Assignment{
		Task:      homework.Task{What: secret},
		Agreement: homework.Agreement{Status: homework.Declined, Explored: secret},
		Safety:    &homework.Safety{Considerations: secret},
		Method: homework.Method{Channel: homework.SMS, Fit: secret,
			Declined: []homework.DeclinedMethod{{Channels: []homework.Channel{homework.SMS}, Reason: secret}}},
		Worksheet:   &homework.WorksheetRef{Template: secret, Language: secret, Variant: secret},
		Adaptations: homework.Adaptations{Language: &homework.LanguageAdaptation{Language: secret}},
	}
	f := a.Check()
	require.False(t, f.OK())
	assert.NotContains(t, f.String(), secret)
	assert.NotContains(t, f.Err().Error(), secret)
	assert.NotContains(t, a.Validate().Error(), secret)
}

func TestReviewCheck(t *testing.T) {
	full := func() *homework.Review {
		return &homework.Review{
			DaysPlanned: 7, DaysCompleted: 6,
			ClientExperience: "it helped", Insights: "mood follows sleep", Modifications: "continue unchanged",
			Outcome: homework.Continue,
		}
	}
	tests := []struct {
		name   string
		modify func(r *homework.Review)
		items  []homework.Item
		rules  []homework.Rule
	}{
		{"complete", func(*homework.Review) {}, nil, nil},
		{"zero", func(r *homework.Review) { *r = homework.Review{} }, []homework.Item{
			homework.ItemCompletion, homework.ItemClientExperience, homework.ItemInsights, homework.ItemModifications}, nil},
		{"none completed is recorded", func(r *homework.Review) { r.DaysCompleted = 0 }, nil, nil},
		{"no experience", func(r *homework.Review) { r.ClientExperience = "" }, []homework.Item{homework.ItemClientExperience}, nil},
		{"no insights", func(r *homework.Review) { r.Insights = "" }, []homework.Item{homework.ItemInsights}, nil},
		{"no modifications", func(r *homework.Review) { r.Modifications = "" }, []homework.Item{homework.ItemModifications}, nil},
		{"no outcome", func(r *homework.Review) { r.Outcome = 0 }, []homework.Item{homework.ItemModifications}, nil},
		{"unknown outcome", func(r *homework.Review) { r.Outcome = 9 }, nil, []homework.Rule{homework.RuleInvalid}},
		{"earlier dated after current", func(r *homework.Review) {
			r.Measures = []homework.Score{{Instrument: homework.PHQ9, Items: []int{1, 1, 1, 1, 1, 1, 1, 2, 0}, Date: "2026-10-05"}}
			r.Earlier = []homework.Score{{Instrument: homework.PHQ9, Items: []int{3, 3, 3, 3, 3, 3, 3, 3, 0}, Date: "2026-11-05"}}
		}, nil, []homework.Rule{homework.RuleInvalid}},
		{"earlier dated after current, one of several", func(r *homework.Review) {
			r.Measures = []homework.Score{
				{Instrument: homework.GAD7, Items: []int{1, 1, 1, 1, 1, 1, 1}, Date: "2026-10-05"},
				{Instrument: homework.PHQ9, Items: []int{1, 1, 1, 1, 1, 1, 1, 2, 0}, Date: "2026-10-05"},
			}
			r.Earlier = []homework.Score{
				{Instrument: homework.PHQ9, Items: []int{3, 3, 3, 3, 3, 3, 3, 3, 0}, Date: "2026-09-01"},
				{Instrument: homework.GAD7, Items: []int{3, 3, 3, 3, 3, 3, 3}, Date: "2027-01-01"},
			}
		}, nil, []homework.Rule{homework.RuleInvalid}},
		{"earlier of another instrument dated later", func(r *homework.Review) {
			r.Measures = []homework.Score{{Instrument: homework.PHQ9, Items: []int{1, 1, 1, 1, 1, 1, 1, 2, 0}, Date: "2026-10-05"}}
			r.Earlier = []homework.Score{{Instrument: homework.GAD7, Items: []int{3, 3, 3, 3, 3, 3, 3}, Date: "2026-11-05"}}
		}, nil, nil},
		{"earlier on the same day", func(r *homework.Review) {
			r.Measures = []homework.Score{{Instrument: homework.PHQ9, Items: []int{1, 1, 1, 1, 1, 1, 1, 2, 0}, Date: "2026-10-05"}}
			r.Earlier = []homework.Score{{Instrument: homework.PHQ9, Items: []int{3, 3, 3, 3, 3, 3, 3, 3, 0}, Date: "2026-10-05"}}
		}, nil, nil},
		{"7 of 5 days", func(r *homework.Review) { r.DaysPlanned, r.DaysCompleted = 5, 7 }, nil, []homework.Rule{homework.RuleInvalid}},
		{"negative planned", func(r *homework.Review) { r.DaysPlanned, r.DaysCompleted = -1, 0 }, nil, []homework.Rule{homework.RuleInvalid}},
		{"negative completed", func(r *homework.Review) { r.DaysCompleted = -1 }, nil, []homework.Rule{homework.RuleInvalid}},
		{"short PHQ-9", func(r *homework.Review) {
			r.Measures = []homework.Score{{Instrument: homework.PHQ9, Items: []int{1, 1}}}
		}, nil, []homework.Rule{homework.RuleInvalid}},
		{"valid measures", func(r *homework.Review) {
			r.Measures = []homework.Score{{Instrument: homework.GAD7, Items: []int{1, 1, 1, 1, 1, 1, 1}}}
			r.Custom = []homework.CustomMeasure{{Name: "average nightly mood", Value: 6.4, Min: 1, Max: 10}}
		}, nil, nil},
		{"PHQ-9 item 9 without follow-up", func(r *homework.Review) {
			r.Measures = []homework.Score{{Instrument: homework.PHQ9, Items: []int{0, 0, 0, 0, 0, 0, 0, 0, 1}}}
		}, nil, []homework.Rule{homework.RuleSelfHarmFollowUp}},
		{"PHQ-9 item 9 with follow-up", func(r *homework.Review) {
			r.Measures = []homework.Score{{Instrument: homework.PHQ9, Items: []int{0, 0, 0, 0, 0, 0, 0, 0, 1}}}
			r.SafetyFollowUp = "risk assessed; safety plan reviewed"
		}, nil, nil},
		{"custom out of scale", func(r *homework.Review) {
			r.Custom = []homework.CustomMeasure{{Name: "average nightly mood", Value: 11, Min: 1, Max: 10}}
		}, nil, []homework.Rule{homework.RuleInvalid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := full()
			tt.modify(r)
			f := r.Check()
			assert.Equal(t, tt.items, f.Items())
			assert.Equal(t, tt.rules, f.Rules())
			invalid := len(tt.rules) > 0 && tt.rules[0] == homework.RuleInvalid
			assert.Equal(t, invalid, r.Validate() != nil)
		})
	}
}
