// Package marker makes variants of a YAML record with a marker word in
// every place a client's words could be — each value, a new key, a line of
// free text, a broken line — for tests that assert the marker never
// reaches an error message or the CLI's stderr: errors name fields, lines
// and files, never a client's words.
package marker

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Word is the marker. It is not close to any field name, so no "did you
// mean" hint can explain its presence in a message.
const Word = "ZQXMARKER"

// sentence is a client's sentence holding the marker.
const sentence = "I told " + Word + " my sister I felt awful"

// Variant is one changed record.
type Variant struct {
	// Name says what was changed, for test names.
	Name string
	Src  []byte
}

// Variants returns the variants of the YAML record src: the marker
// sentence as each scalar value in turn, as a new key of each mapping
// (both as a sentence and as one word), and, line by line, the line
// replaced by the sentence, followed by a sentence that breaks the YAML
// syntax, given an unclosed quote, indented with a tab, made an alias,
// and repeated as a duplicate key with the marker as its value.
func Variants(src []byte) ([]Variant, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	var out []Variant
	var nodes []*yaml.Node
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		nodes = append(nodes, n)
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	for i, n := range nodes {
		switch n.Kind {
		case yaml.ScalarNode:
			saved := *n
			n.Value, n.Tag, n.Style = sentence, "!!str", 0
			out = appendDoc(out, fmt.Sprintf("scalar %d (line %d)", i, n.Line), &doc)
			*n = saved
		case yaml.MappingNode:
			for _, key := range []string{sentence, strings.ToLower(Word)} {
				saved := n.Content
				n.Content = append(append([]*yaml.Node(nil), n.Content...),
					&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key},
					&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: sentence})
				out = appendDoc(out, fmt.Sprintf("key %q in the mapping on line %d", key[:4], n.Line), &doc)
				n.Content = saved
			}
		}
	}
	lines := strings.Split(strings.TrimSuffix(string(src), "\n"), "\n")
	for i, l := range lines {
		indent := l[:len(l)-len(strings.TrimLeft(l, " -"))]
		key, _, hasKey := strings.Cut(strings.TrimLeft(l, " -"), ":")
		for _, v := range []struct{ name, text string }{
			{"replaced by a sentence", indent + sentence},
			{"a sentence that breaks the syntax", l + "\n" + indent + sentence + ": so: much"},
			{"an unclosed quote", l + "\n" + indent + "x: \"" + sentence},
			{"a tab", l + "\n\t" + sentence},
			{"an alias", l + "\n" + indent + "x: *" + Word},
			{"an anchor and an alias", indent + "x: &" + Word + " " + sentence + "\n" + indent + "y: *" + Word},
			{"a sentence in flow", indent + "x: [" + sentence + ", {" + sentence + "}"},
		} {
			out = append(out, Variant{fmt.Sprintf("line %d: %s", i+1, v.name), join(lines, i, v.text)})
		}
		if hasKey && strings.TrimSpace(key) != "" {
			dup := l + "\n" + l[:strings.Index(l, ":")] + ": " + sentence
			out = append(out, Variant{fmt.Sprintf("line %d: a duplicate key", i+1), join(lines, i, dup)})
		}
	}
	return out, nil
}

// appendDoc appends doc, encoded, as a variant.
func appendDoc(out []Variant, name string, doc *yaml.Node) []Variant {
	var b bytes.Buffer
	e := yaml.NewEncoder(&b)
	e.SetIndent(2)
	if e.Encode(doc) != nil || e.Close() != nil {
		return out
	}
	return append(out, Variant{name, b.Bytes()})
}

// join returns lines with line i replaced by text.
func join(lines []string, i int, text string) []byte {
	c := append([]string(nil), lines...)
	c[i] = text
	return []byte(strings.Join(c, "\n") + "\n")
}
