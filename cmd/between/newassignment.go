package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"strings"

	"github.com/betweensessions/between/homework"
	"github.com/betweensessions/between/homework/hwyaml"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// runNewAssignment implements "between new-assignment": a YAML assignment
// drafted from a template's clinician notes, for the clinician to edit.
// Everything taken from the template is marked as a suggestion.
func runNewAssignment(_ context.Context, e *env, args []string) error {
	fset := flag.NewFlagSet("new-assignment", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	id := fset.String("template", "", "the template `id`, e.g. sleep-routine (see between list)")
	lang := fset.String("lang", "en", "the template's `language`, e.g. es")
	srcs := srcFlag(fset, "a `folder` of templates layered over the built-in library; repeat for more")
	setUsage(fset, e.stderr, `Usage: between new-assignment --template ID [--lang es] [--src folder]

Prints a YAML assignment whose rationale, follow-up and barriers come from
the template's clinician notes, each marked "(suggested)" until you confirm
it. Fill in every TODO, then run between note --check.`)
	rest, help, err := parseCommand(fset, args)
	if help || err != nil {
		return err
	}
	if len(rest) > 0 || *id == "" {
		return usageErrorf("new-assignment needs --template ID and no other arguments")
	}
	tag, err := language.Parse(*lang)
	if err != nil {
		return usageErrorf("--lang: %q is not a language tag", *lang)
	}
	var dirs folders
	defer dirs.Close()
	more, err := dirs.templates(*srcs)
	if err != nil {
		return fmt.Errorf("new-assignment: %w", err)
	}
	lib, err := templates.Layer(append([]fs.FS{templates.FS()}, more...)...)
	if err != nil {
		return err
	}
	out, err := newAssignment(lib, *id, tag)
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(out)
	return err
}

// newAssignment returns the YAML of an assignment drafted from template id
// in language tag (falling back to English), with TODO comments on every
// field the clinician must fill. Every text taken from the template is
// marked as a suggestion ([homework.Suggest]), so that an unedited draft
// states nothing in a note and its checklist lists each suggestion.
func newAssignment(lib *templates.Library, id string, tag language.Tag) ([]byte, error) {
	if strings.ContainsAny(id, `/\.`) {
		return nil, usageErrorf("--template: %q is not a template id", id)
	}
	tr, ok, _ := lib.Translation(id, tag) // a front matter fault is reported by the parser
	if !ok {
		return nil, fmt.Errorf("no template %q (run between list)", id)
	}
	src, err := lib.Read(tr.Shown)
	if err != nil {
		return nil, err
	}
	ws, err := worksheet.NewParser().Parse(tr.Shown.Name, src)
	if err != nil {
		return nil, err
	}
	l := ws.Lang.String()
	suggest := func(s string) string { return homework.Suggest(strings.Join(strings.Fields(s), " "), l) }
	cl := ws.Meta.Clinician
	a := homework.Assignment{
		Task: homework.Task{
			Kind:      kindFor(ws.Meta),
			Frequency: suggest(ws.Meta.Frequency),
		},
		Rationale: suggest(cl.Rationale),
		FollowUp:  homework.FollowUp{How: suggest(cl.FollowUp)},
		Worksheet: &homework.WorksheetRef{Template: ws.Meta.ID, Language: l},
	}
	for _, b := range cl.Barriers {
		a.Barriers = append(a.Barriers, homework.Barrier{Concern: suggest(b.Barrier), Plan: suggest(b.Plan)})
	}
	var head strings.Builder
	fmt.Fprintf(&head, "# Homework assignment drafted from the template %q (%s).\n", ws.Meta.ID, ws.Path)
	fmt.Fprintf(&head, "# Text that begins with %s comes from the template: a note\n", homework.MarkFor(l))
	head.WriteString("# leaves it out until you confirm it. Edit it to fit this client and delete\n")
	head.WriteString("# the mark, or delete the line. Keep only the barriers you discussed.\n")
	if ws.Meta.Minutes > 0 {
		fmt.Fprintf(&head, "# The template suggests about %d minutes a sitting (task.minutes).\n", ws.Meta.Minutes)
	}
	if len(ws.Meta.Params) > 0 {
		head.WriteString("# Personalise it under worksheet.params (and say why under worksheet.basis):\n")
		for _, p := range ws.Meta.Params {
			fmt.Fprintf(&head, "#   %s: %s\n", p.Name, strings.Join(strings.Fields(p.Label), " "))
		}
	}
	if len(cl.Adaptations) > 0 {
		head.WriteString("#\n# Adaptations the template suggests; record any you use under\n# adaptations:, each with its reason:\n")
		for _, s := range cl.Adaptations {
			head.WriteString("#   - " + strings.Join(strings.Fields(s), " ") + "\n")
		}
	}
	head.WriteString("# Then run: between note --check this.yaml\n")
	return draft(head.String(), &a, assignmentTODO)
}

// assignmentTODO holds the comment for each field the clinician fills in.
var assignmentTODO = map[string]string{
	"task":           "TODO: make the task specific",
	"task.what":      "TODO: what exactly, e.g. rate mood from 1 to 10",
	"task.frequency": "TODO: how often",
	"task.when":      "TODO: when or after what, e.g. at bedtime",
	"rationale":      "TODO: make it specific to this client",
	"method":         "TODO: channel (paper, large-print-paper, sms, ...) and why it fits the client's life;\ncontacts between sessions each with a purpose: reminder, check-in or questions",
	"follow_up":      "TODO: when it will be reviewed, e.g. first 10 minutes of next session",
	"follow_up.when": "TODO: when",
	"agreement":      "TODO: status agreed or declined; understood: true if the client understood it,\nrestated: true only if they said it back in their own words; questions they asked",
	"barriers":       "Common barriers from the template; TODO: keep those discussed, each with its plan",
	"worksheet":      "The handout used",
}

// draft encodes v as YAML under the comment head, with the comment todo[path]
// above each field at that path.
func draft(head string, v any, todo map[string]string) ([]byte, error) {
	var buf bytes.Buffer
	if err := hwyaml.Encode(&buf, v); err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(buf.Bytes(), &doc); err != nil {
		return nil, fmt.Errorf("draft: %w", err)
	}
	annotate(doc.Content[0], todo)
	var out bytes.Buffer
	out.WriteString(head)
	out.WriteString("\n")
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, fmt.Errorf("draft: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("draft: %w", err)
	}
	return out.Bytes(), nil
}

// annotate adds the TODO comments to an encoded record.
func annotate(root *yaml.Node, todo map[string]string) {
	var walk func(n *yaml.Node, prefix string)
	walk = func(n *yaml.Node, prefix string) {
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			path := prefix + k.Value
			if c := todo[path]; c != "" {
				k.HeadComment = c
			}
			walk(v, path+".")
		}
	}
	walk(root, "")
}

// kindFor maps a template's topics to a homework kind; zero when none fits.
func kindFor(m worksheet.Meta) homework.Kind {
	var k homework.Kind
	if k.UnmarshalText([]byte(m.ID)) == nil && k != 0 {
		return k
	}
	for _, t := range m.Topics {
		if k.UnmarshalText([]byte(t)) == nil && k != 0 {
			return k
		}
	}
	if m.Kind == worksheet.KindWorksheet {
		return homework.WorksheetKind
	}
	return 0
}
