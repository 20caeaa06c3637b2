package hwyaml

import (
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/internal/yamlpos"
)

// MaxSize is the largest record DecodeAssignment and DecodeReview read, in
// bytes: 256 KiB, some fifty times a full assignment. A larger input is
// refused after reading at most MaxSize+1 bytes of it.
const MaxSize = 256 << 10

// DecodeAssignment reads one YAML document holding a [homework.Assignment].
// name is used in error messages only. Besides syntax errors, unknown
// fields, wrong types and numbers out of range, it rejects impossible values
// ([homework.RuleInvalid]). Every problem is a [*diag.Error] with the line
// and column, in a [diag.List].
func DecodeAssignment(name string, r io.Reader) (*homework.Assignment, error) {
	var a homework.Assignment
	doc, err := decode(name, "the assignment", r, &a)
	if err != nil {
		return nil, err
	}
	if err := invalid(doc, a.Check()); err != nil {
		return nil, err
	}
	return &a, nil
}

// DecodeReview reads one YAML document holding a [homework.Review], with the
// same checks as [DecodeAssignment] (7 of 5 days, a PHQ-9 with 8 items).
func DecodeReview(name string, r io.Reader) (*homework.Review, error) {
	var rv homework.Review
	doc, err := decode(name, "the review", r, &rv)
	if err != nil {
		return nil, err
	}
	if err := invalid(doc, rv.Check()); err != nil {
		return nil, err
	}
	return &rv, nil
}

// pkg starts every error message.
const pkg = "hwyaml"

// invalid turns the impossible values among f into one error per value,
// each at the field in the document.
func invalid(doc *yamlpos.Doc, f homework.Findings) error {
	var errs diag.List
	for _, v := range f.Violations {
		if v.Rule == homework.RuleInvalid {
			errs = append(errs, doc.Error(v.Field, v.Detail))
		}
	}
	return errs.Err()
}

// Encode writes v — a homework.Assignment, homework.Review or any other
// value of that package, or a pointer to one — as one YAML document indented
// by two spaces.
func Encode(w io.Writer, v any) error {
	e := yaml.NewEncoder(w)
	e.SetIndent(2)
	if err := e.Encode(v); err != nil {
		e.Close()
		return fmt.Errorf("hwyaml: %w", err)
	}
	if err := e.Close(); err != nil {
		return fmt.Errorf("hwyaml: %w", err)
	}
	return nil
}

// decode reads at most MaxSize bytes of r and decodes them strictly into
// out. It returns the parsed document, for the positions of fields.
func decode(name, what string, r io.Reader, out any) (*yamlpos.Doc, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, &diag.Error{Pkg: pkg, Path: name, Err: err}
	}
	if len(src) > MaxSize {
		return nil, &diag.Error{Pkg: pkg, Path: name, Msg: fmt.Sprintf("%s is too large: over %d KB; a record may be at most %d KB", what, MaxSize>>10, MaxSize>>10)}
	}
	doc, errs := yamlpos.File{Pkg: pkg, Path: name, Name: what}.Parse(src)
	if len(errs) > 0 {
		return nil, errs
	}
	if doc.Empty() {
		return nil, &diag.Error{Pkg: pkg, Path: name, Msg: "empty document"}
	}
	if errs := doc.Decode(out); len(errs) > 0 {
		return nil, errs
	}
	return doc, nil
}
