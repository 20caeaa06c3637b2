package pdf

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/betweensessions/between/worksheet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden layout files in testdata/golden")

// dump writes the laid-out pages as text, one operation a line, so that a
// change in layout shows up as a readable diff.
func dump(st *state, doc *document) string {
	var b strings.Builder
	kinds := [...]string{"text", "line", "rect", "fill", "oval", "link", "logo"}
	for i, page := range doc.pages {
		fmt.Fprintf(&b, "page %d of %d (%s)\n", i+1, len(doc.pages), st.pageLabel(i+1, len(doc.pages)))
		for _, o := range page {
			fmt.Fprintf(&b, "  %-4s x=%.1f y=%.1f", kinds[o.kind], o.x, o.y)
			switch o.kind {
			case opText:
				fmt.Fprintf(&b, " w=%.1f %s %.0fpt %q", o.w, faceNames[o.face], o.size, o.text)
			case opLink:
				fmt.Fprintf(&b, " w=%.1f h=%.1f %s", o.w, o.h, o.text)
			default:
				fmt.Fprintf(&b, " w=%.1f h=%.1f", o.w, o.h)
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestLayoutGolden(t *testing.T) {
	src, err := os.ReadFile("testdata/coping-plan.md")
	require.NoError(t, err)
	ws, err := worksheet.NewParser().Parse("coping-plan/en.md", src)
	require.NoError(t, err)
	r, err := New(Options{})
	require.NoError(t, err)
	for _, v := range worksheet.Variants() {
		t.Run(v.String(), func(t *testing.T) {
			st, err := r.newState(ws, RenderOptions{Variant: v, Params: map[string]string{"support_person": "Sam"}})
			require.NoError(t, err)
			doc, err := st.layout(context.Background())
			require.NoError(t, err)
			got := dump(st, doc)
			path := filepath.Join("testdata", "golden", "coping-plan."+v.String()+".txt")
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update to create the golden file")
			assert.Equal(t, string(want), got, "layout changed; if on purpose, run go test -update")
		})
	}
}

func TestKeepRules(t *testing.T) {
	r, err := New(Options{})
	require.NoError(t, err)
	long := strings.Repeat("Every word of this paragraph runs on and on to fill some lines. ", 8)
	var body []worksheet.Block
	for i := range 12 {
		body = append(body, &worksheet.Heading{Level: 2, Content: []worksheet.Inline{&worksheet.Text{Text: fmt.Sprintf("Heading %d", i)}}},
			&worksheet.Paragraph{Content: []worksheet.Inline{&worksheet.Text{Text: long}}})
	}
	ws := &worksheet.Worksheet{Path: "k/en.md", Body: body}
	for _, v := range worksheet.Variants() {
		st, err := r.newState(ws, RenderOptions{Variant: v})
		require.NoError(t, err)
		doc, err := st.layout(context.Background())
		require.NoError(t, err)
		require.Greater(t, len(doc.pages), 1)
		for i, page := range doc.pages {
			var texts []op
			for _, o := range page {
				if o.kind == opText {
					texts = append(texts, o)
				}
			}
			require.NotEmpty(t, texts)
			last := texts[len(texts)-1]
			assert.NotEqual(t, bold, last.face, "%s page %d ends with a heading %q", v, i+1, last.text)
			if i+1 < len(doc.pages) {
				// The last two text lines of a page belong to one paragraph:
				// no line of a paragraph stands alone at a page foot.
				prev := texts[len(texts)-2]
				assert.Equal(t, regular, prev.face, "%s page %d: lone line at the foot", v, i+1)
			}
		}
	}
}
