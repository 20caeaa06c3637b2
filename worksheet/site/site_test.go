package site_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
	"golang.org/x/tools/txtar"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/site"
)

// mine is the three templates this package's tests count on, taken from
// the embedded library (which grows).
func mine(t testing.TB) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	for _, id := range []string{"mood-journal", "sleep-routine", "thought-record"} {
		b, err := fs.ReadFile(templates.FS(), id+"/en.md")
		require.NoError(t, err)
		m[id+"/en.md"] = &fstest.MapFile{Data: b}
	}
	return m
}

// catalog loads the embedded locales once per test.
func catalog(t testing.TB) *i18n.Catalog {
	t.Helper()
	cat, err := i18n.Default()
	require.NoError(t, err)
	return cat
}

// TestFixtures builds each testdata/*.txtar site and checks its "want"
// file. An archive holds:
//
//	-- options --    optional: "langs en es", "layers base clinic"
//	-- want --       one check a line (see check below)
//	-- src/<id>/<lang>.md --  the templates (or -- <layer>/… -- per layer)
func TestFixtures(t *testing.T) {
	names, err := filepath.Glob("testdata/*.txtar")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(name)
			require.NoError(t, err)
			files := map[string]string{}
			for _, f := range ar.Files {
				files[f.Name] = string(f.Data)
			}
			fsys, err := txtar.FS(ar)
			require.NoError(t, err)

			opts := site.Options{Out: filepath.Join(t.TempDir(), "site"), Locales: catalog(t), Workers: 3}
			layers := []string{"src"}
			for line := range strings.Lines(files["options"]) {
				f := strings.Fields(line)
				if len(f) == 0 {
					continue
				}
				switch f[0] {
				case "langs":
					for _, l := range f[1:] {
						opts.Langs = append(opts.Langs, language.MustParse(l))
					}
				case "layers":
					layers = f[1:]
				default:
					t.Fatalf("unknown option %q", f[0])
				}
			}
			for _, l := range layers {
				sub, err := fs.Sub(fsys, l)
				require.NoError(t, err)
				opts.Sources = append(opts.Sources, sub)
			}

			rep, buildErr := site.Build(context.Background(), opts)
			wantErr := false
			for line := range strings.Lines(files["want"]) {
				line = strings.TrimSpace(line)
				if line == "" {
					continue
				}
				verb, arg, _ := strings.Cut(line, " ")
				if verb == "error" {
					wantErr = true
					require.Error(t, buildErr)
					assert.Contains(t, buildErr.Error(), arg)
					continue
				}
				require.NoError(t, buildErr)
				check(t, opts.Out, rep, verb, arg)
			}
			if wantErr {
				_, err := os.Stat(opts.Out)
				assert.ErrorIs(t, err, fs.ErrNotExist, "a failed build writes nothing")
			}
		})
	}
}

// check runs one line of a fixture's want file:
//
//	file PATH                  PATH was written
//	contains PATH TEXT         PATH holds TEXT
//	not-contains PATH TEXT     PATH does not hold TEXT
//	order PATH A B             A comes before B in PATH
//	fallback ID LANG FROM STATE  the report lists the fallback (STATE is
//	                           missing or untranslated)
func check(t *testing.T, out string, rep site.Report, verb, arg string) {
	t.Helper()
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
		require.NoError(t, err)
		return string(b)
	}
	p, text, _ := strings.Cut(arg, " ")
	switch verb {
	case "file":
		assert.FileExists(t, filepath.Join(out, filepath.FromSlash(p)))
	case "contains":
		assert.Contains(t, read(p), text)
	case "not-contains":
		assert.NotContains(t, read(p), text)
	case "order":
		a, b, _ := strings.Cut(text, " ")
		s := read(p)
		require.Contains(t, s, a)
		require.Contains(t, s, b)
		assert.Less(t, strings.Index(s, a), strings.Index(s, b), "%q before %q in %s", a, b, p)
	case "fallback":
		f := strings.Fields(arg)
		require.Len(t, f, 4)
		assert.Contains(t, rep.Fallbacks, site.Fallback{ID: f[0], Lang: language.MustParse(f[1]), From: language.MustParse(f[2]), State: templates.State(f[3])})
	default:
		t.Fatalf("unknown check %q", verb)
	}
}

// readTree returns every file under dir with its contents.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		tree[filepath.ToSlash(rel)] = string(b)
		return err
	}))
	return tree
}

func TestBuildDefaultLibrary(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	rep, err := site.Build(context.Background(), site.Options{Out: out}) // the embedded library
	require.NoError(t, err)
	assert.GreaterOrEqual(t, rep.Handouts, 3)
	require.NotEmpty(t, rep.Langs)
	assert.Equal(t, language.English, rep.Langs[0], "English comes first")
	tree := readTree(t, out)
	assert.Len(t, tree, rep.Files)
	assert.Contains(t, rep.String(), "handouts in ")
	for _, id := range []string{"mood-journal", "thought-record", "sleep-routine"} {
		assert.Contains(t, tree, "en/"+id+"/index.html")
		assert.Contains(t, tree, "en/"+id+"/large-print.html")
	}
	for name, body := range tree {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		assert.Equal(t, 1, strings.Count(body, "<main"), "%s has one <main>", name)
		assert.Equal(t, 1, strings.Count(body, "<h1"), "%s has one <h1>", name)
		assert.NotContains(t, body, "http://", "%s makes no outside request", name)
		assert.NotContains(t, body, "https://", "%s makes no outside request", name)
		assert.NotContains(t, body, `href="/`, "%s uses relative links only", name)
		assert.NotContains(t, ownScript.ReplaceAllString(body, ""), "<script", "%s: no script but the site's own files", name)
	}
}

func TestBuildReproducible(t *testing.T) {
	cat := catalog(t)
	extra := fstest.MapFS{
		"extra/es.md": {Data: []byte("---\nid: extra\ntitle: Extra\nsummary: Uno.\nkind: log\n---\n\n::: tracker Ánimo\n")},
	}
	build := func(workers int) map[string]string {
		out := filepath.Join(t.TempDir(), "site")
		_, err := site.Build(context.Background(), site.Options{
			Out: out, Sources: []fs.FS{mine(t), extra}, Locales: cat, Workers: workers,
			Langs:   []language.Tag{language.English, language.Spanish},
			Version: "test", // the build cache is part of the site, and reproducible too
		})
		require.NoError(t, err)
		return readTree(t, out)
	}
	a, b := build(1), build(4)
	assert.Equal(t, a, b, "two builds give the same bytes")
	assert.Contains(t, a, site.CacheName)
	assert.Contains(t, a, "es/extra/index.html")
	assert.Contains(t, a, "en/extra/index.html", "the Spanish-only template falls back in English pages")
}

func TestBuildOutputSafety(t *testing.T) {
	ctx := context.Background()
	good := fstest.MapFS{"a/en.md": {Data: []byte("---\nid: a\ntitle: A\nsummary: x\nkind: log\n---\n\nHello.\n")}}
	bad := fstest.MapFS{"a/en.md": {Data: []byte("---\nid: a\ntitle: A\nsummary: x\nkind: nope\n---\n")}}
	opts := func(out string, src fs.FS) site.Options {
		return site.Options{Out: out, Sources: []fs.FS{src}, Locales: catalog(t)}
	}

	t.Run("refuses a folder that is not a site", func(t *testing.T) {
		out := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(out, "thesis.docx"), []byte("mine"), 0o644))
		_, err := site.Build(ctx, opts(out, good))
		require.ErrorIs(t, err, site.ErrNotSite)
		assert.Equal(t, map[string]string{"thesis.docx": "mine"}, readTree(t, out))
		assertNoLeftovers(t, filepath.Dir(out))
	})
	t.Run("builds into an empty folder", func(t *testing.T) {
		out := t.TempDir()
		_, err := site.Build(ctx, opts(out, good))
		require.NoError(t, err)
		assert.FileExists(t, filepath.Join(out, site.ManifestName))
	})
	t.Run("a failed build leaves the previous site", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "site")
		_, err := site.Build(ctx, opts(out, good))
		require.NoError(t, err)
		before := readTree(t, out)
		_, err = site.Build(ctx, opts(out, bad))
		require.Error(t, err)
		assert.Equal(t, before, readTree(t, out))
		assertNoLeftovers(t, filepath.Dir(out))
	})
	t.Run("a cancelled build leaves the previous site", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "site")
		_, err := site.Build(ctx, opts(out, good))
		require.NoError(t, err)
		before := readTree(t, out)
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		_, err = site.Build(cctx, opts(out, templates.FS()))
		require.ErrorIs(t, err, context.Canceled)
		assert.Equal(t, before, readTree(t, out))
		assertNoLeftovers(t, filepath.Dir(out))
	})
	t.Run("keeps files it did not write", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "site")
		_, err := site.Build(ctx, opts(out, mine(t)))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(out, "README.txt"), []byte("clinic notes"), 0o600))
		require.NoError(t, os.MkdirAll(filepath.Join(out, "en", "mood-journal", "scans"), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(out, "en", "mood-journal", "scans", "x.txt"), []byte("x"), 0o644))
		require.NoError(t, os.Mkdir(filepath.Join(out, "empty"), 0o755))

		_, err = site.Build(ctx, opts(out, good)) // the old handouts go, the clinic's files stay
		require.NoError(t, err)
		tree := readTree(t, out)
		assert.Equal(t, "clinic notes", tree["README.txt"])
		assert.Equal(t, "x", tree["en/mood-journal/scans/x.txt"])
		assert.NotContains(t, tree, "en/mood-journal/index.html")
		assert.Contains(t, tree, "en/a/index.html")
		assert.DirExists(t, filepath.Join(out, "empty"))
		assertNoLeftovers(t, filepath.Dir(out))
	})
	t.Run("will not overwrite a foreign file", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "site")
		_, err := site.Build(ctx, opts(out, good))
		require.NoError(t, err)
		require.NoError(t, os.MkdirAll(filepath.Join(out, "en", "b"), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(out, "en", "b", "index.html"), []byte("mine"), 0o644))
		both := fstest.MapFS{
			"a/en.md": good["a/en.md"],
			"b/en.md": {Data: []byte("---\nid: b\ntitle: B\nsummary: x\nkind: log\n---\n\nHi.\n")},
		}
		_, err = site.Build(ctx, opts(out, both))
		require.Error(t, err)
		assert.Contains(t, err.Error(), "en/b/index.html")
		assert.Equal(t, "mine", readTree(t, out)["en/b/index.html"])
		assertNoLeftovers(t, filepath.Dir(out))
	})
	t.Run("a file is not a folder", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "site")
		require.NoError(t, os.WriteFile(out, nil, 0o644))
		_, err := site.Build(ctx, opts(out, good))
		require.Error(t, err)
	})
}

// assertNoLeftovers checks that no temporary build folder is left in dir.
func assertNoLeftovers(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), ".between-site-"), "leftover %s", e.Name())
	}
}

func TestBuildDownloads(t *testing.T) {
	errBoom := errors.New("boom")
	txt := func(fail bool) site.Download {
		return site.Download{
			Ext: "txt",
			Label: func(loc *i18n.Locale, v worksheet.Variant) string {
				return "Text (" + v.String() + ")"
			},
			Render: func(_ context.Context, w io.Writer, ws *worksheet.Worksheet, v worksheet.Variant, loc *i18n.Locale, _ worksheet.Branding) error {
				if fail {
					return errBoom
				}
				_, err := fmt.Fprintf(w, "%s %s %s\n", ws.Meta.ID, v, loc.Tag)
				return err
			},
		}
	}
	out := filepath.Join(t.TempDir(), "site")
	rep, err := site.Build(context.Background(), site.Options{Out: out, Sources: []fs.FS{mine(t)}, Locales: catalog(t), Downloads: []site.Download{txt(false)}})
	require.NoError(t, err)
	tree := readTree(t, out)
	assert.Equal(t, "sleep-routine standard en\n", tree["en/sleep-routine/sleep-routine.txt"])
	assert.Equal(t, "sleep-routine large-print en\n", tree["en/sleep-routine/sleep-routine-large-print.txt"])
	assert.Contains(t, tree["en/sleep-routine/index.html"], `<a href="sleep-routine-large-print.txt">Text (large-print)</a>`)
	assert.Contains(t, tree["en/index.html"], `<a href="sleep-routine/sleep-routine.txt">Text (standard)</a>`)
	assert.Equal(t, 3*(2*2+1)+2+9+1, rep.Files, "pages and files, a clinician page each, two index pages, nine assets, the manifest")

	_, err = site.Build(context.Background(), site.Options{Out: filepath.Join(t.TempDir(), "x"), Sources: []fs.FS{mine(t)}, Locales: catalog(t), Downloads: []site.Download{txt(true)}})
	require.ErrorIs(t, err, errBoom)
}

func TestFileName(t *testing.T) {
	assert.Equal(t, "a.pdf", site.FileName("a", worksheet.Standard, "pdf"))
	assert.Equal(t, "a-large-print.pdf", site.FileName("a", worksheet.LargePrint, "pdf"))
}

func TestList(t *testing.T) {
	clinic := fstest.MapFS{
		"mood-journal/es.md": {Data: []byte("---\nid: mood-journal\ntitle: Diario\nsummary: x\nkind: log\n---\n\nHola.\n")},
	}
	entries, err := site.List(context.Background(), mine(t), clinic)
	require.NoError(t, err)
	require.Len(t, entries, 3)
	assert.Equal(t, "mood-journal", entries[0].ID)
	assert.Equal(t, "Mood Journal", entries[0].Title, "the English file beneath still defines the template")
	assert.Equal(t, []language.Tag{language.English, language.Spanish}, entries[0].Langs, "a folder without the English file adds its languages")
	assert.Equal(t, worksheet.KindPlan, entries[1].Kind)

	clinic["mood-journal/en.md"] = &fstest.MapFile{Data: []byte("---\nid: mood-journal\ntitle: Journal\nsummary: x\nkind: log\n---\n\nHello.\n")}
	entries, err = site.List(context.Background(), mine(t), clinic)
	require.NoError(t, err)
	assert.Equal(t, "Journal", entries[0].Title, "a folder with the English file replaces the default template whole")
	assert.Equal(t, []language.Tag{language.English, language.Spanish}, entries[0].Langs)

	_, err = site.List(context.Background(), fstest.MapFS{"x/english.md": {Data: []byte("")}})
	require.Error(t, err)
}

func TestReportString(t *testing.T) {
	r := site.Report{Out: "site", Files: 19, Handouts: 1, Langs: []language.Tag{language.English, language.Spanish}}
	assert.Equal(t, "built 1 handout in 2 languages (en, es): 19 files in site, 0.00s", r.String())
}

func ExampleBuild() {
	dir, _ := os.MkdirTemp("", "between-example-")
	defer os.RemoveAll(dir)

	rep, err := site.Build(context.Background(), site.Options{
		Sources: []fs.FS{templates.FS()},
		Out:     filepath.Join(dir, "site"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.Files > 2*rep.Handouts)
	b, _ := os.ReadFile(filepath.Join(dir, "site", "en", "sleep-routine", "large-print.html"))
	fmt.Println(bytes.Contains(b, []byte(`<body class="large-print">`)))
	// Output:
	// true
	// true
}

func TestBuildProgress(t *testing.T) {
	var progress bytes.Buffer
	_, err := site.Build(context.Background(), site.Options{
		Out: filepath.Join(t.TempDir(), "site"), Sources: []fs.FS{mine(t)}, Locales: catalog(t), Progress: &progress,
	})
	require.NoError(t, err)
	assert.Contains(t, progress.String(), "\rbuilding 6/6 files", "the last count is always shown")
	assert.True(t, strings.HasSuffix(progress.String(), "\r\033[K"), "the line is cleared at the end")
}
