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
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// runNewAssignment implements "between new-assignment": a YAML assignment
// pre-filled from a template's clinician notes, for the clinician to edit.
func runNewAssignment(_ context.Context, e *env, args []string) error {
	fset := flag.NewFlagSet("new-assignment", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	id := fset.String("template", "", "the template `id`, e.g. sleep-routine (see between list)")
	lang := fset.String("lang", "en", "the template's `language`, e.g. es")
	fset.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: between new-assignment --template ID [--lang es]")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Prints a YAML assignment whose rationale, follow-up and barriers come from")
		fmt.Fprintln(e.stderr, "the template's clinician notes. Fill in every TODO, then run between note.")
		fmt.Fprintln(e.stderr)
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageErrorf("%v", err)
	}
	if fset.NArg() > 0 || *id == "" {
		return usageErrorf("new-assignment needs --template ID and no other arguments")
	}
	tag, err := language.Parse(*lang)
	if err != nil {
		return usageErrorf("--lang: %q is not a language tag", *lang)
	}
	out, err := newAssignment(templates.FS(), *id, tag)
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(out)
	return err
}

// newAssignment returns the YAML of an assignment pre-filled from template
// id in language tag (falling back to English), with TODO comments on
// every field the clinician must fill.
func newAssignment(fsys fs.FS, id string, tag language.Tag) ([]byte, error) {
	if strings.ContainsAny(id, `/\.`) {
		return nil, usageErrorf("--template: %q is not a template id", id)
	}
	base, _ := tag.Base()
	name := id + "/" + base.String() + ".md"
	if _, err := fs.Stat(fsys, name); err != nil {
		name = id + "/en.md"
	}
	if _, err := fs.Stat(fsys, name); err != nil {
		return nil, fmt.Errorf("no template %q (run between list)", id)
	}
	ws, err := worksheet.NewParser().ParseFS(fsys, name)
	if err != nil {
		return nil, err
	}
	cl := ws.Meta.Clinician
	a := homework.Assignment{
		Task: homework.Task{
			Kind:      kindFor(ws.Meta),
			Frequency: ws.Meta.Frequency,
			Material:  ws.Meta.Title,
			Minutes:   ws.Meta.Minutes,
		},
		Rationale: strings.Join(strings.Fields(cl.Rationale), " "),
		FollowUp:  homework.FollowUp{How: strings.Join(strings.Fields(cl.FollowUp), " ")},
		Worksheet: &homework.WorksheetRef{Template: ws.Meta.ID, Language: ws.Lang.String()},
	}
	for _, b := range cl.Barriers {
		a.Barriers = append(a.Barriers, homework.Barrier{Concern: b.Barrier, Plan: b.Plan})
	}
	var buf bytes.Buffer
	if err := hwyaml.Encode(&buf, &a); err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(buf.Bytes(), &doc); err != nil {
		return nil, fmt.Errorf("new-assignment: %w", err)
	}
	annotate(doc.Content[0])
	var out bytes.Buffer
	fmt.Fprintf(&out, "# Homework assignment drafted from the template %q (%s).\n", ws.Meta.ID, ws.Path)
	out.WriteString("# Fill in every TODO, keep only the barriers you discussed with the client,\n")
	out.WriteString("# then run: between note --check this.yaml\n")
	if len(cl.Adaptations) > 0 {
		out.WriteString("#\n# Adaptations the template suggests; record any you use under\n# adaptations:, each with its reason:\n")
		for _, s := range cl.Adaptations {
			out.WriteString("#   - " + strings.Join(strings.Fields(s), " ") + "\n")
		}
	}
	out.WriteString("\n")
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, fmt.Errorf("new-assignment: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("new-assignment: %w", err)
	}
	return out.Bytes(), nil
}

// todo holds the comment for each field the clinician fills in.
var todo = map[string]string{
	"task.what":      "TODO: what exactly, e.g. rate mood from 1 to 10",
	"task.frequency": "TODO: check how often",
	"task.when":      "TODO: when or after what, e.g. at bedtime",
	"task.material":  "TODO: the material given, e.g. the printed handout",
	"rationale":      "From the template; TODO: make it specific to this client",
	"method":         "TODO: channel (paper, large-print-paper, sms, ...) and why it fits the client's life",
	"follow_up":      "From the template; TODO: when it will be reviewed, e.g. first 10 minutes of next session",
	"agreement":      "TODO: status agreed or declined; understood: true once the client said it back",
	"barriers":       "Common barriers from the template; TODO: keep those discussed, each with its plan",
	"worksheet":      "The handout used",
	"task":           "TODO: make the task specific",
	"follow_up.when": "TODO: when",
}

// annotate adds the TODO comments to the encoded assignment.
func annotate(root *yaml.Node) {
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
