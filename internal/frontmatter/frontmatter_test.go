package frontmatter

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name, src, front, body string
		line                   int
		err                    error
	}{
		{name: "basic", src: "---\nid: a\n---\n# Hi\n", front: "id: a\n", body: "# Hi\n", line: 4},
		{name: "crlf", src: "---\r\nid: a\r\ntitle: b\r\n---\r\nbody", front: "id: a\r\ntitle: b\r\n", body: "body", line: 5},
		{name: "bom", src: "\xef\xbb\xbf---\nid: a\n---\n", front: "id: a\n", body: "", line: 4},
		{name: "empty front", src: "---\n---\nx", front: "", body: "x", line: 3},
		{name: "no front", src: "# Hi\n", err: ErrNoFrontMatter},
		{name: "empty file", src: "", err: ErrNoFrontMatter},
		{name: "unclosed", src: "---\nid: a\n", err: ErrUnclosed},
		{name: "delimiter only", src: "---", err: ErrUnclosed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			front, body, line, err := Split([]byte(tt.src))
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.front, string(front))
			assert.Equal(t, tt.body, string(body))
			assert.Equal(t, tt.line, line)
		})
	}
}

func FuzzSplit(f *testing.F) {
	f.Add([]byte("---\nid: a\n---\nbody"))
	f.Add([]byte("---\r\n---\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		front, body, line, err := Split(src)
		if err == nil && (line < 3 || len(front)+len(body) > len(src)) {
			t.Fatalf("inconsistent split: line %d", line)
		}
	})
}
