package worksheet_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/worksheet"
)

// TestZeroParser checks that the zero Parser works, as
// go/doc/comment.Parser does, and that its first use from many goroutines
// at once sets up one Markdown parser that all of them share safely.
func TestZeroParser(t *testing.T) {
	const src = "---\nid: walk\ntitle: A walk\nsummary: Go out.\nkind: plan\n---\n\n# Walk\n\n- [ ] Put on shoes\n\n::: lines 2\n"
	var p worksheet.Parser
	var wg sync.WaitGroup
	results := make([]*worksheet.Worksheet, 8)
	for i := range results {
		wg.Go(func() {
			ws, err := p.Parse("walk/en.md", []byte(src))
			assert.NoError(t, err)
			results[i] = ws
		})
	}
	wg.Wait()
	want, err := worksheet.NewParser().Parse("walk/en.md", []byte(src))
	require.NoError(t, err)
	for _, ws := range results {
		assert.Equal(t, want, ws, "the zero Parser parses as NewParser's does")
	}
}
