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
// name is used in error messages only.
func DecodeAssignment(name string, r io.Reader) (*homework.Assignment, error) {
	var a homework.Assignment
	if err := decode(name, r, &a); err != nil {
		return nil, err
	}
	if err := a.Validate(); err != nil {
		return nil, fmt.Errorf("hwyaml: %s: %w", name, err)
	}
	return &a, nil
}

// DecodeReview reads one YAML document holding a [homework.Review].
func DecodeReview(name string, r io.Reader) (*homework.Review, error) {
	var rv homework.Review
	if err := decode(name, r, &rv); err != nil {
		return nil, err
	}
	if err := rv.Validate(); err != nil {
		return nil, fmt.Errorf("hwyaml: %s: %w", name, err)
	}
	return &rv, nil
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
// then decodes strictly into out.
func decode(name string, r io.Reader, out any) error {
	src, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("hwyaml: %s: %w", name, err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return convert(name, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return fmt.Errorf("hwyaml: %s: empty document", name)
	}
	if err := checkText(name, doc.Content[0], reflect.TypeOf(out).Elem(), 0); err != nil {
		return err
	}
	d := yaml.NewDecoder(bytes.NewReader(src))
	d.KnownFields(true)
	if err := d.Decode(out); err != nil {
		return convert(name, err)
	}
	return nil
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
