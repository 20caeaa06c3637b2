package hwyaml

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/betweensessions/between/homework"
	"go.yaml.in/yaml/v3"
)

// DecodeAssignment reads one YAML document holding a [homework.Assignment].
// name is used in error messages only. Besides syntax errors, unknown fields
// and wrong types, it rejects impossible values ([homework.RuleInvalid]),
// each reported as "name:line: field: problem".
func DecodeAssignment(name string, r io.Reader) (*homework.Assignment, error) {
	var a homework.Assignment
	root, err := decode(name, r, &a)
	if err != nil {
		return nil, err
	}
	if err := invalid(name, root, a.Check()); err != nil {
		return nil, err
	}
	return &a, nil
}

// DecodeReview reads one YAML document holding a [homework.Review], with the
// same checks as [DecodeAssignment] (7 of 5 days, a PHQ-9 with 8 items).
func DecodeReview(name string, r io.Reader) (*homework.Review, error) {
	var rv homework.Review
	root, err := decode(name, r, &rv)
	if err != nil {
		return nil, err
	}
	if err := invalid(name, root, rv.Check()); err != nil {
		return nil, err
	}
	return &rv, nil
}

// invalid turns the impossible values among f into one error per value,
// each with the line of the field in the document root.
func invalid(name string, root *yaml.Node, f homework.Findings) error {
	var errs []error
	for _, v := range f.Violations {
		if v.Rule == homework.RuleInvalid {
			errs = append(errs, fmt.Errorf("hwyaml: %s:%d: %s: %s", name, lineOf(root, v.Field), v.Field, v.Detail))
		}
	}
	return errors.Join(errs...)
}

// lineOf returns the line of the YAML node at a field path such as
// "measures[0]" or "method.safeguards[1].channel", or of the deepest part
// of the path that exists.
func lineOf(n *yaml.Node, path string) int {
	line := n.Line
	for _, part := range strings.Split(path, ".") {
		key, idx := part, -1
		if i := strings.IndexByte(part, '['); i >= 0 && strings.HasSuffix(part, "]") {
			key = part[:i]
			idx, _ = strconv.Atoi(part[i+1 : len(part)-1])
		}
		next := mapValue(n, key)
		if next == nil {
			return line
		}
		n, line = next, next.Line
		if idx >= 0 {
			if n.Kind != yaml.SequenceNode || idx >= len(n.Content) {
				return line
			}
			n, line = n.Content[idx], n.Content[idx].Line
		}
	}
	return line
}

// mapValue returns the value of key in mapping node n, or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
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

// decode reads the whole input, checks enum values with their line numbers,
// then decodes strictly into out. It returns the document's root node.
func decode(name string, r io.Reader, out any) (*yaml.Node, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("hwyaml: %s: %w", name, err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, convert(name, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, fmt.Errorf("hwyaml: %s: empty document", name)
	}
	root := doc.Content[0]
	if err := checkText(name, root, reflect.TypeOf(out).Elem(), 0); err != nil {
		return nil, err
	}
	d := yaml.NewDecoder(bytes.NewReader(src))
	d.KnownFields(true)
	if err := d.Decode(out); err != nil {
		return nil, convert(name, err)
	}
	return root, nil
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// maxDepth bounds the walk in checkText; deeper input is left to the decoder.
const maxDepth = 32

// checkText walks n alongside the Go type t and tries every scalar that t
// decodes through UnmarshalText, so a bad enum value is reported with its
// line (the YAML decoder reports those without one). Fields the type does not
// have are skipped here and reported by the decoder. Aliases are not
// followed.
func checkText(name string, n *yaml.Node, t reflect.Type, depth int) error {
	if depth > maxDepth {
		return nil
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
			return nil
		}
		u := reflect.New(t).Interface().(encoding.TextUnmarshaler)
		if err := u.UnmarshalText([]byte(n.Value)); err != nil {
			return fmt.Errorf("hwyaml: %s:%d: %w", name, n.Line, err)
		}
		return nil
	}
	switch {
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			f, ok := fieldByTag(t, n.Content[i].Value)
			if !ok {
				continue
			}
			if err := checkText(name, n.Content[i+1], f.Type, depth+1); err != nil {
				return err
			}
		}
	case (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && n.Kind == yaml.SequenceNode:
		for _, c := range n.Content {
			if err := checkText(name, c, t.Elem(), depth+1); err != nil {
				return err
			}
		}
	case t.Kind() == reflect.Map && n.Kind == yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			if err := checkText(name, n.Content[i], t.Elem(), depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// fieldByTag returns the field of struct type t whose yaml tag name is key.
func fieldByTag(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if tag == key && tag != "" && tag != "-" {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

var (
	// lineMsg matches the "line N: message" form of yaml.v3's messages.
	lineMsg = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	// quoted matches a value yaml.v3 quotes in backticks, e.g.
	// "cannot unmarshal !!str `seven` into int".
	quoted = regexp.MustCompile("`[^`]*`")
)

// convert turns a yaml.v3 error into one or more "hwyaml: name:line: msg"
// errors, with any quoted input value removed.
func convert(name string, err error) error {
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("hwyaml: %s: empty document", name)
	}
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	errs := make([]error, 0, len(msgs))
	for _, m := range msgs {
		m = quoted.ReplaceAllString(m, "value")
		if sm := lineMsg.FindStringSubmatch(m); sm != nil {
			line, _ := strconv.Atoi(sm[1])
			errs = append(errs, fmt.Errorf("hwyaml: %s:%d: %s", name, line, sm[2]))
			continue
		}
		errs = append(errs, fmt.Errorf("hwyaml: %s: %s", name, strings.TrimPrefix(m, "yaml: ")))
	}
	return errors.Join(errs...)
}
