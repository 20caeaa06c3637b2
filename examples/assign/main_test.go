package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out))
	assert.Equal(t, `end-of-session checklist: complete
same assignment without a rationale: incomplete
  missing rationale ([rationale])
completion: 6 of 7 days (86%)
next-session checklist: complete
`, out.String())
}
