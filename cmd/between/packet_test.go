package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/internal/needtool"
)

func TestRenderPacket(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "packet.pdf")
	stdout, stderr, code := runCLI(t, "render", "--packet", "sleep-routine, mood-journal", "--lang", "es", "--param", "wake_time=6:45", "-o", pdf)
	require.Equal(t, 0, code, "stderr: %s", stderr)
	assert.Contains(t, stdout, "wrote "+pdf+" (sleep-routine, mood-journal, es, pdf)")
	fi, err := os.Stat(pdf)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "a packet holds a client's details: owner only")
	text, err := exec.Command(needtool.Path(t, "pdftotext", "apt-get install poppler-utils"), pdf, "-").Output()
	require.NoError(t, err)
	s := string(text)
	assert.Less(t, strings.Index(s, "Mi rutina de sueño"), strings.Index(s, "Diario del estado de ánimo"), "both, in order")
	assert.Contains(t, s, "6:45")

	html := filepath.Join(dir, "packet.html")
	_, stderr, code = runCLI(t, "render", "--packet", "mood-journal,sleep-routine", "--large-print", "-o", html)
	require.Equal(t, 0, code, "stderr: %s", stderr)
	page, err := os.ReadFile(html)
	require.NoError(t, err)
	assert.Contains(t, string(page), `<body class="large-print">`)
	assert.Contains(t, string(page), "Handout packet: 2 handouts")

	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"render", "--packet", "sleep-routine", "mood-journal"}, 2, "takes its ids in the flag"},
		{[]string{"render", "--packet", " , "}, 2, "--packet needs handout ids"},
		{[]string{"render", "--packet", "sleep-routine", "--format", "json"}, 2, "not JSON"},
		{[]string{"render", "--packet", "sleep-routine,nope", "-o", pdf}, 1, `no such handout: "nope"`},
		{[]string{"render", "--packet", "sleep-routine,mood-journal", "--param", "wake=SECRET", "-o", pdf}, 1, `no handout of the packet has a param "wake"`},
	} {
		_, stderr, code := runCLI(t, tt.args...)
		assert.Equal(t, tt.code, code, "%v: %s", tt.args, stderr)
		assert.Contains(t, stderr, tt.want, "%v", tt.args)
		assert.NotContains(t, stderr, "SECRET")
	}
}
