package lint

import (
	"github.com/betweensessions/between/internal/frontmatter"
	"github.com/betweensessions/between/internal/yamlpos"
)

// lazyFront reads the front matter of src on first use, for the positions
// of its keys: most files need none, and reading the YAML again is a
// quarter of a lint.
type lazyFront struct {
	src []byte
	doc *yamlpos.Doc
}

// pos returns the file position of the key of the first of keys that the
// front matter has (top-level keys by name, "title"; nested ones dotted,
// "readability.reason"), or line 1 (the opening "---") when it has none
// of them. It is called only on files that parsed.
func (l *lazyFront) pos(keys ...string) (line, col int) {
	if l.doc == nil {
		front, _, _, err := frontmatter.Split(l.src)
		if err != nil {
			front = nil
		}
		l.doc, _ = yamlpos.File{Line: 2}.Parse(front)
	}
	for _, k := range keys {
		if p, ok := l.doc.Key(k); ok {
			return p.Line, p.Col
		}
	}
	return 1, 0
}
