package worksheet

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/parse")

// testParser is shared by the tests, as a program would share one.
var testParser = NewParser()

// dump renders the outcome of a parse as the golden text: the model as
// indented JSON, or one error per line.
func dump(t *testing.T, w *Worksheet, err error) []byte {
	t.Helper()
	if err != nil {
		var list ErrorList
		require.ErrorAs(t, err, &list)
		var b bytes.Buffer
		for _, e := range list {
			b.WriteString(e.Error())
			b.WriteByte('\n')
		}
		return b.Bytes()
	}
	b, err := json.MarshalIndent(w, "", "  ")
	require.NoError(t, err)
	return append(b, '\n')
}

// TestGoldenTemplates parses each sample template under testdata/parse
// and compares the model with the .json file beside it.
func TestGoldenTemplates(t *testing.T) {
	fsys := os.DirFS("testdata/parse")
	names, err := fs.Glob(fsys, "*/*.md")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			w, err := testParser.ParseFS(fsys, name)
			require.NoError(t, err)
			got := dump(t, w, nil)
			golden := filepath.Join("testdata/parse", strings.TrimSuffix(name, ".md")+".json")
			if *update {
				require.NoError(t, os.WriteFile(golden, got, 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -update to create the golden file")
			assert.Equal(t, string(want), string(got))
		})
	}
}

// TestGoldenCases runs the txtar cases under testdata/parse/cases. Each
// archive holds one template file (its name is the path passed to Parse)
// and a file "want" with the expected JSON model or error lines.
func TestGoldenCases(t *testing.T) {
	files, err := filepath.Glob("testdata/parse/cases/*.txtar")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			require.NoError(t, err)
			require.GreaterOrEqual(t, len(a.Files), 1, "archive needs a template file")
			src := a.Files[0]
			w, perr := testParser.Parse(src.Name, src.Data)
			got := dump(t, w, perr)
			if *update {
				a.Files = append(a.Files[:1], txtar.File{Name: "want", Data: got})
				require.NoError(t, os.WriteFile(file, txtar.Format(a), 0o644))
				return
			}
			require.Len(t, a.Files, 2, "archive needs a want file; run go test -update")
			assert.Equal(t, string(a.Files[1].Data), string(got))
		})
	}
}

const okFront = "---\nid: demo\ntitle: Demo\nkind: worksheet\nparams:\n  - name: wake_time\n    label: Wake time\n---\n"

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, path, src string
		want            []string
	}{
		{
			name: "unknown directive",
			path: "demo/en.md",
			src:  okFront + "Intro\n\n::: line 3\n",
			want: []string{`worksheet: demo/en.md:11:5: unknown directive "line" (did you mean "lines"?)`},
		},
		{
			name: "unknown directive far from any",
			path: "demo/en.md",
			src:  okFront + "::: zebra\n",
			want: []string{`worksheet: demo/en.md:9:5: unknown directive "zebra" (want lines, scale, tracker, part or crisis)`},
		},
		{
			name: "directive without name",
			path: "demo/en.md",
			src:  okFront + ":::\n",
			want: []string{`worksheet: demo/en.md:9:1: ::: needs a directive name: lines, scale, tracker, part or crisis`},
		},
		{
			name: "bad scale",
			path: "demo/en.md",
			src:  okFront + "::: scale 10 0 Feeling\n::: scale 0 10\n::: scale 0 500 Big\n",
			want: []string{
				`worksheet: demo/en.md:9:11: scale wants two whole numbers MIN < MAX then a label`,
				`worksheet: demo/en.md:10:11: scale wants two whole numbers MIN < MAX then a label`,
				`worksheet: demo/en.md:11:11: scale may have at most 100 steps from MIN to MAX`,
			},
		},
		{
			name: "bad lines",
			path: "demo/en.md",
			src:  okFront + "::: lines many\n::: lines 0\n::: lines\n",
			want: []string{
				`worksheet: demo/en.md:9:11: lines wants a whole number of lines from 1 to 40, then an optional label`,
				`worksheet: demo/en.md:10:11: lines wants a whole number of lines from 1 to 40, then an optional label`,
				`worksheet: demo/en.md:11:1: lines wants a whole number of lines from 1 to 40, then an optional label`,
			},
		},
		{
			name: "bad tracker and crisis",
			path: "demo/en.md",
			src:  okFront + "::: tracker Sleep || Mood\n::: tracker\n::: crisis now\n",
			want: []string{
				`worksheet: demo/en.md:9:13: tracker row 2 is empty; write a label between each pair of |`,
				`worksheet: demo/en.md:10:1: tracker wants one or more row labels separated by |`,
				`worksheet: demo/en.md:11:12: crisis takes no arguments; the crisis lines come from the reader's locale`,
			},
		},
		{
			name: "part inside a list",
			path: "demo/en.md",
			src:  okFront + "- item\n\n  ::: part\n",
			want: []string{`worksheet: demo/en.md:11:3: ::: part must stand at the top level, not inside a list or quote`},
		},
		{
			name: "slots",
			path: "demo/en.md",
			src:  okFront + "Wake at {{wake_tme}} or {{.Secret}} or {{ printf \"%s\" }}.\n\nOpen {{wake_time\n",
			want: []string{
				`worksheet: demo/en.md:9:9: slot {{wake_tme}} is not declared in the front matter params (did you mean "wake_time"?)`,
				`worksheet: demo/en.md:9:25: template code is not allowed in {{ }}; a slot is {{name}} with a name declared in the front matter params`,
				`worksheet: demo/en.md:9:40: template code is not allowed in {{ }}; a slot is {{name}} with a name declared in the front matter params`,
				`worksheet: demo/en.md:11:6: "{{" opens a slot but no "}}" closes it on the same line; write \{{ for literal braces`,
			},
		},
		{
			name: "raw html",
			path: "demo/en.md",
			src:  okFront + "<div>hi</div>\n\nSome <b>bold</b> text.\n",
			want: []string{
				`worksheet: demo/en.md:9:1: raw HTML is not allowed; write the content in Markdown, or use a ::: directive for fill-in space`,
				`worksheet: demo/en.md:11:6: raw HTML is not allowed; write the content in Markdown instead`,
				`worksheet: demo/en.md:11:13: raw HTML is not allowed; write the content in Markdown instead`,
			},
		},
		{
			name: "dangerous link, image, strikethrough",
			path: "demo/en.md",
			src:  okFront + "[x](javascript:alert(1)) ![a](b.png) ~~no~~\n",
			want: []string{
				`worksheet: demo/en.md:9:1: this link's address uses a scheme that is not allowed (such as javascript: or data:)`,
				`worksheet: demo/en.md:9:26: images are not allowed in handouts; describe the picture in words`,
				`worksheet: demo/en.md:9:38: strikethrough (~~) is not part of the handout format; remove the tildes`,
			},
		},
		{
			name: "unknown front matter keys",
			path: "demo/en.md",
			src:  "---\nid: demo\ntitel: Demo\ntitle: Demo\nkind: log\nclinician:\n  rationle: x\nreadability:\n  target: 7\n  reson: x\n---\n",
			want: []string{
				`worksheet: demo/en.md:3:1: unknown key "titel" in the front matter (did you mean "title"?)`,
				`worksheet: demo/en.md:7:3: unknown key "rationle" in clinician (did you mean "rationale"?)`,
				`worksheet: demo/en.md:10:3: unknown key "reson" in readability (did you mean "reason"?)`,
			},
		},
		{
			name: "front matter types",
			path: "demo/en.md",
			src:  "---\nid: demo\ntitle: Demo\nkind: log\nminutes: ten\n---\n",
			want: []string{"worksheet: demo/en.md:5:10: minutes: want a whole number such as 10"},
		},
		{
			name: "front matter syntax",
			path: "demo/en.md",
			src:  "---\nid: demo\ntitle: [Demo\n---\n",
			want: []string{"worksheet: demo/en.md:3:9: the front matter is not valid YAML: did not find expected ',' or ']'"},
		},
		{
			name: "duplicate key",
			path: "demo/en.md",
			src:  "---\nid: demo\ntitle: Demo\nkind: log\nid: demo\n---\n",
			want: []string{`worksheet: demo/en.md:5:1: key "id" is given twice; the first is on line 2`},
		},
		{
			name: "front matter values",
			path: "sleep/en.md",
			src:  "---\nid: Sleep_Routine\nkind: diary\nminutes: -5\nparams:\n  - name: Wake\n    label: x\n  - name: ok\n  - name: ok\n    label: y\n---\n",
			want: []string{
				`worksheet: sleep/en.md:1: title is required`,
				`worksheet: sleep/en.md:2:5: id "Sleep_Routine" may hold only lowercase letters a-z, digits and hyphens`,
				`worksheet: sleep/en.md:3:7: kind "diary" is not one of worksheet, log, plan, handout or review`,
				`worksheet: sleep/en.md:4:10: minutes must be from 0 to 1440 (a day)`,
				`worksheet: sleep/en.md:6:11: param name "Wake" must start with a lowercase letter or _ and hold only a-z, 0-9 and _`,
				`worksheet: sleep/en.md:8:11: param "ok" needs a label`,
				`worksheet: sleep/en.md:9:11: param "ok" is declared twice`,
			},
		},
		{
			name: "a null is missing",
			path: "demo/en.md",
			src:  "---\nsummary: x\nid: ~\ntitle: null\nkind: ~\n---\n",
			want: []string{
				`worksheet: demo/en.md:3:5: id is required: a short name of lowercase letters, digits and hyphens, the same as the folder name`,
				`worksheet: demo/en.md:4:8: title is required`,
				`worksheet: demo/en.md:5:7: kind is required: one of worksheet, log, plan, handout or review`,
			},
		},
		{
			name: "blank values are missing",
			path: "demo/en.md",
			src:  "---\nid: ''\ntitle: '   '\nkind:\n---\n",
			want: []string{
				`worksheet: demo/en.md:2:5: id is required: a short name of lowercase letters, digits and hyphens, the same as the folder name`,
				`worksheet: demo/en.md:3:8: title is required`,
				`worksheet: demo/en.md:4:6: kind is required: one of worksheet, log, plan, handout or review`,
			},
		},
		{
			name: "numbers out of range",
			path: "demo/en.md",
			src:  "---\nid: demo\ntitle: Demo\nkind: log\nminutes: 1e9\nparts: 9223372036854775807\n---\n",
			want: []string{
				`worksheet: demo/en.md:5:10: minutes: want a whole number such as 10`,
				`worksheet: demo/en.md:6:8: parts: the number is out of range; want at most 1000000000 either way from 0`,
			},
		},
		{
			name: "minutes past a day",
			path: "demo/en.md",
			src:  "---\nid: demo\ntitle: Demo\nkind: log\nminutes: 1441\n---\n",
			want: []string{`worksheet: demo/en.md:5:10: minutes must be from 0 to 1440 (a day)`},
		},
		{
			name: "id too long",
			path: "demo/en.md",
			src:  "---\nid: " + strings.Repeat("a", 65) + "\ntitle: Demo\nkind: log\n---\n",
			want: []string{`worksheet: demo/en.md:2:5: id is 65 characters long; an id may be at most 64`},
		},
		{
			name: "alias in front matter",
			path: "demo/en.md",
			src:  "---\nid: demo\ntitle: &t Demo\nsummary: *t\nkind: log\n---\n",
			want: []string{`worksheet: demo/en.md:4:10: an alias (*name) is not allowed; write the value out in full`},
		},
		{
			name: "id does not match folder",
			path: "sleep-routine/en.md",
			src:  okFront,
			want: []string{`worksheet: sleep-routine/en.md:2:5: id "demo" does not match its folder name "sleep-routine"`},
		},
		{
			name: "parts mismatch",
			path: "demo/en.md",
			src:  "---\nid: demo\ntitle: Demo\nkind: plan\nparts: 3\n---\n::: part\n::: part\n",
			want: []string{`worksheet: demo/en.md:5:8: front matter says parts: 3 but the body has 2 "::: part" lines; they must match`},
		},
		{
			name: "parts undeclared",
			path: "demo/en.md",
			src:  okFront + "::: part\n",
			want: []string{`worksheet: demo/en.md:1: front matter says parts: 0 but the body has 1 "::: part" lines; they must match`},
		},
		{
			name: "bad language in file name",
			path: "demo/english.md",
			src:  okFront,
			want: []string{`worksheet: demo/english.md: file name "english.md" must be a BCP 47 language tag followed by .md, such as en.md or pt-BR.md`},
		},
		{
			name: "not markdown",
			path: "demo/en.txt",
			src:  okFront,
			want: []string{`worksheet: demo/en.txt: file name "en.txt" must be a language tag followed by .md, such as en.md`},
		},
		{
			name: "no front matter",
			path: "demo/en.md",
			src:  "# Hello\n",
			want: []string{`worksheet: demo/en.md:1:1: the file must start with a --- line, then the front matter, then a --- line`},
		},
		{
			name: "unclosed front matter",
			path: "demo/en.md",
			src:  "---\nid: demo\n",
			want: []string{`worksheet: demo/en.md:1:1: the front matter is not closed by a --- line`},
		},
		{
			name: "front matter not a mapping",
			path: "demo/en.md",
			src:  "---\n- a\n- b\n---\n",
			want: []string{`worksheet: demo/en.md:2:1: the front matter must be keys with values, one a line, such as "key: value"`},
		},
		{
			name: "not utf-8",
			path: "demo/en.md",
			src:  okFront + "ok\ncaf\xe9\n",
			want: []string{`worksheet: demo/en.md:10:4: the file is not valid UTF-8; save it as UTF-8 text`},
		},
		{
			name: "nul byte",
			path: "demo/en.md",
			src:  okFront + "a\x00b\n",
			want: []string{`worksheet: demo/en.md:9:2: the file contains a NUL byte; save it as plain UTF-8 text`},
		},
		{
			name: "file too large",
			path: "demo/en.md",
			src:  okFront + strings.Repeat("Some words.\n", MaxFileSize/12),
			want: []string{`worksheet: demo/en.md: the file is too large: 256.1 KB; a template may be at most 256 KB`},
		},
		{
			name: "lines too long",
			path: "demo/en.md",
			src:  okFront + strings.Repeat("a", MaxLineLength) + "\n" + strings.Repeat("b", MaxLineLength+1) + "\r\n{{x\n" + strings.Repeat("c", 10000),
			want: []string{
				`worksheet: demo/en.md:10:4097: the line is too long: 4097 bytes; split it (a line may be at most 4 KB)`,
				`worksheet: demo/en.md:12:4097: the line is too long: 10000 bytes; split it (a line may be at most 4 KB)`,
			},
		},
		{
			name: "too many markers on one line",
			path: "demo/en.md",
			src:  okFront + strings.Repeat("- ", MaxNesting) + "deep enough\n\n" + strings.Repeat("> ", 5) + strings.Repeat("1. ", MaxNesting-5) + "* too deep\n",
			want: []string{`worksheet: demo/en.md:11:56: lists and quotes nest more than 20 deep here; they may nest at most 20 deep`},
		},
		{
			name: "nested too deep over several lines",
			path: "demo/en.md",
			src:  okFront + strings.Repeat("- ", 19) + "a\n" + strings.Repeat("  ", 19) + "- b\n" + strings.Repeat("  ", 20) + "- c\n",
			want: []string{`worksheet: demo/en.md:11:41: lists and quotes nest more than 20 deep here; they may nest at most 20 deep`},
		},
		{
			name: "indented too far",
			path: "demo/en.md",
			src:  okFront + "- a\n" + strings.Repeat(" ", 105) + "\t\t\n" + strings.Repeat(" ", 105) + "\tb\n",
			want: []string{`worksheet: demo/en.md:11:107: the line is indented 108 columns; lists and quotes may nest at most 20 deep, which needs at most 104`},
		},
		{
			name: "tracker with too many rows",
			path: "demo/en.md",
			src:  okFront + "::: tracker " + strings.Repeat("row | ", 30) + "row\n",
			want: []string{`worksheet: demo/en.md:9:13: tracker may have at most 30 rows, not 31; split it into two trackers`},
		},
		{
			name: "too many parts",
			path: "demo/en.md",
			src:  "---\nid: demo\ntitle: Demo\nkind: plan\nparts: 14\n---\n" + strings.Repeat("::: part\n", 14),
			want: []string{
				`worksheet: demo/en.md:5:8: parts must be from 0 to 12`,
				`worksheet: demo/en.md:19:1: a handout may have at most 12 parts`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := testParser.Parse(tt.path, []byte(tt.src))
			require.Error(t, err)
			assert.Nil(t, w)
			var list ErrorList
			require.ErrorAs(t, err, &list)
			got := make([]string, len(list))
			for i, e := range list {
				got[i] = e.Error()
			}
			assert.Equal(t, tt.want, got)
			var one *Error
			require.ErrorAs(t, err, &one, "errors.As must find the first *Error")
			assert.Equal(t, list[0], one)
		})
	}
}

func TestErrorFormatting(t *testing.T) {
	_, err := testParser.Parse("demo/en.md", []byte(okFront+"Intro\n\n  ::: line 3\r\n::: scale\n"))
	var list ErrorList
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 2)
	assert.Equal(t, "  ::: line 3", list[0].Src)
	assert.Equal(t, "  ::: line 3\n      ^", list[0].Caret())
	assert.Equal(t, `worksheet: demo/en.md:11:7: unknown directive "line" (did you mean "lines"?) (and 1 more errors)`, list.Error())
	tab := &Error{Pkg: "worksheet", Path: "x/en.md", Line: 1, Col: 3, Msg: "m", Src: "\tab"}
	assert.Equal(t, "\tab\n\t ^", tab.Caret())
	assert.Equal(t, "", (&Error{Pkg: "worksheet", Path: "x/en.md", Msg: "m"}).Caret())
	assert.Equal(t, "worksheet: x/en.md: m", (&Error{Pkg: "worksheet", Path: "x/en.md", Msg: "m"}).Error())
}

// TestErrorSrcClipped checks that an error on a long line keeps only the
// part of the line around the column, and that the caret still points at
// the column.
func TestErrorSrcClipped(t *testing.T) {
	tests := []struct {
		name, line string
		col        int
		src, caret string
	}{
		{name: "short line", line: "ab{{c", col: 3, src: "ab{{c", caret: "ab{{c\n  ^"},
		{name: "start of a long line", line: "{{" + strings.Repeat("a", 300), col: 1,
			src: "{{" + strings.Repeat("a", 198) + "…", caret: "{{" + strings.Repeat("a", 198) + "…\n^"},
		{name: "middle of a long line", line: strings.Repeat("é", 150) + "{{" + strings.Repeat("a", 300), col: 301,
			src:   "…" + strings.Repeat("é", 50) + "{{" + strings.Repeat("a", 98) + "…",
			caret: "…" + strings.Repeat("é", 50) + "{{" + strings.Repeat("a", 98) + "…\n" + strings.Repeat(" ", 51) + "^"},
		{name: "end of a long line", line: strings.Repeat("a", 300) + "{{", col: 301,
			src: "…" + strings.Repeat("a", 198) + "{{", caret: "…" + strings.Repeat("a", 198) + "{{\n" + strings.Repeat(" ", 199) + "^"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := testParser.Parse("demo/en.md", []byte(okFront+tt.line+"\n"))
			var list ErrorList
			require.ErrorAs(t, err, &list)
			require.Len(t, list, 1)
			assert.Equal(t, tt.col, list[0].Col)
			assert.Equal(t, tt.src, list[0].Src)
			assert.Equal(t, tt.caret, list[0].Caret())
		})
	}
}

func TestParseLimitsAccepted(t *testing.T) {
	body := strings.Repeat("a", MaxLineLength) + "\n\n" +
		strings.Repeat("- ", MaxNesting) + "deepest\n\n" +
		strings.Repeat("- ", 30) + "\n\n" + // a rule, not 30 bullets
		"::: tracker " + strings.Repeat("row | ", 29) + "row\n\n"
	src := okFront + body + strings.Repeat("x", MaxFileSize-len(okFront)-len(body))
	require.Len(t, src, MaxFileSize)
	_, err := testParser.Parse("demo/en.md", []byte(src))
	require.Error(t, err, "the last line is too long")
	assert.Contains(t, err.Error(), "the line is too long")
	src = src[:len(src)-MaxFileSize+len(okFront)+len(body)] + "end\n"
	w, err := testParser.Parse("demo/en.md", []byte(src))
	require.NoError(t, err)
	require.Len(t, w.Body, 5)
	assert.IsType(t, &Rule{}, w.Body[2])
	assert.Len(t, w.Body[3].(*Tracker).Rows, 30)
	depth := 0
	for b := w.Body[1]; b != nil; depth++ {
		items := b.(*List).Items
		require.Len(t, items, 1)
		b = nil
		if len(items[0].Blocks) > 0 {
			if l, ok := items[0].Blocks[0].(*List); ok {
				b = l
			}
		}
	}
	assert.Equal(t, MaxNesting, depth)

	parts := "---\nid: demo\ntitle: Demo\nkind: plan\nparts: 12\n---\n" + strings.Repeat("::: part\nText.\n", 12)
	_, err = testParser.Parse("demo/en.md", []byte(parts))
	require.NoError(t, err)
}

func TestParseBasics(t *testing.T) {
	src := okFront + "I felt ___ when the alarm rang at {{wake_time}}.\n\n- ___\n- [ ] done\n\n___\n\n---\n\nA \\_\\_\\_ is not a blank, &amp; `a ___ b` is code.\n"
	w, err := testParser.Parse("demo/pt-BR.md", []byte(src))
	require.NoError(t, err)
	assert.Equal(t, language.MustParse("pt-BR"), w.Lang)
	assert.Equal(t, "demo", w.Meta.ID)
	require.Len(t, w.Body, 5)

	p := w.Body[0].(*Paragraph)
	assert.Equal(t, Pos{Line: 9, Col: 1}, p.Pos)
	assert.Equal(t, []Inline{&Text{Text: "I felt "}, &Blank{Width: 3}, &Text{Text: " when the alarm rang at "}, &Slot{Name: "wake_time"}, &Text{Text: "."}}, p.Content)

	l := w.Body[1].(*List)
	require.Len(t, l.Items, 2)
	assert.Equal(t, []Block{&Paragraph{Pos: Pos{11, 3}, Content: []Inline{&Blank{Width: 3}}}}, l.Items[0].Blocks)
	assert.True(t, l.Items[1].Task)
	assert.Equal(t, []Inline{&Text{Text: "done"}}, l.Items[1].Blocks[0].(*Paragraph).Content)

	// A line of underscores on its own is a blank, and "---" still a rule.
	assert.Equal(t, []Inline{&Blank{Width: 3}}, w.Body[2].(*Paragraph).Content)
	assert.IsType(t, &Rule{}, w.Body[3])
}

func TestParseEscapes(t *testing.T) {
	src := okFront + "A \\_\\_\\_ is not a blank, &amp; &#35; &copy; `a ___ {{x}} b` is code. \\{{not a slot}}\n"
	w, err := testParser.Parse("demo/en.md", []byte(src))
	require.NoError(t, err)
	p := w.Body[0].(*Paragraph)
	assert.Equal(t, []Inline{
		&Text{Text: "A ___ is not a blank, & # © "},
		&Code{Text: "a ___ {{x}} b"},
		&Text{Text: " is code. {{not a slot}}"},
	}, p.Content)
}

func TestParseFS(t *testing.T) {
	fsys := fstest.MapFS{"demo/en.md": {Data: []byte(okFront + "Hi\n")}}
	w, err := testParser.ParseFS(fsys, "demo/en.md")
	require.NoError(t, err)
	assert.Equal(t, "demo/en.md", w.Path)
	_, err = testParser.ParseFS(fsys, "demo/es.md")
	require.ErrorIs(t, err, fs.ErrNotExist)

	fsys["big/en.md"] = &fstest.MapFile{Data: make([]byte, 50<<20)}
	_, err = testParser.ParseFS(fsys, "big/en.md")
	require.EqualError(t, err, "worksheet: big/en.md: the file is too large: 50.0 MB; a template may be at most 256 KB")
	var list ErrorList
	require.ErrorAs(t, err, &list)

	// A file whose size is not known beforehand is read no further than
	// one byte past the limit.
	r := &countingFS{FS: fsys, size: 50 << 20}
	_, err = testParser.ParseFS(r, "big/en.md")
	require.EqualError(t, err, "worksheet: big/en.md: the file is too large: over 256 KB; a template may be at most 256 KB")
	assert.Equal(t, MaxFileSize+1, r.read)
}

// countingFS serves endless files that claim a size of 0, as a pipe or a
// file in /proc does, and counts the bytes read from them.
type countingFS struct {
	fs.FS
	size int
	read int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	f, err := c.FS.Open(name)
	if err != nil {
		return nil, err
	}
	return &countingFile{File: f, fs: c}, nil
}

type countingFile struct {
	fs.File
	fs *countingFS
}

func (f *countingFile) Stat() (fs.FileInfo, error) {
	info, err := f.File.Stat()
	return zeroSize{info}, err
}

func (f *countingFile) Read(p []byte) (int, error) {
	n := min(len(p), f.fs.size-f.fs.read)
	f.fs.read += n
	return n, nil
}

type zeroSize struct{ fs.FileInfo }

func (zeroSize) Size() int64 { return 0 }

// TestParseConcurrent shares one Parser between goroutines; run with -race.
func TestParseConcurrent(t *testing.T) {
	src, err := os.ReadFile("testdata/parse/thought-record/en.md")
	require.NoError(t, err)
	want, err := testParser.Parse("thought-record/en.md", src)
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				got, err := testParser.Parse("thought-record/en.md", src)
				assert.NoError(t, err)
				assert.Equal(t, want, got)
			}
		})
	}
	wg.Wait()
}

func TestAlignText(t *testing.T) {
	for _, a := range []Align{AlignNone, AlignLeft, AlignCenter, AlignRight} {
		b, err := a.MarshalText()
		require.NoError(t, err)
		var back Align
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, a, back)
	}
	_, err := Align(9).MarshalText()
	require.Error(t, err)
	var a Align
	require.Error(t, a.UnmarshalText([]byte("middle")))
}

func TestSuggest(t *testing.T) {
	tests := []struct{ word, want string }{
		{"line", ` (did you mean "lines"?)`},
		{"Scale", ` (did you mean "scale"?)`},
		{"trackers", ` (did you mean "tracker"?)`},
		{"crises", ` (did you mean "crisis"?)`},
		{"x", ""},
		{"banana", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, suggest(tt.word, directiveNames), tt.word)
	}
}

// FuzzParse checks that no input makes Parse panic, that it returns either
// a worksheet or a non-empty ErrorList, and that every error has a sane
// position and a message.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/parse/*/*.md")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(path.Base(path.Dir(filepath.ToSlash(s)))+"/en.md", b)
		}
	}
	cases, _ := filepath.Glob("testdata/parse/cases/*.txtar")
	for _, c := range cases {
		if a, err := txtar.ParseFile(c); err == nil && len(a.Files) > 0 {
			f.Add(a.Files[0].Name, a.Files[0].Data)
		}
	}
	f.Add("demo/en.md", []byte(okFront+"::: scale 0 10 x\n{{wake_time}} ___ <b>x</b>\n"))
	f.Fuzz(func(t *testing.T, name string, src []byte) {
		w, err := testParser.Parse(name, src)
		if err == nil {
			if w == nil {
				t.Fatal("nil worksheet without error")
			}
			if _, err := json.Marshal(w); err != nil {
				t.Fatalf("marshal: %v", err)
			}
			return
		}
		var list ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error is not a non-empty ErrorList: %v", err)
		}
		lines := bytes.Count(src, []byte{'\n'}) + 1
		for _, e := range list {
			if e.Msg == "" || e.Line < 0 || e.Line > lines || e.Col < 0 {
				t.Fatalf("bad error %#v", e)
			}
			if len(e.Src) > 200+2*len("…") || strings.Count(e.Caret(), "\n") > 1 {
				t.Fatalf("source line not clipped: %q", e.Src)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("testdata/parse/thought-record/en.md")
	if err != nil {
		b.Fatal(err)
	}
	p := NewParser()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Parse("thought-record/en.md", src); err != nil {
			b.Fatal(err)
		}
	}
}

func TestParseManyErrors(t *testing.T) {
	src := okFront + strings.Repeat(strings.Repeat("{{", 1000)+"\n", 100)
	_, err := testParser.Parse("demo/en.md", []byte(src))
	var list ErrorList
	require.ErrorAs(t, err, &list)
	require.Len(t, list, maxErrors+1)
	assert.Equal(t, "worksheet: demo/en.md: too many errors: 99900 more not shown; fix these first", list[maxErrors].Error())
}

func TestWorksheetJSON(t *testing.T) {
	w, err := testParser.Parse("demo/en.md", []byte(okFront+"Hi {{wake_time}} ___\n"))
	require.NoError(t, err)
	byPtr, err := json.Marshal(w)
	require.NoError(t, err)
	byVal, err := json.Marshal(*w)
	require.NoError(t, err)
	assert.Equal(t, string(byPtr), string(byVal))
	assert.Contains(t, string(byPtr), `"body":[{"type":"paragraph","pos":{"line":9,"col":1},"content":[{"type":"text","text":"Hi "},{"type":"slot","name":"wake_time"},{"type":"text","text":" "},{"type":"blank","width":3}]}]`)
	empty, err := json.Marshal(&Crisis{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"type":"crisis","pos":{"line":0,"col":0}}`, string(empty))
}
