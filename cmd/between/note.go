package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"strings"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/homework/hwyaml"
	"github.com/betweensessions/between/internal/safefs"
	"github.com/betweensessions/between/notes"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet/handout"
	"golang.org/x/text/language"
)

// runNote implements "between note": the homework part of a clinical note,
// or a FHIR Bundle, from a YAML assignment and optionally its review.
func runNote(ctx context.Context, e *env, args []string) error {
	fset := flag.NewFlagSet("note", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	review := fset.String("review", "", "the review `file` (YAML) written at the next session")
	format := fset.String("format", "narrative", "narrative, soap, dap, birp, girp or fhir")
	lang := fset.String("lang", "en", "the note's `language` (BCP 47), e.g. es")
	check := fset.Bool("check", false, "print the checklist gaps instead of a note; exit 1 if there are any")
	require := fset.Bool("require-complete", false, "refuse to write a note while the checklist has gaps")
	subject := fset.String("subject", "", "FHIR `reference` of the client, e.g. Patient/123 (fhir only)")
	practitioner := fset.String("practitioner", "", "FHIR `reference` of the clinician, e.g. Practitioner/7 (fhir only)")
	srcs := srcFlag(fset, "a `folder` of templates layered over the built-in library, where the worksheet named in the assignment is looked up; repeat for more")
	fset.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: between note assignment.yaml [--review review.yaml] [--format narrative|soap|dap|birp|girp|fhir]")
		fmt.Fprintln(e.stderr, "                    [--lang es] [--require-complete] [--src folder] [--subject Patient/x --practitioner Practitioner/y]")
		fmt.Fprintln(e.stderr, "       between note --check assignment.yaml [--review review.yaml] [--lang es] [--src folder]")
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
	if files[0] == "-" && *review == "-" {
		return usageErrorf("only one of the assignment and the review can be read from standard input (-)")
	}
	src, name, err := readRecord(ctx, e, files[0])
	if err != nil {
		return err
	}
	if in.Assignment, err = hwyaml.DecodeAssignment(name, bytes.NewReader(src)); err != nil {
		return err
	}
	if *review != "" {
		if in.Review, err = readReview(ctx, e, *review); err != nil {
			return err
		}
	}
	if in.Handout, err = describeHandout(name, src, in.Assignment.Worksheet, *srcs, tag); err != nil {
		return err
	}
	if *check {
		gaps := notes.Check(in)
		fmt.Fprintln(e.stdout, gaps)
		for _, w := range notes.Warnings(in, tag) {
			fmt.Fprintln(e.stdout, w)
		}
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

// readAssignment reads and decodes an assignment file, a regular file of
// at most hwyaml.MaxSize bytes.
func readAssignment(name string) (*homework.Assignment, error) {
	src, err := safefs.ReadFile(name, hwyaml.MaxSize)
	if err != nil {
		return nil, err
	}
	return hwyaml.DecodeAssignment(name, bytes.NewReader(src))
}

// readReview reads and decodes a review file.
func readReview(ctx context.Context, e *env, name string) (*homework.Review, error) {
	src, name, err := readRecord(ctx, e, name)
	if err != nil {
		return nil, err
	}
	return hwyaml.DecodeReview(name, bytes.NewReader(src))
}

// stdinName is how errors name a record read from standard input.
const stdinName = "standard input"

// readRecord reads a YAML record of at most hwyaml.MaxSize bytes: the
// file name, which must be a regular file (a FIFO or a device is refused
// without blocking), or standard input for "-" (and "/dev/stdin"), read
// so that Ctrl-C and SIGTERM stop the command even while it waits for
// input. It returns the name errors should use.
func readRecord(ctx context.Context, e *env, name string) ([]byte, string, error) {
	if name == "-" || name == "/dev/stdin" {
		src, err := safefs.ReadAll(ctx, e.stdin, stdinName, hwyaml.MaxSize)
		if err != nil {
			return nil, stdinName, fmt.Errorf("note: stopped while reading %s: %w", stdinName, err)
		}
		return src, stdinName, nil
	}
	src, err := safefs.ReadFile(name, hwyaml.MaxSize)
	if errors.Is(err, safefs.ErrNotRegular) {
		return nil, name, fmt.Errorf("note: %w (give - to read standard input)", err)
	}
	if err != nil {
		return nil, name, fmt.Errorf("note: %w", err)
	}
	return src, name, nil
}

// describeHandout checks the worksheet the assignment in file name (whose
// bytes are src) refers to against the built-in library with the --src
// folders layered over it, and returns its title and param labels in the
// note's language. A template or param that is not in the library is an
// error at its line, with a did-you-mean. It returns nil without a
// worksheet.
func describeHandout(name string, src []byte, ref *homework.WorksheetRef, srcs []string, lang language.Tag) (*notes.Handout, error) {
	if ref == nil {
		return nil, nil
	}
	var dirs folders
	defer dirs.Close()
	more, err := dirs.templates(srcs)
	if err != nil {
		return nil, fmt.Errorf("note: %w", err)
	}
	r, err := handout.New(handout.Options{Sources: append([]fs.FS{templates.FS()}, more...)})
	if err != nil {
		return nil, err
	}
	d, err := r.Describe(*ref, lang)
	var re *handout.RefError
	if errors.As(err, &re) {
		return nil, hwyaml.At(name, src, re.Field, re.Msg)
	}
	if err != nil {
		return nil, err
	}
	return &notes.Handout{Title: d.Title, Labels: d.Labels}, nil
}
