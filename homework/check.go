package homework

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
)

// Item is a checklist item that can be missing. Its value is a stable ID that
// a caller may store or match on.
type Item string

// End-of-session checklist items, reported by [Assignment.Check].
const (
	// ItemTask: the specific task (what, how often, when).
	ItemTask Item = "task"
	// ItemRationale: the clinical rationale.
	ItemRationale Item = "rationale"
	// ItemMethod: the channel and why it fits the client's life.
	ItemMethod Item = "method"
	// ItemAgreement: the client's understanding and agreement, or that
	// they declined.
	ItemAgreement Item = "agreement"
	// ItemBarriers: the barriers discussed, each with a plan.
	ItemBarriers Item = "barriers"
	// ItemFollowUp: when and how the homework will be reviewed.
	ItemFollowUp Item = "follow_up"
)

// Next-session checklist items, reported by [Review.Check].
const (
	// ItemCompletion: days completed of days planned.
	ItemCompletion Item = "completion"
	// ItemClientExperience: the client's experience in their own words.
	ItemClientExperience Item = "client_experience"
	// ItemInsights: the clinical insights.
	ItemInsights Item = "insights"
	// ItemModifications: the modifications for the next assignment and the
	// outcome (continue, modify, complete or stop).
	ItemModifications Item = "modifications"
)

// Rule is a documentation rule that a record can break. Its value is a
// stable ID.
type Rule string

// The rules.
const (
	// RuleInvalid: a value is impossible (an unknown enum value, a negative
	// count, 7 of 5 days, a PHQ-9 with 8 items, a malformed language tag).
	RuleInvalid Rule = "invalid"
	// RuleRemoteConsent: a remote channel is used without complete consent.
	RuleRemoteConsent Rule = "remote_consent"
	// RuleRemoteBoundaries: a remote channel is used without complete
	// boundaries.
	RuleRemoteBoundaries Rule = "remote_boundaries"
	// RuleRemoteSecurity: a remote channel is used without security
	// measures.
	RuleRemoteSecurity Rule = "remote_security"
	// RuleDeclinedWithoutAlternatives: the client declined the task or a
	// channel and no alternatives offered are recorded.
	RuleDeclinedWithoutAlternatives Rule = "declined_without_alternatives"
	// RuleDeclinedNotExplored: the client declined the task and what was
	// explored about it is not recorded.
	RuleDeclinedNotExplored Rule = "declined_not_explored"
	// RuleDeclinedChannelUsed: a channel the client declined is used.
	RuleDeclinedChannelUsed Rule = "declined_channel_used"
	// RuleAIWithoutHumanReview: AI-suggested or AI-delivered homework has
	// no human review (reviewer and decision).
	RuleAIWithoutHumanReview Rule = "ai_without_human_review"
	// RuleRiskWithoutBackupPlan: safety considerations are recorded without
	// a back-up plan.
	RuleRiskWithoutBackupPlan Rule = "risk_without_backup_plan"
	// RuleAdaptationWithoutReason: an adaptation has no reason.
	RuleAdaptationWithoutReason Rule = "adaptation_without_reason"
	// RuleLargePrintNotUsed: a large-print adaptation is recorded but the
	// channel is ordinary paper or the worksheet is not the large-print
	// variant.
	RuleLargePrintNotUsed Rule = "large_print_not_used"
	// RuleNeedsSmartphone: the client has no smartphone but a channel needs
	// one.
	RuleNeedsSmartphone Rule = "needs_smartphone"
	// RuleSelfHarmFollowUp: a PHQ-9 has item 9 above 0 and the review does
	// not record the immediate follow-up.
	RuleSelfHarmFollowUp Rule = "self_harm_follow_up"
	// RuleUnconfirmedSuggestion: a text still carries the suggestion mark
	// of a draft (see [SuggestionMark]): the clinician has not confirmed
	// it, so a note leaves it out.
	RuleUnconfirmedSuggestion Rule = "unconfirmed_suggestion"
	// RuleBlankText: a text that is present holds only white space, so a
	// note leaves it out. Reported only where no checklist item or other
	// rule already names the field.
	RuleBlankText Rule = "blank_text"
)

// Missing is a checklist item that is not yet met, with the fields that
// would meet it, named by their JSON paths (e.g. "task.frequency",
// "barriers[0].plan").
type Missing struct {
	Item   Item     `json:"item" yaml:"item"`
	Fields []string `json:"fields" yaml:"fields"`
}

// Violation is a broken rule. Field is the JSON path of the field concerned;
// Detail is fixed English text from this package and never holds client
// text.
type Violation struct {
	Rule   Rule   `json:"rule" yaml:"rule"`
	Field  string `json:"field" yaml:"field"`
	Detail string `json:"detail" yaml:"detail"`
}

// Findings is the result of a checklist: the items missing and the rules
// broken, in a stable order. An EHR can refuse to close a note until
// [Findings.OK] is true.
type Findings struct {
	Missing    []Missing   `json:"missing,omitempty" yaml:"missing,omitempty"`
	Violations []Violation `json:"violations,omitempty" yaml:"violations,omitempty"`
}

// OK reports whether every item is met and no rule is broken.
func (f Findings) OK() bool { return len(f.Missing) == 0 && len(f.Violations) == 0 }

// Items returns the IDs of the missing items.
func (f Findings) Items() []Item {
	var ids []Item
	for _, m := range f.Missing {
		ids = append(ids, m.Item)
	}
	return ids
}

// Rules returns the IDs of the broken rules, one per violation.
func (f Findings) Rules() []Rule {
	var ids []Rule
	for _, v := range f.Violations {
		ids = append(ids, v.Rule)
	}
	return ids
}

// String lists the findings one per line: "missing <item>: <fields>" and
// "<rule> at <field>: <detail>". It returns "ok" when there are none.
func (f Findings) String() string {
	if f.OK() {
		return "ok"
	}
	var b strings.Builder
	for _, m := range f.Missing {
		fmt.Fprintf(&b, "missing %s: %s\n", m.Item, strings.Join(m.Fields, ", "))
	}
	for _, v := range f.Violations {
		fmt.Fprintf(&b, "%s at %s: %s\n", v.Rule, v.Field, v.Detail)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// Err returns nil when the findings are OK and a *[CheckError] otherwise.
func (f Findings) Err() error {
	if f.OK() {
		return nil
	}
	return &CheckError{Findings: f}
}

// CheckError is the error form of findings that are not OK.
type CheckError struct {
	Findings Findings
}

// Error lists the IDs of the missing items and broken rules.
func (e *CheckError) Error() string {
	var ids []string
	for _, id := range e.Findings.Items() {
		ids = append(ids, "missing "+string(id))
	}
	for _, id := range e.Findings.Rules() {
		ids = append(ids, string(id))
	}
	return "homework: checklist not met: " + strings.Join(ids, "; ")
}

// checker collects findings.
type checker struct{ f Findings }

// need records item as missing for each field whose ok is false.
func (c *checker) need(item Item, fields ...field) {
	var names []string
	for _, f := range fields {
		if !f.ok {
			names = append(names, f.name)
		}
	}
	if len(names) == 0 {
		return
	}
	// Keep one entry per item, in first-seen order.
	for i := range c.f.Missing {
		if c.f.Missing[i].Item == item {
			c.f.Missing[i].Fields = append(c.f.Missing[i].Fields, names...)
			return
		}
	}
	c.f.Missing = append(c.f.Missing, Missing{Item: item, Fields: names})
}

func (c *checker) broke(r Rule, field, format string, args ...any) {
	c.f.Violations = append(c.f.Violations, Violation{Rule: r, Field: field, Detail: fmt.Sprintf(format, args...)})
}

// field is a named field and whether it is filled in.
type field struct {
	name string
	ok   bool
}

func set(name, s string) field { return field{name, !blank(s)} }

// nonBlank counts the entries of l that hold more than white space.
func nonBlank(l []string) int {
	n := 0
	for _, s := range l {
		if !blank(s) {
			n++
		}
	}
	return n
}

// reported reports whether path, or a field that contains it, is already
// named by a finding.
func (c *checker) reported(path string) bool {
	covers := func(f string) bool {
		return f == path || strings.HasPrefix(path, f) && strings.ContainsRune(".[", rune(path[len(f)]))
	}
	for _, m := range c.f.Missing {
		if slices.ContainsFunc(m.Fields, covers) {
			return true
		}
	}
	return slices.ContainsFunc(c.f.Violations, func(v Violation) bool { return covers(v.Field) })
}

// checkTexts reports every unconfirmed suggestion and every text that holds
// only white space and is not reported already.
func (c *checker) checkTexts(fields []TextField) {
	for _, f := range fields {
		switch {
		case Suggested(f.Text):
			c.broke(RuleUnconfirmedSuggestion, f.Path, "drafted from a template; edit or confirm it, then delete the suggestion mark")
		case blank(f.Text) && !c.reported(f.Path):
			c.broke(RuleBlankText, f.Path, "holds only white space")
		}
	}
}

// Check runs the end-of-session checklist: the specific task, the clinical
// rationale, the method and why it fits, the client's understanding and
// agreement, the barriers discussed, and the follow-up plan. It also applies
// the rules listed with the [Rule] constants. Text fields that hold only
// white space count as missing; a list entry or optional text that holds
// only white space is [RuleBlankText]. Text still marked as a suggestion
// ([Suggested]) is [RuleUnconfirmedSuggestion].
func (a *Assignment) Check() Findings {
	var c checker
	a.validate(&c)

	t := a.Task
	c.need(ItemTask, set("task.what", t.What), set("task.frequency", t.Frequency), set("task.when", t.When))
	c.need(ItemRationale, set("rationale", a.Rationale))
	c.need(ItemMethod, field{"method.channel", a.Method.Channel != 0}, set("method.fit", a.Method.Fit))
	for i, k := range a.Method.Contacts {
		p := fmt.Sprintf("method.contacts[%d]", i)
		c.need(ItemMethod, field{p + ".purpose", k.Purpose != 0})
		if k.Purpose == PurposeReminder || k.Purpose == PurposeCheckIn {
			c.need(ItemMethod, set(p+".schedule", k.Schedule))
		}
	}

	ag := a.Agreement
	c.need(ItemAgreement, field{"agreement.status", ag.Status != 0})
	if ag.Status == Agreed {
		c.need(ItemAgreement, field{"agreement.understood", ag.Understood})
	}
	if ag.Status == Declined {
		if strings.TrimSpace(ag.Explored) == "" {
			c.broke(RuleDeclinedNotExplored, "agreement.explored", "the client declined; record what was explored about it")
		}
		if nonBlank(ag.AlternativesOffered) == 0 {
			c.broke(RuleDeclinedWithoutAlternatives, "agreement.alternatives_offered", "the client declined; record the alternatives offered")
		}
	}

	c.need(ItemBarriers, field{"barriers", len(a.Barriers) > 0 || a.NoBarriersExpected})
	for i, b := range a.Barriers {
		c.need(ItemBarriers, set(fmt.Sprintf("barriers[%d].concern", i), b.Concern), set(fmt.Sprintf("barriers[%d].plan", i), b.Plan))
	}
	c.need(ItemFollowUp, set("follow_up.when", a.FollowUp.When), set("follow_up.how", a.FollowUp.How))

	a.checkChannels(&c)

	if a.AISuggested || a.uses(AIAssistedApp) {
		r := a.AIReview
		if r == nil || strings.TrimSpace(r.Reviewer) == "" || r.Decision == 0 {
			c.broke(RuleAIWithoutHumanReview, "ai_review", "AI-suggested or AI-delivered homework needs a human review with reviewer and decision")
		}
	}
	if s := a.Safety; s != nil && strings.TrimSpace(s.Considerations) != "" && strings.TrimSpace(s.BackupPlan) == "" {
		c.broke(RuleRiskWithoutBackupPlan, "safety.backup_plan", "the task carries risk; record the back-up plan")
	}
	a.checkAdaptations(&c)
	c.checkTexts(a.Texts())
	return c.f
}

// channelUse is a channel the assignment uses and the JSON path naming it.
type channelUse struct {
	ch   Channel
	path string
}

// channels returns the channels the assignment uses, the main one first.
func (a *Assignment) channels() []channelUse {
	var out []channelUse
	if a.Method.Channel != 0 {
		out = append(out, channelUse{a.Method.Channel, "method.channel"})
	}
	for i, k := range a.Method.Contacts {
		if k.Channel != 0 {
			out = append(out, channelUse{k.Channel, fmt.Sprintf("method.contacts[%d].channel", i)})
		}
	}
	return out
}

// uses reports whether the assignment uses channel ch.
func (a *Assignment) uses(ch Channel) bool {
	for _, u := range a.channels() {
		if u.ch == ch {
			return true
		}
	}
	return false
}

func (a *Assignment) checkChannels(c *checker) {
	seen := map[Channel]bool{}
	for _, u := range a.channels() {
		for i, d := range a.Method.Declined {
			if d.covers(u.ch) {
				c.broke(RuleDeclinedChannelUsed, u.path, "channel %s was declined (method.declined[%d])", u.ch, i)
			}
		}
		if !u.ch.Remote() || seen[u.ch] {
			continue
		}
		seen[u.ch] = true
		i := a.safeguardsFor(u.ch)
		if i < 0 {
			const d = "remote channel %s has no safeguards record"
			c.broke(RuleRemoteConsent, "method.safeguards", d, u.ch)
			c.broke(RuleRemoteBoundaries, "method.safeguards", d, u.ch)
			c.broke(RuleRemoteSecurity, "method.safeguards", d, u.ch)
			continue
		}
		s := a.Method.Safeguards[i]
		base := fmt.Sprintf("method.safeguards[%d]", i)
		if m := s.Consent.missing(u.ch); len(m) > 0 {
			c.broke(RuleRemoteConsent, base+".consent", "channel %s: consent lacks %s", u.ch, strings.Join(m, ", "))
		}
		if m := s.Boundaries.missing(); len(m) > 0 {
			c.broke(RuleRemoteBoundaries, base+".boundaries", "channel %s: boundaries lack %s", u.ch, strings.Join(m, ", "))
		}
		if len(s.Security.Measures) == 0 {
			c.broke(RuleRemoteSecurity, base+".security.measures", "channel %s: no security measures listed", u.ch)
		}
	}
	for i, d := range a.Method.Declined {
		if nonBlank(d.AlternativesOffered) == 0 {
			c.broke(RuleDeclinedWithoutAlternatives, fmt.Sprintf("method.declined[%d].alternatives_offered", i), "a declined channel needs the alternatives offered")
		}
	}
}

// safeguardsFor returns the index of the safeguards record for ch, or -1.
func (a *Assignment) safeguardsFor(ch Channel) int {
	for i, s := range a.Method.Safeguards {
		if s.Channel == ch {
			return i
		}
	}
	return -1
}

func (a *Assignment) checkAdaptations(c *checker) {
	ad := a.Adaptations
	for _, r := range ad.reasons() {
		if strings.TrimSpace(r.reason) == "" {
			c.broke(RuleAdaptationWithoutReason, "adaptations."+r.name+".reason", "the %s adaptation needs its reason", r.name)
		}
	}
	if v := ad.Vision; v != nil && v.LargePrint {
		if a.uses(Paper) {
			c.broke(RuleLargePrintNotUsed, "method.channel", "large print is recorded but the channel is ordinary paper")
		}
		if w := a.Worksheet; w != nil && w.Variant != VariantLargePrint {
			c.broke(RuleLargePrintNotUsed, "worksheet.variant", "large print is recorded but the worksheet is not the large-print variant")
		}
	}
	if ac := ad.Access; ac != nil && ac.NoSmartphone {
		for _, u := range a.channels() {
			if u.ch.NeedsSmartphone() {
				c.broke(RuleNeedsSmartphone, u.path, "channel %s needs a smartphone, which the client does not have", u.ch)
			}
		}
	}
}

// Validate reports impossible values: enum values out of range, negative
// numbers, a worksheet without a template or with an unknown variant, a
// malformed language tag, a split into parts that does not add up. It does
// not check completeness; [Assignment.Check] does that and includes these
// problems as [RuleInvalid] violations.
func (a *Assignment) Validate() error {
	var c checker
	a.validate(&c)
	return c.err()
}

func (a *Assignment) validate(c *checker) {
	bad := func(cond bool, path, detail string) {
		if cond {
			c.broke(RuleInvalid, path, "%s", detail)
		}
	}
	enum := func(v int, n names, optional bool, path string) {
		bad(!(n.valid(v) || optional && v == 0), path, "unknown or unset "+n.typ)
	}
	enum(int(a.Task.Kind), kindNames, true, "task.kind")
	count(c, a.Task.Minutes, MaxMinutes, "task.minutes")
	enum(int(a.Method.Channel), channelNames, true, "method.channel")
	bad(!wellFormedDate(a.SessionDate), "session_date", "want a date as YYYY-MM-DD")
	for i, k := range a.Method.Contacts {
		p := fmt.Sprintf("method.contacts[%d]", i)
		enum(int(k.Channel), channelNames, false, p+".channel")
		enum(int(k.Purpose), purposeNames, true, p+".purpose")
		count(c, k.Minutes, MaxMinutes, p+".minutes")
	}
	for i, s := range a.Method.Safeguards {
		p := fmt.Sprintf("method.safeguards[%d]", i)
		enum(int(s.Channel), channelNames, false, p+".channel")
		bad(s.Channel != 0 && a.safeguardsFor(s.Channel) != i, p+".channel", "a second safeguards record for the same channel")
		bad(s.Consent.AILimitsUnderstood && s.Channel != AIAssistedApp, p+".consent.ai_limits_understood", "only for the ai-assisted-app channel")
		for j, m := range s.Security.Measures {
			enum(int(m), securityNames, false, fmt.Sprintf("%s.security.measures[%d]", p, j))
		}
	}
	for i, d := range a.Method.Declined {
		p := fmt.Sprintf("method.declined[%d]", i)
		bad(len(d.Channels) == 0 && !d.AllRemote, p, "names no channel and not all_remote")
		for j, ch := range d.Channels {
			enum(int(ch), channelNames, false, fmt.Sprintf("%s.channels[%d]", p, j))
		}
	}
	enum(int(a.Agreement.Status), agreementNames, true, "agreement.status")
	if w := a.Worksheet; w != nil {
		bad(strings.TrimSpace(w.Template) == "", "worksheet.template", "missing template id")
		bad(w.Variant != "" && w.Variant != VariantStandard && w.Variant != VariantLargePrint, "worksheet.variant", "want standard or large-print")
		bad(w.Language != "" && !wellFormedTag(w.Language), "worksheet.language", "not a well-formed BCP 47 tag")
	}
	if n := a.Adaptations.Neurodivergent; n != nil {
		const p = "adaptations.neurodivergent"
		count(c, n.Parts, MaxParts, p+".parts")
		count(c, n.MinutesPerPart, MaxMinutes, p+".minutes_per_part")
		bad(n.Parts > 0 && n.MinutesPerPart == 0, p+".minutes_per_part", "parts without minutes per part")
		bad(n.Parts == 0 && n.MinutesPerPart > 0, p+".parts", "minutes per part without parts")
		bad(len(n.Routines) > 0 && len(n.Routines) != n.Parts, p+".routines", "want one routine per part")
	}
	if l := a.Adaptations.Language; l != nil {
		bad(!wellFormedTag(l.Language), "adaptations.language.language", "not a well-formed BCP 47 tag")
		bad(l.ReadingGrade < 0 || l.ReadingGrade > 12, "adaptations.language.reading_grade", "want 1 to 12, or 0 for none")
	}
	if r := a.AIReview; r != nil {
		enum(int(r.Decision), decisionNames, true, "ai_review.decision")
	}
}

// err returns the RuleInvalid violations collected as one error, or nil.
func (c *checker) err() error {
	var errs []error
	for _, v := range c.f.Violations {
		if v.Rule == RuleInvalid {
			errs = append(errs, fmt.Errorf("homework: invalid %s: %s", v.Field, v.Detail))
		}
	}
	return errors.Join(errs...)
}

// Check runs the next-session checklist: the completion rate, the client's
// experience, the clinical insights and the modifications. A PHQ-9 with item
// 9 above 0 needs SafetyFollowUp ([RuleSelfHarmFollowUp]). Impossible values
// (7 of 5 days, a PHQ-9 with 8 items) are [RuleInvalid] violations.
func (r *Review) Check() Findings {
	var c checker
	r.validate(&c)
	c.need(ItemCompletion, field{"days_planned", r.DaysPlanned != 0})
	c.need(ItemClientExperience, set("client_experience", r.ClientExperience))
	c.need(ItemInsights, set("insights", r.Insights))
	c.need(ItemModifications, set("modifications", r.Modifications), field{"outcome", r.Outcome != 0})
	if r.SelfHarmFlag() && strings.TrimSpace(r.SafetyFollowUp) == "" {
		c.broke(RuleSelfHarmFollowUp, "safety_follow_up", "a PHQ-9 has item 9 above 0; record the immediate follow-up")
	}
	c.checkTexts(r.Texts())
	return c.f
}

// Validate reports impossible values: negative day counts, more days
// completed than planned, invalid scores and invalid custom measures.
func (r *Review) Validate() error {
	var c checker
	r.validate(&c)
	return c.err()
}

// The largest counts a record may hold: a larger one is a typo, and is
// refused as an impossible value ([RuleInvalid]) before any arithmetic.
const (
	// MaxMinutes bounds the minutes of one sitting, contact or part: a day.
	MaxMinutes = 24 * 60
	// MaxDays bounds the days planned or completed between two sessions:
	// a year.
	MaxDays = 366
	// MaxParts bounds the parts a task is split into.
	MaxParts = 12
)

// count records a RuleInvalid violation at path when v is below 0 or
// above most.
func count(c *checker, v, most int, path string) {
	switch {
	case v < 0:
		c.broke(RuleInvalid, path, "negative")
	case v > most:
		c.broke(RuleInvalid, path, "more than %d, the most it may be", most)
	}
}

func (r *Review) validate(c *checker) {
	if !wellFormedDate(r.SessionDate) {
		c.broke(RuleInvalid, "session_date", "want a date as YYYY-MM-DD")
	}
	count(c, r.DaysPlanned, MaxDays, "days_planned")
	count(c, r.DaysCompleted, MaxDays, "days_completed")
	if r.DaysCompleted > r.DaysPlanned && r.DaysPlanned >= 0 {
		c.broke(RuleInvalid, "days_completed", "more days completed than planned")
	}
	for i, s := range r.Measures {
		if err := s.Validate(); err != nil {
			c.broke(RuleInvalid, fmt.Sprintf("measures[%d]", i), "%s", strings.TrimPrefix(err.Error(), "homework: "))
		}
	}
	for i, s := range r.Earlier {
		if err := s.Validate(); err != nil {
			c.broke(RuleInvalid, fmt.Sprintf("earlier_measures[%d]", i), "%s", strings.TrimPrefix(err.Error(), "homework: "))
		}
	}
	if r.Outcome != 0 && !outcomeNames.valid(int(r.Outcome)) {
		c.broke(RuleInvalid, "outcome", "unknown review outcome")
	}
	r.checkDates(c)
	for i, m := range r.Custom {
		if err := m.Validate(); err != nil {
			c.broke(RuleInvalid, fmt.Sprintf("custom_measures[%d]", i), "%s", strings.TrimPrefix(err.Error(), "homework: "))
		}
	}
}

// checkDates reports an earlier administration dated after a current one
// of the same instrument: the note would call the change an improvement
// while the dates say it came first. Equal dates are allowed (two
// administrations on one day); undated scores are a gap, not an error.
func (r *Review) checkDates(c *checker) {
	for i, e := range r.Earlier {
		for j, s := range r.Measures {
			if e.Instrument != s.Instrument || e.Date == "" || s.Date == "" || s.Validate() != nil || e.Validate() != nil {
				continue
			}
			if e.Date > s.Date {
				c.broke(RuleInvalid, fmt.Sprintf("earlier_measures[%d].date", i), "dated after measures[%d], the current %s", j, s.Instrument)
			}
		}
	}
}

// wellFormedDate reports whether s is empty or a date as YYYY-MM-DD.
func wellFormedDate(s string) bool {
	if s == "" {
		return true
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// wellFormedTag reports whether s is shaped like a BCP 47 language tag:
// hyphen-separated subtags of 1–8 ASCII letters or digits, the first being
// 2–3 letters (a language), 4–8 letters (registered or reserved), or "x"/"i"
// (private use, grandfathered). It does not consult the registry.
func wellFormedTag(s string) bool {
	subtags := strings.Split(s, "-")
	for i, st := range subtags {
		if len(st) < 1 || len(st) > 8 {
			return false
		}
		for _, r := range st {
			if r > unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
		if i == 0 {
			letters := strings.IndexFunc(st, unicode.IsDigit) < 0
			if !letters || len(st) == 1 && st != "x" && st != "i" || len(st) == 1 && len(subtags) == 1 {
				return false
			}
		}
	}
	return true
}
