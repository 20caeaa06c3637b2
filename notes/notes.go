package notes

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/i18n"
	"golang.org/x/text/language"
)

//go:embed messages/*.toml
var messageFiles embed.FS

// Messages returns the sentence templates notes writes with: go-i18n
// message files active.en.toml and active.es.toml. A translator adds a
// language by adding active.<lang>.toml with the same IDs to a folder
// loaded with [i18n.Load] and laid over the catalog passed to [New].
func Messages() fs.FS {
	sub, err := fs.Sub(messageFiles, "messages")
	if err != nil {
		return messageFiles // unreachable: the folder is embedded
	}
	return sub
}

// Writer writes notes and FHIR Bundles in the languages of its catalog.
// Make one with [New]. A Writer is safe for concurrent use.
type Writer struct {
	cat *i18n.Catalog
}

// New returns a Writer whose sentence templates are notes' own (see
// [Messages]) under the messages of cat, so a clinic's catalog may reword
// or translate them. A nil cat means [i18n.Default]. Making a Writer loads
// and checks every locale (about 11 ms); make one and reuse it.
func New(cat *i18n.Catalog) (*Writer, error) {
	if cat == nil {
		var err error
		if cat, err = i18n.Default(); err != nil {
			return nil, fmt.Errorf("notes: %w", err)
		}
	}
	own, err := i18n.Load(Messages())
	if err != nil {
		return nil, fmt.Errorf("notes: %w", err)
	}
	merged, err := own.Overlay(cat)
	if err != nil {
		return nil, fmt.Errorf("notes: %w", err)
	}
	if err := merged.Validate(); err != nil {
		return nil, fmt.Errorf("notes: %w", err)
	}
	return &Writer{cat: merged}, nil
}

// Catalog returns the catalog the Writer writes with, so a caller can check
// [i18n.Catalog.Fallbacks] after writing.
func (w *Writer) Catalog() *i18n.Catalog { return w.cat }

// Input is what a note is written from: an assignment and, at the next
// session, its review.
type Input struct {
	// Assignment is the homework as assigned. It is required.
	Assignment *homework.Assignment
	// Review is the review of that homework at the next session, or nil
	// for a note written when the homework is assigned.
	Review *homework.Review
	// Handout is the handout named by Assignment.Worksheet as the
	// template library knows it, in the note's language, so the note names
	// it by its title. Nil names it by its template id.
	Handout *Handout
}

// Handout is what a note says about a handout: its title and the labels of
// its params, in the note's language, e.g. "My Sleep Routine" and
// "wake_time": "Wake-up time". Package handout resolves them from a
// template library ([handout.Renderer.Describe]).
type Handout struct {
	Title  string
	Labels map[string]string
}

// Options controls how a note or Bundle is written. The zero Options
// writes English and does not refuse incomplete records.
type Options struct {
	// Lang is the language of the text; the zero Tag means English. It is
	// matched to the catalog's locales like [i18n.Catalog.Locale].
	Lang language.Tag
	// RequireComplete refuses to write while [Check] reports gaps: the
	// error wraps a *[homework.CheckError].
	RequireComplete bool
	// Subject is the FHIR reference of the client, e.g. "Patient/123".
	// Required for [Writer.Bundle]; unused by [Writer.Note].
	Subject string
	// Practitioner is the FHIR reference of the clinician, e.g.
	// "Practitioner/7"; optional, used by [Writer.Bundle] only.
	Practitioner string
	// Reasons are FHIR references to what the homework treats, e.g.
	// "Condition/dep-1", written into the CarePlan activity's
	// reasonReference; optional, used by [Writer.Bundle] only.
	Reasons []string
}

// Section is one headed part of a note.
type Section struct {
	// Heading is the localised heading, e.g. "Plan"; empty for a
	// narrative note.
	Heading string
	// Text is the section's sentences, one paragraph.
	Text string
}

// Note is the homework part of a clinical note.
type Note struct {
	// Style is the style the note was written in.
	Style Style
	// Lang is the language the note was written in.
	Lang language.Tag
	// Date is the date of the session the note documents, YYYY-MM-DD: the
	// review's [homework.Review.SessionDate] for a review note, the
	// assignment's [homework.Assignment.SessionDate] otherwise; empty when
	// not recorded.
	Date string
	// Sections are the non-empty sections in the style's order. When Date
	// is set, the first section is headed "Session date" and holds it.
	Sections []Section
	// Gaps are the checklist gaps of the input: elements left out of the
	// note because they were not recorded, and documentation rules broken.
	Gaps homework.Findings
}

// String returns the note as text: a narrative note is its paragraph; the
// other styles give each section as "Heading: text", separated by a blank
// line.
func (n *Note) String() string {
	var b strings.Builder
	for i, s := range n.Sections {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if s.Heading != "" {
			b.WriteString(s.Heading)
			b.WriteString(": ")
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

// WriteTo writes the note's text and a final newline to w.
func (n *Note) WriteTo(w io.Writer) (int64, error) {
	k, err := io.WriteString(w, n.String()+"\n")
	return int64(k), err
}

// ErrNoAssignment is returned when an [Input] has no assignment.
var ErrNoAssignment = errors.New("notes: no assignment")

// Note writes the homework part of a clinical note in style s. Elements
// not recorded are left out, never filled in, and listed in [Note.Gaps].
// Impossible values (see [homework.Assignment.Validate]) are an error.
func (w *Writer) Note(s Style, in Input, opt Options) (*Note, error) {
	if _, err := s.MarshalText(); err != nil {
		return nil, err
	}
	gaps, err := prepare(in, opt)
	if err != nil {
		return nil, err
	}
	loc, err := w.cat.Locale(langOrEnglish(opt.Lang))
	if err != nil {
		return nil, fmt.Errorf("notes: %w", err)
	}
	t := &texts{loc: loc}
	byPiece := t.pieces(in, s == GIRP)
	n := &Note{Style: s, Lang: loc.Tag, Gaps: gaps, Date: in.Assignment.SessionDate}
	if in.Review != nil {
		n.Date = in.Review.SessionDate
	}
	if n.Date != "" {
		n.Sections = append(n.Sections, Section{Heading: t.msg("NoteSessionDate", nil), Text: n.Date})
	}
	for _, sec := range s.sections() {
		var parts []string
		for p := piece(0); p < numPieces; p++ {
			if s.placement(p) == sec {
				parts = append(parts, byPiece[p]...)
			}
		}
		if len(parts) == 0 {
			continue
		}
		heading := ""
		if sec != secNone {
			heading = t.msg(string(sec), nil)
		}
		n.Sections = append(n.Sections, Section{Heading: heading, Text: strings.Join(parts, " ")})
	}
	return n, nil
}

// prepare checks the input and returns its gaps, or an error for an
// impossible input or, with RequireComplete, an incomplete one.
func prepare(in Input, opt Options) (homework.Findings, error) {
	if in.Assignment == nil {
		return homework.Findings{}, ErrNoAssignment
	}
	if err := in.Assignment.Validate(); err != nil {
		return homework.Findings{}, fmt.Errorf("notes: assignment: %w", err)
	}
	if r := in.Review; r != nil {
		if err := r.Validate(); err != nil {
			return homework.Findings{}, fmt.Errorf("notes: review: %w", err)
		}
		if a := in.Assignment.ID; a != "" && r.AssignmentID != "" && a != r.AssignmentID {
			if !diag.IsName(a) || !diag.IsName(r.AssignmentID) {
				// An id that is not a name may be a person's words.
				return homework.Findings{}, errors.New("notes: the review's assignment_id is not the assignment's id")
			}
			return homework.Findings{}, fmt.Errorf("notes: review is for assignment %q, not %q", r.AssignmentID, a)
		}
	}
	gaps := Check(in)
	if opt.RequireComplete && !gaps.OK() {
		return gaps, fmt.Errorf("notes: refusing to write an incomplete record: %w", gaps.Err())
	}
	return gaps, nil
}

// ItemMeasureDate is the checklist item notes adds to homework's: a
// questionnaire score without the date it was given, which a change over
// time and a FHIR Observation need.
const ItemMeasureDate homework.Item = "measure_date"

// Check returns the checklist gaps of the input: [homework.Assignment.Check],
// then, when there is a review, [homework.Review.Check] with its field
// paths prefixed "review.", and [ItemMeasureDate] for every score without
// a date.
func Check(in Input) homework.Findings {
	var f homework.Findings
	if in.Assignment != nil {
		f = in.Assignment.Check()
	}
	if r := in.Review; r != nil {
		rf := r.Check()
		for _, m := range rf.Missing {
			f.Missing = append(f.Missing, homework.Missing{Item: m.Item, Fields: prefix("review.", m.Fields)})
		}
		var dates []string
		for i, s := range r.Earlier {
			if s.Date == "" {
				dates = append(dates, fmt.Sprintf("review.earlier_measures[%d].date", i))
			}
		}
		for i, s := range r.Measures {
			if s.Date == "" {
				dates = append(dates, fmt.Sprintf("review.measures[%d].date", i))
			}
		}
		if len(dates) > 0 {
			f.Missing = append(f.Missing, homework.Missing{Item: ItemMeasureDate, Fields: dates})
		}
		for _, v := range rf.Violations {
			v.Field = "review." + v.Field
			f.Violations = append(f.Violations, v)
		}
	}
	return f
}

func prefix(p string, fields []string) []string {
	out := make([]string, len(fields))
	for i, s := range fields {
		out[i] = p + s
	}
	return out
}

func langOrEnglish(t language.Tag) language.Tag {
	if t == language.Und {
		return language.English
	}
	return t
}
