package site_test

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/site"
)

// editable copies the three test templates into a MapFS that a test may
// change between builds.
func editable(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for name, f := range mine(t).(fstest.MapFS) {
		m[name] = &fstest.MapFile{Data: append([]byte(nil), f.Data...)}
	}
	return m
}

// edit appends a paragraph to a template.
func edit(m fstest.MapFS, name, text string) {
	m[name] = &fstest.MapFile{Data: append(append([]byte(nil), m[name].Data...), "\n"+text+"\n"...)}
}

func TestIncremental(t *testing.T) {
	ctx := context.Background()
	cat := catalog(t)
	src := editable(t)
	out := filepath.Join(t.TempDir(), "site")
	opts := site.Options{Out: out, Sources: []fs.FS{src}, Locales: cat, Version: "test 1"}
	fresh := func(o site.Options) map[string]string {
		t.Helper()
		o.Out = filepath.Join(t.TempDir(), "fresh")
		_, err := site.Build(ctx, o)
		require.NoError(t, err)
		return readTree(t, o.Out)
	}

	first, err := site.Build(ctx, opts)
	require.NoError(t, err)
	assert.Equal(t, first.Files-2, first.Rendered, "a first build renders everything but the manifest and the cache")
	assert.Zero(t, first.Reused)
	require.FileExists(t, filepath.Join(out, site.CacheName))
	assert.Contains(t, readTree(t, out)[site.ManifestName], site.CacheName+"\n", "the manifest lists the cache")

	t.Run("no change renders nothing and writes nothing", func(t *testing.T) {
		before := readTree(t, out)
		fi, err := os.Stat(filepath.Join(out, site.ManifestName))
		require.NoError(t, err)
		rep, err := site.Build(ctx, opts)
		require.NoError(t, err)
		assert.Zero(t, rep.Rendered)
		assert.Equal(t, first.Files-2, rep.Reused)
		assert.Equal(t, first.Files, rep.Files)
		assert.Equal(t, before, readTree(t, out))
		after, err := os.Stat(filepath.Join(out, site.ManifestName))
		require.NoError(t, err)
		assert.True(t, os.SameFile(fi, after), "the site folder was left as it was")
		assert.Contains(t, rep.String(), "(0 rendered, ")
	})

	t.Run("one template re-renders its pages and the index", func(t *testing.T) {
		kept, err := os.Stat(filepath.Join(out, "en", "mood-journal", "index.html"))
		require.NoError(t, err)
		edit(src, "sleep-routine/en.md", "A new line about naps.")
		rep, err := site.Build(ctx, opts)
		require.NoError(t, err)
		// 2 handout pages + clinician page + chooser + library page + the
		// 9 assets (site.css, print.css, handout.css, handout.js,
		// library.js, three fonts and their licence); the other id's 3
		// pages are reused.
		assert.Equal(t, 14, rep.Rendered)
		assert.Equal(t, 6, rep.Reused)
		tree := readTree(t, out)
		assert.Contains(t, tree["en/sleep-routine/index.html"], "A new line about naps.")
		assert.Equal(t, fresh(opts), tree, "an incremental build gives the bytes of a full one")
		now, err := os.Stat(filepath.Join(out, "en", "mood-journal", "index.html"))
		require.NoError(t, err)
		assert.True(t, os.SameFile(kept, now), "an unchanged page is hard-linked, not rewritten")
	})

	t.Run("a new translation re-renders that id in every language", func(t *testing.T) {
		src["mood-journal/es.md"] = &fstest.MapFile{Data: []byte("---\nid: mood-journal\ntitle: Diario del ánimo\nsummary: Anote su ánimo.\nkind: log\ntopics: [mood]\n---\n\nEscriba cómo se siente hoy.\n")}
		rep, err := site.Build(ctx, opts)
		require.NoError(t, err)
		assert.Equal(t, fresh(opts), readTree(t, out))
		// The two new languages' pages: every page of every id in es is new
		// (the site gained a language), so nothing of es is reused.
		assert.Positive(t, rep.Rendered)
	})

	t.Run("an edited output file is rendered again", func(t *testing.T) {
		name := filepath.Join(out, "en", "thought-record", "large-print.html")
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		want := string(b)
		require.NoError(t, os.Remove(name)) // do not write through a hard link
		require.NoError(t, os.WriteFile(name, []byte(want+"x"), 0o644))
		rep, err := site.Build(ctx, opts)
		require.NoError(t, err)
		assert.Positive(t, rep.Rendered)
		got, err := os.ReadFile(name)
		require.NoError(t, err)
		assert.Equal(t, want, string(got))
	})

	t.Run("a broken template leaves the site and the next fix builds", func(t *testing.T) {
		before := readTree(t, out)
		good := src["thought-record/en.md"]
		src["thought-record/en.md"] = &fstest.MapFile{Data: []byte("---\nid: thought-record\ntitle: T\nsummary: x\nkind: nope\n---\n")}
		_, err := site.Build(ctx, opts)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "thought-record/en.md:")
		assert.Equal(t, before, readTree(t, out))
		src["thought-record/en.md"] = good
		rep, err := site.Build(ctx, opts)
		require.NoError(t, err)
		assert.Zero(t, rep.Rendered, "the broken build changed nothing, so the fixed one has nothing to do")
	})

	t.Run("what invalidates everything", func(t *testing.T) {
		for name, change := range map[string]func(o *site.Options){
			"another version": func(o *site.Options) { o.Version = "test 2" },
			"other languages": func(o *site.Options) { o.Langs = []language.Tag{language.Spanish, language.English} },
			"other locales": func(o *site.Options) {
				top, err := i18n.Load(fstest.MapFS{"active.en.toml": {Data: []byte("Day = \"Date\"\n")}})
				require.NoError(t, err)
				c, err := cat.Overlay(top)
				require.NoError(t, err)
				o.Locales = c
			},
		} {
			o := opts
			change(&o)
			rep, err := site.Build(ctx, o)
			require.NoError(t, err, name)
			assert.Zero(t, rep.Reused, name)
			rep, err = site.Build(ctx, opts) // back to the usual options
			require.NoError(t, err, name)
			assert.Zero(t, rep.Reused, name)
		}
	})

	t.Run("Full renders everything and writes the same cache", func(t *testing.T) {
		o := opts
		o.Full = true
		rep, err := site.Build(ctx, o)
		require.NoError(t, err)
		assert.Zero(t, rep.Reused)
		rep, err = site.Build(ctx, opts)
		require.NoError(t, err)
		assert.Zero(t, rep.Rendered)
	})

	t.Run("deleting the cache means a full build", func(t *testing.T) {
		require.NoError(t, os.Remove(filepath.Join(out, site.CacheName)))
		before := readTree(t, out)
		rep, err := site.Build(ctx, opts)
		require.NoError(t, err)
		assert.Zero(t, rep.Reused)
		after := readTree(t, out)
		assert.NotContains(t, before, site.CacheName)
		delete(after, site.CacheName)
		delete(after, site.ManifestName)
		delete(before, site.ManifestName)
		assert.Equal(t, before, after)
	})
}

func TestIncrementalDownloads(t *testing.T) {
	ctx := context.Background()
	calls := 0
	format := func(version string) site.Download {
		return site.Download{
			Ext: "txt", Version: version,
			Render: func(_ context.Context, w io.Writer, ws *worksheet.Worksheet, v worksheet.Variant, _ *i18n.Locale, _ worksheet.Branding) error {
				calls++ // Workers is 1
				_, err := io.WriteString(w, ws.Meta.ID+" "+v.String()+" "+version)
				return err
			},
		}
	}
	out := filepath.Join(t.TempDir(), "site")
	build := func(f site.Download) site.Report {
		t.Helper()
		calls = 0
		rep, err := site.Build(ctx, site.Options{Out: out, Sources: []fs.FS{mine(t)}, Locales: catalog(t), Workers: 1, Downloads: []site.Download{f}, Version: "test"})
		require.NoError(t, err)
		return rep
	}
	build(format("v1"))
	assert.Equal(t, 6, calls)
	build(format("v1"))
	assert.Zero(t, calls, "the same format version reuses the files")
	build(format("v2"))
	assert.Equal(t, 6, calls, "a new format version renders them again")
	build(format(""))
	build(format(""))
	assert.Equal(t, 6, calls, "a format with no version is never cached")
	assert.NoFileExists(t, filepath.Join(out, site.CacheName))
}

func TestIncrementalDefaultLibraryFast(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the default library")
	}
	out := filepath.Join(t.TempDir(), "site")
	opts := site.Options{Out: out, Sources: []fs.FS{templates.FS()}, Locales: catalog(t), Version: "test"}
	full, err := site.Build(context.Background(), opts)
	require.NoError(t, err)
	best := time.Hour
	for range 5 {
		rep, err := site.Build(context.Background(), opts)
		require.NoError(t, err)
		require.Zero(t, rep.Rendered)
		best = min(best, rep.Duration)
	}
	t.Logf("default library: full build %v (%d files), no-change rebuild %v", full.Duration, full.Files, best)
	assert.Less(t, best, 100*time.Millisecond, "a no-change rebuild of the default library")
}

// FuzzCache builds a site, replaces its build cache with the fuzzer's
// bytes and builds again: whatever the cache says, the second build must
// succeed and give the same site as the first.
func FuzzCache(f *testing.F) {
	cat := catalog(f)
	src := mine(f)
	base := filepath.Join(f.TempDir(), "site")
	opts := site.Options{Out: base, Sources: []fs.FS{src}, Locales: cat, Version: "fuzz"}
	if _, err := site.Build(context.Background(), opts); err != nil {
		f.Fatal(err)
	}
	good, err := os.ReadFile(filepath.Join(base, site.CacheName))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte("{}"))
	f.Add([]byte(`{"format":1,"key":"x","handouts":{}}`))
	f.Add([]byte(strings.ReplaceAll(string(good), `"path": "en/`, `"path": "../../en/`)))
	f.Add([]byte(strings.ReplaceAll(string(good), `"path": "assets/site.css"`, `"path": ".between-site"`)))
	f.Fuzz(func(t *testing.T, cache []byte) {
		out := filepath.Join(t.TempDir(), "site")
		o := opts
		o.Out = out
		_, err := site.Build(context.Background(), o)
		require.NoError(t, err)
		want := readTree(t, out)
		require.NoError(t, os.WriteFile(filepath.Join(out, site.CacheName), cache, 0o644))
		_, err = site.Build(context.Background(), o)
		require.NoError(t, err)
		assert.Equal(t, want, readTree(t, out))
		assertNoLeftovers(t, filepath.Dir(out))
	})
}

// ExampleBuild_incremental builds a site twice: the second build finds
// nothing changed and renders nothing.
func ExampleBuild_incremental() {
	dir, _ := os.MkdirTemp("", "between-example-")
	defer os.RemoveAll(dir)
	opts := site.Options{
		Sources: []fs.FS{fstest.MapFS{"walk/en.md": {Data: []byte("---\nid: walk\ntitle: A walk\nsummary: Go out.\nkind: plan\n---\n\nWalk for ten minutes.\n")}}},
		Out:     filepath.Join(dir, "site"),
		Version: "example 1",
	}
	for range 2 {
		rep, err := site.Build(context.Background(), opts)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%d files: %d rendered, %d reused\n", rep.Files, rep.Rendered, rep.Reused)
	}
	// Output:
	// 16 files: 14 rendered, 0 reused
	// 16 files: 0 rendered, 14 reused
}
