package yamlpos

import (
	"encoding"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/betweensessions/between/diag"
)

// MaxNumber bounds every number decoded, either way from 0: no count,
// minute, part or score a person writes needs more, and a bound here
// keeps a mistyped 9223372036854775807 from reaching the arithmetic of the
// packages that use it. Those packages check tighter ranges of their own.
const MaxNumber = 1_000_000_000

// maxDepth bounds the walk beside the Go type; a Go type nests only a few
// levels, so deeper YAML is a mistake reported at its first level.
const maxDepth = 64

// Decode decodes the document strictly into out, a non-nil pointer to a
// struct, and reports every mistake with its position: an unknown or
// duplicate key, a value of the wrong type or out of range. Fields that
// decoded are set even when others did not, so that a caller can check
// what it can; the error list says what did not. An empty document leaves
// out unchanged.
func (d *Doc) Decode(out any) diag.List {
	if d.root == nil {
		return nil
	}
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		panic("yamlpos: Decode needs a non-nil pointer")
	}
	d.bad = make(map[*yaml.Node]bool)
	d.walk(d.root, v.Type().Elem(), "", 0)
	// Every mistake yaml.v3 could find has been reported with its place;
	// its own error, which has no column and may quote a value, is not
	// used. Values reported are left out, so that a caller never sees a
	// value that was refused (minutes: 1e9 would decode as 1000000000).
	root := d.root
	if len(d.bad) > 0 {
		root = prune(root, d.bad)
	}
	_ = root.Decode(out)
	d.bad = nil
	return d.finish()
}

// prune returns a copy of the tree under n in which every node in bad is
// null.
func prune(n *yaml.Node, bad map[*yaml.Node]bool) *yaml.Node {
	c := *n
	if bad[n] {
		c.Kind, c.Tag, c.Value, c.Content = yaml.ScalarNode, "!!null", "", nil
		return &c
	}
	if len(n.Content) > 0 {
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, k := range n.Content {
			c.Content[i] = prune(k, bad)
		}
	}
	return &c
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	yamlUnmarshaler = reflect.TypeFor[yaml.Unmarshaler]()
)

// walk checks n against the Go type t. path is the field path of n, such
// as "method.safeguards[1]", "" for the root.
func (d *Doc) walk(n *yaml.Node, t reflect.Type, path string, depth int) {
	if n.Tag == "!!null" || depth > maxDepth {
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) || reflect.PointerTo(t).Implements(yamlUnmarshaler) {
		d.leaf(n, t, path)
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			d.wrongType(n, path, "keys with values, one a line, such as \"key: value\"")
			return
		}
		fields := structFields(t)
		d.mapping(n, path, func(k, v *yaml.Node) {
			f, ok := fields[k.Value]
			if !ok {
				d.unknown(k, path, fields)
				return
			}
			d.walk(v, f, join(path, k.Value), depth+1)
		})
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.wrongType(n, path, "keys with values")
			return
		}
		d.mapping(n, path, func(k, v *yaml.Node) {
			if k.Kind != yaml.ScalarNode {
				d.wrongType(k, path, "a key")
				return
			}
			d.leaf(k, t.Key(), path)
			d.walk(v, t.Elem(), path+"[…]", depth+1)
		})
	case reflect.Slice, reflect.Array:
		if n.Kind != yaml.SequenceNode {
			d.wrongType(n, path, "a list")
			return
		}
		if t.Kind() == reflect.Array && len(n.Content) > t.Len() {
			d.refuse(n, fmt.Sprintf("%s: at most %d items", d.name(path), t.Len()))
		}
		for i, c := range n.Content {
			d.walk(c, t.Elem(), fmt.Sprintf("%s[%d]", path, i), depth+1)
		}
	case reflect.Interface:
		// Anything goes.
	default:
		d.leaf(n, t, path)
	}
}

// mapping calls f on every key and value of the mapping n whose key is
// given once; a key given again is an error at the repeat.
func (d *Doc) mapping(n *yaml.Node, path string, f func(k, v *yaml.Node)) {
	seen := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if first, dup := seen[k.Value]; dup && k.Kind == yaml.ScalarNode {
			line, _ := d.nodePos(n.Content[first])
			what := "a key"
			if diag.IsName(k.Value) {
				what = fmt.Sprintf("key %q", k.Value)
			}
			d.errNode(k, fmt.Sprintf("%s%s is given twice; the first is on line %d", in(path), what, line+d.f.Line-1))
			continue
		}
		seen[k.Value] = i
		f(k, v)
	}
}

// in returns "path: " or "" for the root.
func in(path string) string {
	if path == "" {
		return ""
	}
	return path + ": "
}

// name returns path, or the text's name for the root.
func (d *Doc) name(path string) string {
	switch {
	case path != "":
		return path
	case d.f.Name != "":
		return d.f.Name
	}
	return "the text"
}

// join returns the field path of key under path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// unknown reports the key k, which the struct at path has no field for.
func (d *Doc) unknown(k *yaml.Node, path string, fields map[string]reflect.Type) {
	where := " in " + d.name(path)
	if k.Kind != yaml.ScalarNode {
		d.errNode(k, "a key must be a plain word"+where)
		return
	}
	near := diag.Suggest(k.Value, names(fields))
	switch {
	case diag.IsName(k.Value) && (d.f.NoClientText || near != ""):
		msg := fmt.Sprintf("unknown key %q%s", k.Value, where)
		if near != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", near)
		}
		d.errNode(k, msg)
	default:
		d.errNode(k, "an unknown key"+where+"; the known keys are "+known(fields))
	}
}

// known lists the known keys of a struct.
func known(fields map[string]reflect.Type) string {
	return strings.Join(names(fields), ", ")
}

// names returns the keys of a struct's fields, sorted.
func names(fields map[string]reflect.Type) []string {
	return slices.Sorted(maps.Keys(fields))
}

// refuse reports a value that may not be decoded, and keeps it out of the
// decoded result.
func (d *Doc) refuse(n *yaml.Node, msg string) {
	if d.bad != nil {
		d.bad[n] = true
	}
	d.errNode(n, msg)
}

// wrongType reports n, which is not what the Go type at path wants.
func (d *Doc) wrongType(n *yaml.Node, path, want string) {
	if path == "" {
		d.refuse(n, fmt.Sprintf("%s must be %s", d.name(path), want))
		return
	}
	d.refuse(n, fmt.Sprintf("%s: want %s", path, want))
}

// leaf checks a value that decodes as one piece: a scalar of a basic type,
// or a type with its own UnmarshalText or UnmarshalYAML.
func (d *Doc) leaf(n *yaml.Node, t reflect.Type, path string) {
	custom := reflect.PointerTo(t).Implements(textUnmarshaler) || reflect.PointerTo(t).Implements(yamlUnmarshaler)
	if n.Kind != yaml.ScalarNode && !(custom && reflect.PointerTo(t).Implements(yamlUnmarshaler)) {
		d.wrongType(n, path, describe(t))
		return
	}
	switch {
	case custom:
		// Use the type's own message when it does not repeat the value.
		if err := n.Decode(reflect.New(t).Interface()); err != nil {
			msg := strings.TrimPrefix(err.Error(), "yaml: ")
			if i := strings.Index(msg, ": "); i > 0 && diag.IsName(msg[:i]) {
				msg = msg[i+2:] // the package prefix, such as "homework: "
			}
			if strings.TrimSpace(n.Value) != "" && strings.Contains(msg, n.Value) || strings.Contains(msg, "`") {
				msg = "not a valid value"
			}
			d.refuse(n, fmt.Sprintf("%s: %s", d.name(path), msg))
		}
		return
	case t.Kind() == reflect.String:
		if err := n.Decode(new(string)); err != nil {
			d.wrongType(n, path, "text")
		}
		return
	case t.Kind() == reflect.Bool:
		if n.Tag != "!!bool" {
			d.wrongType(n, path, "true or false")
		}
		return
	}
	var f float64
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		var i int64
		if n.Tag != "!!int" || n.Decode(&i) != nil {
			d.wrongType(n, path, "a whole number such as 10")
			return
		}
		f = float64(i)
		if t.Kind() >= reflect.Uint && f < 0 {
			d.refuse(n, fmt.Sprintf("%s: want 0 or more", d.name(path)))
			return
		}
	case reflect.Float32, reflect.Float64:
		if (n.Tag != "!!float" && n.Tag != "!!int") || n.Decode(&f) != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			d.wrongType(n, path, "a number such as 2.5")
			return
		}
	default:
		d.wrongType(n, path, describe(t))
		return
	}
	if math.Abs(f) > MaxNumber {
		d.refuse(n, fmt.Sprintf("%s: the number is out of range; want at most %d either way from 0", d.name(path), MaxNumber))
	}
}

// describe says in words what a value of type t looks like.
func describe(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "keys with values"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "a whole number such as 10"
	case reflect.Float32, reflect.Float64:
		return "a number such as 2.5"
	case reflect.Bool:
		return "true or false"
	}
	return "a single value"
}

// structFields maps the YAML key of every field of struct type t to the
// field's type, as yaml.v3 names them: the tag's name, else the field
// name in lower case; inline structs add their fields.
func structFields(t reflect.Type) map[string]reflect.Type {
	m := make(map[string]reflect.Type, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("yaml")
		key, opts, _ := strings.Cut(tag, ",")
		if key == "-" {
			continue
		}
		if strings.Contains(","+opts+",", ",inline,") && f.Type.Kind() == reflect.Struct {
			for k, v := range structFields(f.Type) {
				m[k] = v
			}
			continue
		}
		if key == "" {
			key = strings.ToLower(f.Name)
		}
		m[key] = f.Type
	}
	return m
}

// Missing reports whether the value at path is absent, null ("~",
// "null" or nothing) or a blank string: each is a missing value.
func (d *Doc) Missing(path string) bool {
	n, exact := d.lookup(path)
	if !exact {
		return true
	}
	return n.Kind == yaml.ScalarNode && (n.Tag == "!!null" || strings.TrimSpace(n.Value) == "")
}

// Text returns the value at path when it is a single value that is not
// null, and "" otherwise.
func (d *Doc) Text(path string) string {
	n, exact := d.lookup(path)
	if !exact || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

// Value returns the file position of the value at path, such as "title"
// or "method.safeguards[1].channel". When path is absent, it returns the
// position of the deepest part of it that exists and false; for an empty
// document, line 1 of the text and column 0.
func (d *Doc) Value(path string) (diag.Position, bool) {
	n, exact := d.lookup(path)
	return d.position(n), exact
}

// Key returns the file position of the key of the value at path, and
// whether the key exists; otherwise as [Doc.Value].
func (d *Doc) Key(path string) (diag.Position, bool) {
	n, exact := d.lookupKey(path)
	return d.position(n), exact
}

// position returns the file position of n, or of the text's first line
// when n is nil.
func (d *Doc) position(n *yaml.Node) diag.Position {
	p := diag.Position{Path: d.f.Path, Line: d.f.Line}
	if n != nil {
		line, col := d.nodePos(n)
		p.Line, p.Col = line+d.f.Line-1, col
	}
	return p
}

// Error returns an error at the value at path (see [Doc.Value]) whose
// message is "path: msg".
func (d *Doc) Error(path, msg string) *diag.Error {
	p, _ := d.Value(path)
	e := &diag.Error{Pkg: d.f.Pkg, Path: p.Path, Line: p.Line, Col: p.Col, Msg: in(path) + msg}
	if d.f.NoClientText {
		if d.f.Source != nil {
			e.Quote(d.f.Source)
		} else {
			e.Quote(d.src)
		}
	}
	return e
}

// lookup returns the value node at path, or the deepest existing node on
// it and false.
func (d *Doc) lookup(path string) (*yaml.Node, bool) {
	n, _, exact := d.find(path)
	return n, exact
}

// lookupKey is lookup for the key node of the last part of path (the
// value node for a list item).
func (d *Doc) lookupKey(path string) (*yaml.Node, bool) {
	n, k, exact := d.find(path)
	if exact && k != nil {
		return k, true
	}
	return n, exact
}

// find walks path from the root and returns the node found, the key node
// it was found under (nil for a list item or the root) and whether the
// whole path exists.
func (d *Doc) find(path string) (n, key *yaml.Node, exact bool) {
	n = d.root
	if n == nil {
		return nil, nil, path == ""
	}
	if path == "" {
		return n, nil, true
	}
	for _, part := range strings.Split(path, ".") {
		name, idx := part, -1
		if i := strings.IndexByte(part, '['); i >= 0 && strings.HasSuffix(part, "]") {
			name = part[:i]
			var err error
			if idx, err = strconv.Atoi(part[i+1 : len(part)-1]); err != nil {
				return n, key, false
			}
		}
		if name != "" {
			k, v := mapEntry(n, name)
			if v == nil {
				return n, key, false
			}
			n, key = v, k
		}
		if idx >= 0 {
			if n.Kind != yaml.SequenceNode || idx >= len(n.Content) {
				return n, key, false
			}
			n, key = n.Content[idx], nil
		}
	}
	return n, key, true
}

// mapEntry returns the key and value nodes of key in the mapping n, or
// nils.
func mapEntry(n *yaml.Node, key string) (k, v *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i], n.Content[i+1]
		}
	}
	return nil, nil
}
