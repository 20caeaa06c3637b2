package worksheet_test

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/betweensessions/between/worksheet"
)

// htmlTags are the only elements RenderHTML may write.
var htmlTags = map[string]bool{
	"article": true, "header": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"p": true, "em": true, "strong": true, "code": true, "pre": true, "a": true, "br": true, "hr": true,
	"ul": true, "ol": true, "li": true, "blockquote": true, "table": true, "thead": true, "tbody": true,
	"tr": true, "th": true, "td": true, "div": true, "span": true, "input": true, "label": true,
	"textarea": true, "fieldset": true, "legend": true, "section": true, "aside": true,
}

var tagRE = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)`)

// FuzzRenderHTML parses arbitrary templates and renders every one that
// parses: rendering never fails or panics, writes one <h1>, and writes
// only the renderer's own elements, whatever the template holds.
func FuzzRenderHTML(f *testing.F) {
	head := "---\nid: f\ntitle: T <b>\nsummary: s\nkind: log\nparams:\n  - name: p\n    label: P\n---\n\n"
	for _, body := range []string{
		"Hello *there* **you** `code` [l](https://x.org) {{p}} ___\n",
		"## A\n\n#### B\n\n::: lines 2 L\n\n::: scale 1 5 S\n\n::: tracker a | b\n",
		"- [ ] task ___\n- [x] done\n\n| a | b |\n|---|:-:|\n| ___ | x |\n",
		"> quote <script>alert(1)</script>\n\n```\n<b>\n```\n\n---\n\n::: crisis\n",
		"[x](javascript:alert(1)) <img src=x onerror=alert(1)> &lt;b&gt;\n",
	} {
		f.Add(head + body)
	}
	p := worksheet.NewParser()
	f.Fuzz(func(t *testing.T, src string) {
		ws, err := p.Parse("f/en.md", []byte(src))
		if err != nil {
			return
		}
		for _, v := range worksheet.Variants() {
			var buf bytes.Buffer
			if err := worksheet.RenderHTML(&buf, ws, worksheet.HTMLOptions{Variant: v, Locale: testLocale()}); err != nil {
				t.Fatalf("render %s: %v", v, err)
			}
			out := buf.String()
			if n := bytes.Count(buf.Bytes(), []byte("<h1")); n != 1 {
				t.Fatalf("%d <h1> elements, want 1:\n%s", n, out)
			}
			for _, m := range tagRE.FindAllStringSubmatch(out, -1) {
				if !htmlTags[m[2]] {
					t.Fatalf("unexpected element <%s> in output:\n%s", m[2], out)
				}
			}
		}
	})
}
