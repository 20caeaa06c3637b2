// Package homework is the domain model of between-session therapy homework:
// what a clinician documents when assigning it, when reviewing it at the
// next session, and the checklists that tell an EHR whether that
// documentation is complete.
//
// It uses only the standard library and does no I/O beyond encoding. Every
// type is plain data with JSON and YAML struct tags; package
// [github.com/betweensessions/between/homework/hwyaml] decodes YAML strictly,
// and package notes turns these values into note text.
//
// # Assigning homework
//
// An [Assignment] holds the five essential elements, each specific:
//
//   - [Task]: what exactly, how often, when and with what material —
//     "Daily mood rating 1–10 at bedtime using the paper journal
//     provided", not "mood tracking". [Kind] classifies it (journaling, mood
//     tracking, scheduling, event planning, hobbies, worksheets, reaching
//     out, mutual-help meetings, social skills, breathing, sleep routine,
//     reading).
//   - Rationale: the clinical reason ("to identify patterns between sleep
//     and mood").
//   - [Method]: the [Channel], the format, why this method fits the
//     client's life ("no smartphone"), and the [Contact]s between
//     sessions, each with its [ContactPurpose]: a reminder, a check-in
//     ("5-minute call on Thursday to review homework completion") or a way
//     to ask questions.
//   - Barriers: each a [Barrier], a concern paired with its plan
//     ("worried about forgetting" → "phone alarm").
//   - [FollowUp]: when and how it will be reviewed ("first 10 minutes of
//     next session").
//
// Around them: the client's [Agreement], recording only what was observed
// (the clinician judged the task understood; the client restated it in
// their own words; the questions they asked) — or that they declined, what
// was explored and what was offered instead, since resistance is clinical
// information; the [WorksheetRef] used, with its personalisation and what
// it is based on; the session date; [Safety] considerations and a
// back-up plan; the clinician's preparation; [Adaptations], each with its
// reason; and for AI-suggested exercises, a [HumanReview].
//
// # Suggestions
//
// Text drafted from a template is a suggestion until the clinician
// confirms it. It carries [SuggestionMark] at its start —
// "(suggested) phone alarm" — which survives any encoding and is seen by
// whoever edits the file; deleting the mark confirms the text
// ([Confirm]). [Assignment.Check] and [Review.Check] report every marked
// text as [RuleUnconfirmedSuggestion], and notes never write it.
// [Assignment.Texts] and [Review.Texts] list every free-text field with its
// path.
//
// # Remote channels
//
// Paper, large-print paper, in-session work and family activities are
// local. Every other channel ([Channel.Remote]) needs a [Safeguards] record
// in [Method.Safeguards]: [Consent] (privacy limits discussed, risk accepted,
// the client knows they can switch to paper; for an AI-assisted app, that
// the client understands the AI's limitations), [Boundaries] (response time,
// monitored hours, not for crisis, emergency resources reviewed) and
// [Security] measures (end-to-end encryption, initials only, no identifying
// details, code words). A client who declines digital methods is recorded in
// [Method.Declined] with the alternatives offered.
//
// # Reviewing homework
//
// A [Review] records days completed of days planned, the client's experience
// in their own words, clinical insights, barriers met, modifications for the
// next assignment, its [ReviewOutcome] (continue, modify, complete or stop),
// and measures. An earlier administration dated after the current one of the
// same instrument is an impossible value ([RuleInvalid]), so a note never
// calls a change an improvement that the dates contradict. [CompletionPercent] rounds to the nearest
// whole percent with halves up: 6 of 7 days is 86%.
//
// # Measures
//
// [NewScore] scores a [PHQ9] or [GAD7] administration and refuses wrong item
// counts or items outside 0–3 rather than clamping them. [Score.Severity]
// gives the band (PHQ-9: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19
// moderately severe, 20–27 severe; GAD-7: 0–4, 5–9, 10–14, 15–21 severe), and
// [Score.SelfHarmFlag] flags a PHQ-9 item 9 above 0 for immediate follow-up
// whatever the total; [Review.Check] then requires [Review.SafetyFollowUp]. [Compare] gives the change between two
// administrations in points and percent, whether it is a response (at least
// 50% reduction), and whether it is reliable by the thresholds documented at
// [PHQ9ReliableChange]. For example, a PHQ-9 going from 15 to 11 is −4 points
// (−27%), moderately severe to moderate, not a response and not a reliable
// change. [CustomMeasure] holds anything else, such as average nightly mood.
//
// # Checklists
//
// [Assignment.Check] runs the end-of-session checklist and [Review.Check] the
// next-session checklist. Each returns [Findings]: the [Missing] checklist
// items, each an [Item] with a stable ID and the fields that would satisfy
// it, and the [Violation]s of documentation rules, each a [Rule] with a
// stable ID — a remote channel without consent, boundaries or security; a
// refusal without the alternatives offered; AI without human review; an
// adaptation without its reason; a PHQ-9 item 9 above 0 without follow-up;
// an unconfirmed suggestion; text that holds only white space
// ([RuleBlankText]; where a checklist item needs the text it is reported
// as missing instead); and impossible values ([RuleInvalid]). An
// EHR can refuse to close a note until [Findings.OK] is true, or use
// [Findings.Err] to get an error.
//
// # Encoding
//
// JSON and YAML field names are snake_case and stable; enums encode as
// kebab-case text ("large-print-paper", "moderately-severe"), and the zero
// value of every enum means unset and encodes as the empty string. Optional
// groups are omitted when empty. Language tags are BCP 47 strings, checked
// for well-formedness only, so the package needs nothing beyond the standard
// library.
//
// # Privacy and concurrency
//
// Errors, findings and Detail texts name fields and IDs, never clinical text
// or scores. Values are plain data: safe for concurrent reads; callers
// synchronise writes. The package keeps no global state.
package homework
