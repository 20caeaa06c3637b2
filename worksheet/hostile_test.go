package worksheet_test

// This file feeds the parser and the HTML renderer hostile templates: bad
// encodings, huge and deeply nested input, script and dangerous links,
// template syntax, YAML bombs. Each must end in a clear error or in safe
// output, within a time and an allocation bound. Large inputs are made
// here, never committed.

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/internal/bounded"
	"github.com/betweensessions/between/worksheet"
)

// hostileHead is the front matter every hostile body is put under.
const hostileHead = "---\nid: h\ntitle: Hostile\nsummary: s\nkind: log\nparams:\n  - name: p\n    label: Your value\n---\n\n"

// bounds are how long a hostile case may take and how many bytes it may
// allocate. The time is generous enough for -race on a shared 2-core
// machine; a hang or an exponential blow-up exceeds it by far.
type bounds = bounded.Limits

// small is the bound of most cases: a hostile template of any size must
// be refused or handled in this, now that the size limits are in place.
var small = bounds{Time: 10 * time.Second, Alloc: 64 << 20}

// bug skips the rest of a test that found a known bug, so that the suite
// stays green until the bug is fixed. The message says what goes wrong and
// where; remove the call when the fix lands.
func bug(t *testing.T, msg string) {
	t.Helper()
	t.Skip("BUG: " + msg)
}

// hostileCase is one hostile template. Exactly one of errs and check is
// set: errs lists text the error must contain (the parse must fail);
// check inspects the worksheet of a parse that must succeed. When both
// are nil, either outcome is allowed as long as it is bounded and safe.
type hostileCase struct {
	name   string
	src    func() []byte
	errs   []string
	check  func(t *testing.T, ws *worksheet.Worksheet)
	parse  bounds // for the parse
	render bounds // for rendering both HTML variants
	// bug, when set, is a known bug: the case is skipped with this
	// message. Remove it with the fix, and the case checks the fix.
	bug string
}

func body(s string) func() []byte { return func() []byte { return []byte(hostileHead + s) } }

// indented returns a list nested n levels deep by indentation; its size
// grows with n².
func indented(n int) func() []byte {
	return func() []byte {
		var b strings.Builder
		b.WriteString(hostileHead)
		for i := range n {
			b.WriteString(strings.Repeat("  ", i))
			b.WriteString("- level\n")
		}
		return []byte(b.String())
	}
}

// table returns a table of cols columns with a header and two rows.
func table(cols int) func() []byte {
	return func() []byte {
		var b strings.Builder
		b.WriteString(hostileHead)
		for r := range 3 {
			b.WriteString("|")
			for c := range cols {
				fmt.Fprintf(&b, " c%d &lt;x&gt; ___ |", c)
			}
			b.WriteString("\n")
			if r == 0 {
				b.WriteString("|" + strings.Repeat("---|", cols) + "\n")
			}
		}
		return []byte(b.String())
	}
}

// parts returns a handout of n parts that says so in its front matter.
func parts(n int) func() []byte {
	return func() []byte {
		head := strings.Replace(hostileHead, "kind: log", fmt.Sprintf("kind: log\nparts: %d", n), 1)
		return []byte(head + strings.Repeat("::: part\n\nText.\n\n", n))
	}
}

// hostileCases is the corpus. Each case gives its bounds: most get small;
// a few that make goldmark allocate per character get more memory.
func hostileCases() []hostileCase {
	const mb = 1 << 20
	return []hostileCase{
		{name: "invalid UTF-8", src: body("Fine line.\n\nBad \xff\xfe bytes.\n"),
			errs: []string{"h/en.md:13:5:", "not valid UTF-8"}, parse: small},
		{name: "invalid UTF-8 in front matter", src: func() []byte { return []byte("---\nid: h\ntitle: \xc3\x28\nkind: log\n---\n") },
			errs: []string{"h/en.md:3:", "not valid UTF-8"}, parse: small},
		{name: "NUL byte in body", src: body("Before\x00after\n"),
			errs: []string{"h/en.md:11:7:", "NUL byte"}, parse: small},
		{name: "NUL byte in front matter", src: func() []byte { return []byte("---\nid: h\x00\n---\n") },
			errs: []string{"h/en.md:2:6:", "NUL byte"}, parse: small},
		{name: "50 MB file", src: func() []byte {
			var b bytes.Buffer
			b.WriteString(hostileHead)
			para := "Some ordinary words in an ordinary paragraph, with ___ a blank.\n\n"
			for b.Len() < 50*mb {
				b.WriteString(para)
			}
			return b.Bytes()
		}, errs: []string{"h/en.md: the file is too large: 50.", "a template may be at most 256 KB"}, parse: small},
		{name: "10,000 nested lists on one line", src: body(strings.Repeat("- ", 10000) + "deep\n"),
			errs: []string{"h/en.md:11:4097:", "too long"}, parse: small},
		{name: "40,000 nested lists on one line", src: body(strings.Repeat("- ", 40000) + "deep\n"),
			errs: []string{"h/en.md:11:4097:", "too long"}, parse: small},
		{name: "10,000 nested ordered lists", src: body(strings.Repeat("1. ", 10000) + "deep\n"),
			errs: []string{"h/en.md:11:4097:", "too long"}, parse: small},
		{name: "10,000 nested quotes", src: body(strings.Repeat(">", 10000) + " deep\n"),
			errs: []string{"h/en.md:11:4097:", "too long"}, parse: small},
		{name: "21 nested lists on one line", src: body(strings.Repeat("- ", 20) + "* deep\n"),
			errs: []string{"h/en.md:11:41:", "nest at most 20 deep"}, parse: small},
		{name: "21 nested quotes and lists on one line", src: body(strings.Repeat("> 1) ", 10) + "> deep\n"),
			errs: []string{"h/en.md:11:51:", "nest at most 20 deep"}, parse: small},
		{name: "64 lines of 2,000 nested list markers", src: body(strings.Repeat(strings.Repeat("- ", 2000)+"x\n", 64)),
			errs: []string{"h/en.md:74:41:", "nest at most 20 deep"}, parse: small},
		{name: "20 list levels by indentation", src: indented(20), check: func(t *testing.T, ws *worksheet.Worksheet) {
			require.Len(t, ws.Body, 1)
		}, parse: small, render: small},
		{name: "21 list levels by indentation", src: indented(21), errs: []string{"h/en.md:31:41:", "nest at most 20 deep"}, parse: small},
		{name: "300 list levels by indentation", src: indented(300), errs: []string{"h/en.md:64:107:", "indented 106 columns"}, parse: small},
		{name: "2,000 list levels by indentation", src: indented(2000), errs: []string{"too large"}, parse: small},
		{name: "a rule of 100 dashes and spaces", src: body(strings.Repeat("- ", 100) + "\n"), check: func(t *testing.T, ws *worksheet.Worksheet) {
			require.Len(t, ws.Body, 1)
			assert.IsType(t, &worksheet.Rule{}, ws.Body[0])
		}, parse: small, render: small},
		{name: "table with 500 columns", src: table(500), errs: []string{"h/en.md:11:4097:", "too long"}, parse: small},
		{name: "table with 150 columns", src: table(150), check: func(t *testing.T, ws *worksheet.Worksheet) {
			require.Len(t, ws.Body, 1)
			tbl, ok := ws.Body[0].(*worksheet.Table)
			require.True(t, ok, "a table")
			assert.Len(t, tbl.Header, 150)
			assert.Len(t, tbl.Rows, 2)
		}, parse: small, render: small},
		{name: "1 MB line without spaces", src: body(strings.Repeat("a", mb) + "\n"), errs: []string{"too large: 1."}, parse: small},
		{name: "192 KiB line of unclosed slots", src: body(strings.Repeat("{{", 96<<10) + "\n"),
			errs: []string{"h/en.md:11:4097:", "too long"}, parse: small},
		// Each error keeps only 200 bytes of its line (Error.Src), so the
		// 100 errors kept on 4 KiB lines cost little; the rest is goldmark's
		// syntax tree of 120,000 slots.
		{name: "60 lines of 2,000 unclosed slots", src: body(strings.Repeat(strings.Repeat("{{", 2000)+"\n", 60)),
			errs: []string{"h/en.md:11:1:", "opens a slot", "too many errors"}, parse: small},
		{name: "192 KiB of open brackets", src: body(strings.Repeat("[", 192<<10) + "\n"), errs: []string{"too long"}, parse: small},
		{name: "192 KiB of emphasis delimiters", src: body(strings.Repeat("*a", 96<<10) + "\n"), errs: []string{"too long"}, parse: small},
		// The worst that still passes the limits: whole files of 4 KiB
		// lines that make goldmark work hardest.
		{name: "256 KiB of open brackets in 4 KiB lines", src: body(strings.Repeat(strings.Repeat("[", 4000)+"\n", 63)),
			parse: bounds{Time: 10 * time.Second, Alloc: 256 << 20}, render: small},
		{name: "256 KiB of emphasis delimiters in 4 KiB lines", src: body(strings.Repeat(strings.Repeat("*a", 2000)+"\n", 63)),
			parse: bounds{Time: 10 * time.Second, Alloc: 256 << 20}, render: small},
		{name: "192 KiB of link openers in 2 KiB lines", src: body(strings.Repeat(strings.Repeat("[a](", 512)+"\n", 96)), parse: small, render: small},
		{name: "256 KiB of link openers in 4 KiB lines", src: body(strings.Repeat(strings.Repeat("[a](", 1000)+"\n", 63)), parse: small, render: small},
		{name: "64 KiB line of link openers", src: body(strings.Repeat("[a](", 16<<10) + "\n"),
			errs: []string{"h/en.md:11:4097:", "too long"}, parse: small},
		{name: "100,000 tracker rows", src: body("::: tracker " + strings.Repeat("a|", 100000) + "a\n"),
			errs: []string{"h/en.md:11:4097:", "too long"}, parse: small},
		{name: "2,000 tracker rows", src: body("::: tracker " + strings.Repeat("a|", 1999) + "a\n"),
			errs: []string{"h/en.md:11:13:", "tracker may have at most 30 rows, not 2000"}, parse: small},
		{name: "31 tracker rows", src: body("::: tracker " + strings.Repeat("a|", 30) + "a\n"),
			errs: []string{"h/en.md:11:13:", "tracker may have at most 30 rows, not 31"}, parse: small},
		{name: "20,000 parts", src: parts(20000), errs: []string{"too large"}, parse: small},
		{name: "5,000 parts", src: parts(5000),
			errs: []string{"h/en.md:6:8: parts must be from 0 to 12", "h/en.md:60:1: a handout may have at most 12 parts"}, parse: small},
		{name: "13 parts", src: parts(13),
			errs: []string{"h/en.md:6:8: parts must be from 0 to 12", "h/en.md:60:1: a handout may have at most 12 parts"}, parse: small},

		{name: "script block", src: body("<script>alert(1)</script>\n"), errs: []string{"h/en.md:11:1:", "raw HTML is not allowed"}, parse: small},
		{name: "script inline", src: body("Hi <script>alert(1)</script> there\n"), errs: []string{"h/en.md:11:", "raw HTML is not allowed"}, parse: small},
		{name: "event handler attribute", src: body("Hi <b onmouseover=alert(1)>x</b>\n"), errs: []string{"raw HTML is not allowed"}, parse: small},
		{name: "script as text", src: body("&lt;script&gt;alert(1)&lt;/script&gt; \\<script>x\\</script> `<script>` <\n\n```\n<script>alert(1)</script>\n```\n"),
			check: func(t *testing.T, ws *worksheet.Worksheet) { require.NotEmpty(t, ws.Body) }, parse: small, render: small},
		{name: "script in front matter", src: func() []byte {
			return []byte("---\nid: h\ntitle: \"<script>alert(1)</script>\"\nsummary: \"<img src=x onerror=alert(1)>\"\nkind: log\n---\n\nHi\n")
		}, check: func(t *testing.T, ws *worksheet.Worksheet) {
			assert.Equal(t, "<script>alert(1)</script>", ws.Meta.Title)
		}, parse: small, render: small},
		{name: "javascript link", src: body("[x](javascript:alert(1))\n"), errs: []string{"h/en.md:11:", "scheme that is not allowed"}, parse: small},
		{name: "javascript link upper case", src: body("[x](JaVaScRiPt:alert(1))\n"), errs: []string{"scheme that is not allowed"}, parse: small},
		{name: "javascript link entity-encoded", src: body("[x](&#106;ava&#x73;cript:alert(1))\n"), errs: []string{"scheme that is not allowed"}, parse: small},
		{name: "javascript link with a tab", src: body("[x](<java\tscript:alert(1)>) [y](java&#9;script:alert(1)) [z](java&#10;script:alert(1))\n"), parse: small, render: small},
		{name: "javascript link with leading space", src: body("[x](< javascript:alert(1)>) [y](&#32;javascript:alert(1))\n"), parse: small, render: small},
		{name: "javascript autolink", src: body("<javascript:alert(1)>\n"), errs: []string{"scheme that is not allowed"}, parse: small},
		{name: "javascript reference link", src: body("[x][r]\n\n[r]: javascript:alert(1)\n"), errs: []string{"scheme that is not allowed"}, parse: small},
		{name: "data link", src: body("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n"), errs: []string{"scheme that is not allowed"}, parse: small},
		{name: "vbscript link", src: body("[x](vbscript:msgbox(1))\n"), errs: []string{"scheme that is not allowed"}, parse: small},
		{name: "file link", src: body("[x](file:///etc/passwd)\n"), parse: small, render: small},
		{name: "link breaking out of href", src: body("[x](<https://example.org/\" onmouseover=\"alert(1)>) [y](https://example.org/'><script>)\n"),
			parse: small, render: small},

		{name: "id with ../", src: func() []byte { return []byte("---\nid: ../../evil\ntitle: T\nkind: log\n---\n") },
			errs: []string{"h/en.md:2:5:", "may hold only lowercase letters"}, parse: small},
		{name: "id with a slash", src: func() []byte { return []byte("---\nid: h/../../x\ntitle: T\nkind: log\n---\n") },
			errs: []string{"may hold only lowercase letters"}, parse: small},
		{name: "id of dots", src: func() []byte { return []byte("---\nid: ..\ntitle: T\nkind: log\n---\n") },
			errs: []string{"may hold only lowercase letters"}, parse: small},

		{name: "template action in a slot", src: body("{{ .Foo }}\n"), errs: []string{"h/en.md:11:1:", "template code is not allowed"}, parse: small},
		{name: "template printf in a slot", src: body("Hi {{ printf \"%s\" \"x\" }}\n"), errs: []string{"template code is not allowed"}, parse: small},
		{name: "template define in a slot", src: body("{{define \"x\"}}{{end}} {{/* c */}} {{- p -}}\n"), errs: []string{"template code is not allowed"}, parse: small},
		{name: "template syntax in front matter", src: func() []byte {
			return []byte("---\nid: h\ntitle: \"{{ .Foo }} {{ printf \\\"%s\\\" }}\"\nkind: log\n---\n\nHi\n")
		}, check: func(t *testing.T, ws *worksheet.Worksheet) {
			assert.Equal(t, `{{ .Foo }} {{ printf "%s" }}`, ws.Meta.Title, "kept as text, never executed")
		}, parse: small, render: small},

		{name: "YAML billion laughs", src: func() []byte {
			var b strings.Builder
			b.WriteString("---\nid: h\ntitle: T\nkind: log\nclinician:\n  adaptations: [&a0 lol")
			for i := 1; i <= 9; i++ {
				fmt.Fprintf(&b, ", &a%d [%s]", i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d,", i-1), 9), ","))
			}
			b.WriteString("]\ntopics: *a9\n---\n")
			return []byte(b.String())
		}, errs: []string{"h/en.md:6:31:", "alias"}, parse: small},
		{name: "YAML billion laughs under an unknown key", src: func() []byte {
			var b strings.Builder
			b.WriteString("---\nid: h\ntitle: T\nkind: log\nlol: [&a0 lol")
			for i := 1; i <= 9; i++ {
				fmt.Fprintf(&b, ", &a%d [%s]", i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d,", i-1), 9), ","))
			}
			b.WriteString("]\nmore: *a9\n---\n")
			return []byte(b.String())
		}, errs: []string{"h/en.md:5:21:", "alias"}, parse: small},
		{name: "YAML merge-key bomb", src: func() []byte {
			var b strings.Builder
			b.WriteString("---\nid: h\ntitle: T\nkind: log\nclinician:\n  barriers:\n    - &m0 {barrier: a, plan: b}\n")
			for i := 1; i <= 20; i++ {
				fmt.Fprintf(&b, "    - &m%d {<<: [*m%d, *m%d], barrier: a}\n", i, i-1, i-1)
			}
			b.WriteString("---\n")
			return []byte(b.String())
		}, parse: small, render: small},
		{name: "YAML nested 10,000 deep", src: func() []byte {
			return []byte("---\nid: h\ntitle: T\nkind: log\ntopics: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n---\n")
		}, errs: []string{"h/en.md:5:4097:", "too long"}, parse: small},
		{name: "YAML nested 2,000 deep", src: func() []byte {
			return []byte("---\nid: h\ntitle: T\nkind: log\ntopics: " + strings.Repeat("[", 2000) + strings.Repeat("]", 2000) + "\n---\n")
		}, errs: []string{"h/en.md:5:10:", "topics[0]: want a single value"}, parse: small},
		{name: "YAML long string", src: func() []byte {
			return []byte("---\nid: h\ntitle: " + strings.Repeat("t", mb) + "\nkind: log\n---\n\nHi\n")
		}, errs: []string{"too large"}, parse: small},
		{name: "YAML long strings on many lines", src: func() []byte {
			return []byte("---\nid: h\ntitle: " + strings.Repeat(strings.Repeat("t", 4000)+"\n  ", 60) + "\nkind: log\n---\n\nHi\n")
		}, parse: small, render: small},
		{name: "unclosed front matter of 100,000 lines", src: func() []byte {
			return []byte("---\n" + strings.Repeat("id: h\n", 100000))
		}, errs: []string{"too large"}, parse: small},
		{name: "unclosed front matter of 40,000 lines", src: func() []byte {
			return []byte("---\n" + strings.Repeat("id: h\n", 40000))
		}, errs: []string{"not closed"}, parse: small},
	}
}

// TestHostileTemplates parses every hostile case, checks the outcome it
// must have, and renders each one that parses in both HTML variants,
// checking that the HTML holds no script and no dangerous link.
func TestHostileTemplates(t *testing.T) {
	p := worksheet.NewParser()
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			if c.bug != "" {
				// Known bugs are skipped before they run: several take
				// tens of seconds or a gigabyte as things stand.
				bug(t, c.bug)
			}
			src := c.src()
			var (
				ws  *worksheet.Worksheet
				err error
			)
			bounded.Run(t, "parse", c.parse, func() { ws, err = p.Parse("h/en.md", src) })
			switch {
			case c.errs != nil:
				require.Error(t, err)
				require.Nil(t, ws)
				var list worksheet.ErrorList
				require.True(t, errors.As(err, &list), "an ErrorList")
				msg := err.Error()
				for _, e := range list {
					msg += "\n" + e.Error()
				}
				for _, want := range c.errs {
					assert.Contains(t, msg, want)
				}
				for _, e := range list {
					assert.True(t, strings.HasPrefix(e.Error(), "worksheet: h/en.md"), "error names the file: %.200s", e.Error())
					assert.LessOrEqual(t, len(e.Msg), 500, "a message is short: %.200s", e.Msg)
					assert.LessOrEqual(t, len(e.Src), 200+2*len("…"), "the source line is clipped: %.300s", e.Src)
				}
				assert.LessOrEqual(t, len(list), 101, "errors are capped")
				return
			case c.check != nil:
				require.NoError(t, err)
				c.check(t, ws)
			}
			if err != nil {
				t.Logf("refused: %.300s", err)
				assert.True(t, strings.HasPrefix(err.Error(), "worksheet: h/en.md"), "the error names the file")
				return
			}
			if c.render == (bounds{}) {
				c.render = small
			}
			for _, v := range worksheet.Variants() {
				var buf bytes.Buffer
				var rerr error
				bounded.Run(t, "render "+v.String(), c.render, func() {
					rerr = worksheet.RenderHTML(&buf, ws, worksheet.HTMLOptions{Variant: v, Locale: testLocale(), Params: map[string]string{"p": "{{ .Foo }}<script>alert(1)</script>"}})
				})
				require.NoError(t, rerr)
				assertSafeHTML(t, buf.String())
			}
		})
	}
}

// The only URL schemes a rendered link may use.
var safeSchemes = map[string]bool{"": true, "http": true, "https": true, "mailto": true, "tel": true}

var (
	tagStart  = regexp.MustCompile(`^<(/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z-]*(?:="[^"<>]*")?)*)\s*>`)
	attrRE    = regexp.MustCompile(`([a-z][a-z-]*)(?:="([^"]*)")?`)
	htmlAttrs = map[string]bool{
		"class": true, "id": true, "for": true, "type": true, "size": true, "name": true, "value": true,
		"min": true, "max": true, "rows": true, "style": true, "checked": true, "scope": true, "start": true,
		"href": true, "data-id": true, "aria-label": true, "aria-labelledby": true, "aria-hidden": true,
		"autocomplete": true, "spellcheck": true,
	}
)

// assertSafeHTML checks that every "<" in out starts one of the renderer's
// own elements with only its own attributes, that no href uses a scheme
// outside http, https, mailto and tel (read as a browser would, after
// unescaping and dropping tabs and newlines), and that no style holds a
// url() or expression().
func assertSafeHTML(t *testing.T, out string) {
	t.Helper()
	for i := 0; i < len(out); {
		j := strings.IndexByte(out[i:], '<')
		if j < 0 {
			break
		}
		i += j
		m := tagStart.FindStringSubmatch(out[i:])
		if m == nil {
			t.Fatalf("a \"<\" that does not start a well-formed element: %.80q", out[i:])
		}
		if !htmlTags[m[2]] {
			t.Fatalf("unexpected element <%s>", m[2])
		}
		for _, a := range attrRE.FindAllStringSubmatch(m[3], -1) {
			name, val := a[1], html.UnescapeString(a[2])
			if !htmlAttrs[name] {
				t.Fatalf("unexpected attribute %s in %.120q", name, m[0])
			}
			switch name {
			case "href":
				browser := strings.Map(func(r rune) rune {
					if r == '\t' || r == '\n' || r == '\r' {
						return -1
					}
					return r
				}, strings.TrimLeft(val, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\v\f\r "))
				u, err := url.Parse(browser)
				if err != nil {
					t.Fatalf("href %q does not parse: %v", val, err)
				}
				if !safeSchemes[strings.ToLower(u.Scheme)] {
					t.Fatalf("href with the %q scheme: %q", u.Scheme, val)
				}
			case "style":
				l := strings.ToLower(val)
				if strings.Contains(l, "url(") || strings.Contains(l, "expression(") {
					t.Fatalf("style with a url or expression: %q", val)
				}
			}
		}
		i += len(m[0])
	}
	lower := strings.ToLower(out)
	assert.NotContains(t, lower, "<script")
	assert.NotContains(t, lower, "<img")
}

// TestHostileParamsAreText personalises a handout with values that look
// like markup and template code: they print as text.
func TestHostileParamsAreText(t *testing.T) {
	ws, err := worksheet.NewParser().Parse("h/en.md", []byte(hostileHead+"Wake at {{p}}.\n\n- [ ] Try {{p}}\n"))
	require.NoError(t, err)
	for _, v := range []string{
		"<script>alert(1)</script>", `"><img src=x onerror=alert(1)>`, "{{ .Foo }}", `{{ printf "%s" "x" }}`,
		"javascript:alert(1)", "\x00\u202e", strings.Repeat("x", 1<<16),
	} {
		var buf bytes.Buffer
		require.NoError(t, worksheet.RenderHTML(&buf, ws, worksheet.HTMLOptions{Locale: testLocale(), Params: map[string]string{"p": v}}))
		assertSafeHTML(t, buf.String())
		assert.Contains(t, html.UnescapeString(buf.String()), strings.ReplaceAll(v, "\x00", "\uFFFD"))
	}
}

// TestHostileIDAndFolder checks that nothing with a ".." reaches Meta.ID,
// the only part of a worksheet the site builder uses for output paths,
// whatever the file's path.
func TestHostileIDAndFolder(t *testing.T) {
	p := worksheet.NewParser()
	src := []byte("---\nid: evil\ntitle: T\nkind: log\n---\n\nHi\n")
	other := []byte("---\nid: other\ntitle: T\nkind: log\n---\n\nHi\n")
	for _, name := range []string{"../evil/en.md", "../../evil/en.md", "a/../evil/en.md", "/evil/en.md", "..\\evil/en.md"} {
		// Whatever the path, the id comes from the front matter and must
		// match the folder: an id that does not is refused.
		_, err := p.Parse(name, other)
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), "does not match its folder name", name)
		if ws, err := p.Parse(name, src); err == nil {
			assert.Equal(t, "evil", ws.Meta.ID, name)
		}
	}
	_, err := p.Parse("../evil/../en.md", src)
	require.Error(t, err, "the folder name .. is not the id")
	assert.Contains(t, err.Error(), `does not match its folder name ".."`)
}

// TestRenderConcurrent renders one parsed worksheet from many goroutines
// at once, both variants; run with -race. Every render gives the same
// bytes.
func TestRenderConcurrent(t *testing.T) {
	src := hostileHead + "## Heading\n\nWake at {{p}} and ___.\n\n- [ ] one\n- [x] two\n\n| a | b |\n|---|---|\n| ___ | x |\n\n::: lines 2\n\n::: scale 0 10 How much?\n\n::: tracker Mood | Sleep\n\n::: crisis\n"
	ws, err := worksheet.NewParser().Parse("h/en.md", []byte(src))
	require.NoError(t, err)
	want := map[worksheet.Variant]string{}
	for _, v := range worksheet.Variants() {
		var buf bytes.Buffer
		require.NoError(t, worksheet.RenderHTML(&buf, ws, worksheet.HTMLOptions{Variant: v, Locale: testLocale()}))
		want[v] = buf.String()
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 25 {
				v := worksheet.Variants()[(g+i)%len(worksheet.Variants())]
				var buf bytes.Buffer
				if err := worksheet.RenderHTML(&buf, ws, worksheet.HTMLOptions{Variant: v, Locale: testLocale()}); err != nil {
					t.Error(err)
					return
				}
				if buf.String() != want[v] {
					t.Errorf("goroutine %d render %d (%s) differs", g, i, v)
					return
				}
			}
		})
	}
	wg.Wait()
}

// FuzzFrontMatter fuzzes the front matter under a fixed body: decoding
// never panics, errors point inside the file, and a worksheet that parses
// has a safe id.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"id: f\ntitle: T\nkind: log\n",
		"id: f\ntitle: T\nkind: log\nparams:\n  - name: p\n    label: P\nparts: 0\n",
		"id: f\ntitle: T\nkind: log\ntopics: &a [x, y]\napproaches: *a\n",
		"id: f\ntitle: T\nkind: log\nclinician:\n  barriers:\n    - &b {barrier: x, plan: y}\n    - {<<: *b}\n",
		"id: ../f\ntitle: [\nkind: {\n",
		"id: f\ntitle: !!binary aGk=\nkind: log\nminutes: 1e400\n",
		"? [a, b]\n: c\n",
		"id: f\ntitle: T\nkind: log\nreadability: {target: .nan, reason: x}\n",
	} {
		f.Add(s)
	}
	p := worksheet.NewParser()
	f.Fuzz(func(t *testing.T, front string) {
		src := "---\n" + front + "\n---\n\nBody {{p}} ___.\n"
		lines := strings.Count(src, "\n") + 1
		ws, err := p.Parse("f/en.md", []byte(src))
		if err != nil {
			var list worksheet.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error is not a non-empty ErrorList: %v", err)
			}
			for _, e := range list {
				if e.Line < 0 || e.Line > lines || e.Msg == "" {
					t.Fatalf("bad error position or message: %+v", e)
				}
			}
			return
		}
		if ws.Meta.ID != "f" {
			t.Fatalf("a worksheet in folder f has id %q", ws.Meta.ID)
		}
		if err := worksheet.RenderHTML(io.Discard, ws, worksheet.HTMLOptions{}); err != nil {
			t.Fatalf("render: %v", err)
		}
	})
}

// FuzzDirective fuzzes one directive line (and the line after it): it
// parses to a bounded block or a positioned error, and renders safely.
func FuzzDirective(f *testing.F) {
	for _, s := range []string{
		"lines 3 What happened?", "lines 0", "lines 99999999999999999999", "scale 0 10 How strong?",
		"scale -1000 -900 x", "scale 10 0 x", "tracker a | b | c", "tracker |", "part Notice", "part",
		"crisis", "crisis now", "", "line 2", "tracker {{p}}", "scale 0 10 {{ .Foo }}", "lines\t2\tlabel",
	} {
		f.Add(s, "Next line.")
	}
	p := worksheet.NewParser()
	f.Fuzz(func(t *testing.T, directive, next string) {
		src := hostileHead + "Text.\n::: " + directive + "\n" + next + "\n"
		ws, err := p.Parse("h/en.md", []byte(src))
		if err != nil {
			var list worksheet.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error is not a non-empty ErrorList: %v", err)
			}
			return
		}
		var walk func([]worksheet.Block)
		walk = func(bs []worksheet.Block) {
			for _, b := range bs {
				switch b := b.(type) {
				case *worksheet.Lines:
					if b.Count < 1 || b.Count > 40 {
						t.Fatalf("lines count %d out of range", b.Count)
					}
				case *worksheet.Scale:
					if b.Min >= b.Max || b.Max-b.Min > 100 {
						t.Fatalf("scale %d..%d out of range", b.Min, b.Max)
					}
				case *worksheet.Part:
					walk(b.Blocks)
				case *worksheet.List:
					for _, it := range b.Items {
						walk(it.Blocks)
					}
				case *worksheet.Quote:
					walk(b.Blocks)
				}
			}
		}
		walk(ws.Body)
		for _, v := range worksheet.Variants() {
			var buf bytes.Buffer
			if err := worksheet.RenderHTML(&buf, ws, worksheet.HTMLOptions{Variant: v, Locale: testLocale()}); err != nil {
				t.Fatalf("render: %v", err)
			}
			if strings.Contains(strings.ToLower(buf.String()), "<script") {
				t.Fatalf("script in output")
			}
		}
	})
}
