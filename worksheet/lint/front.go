package lint

import (
	"go.yaml.in/yaml/v3"

	"github.com/betweensessions/between/internal/frontmatter"
)

// frontMap holds the file position of each front matter key, top-level
// keys by name ("title") and keys of nested mappings by dotted name
// ("readability.reason").
type frontMap map[string][2]int

// lazyFront reads the front matter positions of src on first use: most
// files need none, and reading the YAML again is a quarter of a lint.
type lazyFront struct {
	src []byte
	m   frontMap
}

// get returns the positions, reading them the first time.
func (l *lazyFront) get() frontMap {
	if l.m == nil {
		l.m = frontPositions(l.src)
	}
	return l.m
}

// pos is frontMap.pos on the positions.
func (l *lazyFront) pos(keys ...string) (line, col int) { return l.get().pos(keys...) }

// frontPositions reads the key positions of src's front matter. It is
// called only on files that parsed, so a failure leaves the map empty.
func frontPositions(src []byte) frontMap {
	m := frontMap{}
	front, _, _, err := frontmatter.Split(src)
	if err != nil {
		return m
	}
	var doc yaml.Node
	if yaml.Unmarshal(front, &doc) != nil || len(doc.Content) == 0 {
		return m
	}
	m.walk(doc.Content[0], "")
	return m
}

// walk records the keys of the mapping n, and of mappings nested in it.
func (m frontMap) walk(n *yaml.Node, prefix string) {
	if n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		// Line 1 of the front matter is line 2 of the file.
		m[prefix+k.Value] = [2]int{k.Line + 1, k.Column}
		m.walk(n.Content[i+1], prefix+k.Value+".")
	}
}

// pos returns the position of the first of keys that the front matter
// has, or line 1 (the opening "---") when it has none of them.
func (m frontMap) pos(keys ...string) (line, col int) {
	for _, k := range keys {
		if p, ok := m[k]; ok {
			return p[0], p[1]
		}
	}
	return 1, 0
}
