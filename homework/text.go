package homework

import (
	"fmt"
	"slices"
)

// TextField is one free-text field of a record: its JSON path, such as
// "barriers[1].plan" or "worksheet.params.wake_time", and its text.
type TextField struct {
	Path string
	Text string
}

// texts collects text fields.
type texts []TextField

func (t *texts) add(path, s string) { *t = append(*t, TextField{path, s}) }

func (t *texts) list(path string, l []string) {
	for i, s := range l {
		t.add(fmt.Sprintf("%s[%d]", path, i), s)
	}
}

// Texts returns every free-text field of the assignment that holds
// something (white space included), in a stable order: the order of the
// fields in the type, list entries in order and params by name. Enum
// values, ids, tags and numbers are not free text and are not listed.
// Package notes uses it to check the language of the record; an editor can
// use it to find suggestions ([Suggested]).
func (a *Assignment) Texts() []TextField {
	var t texts
	t.add("task.what", a.Task.What)
	t.add("task.frequency", a.Task.Frequency)
	t.add("task.when", a.Task.When)
	t.add("task.material", a.Task.Material)
	t.add("rationale", a.Rationale)
	m := a.Method
	t.add("method.format", m.Format)
	t.add("method.fit", m.Fit)
	for i, c := range m.Contacts {
		p := fmt.Sprintf("method.contacts[%d]", i)
		t.add(p+".schedule", c.Schedule)
		t.add(p+".about", c.About)
	}
	for i, s := range m.Safeguards {
		p := fmt.Sprintf("method.safeguards[%d]", i)
		t.add(p+".boundaries.response_time", s.Boundaries.ResponseTime)
		t.add(p+".boundaries.monitored_hours", s.Boundaries.MonitoredHours)
		t.add(p+".security.notes", s.Security.Notes)
	}
	for i, d := range m.Declined {
		p := fmt.Sprintf("method.declined[%d]", i)
		t.add(p+".reason", d.Reason)
		t.list(p+".alternatives_offered", d.AlternativesOffered)
	}
	for i, b := range a.Barriers {
		t.add(fmt.Sprintf("barriers[%d].concern", i), b.Concern)
		t.add(fmt.Sprintf("barriers[%d].plan", i), b.Plan)
	}
	t.add("follow_up.when", a.FollowUp.When)
	t.add("follow_up.how", a.FollowUp.How)
	t.add("agreement.questions", a.Agreement.Questions)
	t.add("agreement.explored", a.Agreement.Explored)
	t.list("agreement.alternatives_offered", a.Agreement.AlternativesOffered)
	if w := a.Worksheet; w != nil {
		names := make([]string, 0, len(w.Params))
		for k := range w.Params {
			names = append(names, k)
		}
		slices.Sort(names)
		for _, k := range names {
			t.add("worksheet.params."+k, w.Params[k])
		}
		t.add("worksheet.basis", w.Basis)
	}
	if s := a.Safety; s != nil {
		t.add("safety.considerations", s.Considerations)
		t.add("safety.backup_plan", s.BackupPlan)
	}
	t.list("preparation", a.Preparation)
	ad := a.Adaptations
	if c := ad.Cultural; c != nil {
		t.add("adaptations.cultural.details", c.Details)
		t.add("adaptations.cultural.reason", c.Reason)
	}
	if n := ad.Neurodivergent; n != nil {
		t.list("adaptations.neurodivergent.routines", n.Routines)
		t.list("adaptations.neurodivergent.special_interests", n.SpecialInterests)
		t.add("adaptations.neurodivergent.reason", n.Reason)
	}
	if l := ad.Language; l != nil {
		t.add("adaptations.language.reason", l.Reason)
	}
	if v := ad.Vision; v != nil {
		t.add("adaptations.vision.details", v.Details)
		t.add("adaptations.vision.reason", v.Reason)
	}
	if l := ad.Literacy; l != nil {
		t.add("adaptations.literacy.approach", l.Approach)
		t.add("adaptations.literacy.reason", l.Reason)
	}
	if ac := ad.Access; ac != nil {
		t.add("adaptations.access.details", ac.Details)
		t.add("adaptations.access.reason", ac.Reason)
	}
	if r := a.AIReview; r != nil {
		t.add("ai_review.reviewer", r.Reviewer)
		t.add("ai_review.changes", r.Changes)
	}
	return t.nonEmpty()
}

// Texts returns every free-text field of the review that holds something,
// like [Assignment.Texts].
func (r *Review) Texts() []TextField {
	var t texts
	t.add("client_experience", r.ClientExperience)
	t.add("insights", r.Insights)
	for i, b := range r.BarriersMet {
		t.add(fmt.Sprintf("barriers_met[%d].concern", i), b.Concern)
		t.add(fmt.Sprintf("barriers_met[%d].plan", i), b.Plan)
	}
	t.add("modifications", r.Modifications)
	for i, c := range r.Custom {
		t.add(fmt.Sprintf("custom_measures[%d].name", i), c.Name)
		t.add(fmt.Sprintf("custom_measures[%d].unit", i), c.Unit)
	}
	t.add("safety_follow_up", r.SafetyFollowUp)
	return t.nonEmpty()
}

func (t texts) nonEmpty() []TextField {
	return slices.DeleteFunc(t, func(f TextField) bool { return f.Text == "" })
}
