// Package questionnaire exports handouts and measures as FHIR R4
// Questionnaires following the Structured Data Capture (SDC) profile, and
// reads completed QuestionnaireResponses back into [homework.Review]
// values.
//
// # Questionnaires
//
// [FromWorksheet] maps a handout's document model to items — blanks,
// writing lines, scales, trackers, task lists, tables and parts — with the
// other languages of the same template carried by the standard translation
// extension (http://hl7.org/fhir/StructureDefinition/translation) on each
// text. [Measure] gives the PHQ-9 and GAD-7 with their LOINC codes. The
// mapping and its reasons are in docs/fhir.md.
//
// # Responses
//
// [Questionnaire.ReadResponse] turns a response into a review: days
// completed from a tracker, a score from a measure. Anything that does not
// fit is a *[ResponseError] naming the item's linkId, never the client's
// answer.
//
// # Dependencies
//
// The package sits in the worksheet wing beside the other outputs of the
// document model (HTML, PDF, JSON) and depends on worksheet and homework
// only; homework and notes do not depend on it, so the dependency graph
// stays one-way (notes → homework, i18n; questionnaire → worksheet,
// homework).
package questionnaire
