package homework_test

import (
	"fmt"

	"github.com/betweensessions/between/homework"
)

// moodJournal is the assignment from the package documentation: a daily mood
// rating at bedtime in a paper journal, for a client without a smartphone.
func moodJournal() *homework.Assignment {
	return &homework.Assignment{
		ID: "a-001",
		Task: homework.Task{
			Kind:      homework.MoodTracking,
			What:      "mood rating 1–10",
			Frequency: "daily",
			When:      "at bedtime",
			Material:  "the paper journal provided",
		},
		Rationale: "to identify patterns between sleep and mood",
		Method: homework.Method{
			Channel:     homework.Paper,
			Fit:         "no smartphone",
			ClientChose: true,
		},
		Barriers: []homework.Barrier{
			{Concern: "worried about forgetting", Plan: "phone alarm at bedtime"},
		},
		FollowUp: homework.FollowUp{
			When: "first 10 minutes of next session",
			How:  "review the journal together",
		},
		Agreement: homework.Agreement{Status: homework.Agreed, Understood: true},
		Adaptations: homework.Adaptations{
			Access: &homework.AccessAdaptation{NoSmartphone: true, Reason: "client has no smartphone"},
		},
	}
}

// The end-of-session checklist passes for a complete assignment, and the
// same assignment without a rationale fails on exactly that item.
func ExampleAssignment_Check() {
	a := moodJournal()
	fmt.Println(a.Check())

	a.Rationale = ""
	f := a.Check()
	fmt.Println(f.OK())
	fmt.Println(f)
	fmt.Println(f.Err())
	// Output:
	// ok
	// false
	// missing rationale: rationale
	// homework: checklist not met: missing rationale
}

// A remote channel needs consent, boundaries and security on record.
func ExampleAssignment_Check_remoteChannel() {
	a := moodJournal()
	a.Adaptations.Access = nil
	a.Method.Contacts = []homework.Contact{{Channel: homework.SMS, Purpose: homework.PurposeReminder, Schedule: "Tuesday and Thursday 18:00"}}
	a.Method.Safeguards = []homework.Safeguards{{
		Channel: homework.SMS,
		Consent: homework.Consent{PrivacyLimitsDiscussed: true, RiskAccepted: true},
		Boundaries: homework.Boundaries{
			ResponseTime:               "no replies; reminders only",
			MonitoredHours:             "not monitored",
			NotForCrisis:               true,
			EmergencyResourcesReviewed: true,
		},
	}}
	fmt.Println(a.Check())
	// Output:
	// remote_consent at method.safeguards[0].consent: channel sms: consent lacks can_switch_to_paper
	// remote_security at method.safeguards[0].security.measures: channel sms: no security measures listed
}

// Scores are checked, banded and compared.
func ExampleCompare() {
	before, err := homework.NewScore(homework.PHQ9, 2, 2, 2, 2, 2, 2, 1, 2, 0) // total 15
	if err != nil {
		fmt.Println(err)
		return
	}
	after, err := homework.NewScore(homework.PHQ9, 2, 1, 2, 1, 1, 2, 1, 1, 0) // total 11
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := homework.Compare(before, after)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d → %d: %+d points (%+d%%), %s → %s\n", c.Before, c.After, c.Points, c.Percent, c.From, c.To)
	fmt.Println("response:", c.Response, "reliable improvement:", c.ReliableImprovement)
	// Output:
	// 15 → 11: -4 points (-27%), moderately-severe → moderate
	// response: false reliable improvement: false
}

// Wrong item counts are errors, not silently padded.
func ExampleNewScore() {
	_, err := homework.NewScore(homework.GAD7, 1, 1, 1)
	fmt.Println(err)
	s, _ := homework.NewScore(homework.PHQ9, 0, 0, 0, 0, 0, 0, 0, 0, 1)
	fmt.Println(s.Total(), s.Severity(), s.SelfHarmFlag())
	// Output:
	// homework: gad-7: want 7 items, got 3
	// 1 minimal true
}

func ExampleCompletionPercent() {
	p, _ := homework.CompletionPercent(6, 7)
	fmt.Printf("6 of 7 days: %d%%\n", p)
	_, err := homework.CompletionPercent(7, 5)
	fmt.Println(err)
	// Output:
	// 6 of 7 days: 86%
	// homework: completion: 7 of 5 days completed, more than planned
}

// The next-session checklist.
func ExampleReview_Check() {
	r := &homework.Review{
		AssignmentID:     "a-001",
		DaysPlanned:      7,
		DaysCompleted:    6,
		ClientExperience: "easier than I thought; I forgot on Saturday",
		Insights:         "mood lowest after short nights",
	}
	fmt.Println(r.Check())
	// Output:
	// missing modifications: modifications, outcome
}
