package notes

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// texts writes the sentences of one note in one locale.
type texts struct {
	loc *i18n.Locale
}

// m is the data of one message.
type m = map[string]any

func (t *texts) msg(id string, data m) string { return t.loc.Text(id, data) }

// pieces returns the sentences of every piece of the input. goal reports
// whether the rationale has a section of its own (GIRP), so the task
// sentence leaves it out.
func (t *texts) pieces(in Input, goal bool) [numPieces][]string {
	var p [numPieces][]string
	a := in.Assignment
	if r := clean(a.Rationale); r != "" && goal {
		p[pGoal] = []string{sentence(r)}
	}
	if in.Review != nil {
		t.review(&p, a, in.Review)
		return p
	}
	p[pTask] = t.task(a, !goal, a.Agreement.Status == homework.Declined)
	p[pMethod] = t.method(a.Method)
	for _, k := range a.Method.Contacts {
		if s := t.contact(k); s != "" {
			p[pContacts] = append(p[pContacts], s)
		}
	}
	p[pSafeguards] = t.safeguards(a.Method.Safeguards)
	for _, d := range a.Method.Declined {
		p[pDeclined] = append(p[pDeclined], t.declined(d))
	}
	if s := t.worksheet(a.Worksheet, in.Handout); s != "" {
		p[pWorksheet] = []string{s}
	}
	p[pAdaptations] = t.adaptations(a.Adaptations)
	if s := t.ai(a); s != "" {
		p[pAI] = []string{s}
	}
	if s := a.Safety; s != nil && (clean(s.Considerations) != "" || clean(s.BackupPlan) != "") {
		// A back-up plan without its considerations is still written: the
		// note never drops what the record holds.
		p[pSafety] = []string{sentence(t.msg("NoteSafety", m{"Considerations": clean(s.Considerations), "Backup": clean(s.BackupPlan)}))}
	}
	for _, b := range a.Barriers {
		if c := clean(b.Concern); c != "" {
			p[pBarriers] = append(p[pBarriers], sentence(t.msg("NoteBarrier", m{"Concern": c, "Plan": clean(b.Plan)})))
		}
	}
	if len(a.Barriers) == 0 && a.NoBarriersExpected {
		p[pBarriers] = []string{sentence(t.msg("NoteNoBarriers", nil))}
	}
	p[pAgreement] = t.agreement(a.Agreement)
	if l := cleanList(a.Preparation); len(l) > 0 {
		p[pPreparation] = []string{sentence(t.msg("NotePreparation", m{"List": t.list(l)}))}
	}
	if s := t.followUp(a.FollowUp); s != "" {
		p[pFollowUp] = []string{s}
	}
	return p
}

// taskPhrase is the task's what, how often and when, or "" without a what.
func taskPhrase(k homework.Task) string {
	if clean(k.What) == "" {
		return ""
	}
	return joinNonEmpty(" ", clean(k.What), clean(k.Frequency), clean(k.When))
}

// task is the assignment sentence: "Assigned <what> <frequency> <when>
// using <material> (about N minutes each time), <rationale>." A rationale
// that begins with a capital letter is a sentence of its own. A task the
// client declined was proposed, not assigned: "Proposed <what> …".
func (t *texts) task(a *homework.Assignment, withRationale, declined bool) []string {
	phrase := taskPhrase(a.Task)
	if phrase == "" {
		if r := clean(a.Rationale); withRationale && r != "" {
			return []string{sentence(t.msg("NoteRationale", m{"Rationale": r}))}
		}
		return nil
	}
	id := "NoteAssigned"
	if declined {
		id = "NoteProposed"
	}
	s := t.msg(id, m{"Task": phrase})
	if mat := clean(a.Task.Material); mat != "" {
		s += " " + t.msg("NoteUsing", m{"Material": mat})
	}
	if a.Task.Minutes > 0 {
		s += " (" + t.msg("NoteMinutes", m{"Count": a.Task.Minutes}) + ")"
	}
	r := clean(a.Rationale)
	if !withRationale || r == "" {
		return []string{sentence(s)}
	}
	if startsLower(r) {
		return []string{sentence(s + ", " + r)}
	}
	return []string{sentence(s), sentence(t.msg("NoteRationale", m{"Rationale": r}))}
}

func (t *texts) method(md homework.Method) []string {
	if md.Channel == 0 {
		return nil
	}
	ch, the := t.channel(md.Channel), t.theChannel(md.Channel)
	if f := clean(md.Format); f != "" {
		ch += " (" + f + ")"
		the += " (" + f + ")"
	}
	id := "NoteMethod"
	if md.ClientChose {
		id = "NoteMethodChosen"
	}
	s := t.msg(id, m{"Channel": ch, "TheChannel": the})
	if fit := clean(md.Fit); fit != "" {
		s += "; " + fit
	}
	return []string{sentence(s)}
}

// safeguards writes at most one plain sentence per safeguard group of
// each remote channel: consent ("Discussed the privacy limits of text
// messages (SMS); client accepted the remaining risk and knows they can
// switch to paper at any time."), boundaries and security, each with at
// most one colon.
func (t *texts) safeguards(all []homework.Safeguards) []string {
	var out []string
	for _, sg := range all {
		if sg.Channel == 0 {
			continue
		}
		ch, the := t.channel(sg.Channel), t.theChannel(sg.Channel)
		c := sg.Consent
		var client []string
		if c.RiskAccepted {
			client = append(client, t.msg("NoteConsentRisk", nil))
		}
		if c.CanSwitchToPaper {
			client = append(client, t.msg("NoteConsentPaper", nil))
		}
		if c.AILimitsUnderstood {
			client = append(client, t.msg("NoteConsentAILimits", nil))
		}
		if c.PrivacyLimitsDiscussed || len(client) > 0 {
			out = append(out, sentence(t.msg("NoteConsent", m{"Channel": ch, "TheChannel": the, "Privacy": c.PrivacyLimitsDiscussed, "Client": t.list(client)})))
		}
		var bounds []string
		b := sg.Boundaries
		if v := clean(b.ResponseTime); v != "" {
			bounds = append(bounds, t.msg("NoteResponseTime", m{"Value": v}))
		}
		if v := clean(b.MonitoredHours); v != "" {
			bounds = append(bounds, t.msg("NoteMonitored", m{"Value": v}))
		}
		if b.NotForCrisis {
			bounds = append(bounds, t.msg("NoteNotForCrisis", nil))
		}
		if b.EmergencyResourcesReviewed {
			bounds = append(bounds, t.msg("NoteEmergencyReviewed", nil))
		}
		if len(bounds) > 0 {
			out = append(out, sentence(t.msg("NoteBoundaries", m{"Channel": ch, "TheChannel": the, "Parts": strings.Join(bounds, ", ")})))
		}
		var sec []string
		for _, x := range sg.Security.Measures {
			if id := securityIDs[x]; id != "" {
				sec = append(sec, t.msg(id, nil))
			}
		}
		if n := clean(sg.Security.Notes); n != "" {
			sec = append(sec, n)
		}
		if len(sec) > 0 {
			out = append(out, sentence(t.msg("NoteSecurity", m{"Channel": ch, "TheChannel": the, "Parts": t.list(sec)})))
		}
	}
	return out
}

var securityIDs = map[homework.SecurityMeasure]string{
	homework.EndToEndEncryption:   "NoteSecE2E",
	homework.InitialsOnly:         "NoteSecInitials",
	homework.NoIdentifyingDetails: "NoteSecNoDetails",
	homework.CodeWords:            "NoteSecCodeWords",
}

func (t *texts) declined(d homework.DeclinedMethod) string {
	var chans, the []string
	if d.AllRemote {
		all := t.msg("NoteDeclinedAllRemote", nil)
		chans, the = append(chans, all), append(the, all)
	}
	for _, c := range d.Channels {
		chans, the = append(chans, t.channel(c)), append(the, t.theChannel(c))
	}
	return sentence(t.msg("NoteDeclined", m{
		"Channels":    t.list(chans),
		"TheChannels": t.list(the),
		"Reason":      clean(d.Reason),
		"Offered":     t.list(cleanList(d.AlternativesOffered)),
	}))
}

// agreement writes only what was observed: agreed, understood (the
// clinician's judgement), restated in the client's own words, the
// questions asked — or declined, what was explored and what was offered
// instead.
func (t *texts) agreement(ag homework.Agreement) []string {
	var out []string
	switch ag.Status {
	case homework.Agreed:
		parts := []string{t.msg("NoteAgreedPart", nil)}
		switch {
		case ag.Understood && ag.Restated:
			parts = append(parts, t.msg("NoteUnderstoodRestatedPart", nil))
		case ag.Understood:
			parts = append(parts, t.msg("NoteUnderstoodPart", nil))
		case ag.Restated:
			parts = append(parts, t.msg("NoteRestatedPart", nil))
		}
		out = append(out, sentence(t.msg("NoteAgreement", m{"List": t.list(parts)})))
	case homework.Declined:
		out = append(out, sentence(t.msg("NoteDeclinedTask", nil)))
		if e := clean(ag.Explored); e != "" {
			out = append(out, sentence(t.msg("NoteExplored", m{"Text": e})))
		}
		if l := cleanList(ag.AlternativesOffered); len(l) > 0 {
			out = append(out, sentence(t.msg("NoteOffered", m{"List": t.list(l)})))
		}
	}
	if q := clean(ag.Questions); q != "" {
		out = append(out, sentence(t.msg("NoteQuestions", m{"Text": q})))
	}
	return out
}

// contact is one planned contact between sessions, written by its
// purpose: "Reminders via text messages (SMS): Tuesday and Thursday at
// 18:00", "Scheduled 5-minute call Thursday to review homework
// completion", "Client can send questions about the homework via …". A
// contact whose purpose was not recorded is written as a contact, never as
// a reminder.
func (t *texts) contact(k homework.Contact) string {
	if k.Channel == 0 {
		return ""
	}
	data := m{"Channel": t.channel(k.Channel), "Schedule": clean(k.Schedule), "About": clean(k.About), "Count": k.Minutes}
	id := "NoteContact"
	switch k.Purpose {
	case homework.PurposeReminder:
		id = "NoteReminder"
	case homework.PurposeCheckIn:
		id = "NoteCheckIn"
		if k.Channel == homework.PhoneCheckIn {
			id = "NoteCheckInCall"
		}
	case homework.PurposeQuestions:
		id = "NoteQuestionsContact"
	}
	return sentence(t.msg(id, data))
}

// worksheet names the handout by its title in the note's language when
// the caller resolved it ([Input.Handout]), by its template id otherwise,
// and writes its personalisation: "Handout: My Sleep Routine (large
// print); personalised wake-up time 6:00 AM based on work schedule".
func (t *texts) worksheet(w *homework.WorksheetRef, h *Handout) string {
	if w == nil || clean(w.Template) == "" {
		return ""
	}
	title := clean(w.Template)
	if h != nil && clean(h.Title) != "" {
		title = clean(h.Title)
	}
	var details []string
	if w.Variant == homework.VariantLargePrint {
		details = append(details, t.msg("NoteLargePrint", nil))
	}
	if name := t.language(w.Language); name != "" {
		details = append(details, t.msg("NoteInLanguage", m{"Language": name}))
	}
	var params []string
	for _, name := range slices.Sorted(maps.Keys(w.Params)) {
		v := clean(w.Params[name])
		if v == "" {
			continue
		}
		label := strings.ReplaceAll(name, "_", " ")
		if h != nil && clean(h.Labels[name]) != "" {
			label = lowerFirst(clean(h.Labels[name]))
		}
		params = append(params, t.msg("NoteParam", m{"Label": label, "Value": v}))
	}
	return sentence(t.msg("NoteWorksheet", m{
		"Title": title, "Details": strings.Join(details, ", "),
		"Personal": t.list(params), "Basis": clean(w.Basis),
	}))
}

// language names a BCP 47 tag in the note's language, "" for an empty or
// unparsable tag.
func (t *texts) language(tag string) string {
	if tag == "" {
		return ""
	}
	lt, err := language.Parse(tag)
	if err != nil {
		return ""
	}
	name := display.Tags(t.loc.Tag).Name(lt)
	if name == "" {
		return tag
	}
	return name
}

func (t *texts) adaptations(ad homework.Adaptations) []string {
	var out []string
	add := func(label string, reason string, what ...string) {
		out = append(out, sentence(t.msg("NoteAdaptation", m{
			"Label":  t.msg(label, nil),
			"What":   joinNonEmpty(", ", what...),
			"Reason": clean(reason),
		})))
	}
	if c := ad.Cultural; c != nil {
		var fam string
		if c.FamilyParticipation {
			fam = t.msg("NoteFamily", nil)
		}
		add("NoteAdaptCultural", c.Reason, clean(c.Details), fam)
	}
	if n := ad.Neurodivergent; n != nil {
		var parts, routines, interests string
		if n.Parts > 0 {
			parts = t.msg("NoteParts", m{"Count": n.Parts, "Minutes": n.MinutesPerPart})
		}
		if l := cleanList(n.Routines); len(l) > 0 {
			routines = t.msg("NoteRoutines", m{"List": t.list(l)})
		}
		if l := cleanList(n.SpecialInterests); len(l) > 0 {
			interests = t.msg("NoteInterests", m{"List": t.list(l)})
		}
		add("NoteAdaptNeuro", n.Reason, parts, routines, interests)
	}
	if l := ad.Language; l != nil {
		var in, tr, grade string
		if name := t.language(l.Language); name != "" {
			in = t.msg("NoteMaterialIn", m{"Language": name})
		}
		if l.Translated {
			tr = t.msg("NoteTranslated", nil)
		}
		if l.ReadingGrade > 0 {
			grade = t.msg("NoteReadingGrade", m{"Grade": l.ReadingGrade})
		}
		add("NoteAdaptLanguage", l.Reason, in, tr, grade)
	}
	if v := ad.Vision; v != nil {
		var lp string
		if v.LargePrint {
			lp = t.msg("NoteLargePrint", nil)
		}
		add("NoteAdaptVision", v.Reason, lp, clean(v.Details))
	}
	if l := ad.Literacy; l != nil {
		add("NoteAdaptLiteracy", l.Reason, clean(l.Approach))
	}
	if ac := ad.Access; ac != nil {
		var phone, data string
		if ac.NoSmartphone {
			phone = t.msg("NoteNoSmartphone", nil)
		}
		if ac.LimitedData {
			data = t.msg("NoteLimitedData", nil)
		}
		add("NoteAdaptAccess", ac.Reason, phone, data, clean(ac.Details))
	}
	return out
}

// usesAIApp reports whether the assignment uses an AI-assisted app.
func usesAIApp(a *homework.Assignment) bool {
	if a.Method.Channel == homework.AIAssistedApp {
		return true
	}
	return slices.ContainsFunc(a.Method.Contacts, func(k homework.Contact) bool { return k.Channel == homework.AIAssistedApp })
}

func (t *texts) ai(a *homework.Assignment) string {
	var what []string
	if a.AISuggested {
		what = append(what, t.msg("NoteAISuggested", nil))
	}
	if usesAIApp(a) {
		what = append(what, t.msg("NoteAIApp", nil))
	}
	if len(what) == 0 && a.AIReview == nil {
		return ""
	}
	var review string
	if r := a.AIReview; r != nil && clean(r.Reviewer) != "" {
		var decision string
		switch r.Decision {
		case homework.Approved:
			decision = t.msg("NoteAIApproved", nil)
		case homework.ApprovedWithChanges:
			decision = t.msg("NoteAIApprovedChanges", m{"Changes": clean(r.Changes)})
		case homework.Rejected:
			decision = t.msg("NoteAIRejected", nil)
		}
		review = t.msg("NoteAIReviewed", m{"Reviewer": clean(r.Reviewer), "Decision": decision})
	}
	if len(what) == 0 && review == "" {
		return ""
	}
	return sentence(t.msg("NoteAI", m{"What": t.list(what), "Review": review}))
}

func (t *texts) followUp(f homework.FollowUp) string {
	when, how := clean(f.When), clean(f.How)
	switch {
	case how != "":
		return sentence(t.msg("NoteFollowUp", m{"When": when, "How": how}))
	case when != "":
		return sentence(t.msg("NoteFollowUpWhen", m{"When": when}))
	}
	return ""
}

// review fills the pieces of a note written at the next session.
func (t *texts) review(p *[numPieces][]string, a *homework.Assignment, r *homework.Review) {
	if phrase := taskPhrase(a.Task); phrase != "" {
		id := "NoteReviewed"
		if a.Agreement.Status == homework.Declined {
			id = "NoteReviewedDeclined"
		}
		p[pReviewed] = []string{sentence(t.msg(id, m{"Task": phrase}))}
	}
	if pct, err := r.CompletionRate(); err == nil {
		p[pCompletion] = []string{sentence(t.msg("NoteCompletion", m{"Done": r.DaysCompleted, "Count": r.DaysPlanned, "Percent": pct}))}
	}
	if e := clean(r.ClientExperience); e != "" {
		p[pExperience] = []string{sentence(t.msg("NoteExperience", m{"Text": e}))}
	}
	for _, b := range r.BarriersMet {
		if c := clean(b.Concern); c != "" {
			p[pBarrierMet] = append(p[pBarrierMet], sentence(t.msg("NoteBarrierMet", m{"Concern": c, "Plan": clean(b.Plan)})))
		}
	}
	p[pMeasures] = t.measures(r)
	for _, c := range r.Custom {
		p[pCustom] = append(p[pCustom], t.custom(c))
	}
	if s := clean(r.Insights); s != "" {
		p[pInsights] = []string{sentence(t.msg("NoteInsight", m{"Text": s}))}
	}
	for _, s := range r.Measures {
		if s.SelfHarmFlag() {
			p[pSelfHarm] = append(p[pSelfHarm], sentence(t.msg("NoteSelfHarm", m{"Score": s.Items[8]})))
		}
	}
	if s := clean(r.SafetyFollowUp); s != "" && len(p[pSelfHarm]) > 0 {
		p[pSelfHarm] = append(p[pSelfHarm], sentence(t.msg("NoteSafetyFollowUp", m{"Text": s})))
	}
	if s := clean(r.Modifications); s != "" {
		p[pModifications] = []string{sentence(t.msg("NoteModifications", m{"Text": s}))}
	}
}

// earlierFor returns the most recent earlier administration of the same
// instrument as s: the latest by date, or the last listed when dates are
// missing.
func earlierFor(r *homework.Review, s homework.Score) (homework.Score, bool) {
	var best homework.Score
	found := false
	for _, e := range r.Earlier {
		if e.Instrument != s.Instrument {
			continue
		}
		if !found || e.Date == "" || best.Date == "" || e.Date >= best.Date {
			best, found = e, true
		}
	}
	return best, found
}

func (t *texts) measures(r *homework.Review) []string {
	var out []string
	for _, s := range r.Measures {
		name := strings.ToUpper(s.Instrument.String())
		before, ok := earlierFor(r, s)
		if !ok {
			out = append(out, sentence(t.msg("NoteScoreOne", m{"Name": name, "After": s.Total(), "Bands": t.severity(s.Severity())})))
			continue
		}
		c, err := homework.Compare(before, s)
		if err != nil {
			continue // unreachable: both scores were validated
		}
		bands := t.severity(c.To)
		if c.From != c.To {
			bands = t.msg("NoteBandChange", m{"From": t.severity(c.From), "To": t.severity(c.To)})
		}
		id := "NoteScoreSame"
		switch {
		case c.Points < 0:
			id = "NoteScoreDown"
		case c.Points > 0:
			id = "NoteScoreUp"
		}
		out = append(out, sentence(t.msg(id, m{"Name": name, "Before": c.Before, "After": c.After, "Over": t.interval(before.Date, s.Date), "Bands": bands})))
		var crit []string
		if c.ReliableImprovement {
			crit = append(crit, t.msg("NoteReliableImprovement", m{"Points": c.Instrument.ReliableChange()}))
		}
		if c.ReliableDeterioration {
			crit = append(crit, t.msg("NoteReliableDeterioration", m{"Points": c.Instrument.ReliableChange()}))
		}
		if c.Response {
			crit = append(crit, t.msg("NoteTreatmentResponse", nil))
		}
		if len(crit) > 0 {
			out = append(out, sentence(t.msg("NoteCriteria", m{"List": t.list(crit)})))
		}
	}
	return out
}

// interval is the time between two dates in whole weeks when it divides
// evenly, otherwise in days; "" when a date is missing or the order is
// wrong.
func (t *texts) interval(from, to string) string {
	a, err1 := time.Parse(time.DateOnly, from)
	b, err2 := time.Parse(time.DateOnly, to)
	if err1 != nil || err2 != nil || !b.After(a) {
		return ""
	}
	days := int(b.Sub(a).Hours()/24 + 0.5)
	if days%7 == 0 {
		return t.msg("NoteWeeks", m{"Count": days / 7})
	}
	return t.msg("NoteDays", m{"Count": days})
}

var severityIDs = map[homework.Severity]string{
	homework.Minimal:          "NoteSevMinimal",
	homework.Mild:             "NoteSevMild",
	homework.Moderate:         "NoteSevModerate",
	homework.ModeratelySevere: "NoteSevModeratelySevere",
	homework.Severe:           "NoteSevSevere",
}

func (t *texts) severity(s homework.Severity) string { return t.msg(severityIDs[s], nil) }

func (t *texts) custom(c homework.CustomMeasure) string {
	var scale string
	if c.Min != 0 || c.Max != 0 {
		scale = t.number(c.Min) + "–" + t.number(c.Max)
	}
	return sentence(t.msg("NoteCustom", m{"Name": clean(c.Name), "Value": t.number(c.Value), "Unit": clean(c.Unit), "Scale": scale}))
}

// number writes f with the fewest digits that read back exactly, with a
// decimal comma in languages that use one.
func (t *texts) number(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if base, _ := t.loc.Tag.Base(); decimalComma[base.String()] {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// decimalComma lists languages that write a decimal comma: Spanish, which
// notes ships, and a few a clinic is likely to add. Others use a point.
var decimalComma = map[string]bool{"es": true, "pt": true, "fr": true, "de": true, "it": true}

var channelIDs = map[homework.Channel]string{
	homework.Paper:              "NoteChanPaper",
	homework.LargePrintPaper:    "NoteChanLargePrintPaper",
	homework.MobileApp:          "NoteChanMobileApp",
	homework.SMS:                "NoteChanSMS",
	homework.PhoneCheckIn:       "NoteChanPhoneCheckIn",
	homework.Email:              "NoteChanEmail",
	homework.EncryptedMessaging: "NoteChanEncryptedMessaging",
	homework.InSession:          "NoteChanInSession",
	homework.FamilyActivity:     "NoteChanFamilyActivity",
	homework.AIAssistedApp:      "NoteChanAIAssistedApp",
}

func (t *texts) channel(c homework.Channel) string {
	if id := channelIDs[c]; id != "" {
		return t.msg(id, nil)
	}
	return c.String()
}

// theChannel names a channel with the article the note's language puts
// before it in running text ("el correo electrónico"); messages use it as
// TheChannel where a bare name reads stiffly, and English needs none.
func (t *texts) theChannel(c homework.Channel) string {
	if id := channelIDs[c]; id != "" {
		return t.msg(id+"The", nil)
	}
	return c.String()
}

// list joins items as "a, b and c" in the note's language.
func (t *texts) list(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return t.msg("NoteListAnd", m{"Init": strings.Join(items[:len(items)-1], ", "), "Last": items[len(items)-1]})
}

// clean collapses runs of white space (YAML folded text keeps line breaks)
// and drops a final full stop, so the text can sit inside a sentence. Text
// still marked as a suggestion ([homework.Suggested]) is not the
// clinician's yet: clean returns "" for it, so no note states it.
func clean(s string) string {
	if homework.Suggested(s) {
		return ""
	}
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRight(s, ".")
}

func cleanList(l []string) []string {
	var out []string
	for _, s := range l {
		if c := clean(s); c != "" {
			out = append(out, c)
		}
	}
	return out
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// lowerFirst lowers the first letter of a label such as "Wake-up time" so
// it can sit inside a sentence; a label that starts with an abbreviation
// ("PHQ-9 date", "AM time") is kept.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	next, _ := utf8.DecodeRuneInString(s[n:])
	if unicode.IsUpper(next) || unicode.IsDigit(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// startsLower reports whether s begins with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// sentence capitalises the first letter of s and ends it with a full stop
// unless it already ends with one, a question mark or an exclamation mark.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}
