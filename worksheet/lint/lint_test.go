package lint_test

import (
	"context"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet/lint"
	"github.com/betweensessions/between/worksheet/pdf"
)

// shared holds the catalog and PDF renderer the tests share, as a program
// would.
var shared = sync.OnceValues(func() (*i18n.Catalog, *pdf.Renderer) {
	cat, err := i18n.Default()
	if err != nil {
		panic(err)
	}
	r, err := pdf.New(pdf.Options{})
	if err != nil {
		panic(err)
	}
	return cat, r
})

// english is a small handout that passes every check.
const english = `---
id: walk
title: A short walk
summary: Take a short walk each day.
kind: plan
---
# A short walk

1. Put on your shoes.
2. Walk for ten minutes.
3. Write how you feel: ___
`

// spanish is english translated; its source_hash is filled in by files.
const spanish = `---
id: walk
title: Un paseo corto
summary: Da un paseo corto cada día.
kind: plan
source_hash: HASH
---
# Un paseo corto

1. Ponte los zapatos.
2. Camina diez minutos.
3. Escribe cómo te sientes: ___
`

// hard is a paragraph far above a sixth-grade reading level.
const hard = `
The multidisciplinary therapeutic intervention necessitates considerable deliberation regarding individual circumstances, particularly concerning interpersonal relationships, occupational responsibilities and physiological manifestations of anxiety.
`

// files returns a library with walk/en.md as en (with extra front matter
// lines and body appended as given) and a matching, up-to-date es.md.
func files(front, body string) fstest.MapFS {
	en := strings.Replace(english, "kind: plan\n", "kind: plan\n"+front, 1) + body
	es := strings.Replace(spanish, "HASH", templates.SourceHash([]byte(en)), 1)
	return fstest.MapFS{
		"walk/en.md": {Data: []byte(en)},
		"walk/es.md": {Data: []byte(es)},
	}
}

// want is a finding a case expects, matched on path, code and severity,
// and on line, column and message text when given.
type want struct {
	path      string
	line, col int
	sev       lint.Severity
	code      lint.Code
	msg       string
}

func lintFS(t *testing.T, sources ...fstest.MapFS) lint.Result {
	t.Helper()
	cat, r := shared()
	opts := lint.Options{Locales: cat, PDF: r}
	for _, s := range sources {
		opts.Sources = append(opts.Sources, s)
	}
	res, err := lint.Run(context.Background(), opts)
	require.NoError(t, err)
	return res
}

// all returns every finding of res.
func all(res lint.Result) []lint.Finding {
	var out []lint.Finding
	for _, t := range res.Templates {
		for _, f := range t.Files {
			out = append(out, f.Findings...)
		}
	}
	return out
}

func TestRunFindings(t *testing.T) {
	tests := []struct {
		name  string
		fsys  fstest.MapFS
		want  []want
		clean bool // no error or warning besides want
	}{
		{name: "clean", fsys: files("", ""), clean: true},
		{
			name: "unknown front matter key",
			fsys: files("colour: blue\n", ""),
			want: []want{{path: "walk/en.md", line: 6, col: 1, sev: lint.Error, code: lint.Parse, msg: `unknown key "colour" in the front matter`}},
		},
		{
			name: "a null is missing",
			fsys: fstest.MapFS{"walk/en.md": {Data: []byte("---\nid: ~\ntitle: null\nkind: ~\n---\n\nWalk.\n")}},
			want: []want{
				{path: "walk/en.md", line: 2, col: 5, sev: lint.Error, code: lint.Parse, msg: "id is required"},
				{path: "walk/en.md", line: 3, col: 8, sev: lint.Error, code: lint.Parse, msg: "title is required"},
				{path: "walk/en.md", line: 4, col: 7, sev: lint.Error, code: lint.Parse, msg: "kind is required"},
			},
		},
		{
			name: "numbers out of range",
			fsys: files("minutes: 9223372036854775807\nparts: 1e9\n", ""),
			want: []want{
				{path: "walk/en.md", line: 6, col: 10, sev: lint.Error, code: lint.Parse, msg: "minutes: the number is out of range"},
				{path: "walk/en.md", line: 7, col: 8, sev: lint.Error, code: lint.Parse, msg: "parts: want a whole number"},
			},
		},
		{
			name: "unknown directive",
			fsys: files("", "\n::: line 4\n"),
			want: []want{{path: "walk/en.md", line: 13, col: 5, sev: lint.Error, code: lint.Parse, msg: `unknown directive "line"`}},
		},
		{
			name: "undeclared param",
			fsys: files("", "\nWake up at {{wake_time}}.\n"),
			want: []want{{path: "walk/en.md", line: 13, sev: lint.Error, code: lint.Parse, msg: "wake_time"}},
		},
		{
			name: "every parse error of a file",
			fsys: files("colour: blue\n", "\n::: line 4\n\n<div>hi</div>\n"),
			want: []want{
				{path: "walk/en.md", line: 6, sev: lint.Error, code: lint.Parse, msg: "colour"},
				{path: "walk/en.md", line: 14, sev: lint.Error, code: lint.Parse, msg: "line"},
				{path: "walk/en.md", line: 16, col: 1, sev: lint.Error, code: lint.Parse, msg: "raw HTML"},
			},
		},
		{
			name: "raw HTML inline",
			fsys: files("", "\nBreathe <b>slowly</b>.\n"),
			want: []want{{path: "walk/en.md", line: 13, sev: lint.Error, code: lint.Parse, msg: "raw HTML"}},
		},
		{
			name: "invalid UTF-8",
			fsys: files("", "\nCaf\xe9 time.\n"),
			want: []want{{path: "walk/en.md", line: 13, col: 4, sev: lint.Error, code: lint.Encoding, msg: "UTF-8"}},
		},
		{
			name: "glyph the font lacks",
			fsys: files("", "\nWrite the word 中 here.\n"),
			want: []want{{path: "walk/en.md", line: 13, col: 16, sev: lint.Error, code: lint.Glyph, msg: `U+4E2D '中'`}},
		},
		{
			name: "stale translation",
			fsys: func() fstest.MapFS {
				fs := files("", "")
				fs["walk/en.md"].Data = append(fs["walk/en.md"].Data, "\nAlso walk after lunch.\n"...)
				return fs
			}(),
			want: []want{{path: "walk/es.md", line: 6, col: 1, sev: lint.Warning, code: lint.Stale, msg: "changed"}},
		},
		{
			name: "untranslated",
			fsys: func() fstest.MapFS {
				fs := files("", "")
				fs["walk/es.md"].Data = []byte(strings.Replace(spanish, "source_hash: HASH\n", "", 1))
				return fs
			}(),
			want: []want{{path: "walk/es.md", sev: lint.Warning, code: lint.Untranslated, msg: "sha256-"}},
		},
		{
			name: "missing translation",
			fsys: func() fstest.MapFS {
				fs := files("", "")
				fs["solo/en.md"] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(english, "id: walk", "id: solo"))}
				return fs
			}(),
			want: []want{{path: "solo/es.md", sev: lint.Warning, code: lint.Missing, msg: "no es file"}},
		},
		{
			name:  "no English source",
			fsys:  fstest.MapFS{"walk/es.md": {Data: []byte(strings.Replace(spanish, "HASH", "sha256-0011223344556677", 1))}},
			want:  []want{{path: "walk/es.md", line: 6, col: 1, sev: lint.Info, code: lint.NoSource}},
			clean: true,
		},
		{
			name: "translation without its English file",
			fsys: func() fstest.MapFS {
				fs := files("", "")
				fs["other/es.md"] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(spanish, "id: walk", "id: other"))}
				return fs
			}(),
			want: []want{
				{path: "other/en.md", sev: lint.Info, code: lint.NoSource, msg: "no English source"},
				{path: "other/es.md", line: 6, col: 1, sev: lint.Info, code: lint.NoSource},
			},
			clean: true,
		},
		{
			name: "readability over target",
			fsys: files("", hard),
			want: []want{{path: "walk/en.md", sev: lint.Warning, code: lint.ReadabilityPrefix + "above-target", msg: "target 6"}},
		},
		{
			name: "override with reason",
			fsys: files("readability:\n  target: 40\n  reason: It must name the treatment.\n", hard),
			want: []want{
				{path: "walk/en.md", line: 6, col: 1, sev: lint.Info, code: lint.Override, msg: "It must name the treatment."},
			},
		},
		{
			name: "override without reason",
			fsys: files("readability:\n  target: 12\n", ""),
			want: []want{{path: "walk/en.md", line: 6, col: 1, sev: lint.Error, code: lint.Override, msg: "needs a reason"}},
		},
		{
			name: "override without target",
			fsys: files("readability:\n  reason: Names the treatment.\n", ""),
			want: []want{{path: "walk/en.md", line: 6, sev: lint.Error, code: lint.Override, msg: "needs a target"}},
		},
		{
			name: "override with unknown key",
			fsys: files("readability:\n  target: 12\n  why: Names the treatment.\n", ""),
			want: []want{{path: "walk/en.md", line: 8, col: 3, sev: lint.Error, code: lint.Parse, msg: `unknown key "why" in readability`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := lintFS(t, tt.fsys)
			got := all(res)
			for _, w := range tt.want {
				assert.True(t, hasFinding(got, w), "want a finding like %+v; got:\n%s", w, list(got))
			}
			if tt.clean {
				assert.False(t, res.Failed(), "want no errors")
				assert.Zero(t, res.Summary.Warnings, "want no warnings; got:\n%s", list(got))
			}
		})
	}
}

func hasFinding(got []lint.Finding, w want) bool {
	for _, f := range got {
		if f.Path == w.path && f.Code == w.code && f.Severity == w.sev &&
			(w.line == 0 || f.Line == w.line) && (w.col == 0 || f.Col == w.col) &&
			strings.Contains(f.Message, w.msg) {
			return true
		}
	}
	return false
}

func list(fs []lint.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func TestOverrideChangesTarget(t *testing.T) {
	res := lintFS(t, files("readability:\n  target: 40\n  reason: It must name the treatment.\n", hard))
	rd := res.Templates[0].Files[0].Reading
	require.NotNil(t, rd)
	assert.Equal(t, 40.0, rd.Target)
	assert.Equal(t, "It must name the treatment.", rd.Reason)
	assert.True(t, rd.MeetsTarget, "grade %.1f should meet the template's own target 40", rd.Value)

	plain := lintFS(t, files("", hard)).Templates[0].Files[0].Reading
	assert.Equal(t, 6.0, plain.Target)
	assert.False(t, plain.MeetsTarget)
	assert.Equal(t, plain.Value, rd.Value, "the override changes the target, not the score")
}

func TestStrict(t *testing.T) {
	res := lintFS(t, files("", hard))
	require.Positive(t, res.Summary.Warnings)
	require.Zero(t, res.Summary.Errors)
	assert.False(t, res.Failed(), "warnings alone do not fail")
	res.Strict = true
	assert.True(t, res.Failed(), "warnings fail a strict run")
}

func TestLayeringAndRoot(t *testing.T) {
	cat, r := shared()
	bad := files("colour: blue\n", "")
	good := files("", "")
	res, err := lint.Run(context.Background(), lint.Options{
		Sources: []fs.FS{bad, good}, Locales: cat, PDF: r, Root: "clinic",
	})
	require.NoError(t, err)
	assert.Zero(t, res.Summary.Errors, "the later source replaces the id; got:\n%s", list(all(res)))
	require.Len(t, res.Templates, 1)
	assert.Equal(t, "clinic/walk/en.md", res.Templates[0].Files[0].Path)
	assert.Equal(t, 2, res.Summary.Files)

	res, err = lint.Run(context.Background(), lint.Options{Sources: []fs.FS{good, bad}, Locales: cat, Root: "clinic"})
	require.NoError(t, err)
	require.Positive(t, res.Summary.Errors)
	assert.Equal(t, "clinic/walk/en.md", all(res)[0].Path)
}

// TestDuplicateLanguageFiles checks that two files of one folder naming
// one language are both linted and both carry an error naming the other:
// lint used to check only one of them, silently.
func TestDuplicateLanguageFiles(t *testing.T) {
	for _, other := range []string{"EN.md", "eng.md"} {
		t.Run(other, func(t *testing.T) {
			src := files("", "")
			src["walk/"+other] = &fstest.MapFile{Data: []byte(strings.Replace(english, "A short walk", "A long walk", 1) + "\n::: lines two\n")}
			res := lintFS(t, src)
			require.Len(t, res.Templates, 1)
			byPath := map[string]lint.File{}
			for _, f := range res.Templates[0].Files {
				byPath[f.Path] = f
			}
			require.Contains(t, byPath, "walk/"+other, "the file left out is linted too")
			for _, p := range []string{"walk/en.md", "walk/" + other} {
				assert.True(t, hasFinding(byPath[p].Findings, want{path: p, sev: lint.Error, code: lint.Duplicate, msg: "en.md"}), "%s: %s", p, list(byPath[p].Findings))
				assert.True(t, hasFinding(byPath[p].Findings, want{path: p, sev: lint.Error, code: lint.Duplicate, msg: other}), "%s names both", p)
			}
			assert.True(t, hasFinding(byPath["walk/"+other].Findings, want{path: "walk/" + other, sev: lint.Error, code: lint.Parse}), "the left-out file's own faults are found")
			assert.True(t, res.Failed())
		})
	}
}

func TestSkipsHiddenAndEmpty(t *testing.T) {
	cat, _ := shared()
	_, err := lint.Run(context.Background(), lint.Options{Locales: cat, Sources: []fs.FS{fstest.MapFS{
		"_draft/en.md":   {Data: []byte("not a template")},
		".git/en.md":     {Data: []byte("not a template")},
		"README.md":      {Data: []byte("# hello")},
		"walk/notes.txt": {Data: []byte("x")},
	}}})
	require.ErrorIs(t, err, lint.ErrNoTemplates)
}

func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cat, _ := shared()
	_, err := lint.Run(ctx, lint.Options{Locales: cat, Sources: []fs.FS{files("", "")}})
	require.ErrorIs(t, err, context.Canceled)
}

// TestShippedLibraryStrict is the promise of the issue: every template
// that ships passes a strict lint.
func TestShippedLibraryStrict(t *testing.T) {
	cat, r := shared()
	res, err := lint.Run(context.Background(), lint.Options{
		Sources: []fs.FS{templates.FS()}, Locales: cat, PDF: r, Strict: true,
	})
	require.NoError(t, err)
	var problems []lint.Finding
	for _, f := range all(res) {
		if f.Severity >= lint.Warning {
			problems = append(problems, f)
		}
	}
	assert.False(t, res.Failed(), "the shipped library fails lint --strict:\n%s", list(problems))
	assert.Equal(t, 34, res.Summary.Files, "17 templates in en and es")
	for _, tmpl := range res.Templates {
		for _, f := range tmpl.Files {
			require.NotNil(t, f.Reading, f.Path)
			assert.NotEmpty(t, f.Reading.Formula, f.Path)
		}
	}
}
