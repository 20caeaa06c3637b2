package main

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"testing"

	"github.com/betweensessions/between/internal/needtool"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	var out, pdf bytes.Buffer
	require.NoError(t, run(context.Background(), &out, &pdf))
	got := out.String()
	note := lineStarting(t, got, "note: ")
	assert.Equal(t, `end-of-session checklist: complete
same assignment without a rationale: incomplete
  missing rationale ([rationale])
handout: mood-journal, en, large-print PDF
`+note+`
completion: 6 of 7 days (86%)
next-session checklist: complete
`, got)
	assert.True(t, strings.HasPrefix(note, "note: Assigned mood rating 1–10 daily at bedtime"), note)
	assert.Contains(t, note, "to identify patterns between sleep and mood")
	assert.True(t, bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")), "the handout is a PDF")
}

// lineStarting returns the line of s that starts with prefix.
func lineStarting(t *testing.T, s, prefix string) string {
	t.Helper()
	for line := range strings.SplitSeq(s, "\n") {
		if strings.HasPrefix(line, prefix) {
			return line
		}
	}
	t.Fatalf("no line starting %q in:\n%s", prefix, s)
	return ""
}

// TestHandoutText reads the PDF back the way a user's tools do.
func TestHandoutText(t *testing.T) {
	needtool.Path(t, "pdftotext", "apt-get install poppler-utils")
	var out, pdf bytes.Buffer
	require.NoError(t, run(context.Background(), &out, &pdf))
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = &pdf
	text, err := cmd.Output()
	require.NoError(t, err)
	assert.Contains(t, string(text), "Mood Journal")
}
