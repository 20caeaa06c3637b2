package worksheet_test

import (
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/internal/safefs"
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

// TestParseFSRefusesSpecialFiles checks that ParseFS, like the template
// library, refuses a FIFO named like a template at once instead of
// blocking on it.
func TestParseFSRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "walk"), 0o755))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "walk", "en.md"), 0o644))
	done := make(chan error, 1)
	go func() {
		_, err := worksheet.NewParser().ParseFS(os.DirFS(dir), "walk/en.md")
		done <- err
	}()
	select {
	case err := <-done:
		require.ErrorIs(t, err, safefs.ErrNotRegular)
	case <-time.After(5 * time.Second):
		t.Fatal("ParseFS blocked on a FIFO")
	}
}
