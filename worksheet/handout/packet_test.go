package handout_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/internal/needtool"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/handout"
)

// pdfText returns the text of each page of a PDF, by pdftotext.
func pdfText(t *testing.T, doc []byte) []string {
	t.Helper()
	pdftotext := needtool.Path(t, "pdftotext", "apt-get install poppler-utils")
	name := filepath.Join(t.TempDir(), "doc.pdf")
	require.NoError(t, os.WriteFile(name, doc, 0o600))
	out, err := exec.Command(pdftotext, "-layout", name, "-").Output()
	require.NoError(t, err, "pdftotext reads the file")
	pages := strings.Split(string(out), "\f")
	if pages[len(pages)-1] == "" || strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// TestPacketPDF checks that a packet holds every page of each handout's
// own PDF, in order, personalised, and nothing else.
func TestPacketPDF(t *testing.T) {
	r, err := handout.New(handout.Options{})
	require.NoError(t, err)
	ctx := context.Background()
	es := language.MustParse("es-US")
	ids := []string{"sleep-routine", "mood-journal", "thought-record"}
	params := map[string]string{"wake_time": "6:45"}
	var want []string
	var reqs []handout.Request
	for _, id := range ids {
		req := handout.Request{ID: id, Lang: es, Variant: worksheet.LargePrint, Format: handout.PDF, Params: params}
		if id != "sleep-routine" {
			req.Params = nil // the others have no wake_time
		}
		var one bytes.Buffer
		require.NoError(t, r.Render(ctx, &one, req))
		want = append(want, pdfText(t, one.Bytes())...)
		req.Params = params
		reqs = append(reqs, req)
	}
	var packet bytes.Buffer
	require.NoError(t, r.RenderPacket(ctx, &packet, handout.PDF, reqs...))
	got := pdfText(t, packet.Bytes())
	require.Len(t, got, len(want), "the packet has the pages of the three handouts")
	assert.Equal(t, want, got, "page for page, the text of the handouts' own PDFs")
	assert.Contains(t, got[0], "Mi rutina de sueño")
	assert.Contains(t, got[0], "6:45", "personalised")
	titles := regexp.MustCompile(`(Mi rutina de sueño|Diario del estado de ánimo|Registro de pensamientos) · Página 1 de`)
	var order []string
	for _, p := range got {
		if m := titles.FindStringSubmatch(p); m != nil {
			order = append(order, m[1])
		}
	}
	assert.Equal(t, []string{"Mi rutina de sueño", "Diario del estado de ánimo", "Registro de pensamientos"}, order, "in the order given")

	qpdf := needtool.Path(t, "qpdf", "apt-get install qpdf")
	name := filepath.Join(t.TempDir(), "packet.pdf")
	require.NoError(t, os.WriteFile(name, packet.Bytes(), 0o600))
	out, err := exec.Command(qpdf, "--check", name).CombinedOutput()
	require.NoError(t, err, "qpdf --check: %s", out)
	info, err := exec.Command(needtool.Path(t, "pdfinfo", "apt-get install poppler-utils"), name).Output()
	require.NoError(t, err)
	assert.Contains(t, string(info), "Paquete de hojas: 3 hojas", "the title")
	assert.Contains(t, string(info), "Pages:           "+strconv.Itoa(len(want)))
}

// TestPacketHTML checks the packet page: every handout once, in order,
// with ids that do not clash, a list of contents, and a page break before
// each handout but the first when printed.
func TestPacketHTML(t *testing.T) {
	r, err := handout.New(handout.Options{})
	require.NoError(t, err)
	var b bytes.Buffer
	reqs := []handout.Request{
		{ID: "mood-journal", Lang: language.English},
		{ID: "sleep-routine", Lang: language.English, Params: map[string]string{"wind_down_time": "9:30 pm"}},
	}
	require.NoError(t, r.RenderPacket(context.Background(), &b, handout.HTML, reqs...))
	page := b.String()
	assert.Contains(t, page, "<title>Handout packet: 2 handouts</title>")
	assert.Regexp(t, `(?s)<ol>\s*<li><a href="#h1">Mood Journal</a></li>\s*<li><a href="#h2">My Sleep Routine</a></li>`, page)
	assert.Regexp(t, `(?s)<section class="packet-item" id="h1".*<h1>Mood Journal</h1>.*<section class="packet-item" id="h2".*<h1>My Sleep Routine</h1>`, page)
	assert.Contains(t, page, "9:30 pm", "personalised")
	assert.Contains(t, page, "break-before: page")
	assert.Equal(t, 1, strings.Count(page, "<script"), "one script, the handout script, inline")
	assert.True(t, strings.Contains(page, "<script>"+worksheet.HTMLScript()+"</script>"), "the handout script, unchanged")
	assert.Equal(t, 1, strings.Count(page, `class="answer-bar"`), "one Print, Save and Open bar for the whole packet")
	ids := map[string]int{}
	for _, m := range regexp.MustCompile(`\sid="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		ids[m[1]]++
	}
	for id, n := range ids {
		assert.Equal(t, 1, n, "id %q is used once", id)
	}
	assert.Greater(t, len(ids), 10)
}

func TestPacketRefuses(t *testing.T) {
	r, err := handout.New(handout.Options{})
	require.NoError(t, err)
	ctx := context.Background()
	one := handout.Request{ID: "sleep-routine"}
	tests := []struct {
		name   string
		format handout.Format
		reqs   []handout.Request
		is     error
		want   string
	}{
		{"none", handout.PDF, nil, handout.ErrPacket, "no handouts"},
		{"json", handout.JSON, []handout.Request{one}, handout.ErrPacket, "not json"},
		{"twice", handout.HTML, []handout.Request{one, {ID: "mood-journal"}, one}, handout.ErrPacket, `"sleep-routine" is in it twice`},
		{"too many", handout.HTML, make([]handout.Request, handout.MaxPacket+1), handout.ErrPacket, "at most"},
		{"unknown id", handout.PDF, []handout.Request{one, {ID: "nope"}}, handout.ErrNotFound, `"nope"`},
		{"param no handout has", handout.PDF, []handout.Request{{ID: "sleep-routine", Params: map[string]string{"wake_tme": "SECRET-VALUE"}}, {ID: "mood-journal", Params: map[string]string{"wake_tme": "SECRET-VALUE"}}}, handout.ErrParam, `"wake_tme"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := r.RenderPacket(ctx, &b, tt.format, tt.reqs...)
			require.ErrorIs(t, err, tt.is)
			assert.Contains(t, err.Error(), tt.want)
			assert.NotContains(t, err.Error(), "SECRET-VALUE")
			assert.Zero(t, b.Len(), "nothing written")
		})
	}
}
