package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/internal/marker"
)

// No error of "between note" repeats a client's words: the marker word,
// put in every value, as a key and in broken lines of an assignment and
// of a review, never reaches stderr.
func TestNoteNeverPrintsClientWords(t *testing.T) {
	a, r := notesCase("mood-journal.assignment.yaml"), notesCase("mood-journal.review.yaml")
	for _, tc := range []struct {
		file string
		args func(p string) []string
	}{
		{a, func(p string) []string { return []string{"note", p} }},
		{r, func(p string) []string { return []string{"note", a, "--review", p} }},
	} {
		src, err := os.ReadFile(tc.file)
		require.NoError(t, err)
		variants, err := marker.Variants(src)
		require.NoError(t, err)
		dir := t.TempDir()
		failed := 0
		for i, v := range variants {
			p := filepath.Join(dir, fmt.Sprintf("v%d.yaml", i))
			require.NoError(t, os.WriteFile(p, v.Src, 0o644))
			out, errOut, code := runCLI(t, tc.args(p)...)
			if code != 0 {
				failed++
				assert.Empty(t, out, "%s: nothing is written on failure", v.Name)
			}
			require.NotContains(t, strings.ToUpper(errOut), marker.Word, "%s: %s", tc.file, v.Name)
		}
		t.Logf("%s: %d variants, %d refused", tc.file, len(variants), failed)
		assert.Greater(t, failed, len(variants)/3)
	}
}
