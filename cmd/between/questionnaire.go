package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"slices"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/homework/hwyaml"
	"github.com/betweensessions/between/internal/safefs"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/questionnaire"
	"golang.org/x/text/language"
)

// runQuestionnaire implements "between questionnaire": a handout or a
// measure as a FHIR SDC Questionnaire, or a QuestionnaireResponse read back
// into a review.
func runQuestionnaire(_ context.Context, e *env, args []string) error {
	fset := flag.NewFlagSet("questionnaire", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	measure := fset.String("measure", "", "a measure instead of a handout: `phq-9` or gad-7")
	read := fset.String("read", "", "read a QuestionnaireResponse `file` (JSON) back into a review, printed as YAML")
	out := fset.String("o", "", "write to `FILE` instead of stdout")
	srcs := srcFlag(fset, "a `folder` of templates layered over the built-in library; repeat for more")
	setUsage(fset, e.stderr, `Usage: between questionnaire ID [--src DIR] [-o FILE]
       between questionnaire --measure phq-9|gad-7 [-o FILE]
       between questionnaire (ID | --measure phq-9) --read response.json

Writes a handout (with every translation) or a measure as a FHIR R4 SDC
Questionnaire, or reads a completed QuestionnaireResponse into a review
(days completed from the tracker, the score of a measure). See docs/fhir.md.`)
	pos, help, err := parseCommand(fset, args)
	if help || err != nil {
		return err
	}
	var q *questionnaire.Questionnaire
	switch {
	case *measure != "" && len(pos) > 0:
		return usageErrorf("give a handout id or --measure, not both")
	case *measure != "":
		var in homework.Instrument
		if err := in.UnmarshalText([]byte(*measure)); err != nil || in == 0 {
			return usageErrorf("--measure: want phq-9 or gad-7")
		}
		if q, err = questionnaire.Measure(in); err != nil {
			return err
		}
	case len(pos) != 1:
		return usageErrorf("questionnaire needs one handout id, such as mood-journal (run \"between list\"), or --measure")
	default:
		var dirs folders
		defer dirs.Close()
		more, err := dirs.templates(*srcs)
		if err != nil {
			return fmt.Errorf("questionnaire: %w", err)
		}
		if q, err = handoutQuestionnaire(append([]fs.FS{templates.FS()}, more...), pos[0]); err != nil {
			return err
		}
	}
	if err := checkOutput("questionnaire", *out); err != nil {
		return err
	}
	var b []byte
	if *read != "" {
		data, err := safefs.ReadFile(*read, questionnaire.MaxResponseSize)
		if err != nil {
			return fmt.Errorf("questionnaire: %w", err)
		}
		rv, err := q.ReadResponse(*read, data)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := hwyaml.Encode(&buf, rv); err != nil {
			return err
		}
		b = buf.Bytes()
	} else if b, err = q.JSON(); err != nil {
		return err
	}
	return writeOutput(e, "questionnaire", *out, b)
}

// handoutQuestionnaire builds the Questionnaire of template id: its English
// source (or its first language when it has no English) with every other
// language as a translation.
func handoutQuestionnaire(sources []fs.FS, id string) (*questionnaire.Questionnaire, error) {
	lib, err := templates.Layer(sources...)
	if err != nil {
		return nil, fmt.Errorf("questionnaire: %w", err)
	}
	if !slices.Contains(lib.IDs(), id) {
		return nil, fmt.Errorf("questionnaire: no handout %q (run \"between list\")", id)
	}
	p := worksheet.NewParser()
	var src *worksheet.Worksheet
	var trs []*worksheet.Worksheet
	for _, f := range lib.Files(id) {
		if f.Lang == language.Und {
			continue
		}
		b, err := lib.Read(f)
		if err != nil {
			return nil, err
		}
		ws, err := p.Parse(f.Name, b)
		if err != nil {
			return nil, err
		}
		if src == nil {
			src = ws
		} else {
			trs = append(trs, ws)
		}
	}
	if src == nil {
		return nil, fmt.Errorf("questionnaire: handout %q has no file", id)
	}
	return questionnaire.FromWorksheet(src, trs...)
}
