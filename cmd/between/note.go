package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/homework/hwyaml"
	"github.com/betweensessions/between/notes"
	"golang.org/x/text/language"
)

// runNote implements "between note": the homework part of a clinical note,
// or a FHIR Bundle, from a YAML assignment and optionally its review.
func runNote(_ context.Context, e *env, args []string) error {
	fset := flag.NewFlagSet("note", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	review := fset.String("review", "", "the review `file` (YAML) written at the next session")
	format := fset.String("format", "narrative", "narrative, soap, dap, birp, girp or fhir")
	lang := fset.String("lang", "en", "the note's `language` (BCP 47), e.g. es")
	check := fset.Bool("check", false, "print the checklist gaps instead of a note; exit 1 if there are any")
	require := fset.Bool("require-complete", false, "refuse to write a note while the checklist has gaps")
	subject := fset.String("subject", "", "FHIR `reference` of the client, e.g. Patient/123 (fhir only)")
	practitioner := fset.String("practitioner", "", "FHIR `reference` of the clinician, e.g. Practitioner/7 (fhir only)")
	fset.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: between note assignment.yaml [--review review.yaml] [--format narrative|soap|dap|birp|girp|fhir]")
		fmt.Fprintln(e.stderr, "                    [--lang es] [--require-complete] [--subject Patient/x --practitioner Practitioner/y]")
		fmt.Fprintln(e.stderr, "       between note --check assignment.yaml [--review review.yaml]")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Writes the homework part of a clinical note, or a FHIR R4 Bundle, from")
		fmt.Fprintln(e.stderr, "an assignment and its review in the homework YAML encoding. See docs/notes.md.")
		fmt.Fprintln(e.stderr)
		fset.PrintDefaults()
	}
	files, err := parseArgs(fset, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageErrorf("%v", err)
	}
	if len(files) != 1 {
		return usageErrorf("note needs exactly one assignment file (got %d)", len(files))
	}
	tag, err := language.Parse(*lang)
	if err != nil {
		return usageErrorf("--lang: %q is not a language tag", *lang)
	}
	var f notes.Style
	fhir := strings.EqualFold(*format, "fhir")
	if !fhir {
		if err := f.UnmarshalText([]byte(*format)); err != nil {
			return usageErrorf("--format: want narrative, soap, dap, birp, girp or fhir")
		}
	}

	var in notes.Input
	if in.Assignment, err = readAssignment(files[0]); err != nil {
		return err
	}
	if *review != "" {
		if in.Review, err = readReview(*review); err != nil {
			return err
		}
	}
	if *check {
		gaps := notes.Check(in)
		fmt.Fprintln(e.stdout, gaps)
		if !gaps.OK() {
			return errReported
		}
		return nil
	}

	w, err := notes.New(nil)
	if err != nil {
		return err
	}
	opt := notes.Options{Lang: tag, RequireComplete: *require, Subject: *subject, Practitioner: *practitioner}
	if fhir {
		b, err := w.Bundle(in, opt)
		if err != nil {
			return err
		}
		_, err = e.stdout.Write(b)
		return err
	}
	n, err := w.Note(f, in, opt)
	if err != nil {
		return err
	}
	if _, err := n.WriteTo(e.stdout); err != nil {
		return err
	}
	if !n.Gaps.OK() {
		fmt.Fprintf(e.stderr, "between: note: %d checklist gap(s) left out of the note; run with --check to list them\n", len(n.Gaps.Missing)+len(n.Gaps.Violations))
	}
	return nil
}

// readAssignment reads and decodes an assignment file.
func readAssignment(name string) (*homework.Assignment, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return hwyaml.DecodeAssignment(name, f)
}

// readReview reads and decodes a review file.
func readReview(name string) (*homework.Review, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return hwyaml.DecodeReview(name, f)
}
