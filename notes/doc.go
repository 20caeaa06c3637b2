// Package notes writes the homework part of a clinical note from a
// [homework.Assignment] and, at the next session, its [homework.Review]:
// as prose in the styles clinicians use (narrative, SOAP, DAP, BIRP,
// GIRP), and as a FHIR R4 Bundle an EHR can import.
//
// # Writing a note
//
// Make a [Writer] with [New] and call [Writer.Note] with a [Style] and an
// [Input]. Without a review the note documents the assignment; with one it
// documents the review (the assignment is named in one line, since it was
// documented when it was given). The text uses the clinician's own words
// from the record, framed by sentence templates:
//
//	Assigned mood rating 1–10 daily at bedtime using the paper journal
//	provided, to identify patterns between sleep and mood. Client chose
//	paper; no smartphone. Discussed forgetting as a barrier; client will set
//	a phone alarm. …
//
//	Homework completed 6/7 days (86%). … PHQ-9 decreased from 15 to 11
//	over 4 weeks (moderately severe to moderate).
//
// A rationale that begins with a lower-case letter ("to identify …") joins
// the task sentence; one that begins with a capital is a sentence of its
// own. A change between two administrations needs the earlier score in
// [homework.Review.Earlier]; its interval needs both [homework.Score.Date]s.
//
// # Placement
//
// Each piece of the record goes where the style expects it. "–" means
// the piece is not written in that style; a section with nothing in it is
// left out.
//
//	piece                                     narrative SOAP DAP BIRP GIRP
//	rationale as the goal                     –         –    –   –    G
//	task reviewed (review)                    ¶         S    D   I    I
//	completion, client's words, barriers met  ¶         S    D   R    R
//	PHQ-9, GAD-7, other measures              ¶         O    D   B    R
//	clinical insight, item 9 and follow-up    ¶         A    A   R    R
//	task and rationale, method, safeguards,   ¶         P    P   I    I
//	  declined methods, handout, adaptations,
//	  AI oversight, safety, barriers discussed
//	client's agreement or refusal             ¶         P    P   R    R
//	contacts, preparation, follow-up          ¶         P    P   P    P
//	modifications for the next assignment     ¶         P    P   P    P
//
// S Subjective, O Objective, A Assessment, P Plan, D Data, B Behavior,
// I Intervention, R Response, G Goal; ¶ the narrative paragraph. In GIRP the
// rationale is the Goal and leaves the task sentence.
//
// # Never inventing
//
// Only what was observed is written: "understood" is not "restated in
// their own words"; a declined task was proposed, not assigned; a contact
// is a reminder only when its purpose says so. Text still marked as a
// suggestion ([homework.Suggested], from a draft) is left out until the
// clinician confirms it, and so is text holding only white space; both are
// gaps. [Input.Handout] names the handout by its title in the note's
// language (package handout's Renderer.Describe resolves it and checks the
// reference against the template library). [Warnings] reports free text
// that seems to be in another language than the note.
//
// A missing element is left out, never filled with boilerplate, and
// reported in [Note.Gaps]: [Check] runs [homework.Assignment.Check] and,
// with a review, [homework.Review.Check], and adds [ItemMeasureDate] for a
// score without a date. With [Options.RequireComplete] a note is refused
// while there are gaps; the error wraps a *[homework.CheckError].
// Impossible values are always an error.
//
// # Languages
//
// The sentence templates are go-i18n message files embedded in the package
// ([Messages]: English and Spanish) and loaded through package i18n: [New]
// lays the catalog it is given over them, so a clinic may reword a
// sentence or add a language with its own active.<lang>.toml. Spanish
// notes use the clinical register of a record ("Paciente refiere…",
// "Se asignó…"), a decimal comma and a space before the percent sign.
// Output is deterministic: the same input and options give the same bytes.
//
// # FHIR
//
// [Writer.Bundle] writes a Bundle of type collection with the Goal the
// homework serves, one Consent per remote channel ([homework.Channel.Remote])
// that has a safeguards record, an Observation of days completed of days
// planned, for each PHQ-9 and GAD-7 the item answers (LOINC-coded), the
// total and the panel grouping them with hasMember (the US Core
// screening-assessment pattern; a PHQ-9 item 9 above 0 carries the
// interpretation POS and the safety follow-up), and the CarePlan, whose
// status follows the review's [homework.ReviewOutcome]. Ids are name-based
// UUIDs of the content. The mapping is in docs/fhir.md; the tests validate
// every golden Bundle with Medplum's validator against the R4
// StructureDefinitions, plus checks of codes and references.
//
// # Privacy and concurrency
//
// Client identifiers never appear unless the caller passes them: the note
// text names no one, and the Bundle's only identifiers are
// [Options.Subject], [Options.Practitioner] and [Options.Reasons]; not even
// [homework.Assignment.ID] is written. Errors name fields and IDs, never
// clinical text. A Writer is safe for concurrent use.
package notes
