package site_test

// This file tests the site builder under faults and hostile input: a
// build cancelled half way, a write that fails as on a full disk, the real
// binary killed with SIGKILL or interrupted with SIGINT mid-write, a crash
// between the two renames of the swap, tampered manifests, foreign files,
// symlinks out of a source folder, script in template text, and builds
// running in parallel. The rule throughout: the previous site stays
// complete and byte-identical, nothing outside the output folder is
// touched, and the next build succeeds.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
	"github.com/betweensessions/between/worksheet/site"
)

// faultTemplate is a small valid template with the given id and marker
// text in its body.
func faultTemplate(id, marker string) []byte {
	return []byte("---\nid: " + id + "\ntitle: Handout " + id + "\nsummary: A generated handout.\nkind: log\n---\n\n" +
		"## What to do\n\nWrite down " + marker + " each day.\n\n::: lines 2\n\n- [ ] Done today\n\n::: tracker Mood | Sleep\n")
}

// faultCorpus returns n generated templates as an in-memory source.
func faultCorpus(n int) fstest.MapFS {
	m := fstest.MapFS{}
	for i := range n {
		id := fmt.Sprintf("gen-%05d", i)
		m[id+"/en.md"] = &fstest.MapFile{Data: faultTemplate(id, "one thing")}
	}
	return m
}

// writeFaultCorpus writes n generated templates into dir as <id>/en.md.
func writeFaultCorpus(t testing.TB, dir string, n int) {
	t.Helper()
	for i := range n {
		id := fmt.Sprintf("gen-%05d", i)
		require.NoError(t, os.MkdirAll(filepath.Join(dir, id), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, id, "en.md"), faultTemplate(id, "one thing"), 0o644))
	}
}

// snapshotTree returns every file, folder and symlink under dir: a file's
// contents, "<dir>" for a folder, "-> target" for a symlink.
func snapshotTree(t testing.TB, dir string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ".":
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			tree[rel] = "-> " + target
		case d.IsDir():
			tree[rel] = "<dir>"
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			tree[rel] = string(b)
		}
		return nil
	}))
	return tree
}

// tempLeftovers lists the builder's temporary folders in dir.
func tempLeftovers(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var left []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".between-site-") {
			left = append(left, e.Name())
		}
	}
	return left
}

// faultOptions are the options of a build of src into out.
func faultOptions(t testing.TB, out string, src ...fs.FS) site.Options {
	t.Helper()
	cat, err := i18n.Default()
	require.NoError(t, err)
	return site.Options{Out: out, Sources: src, Locales: cat, Langs: []language.Tag{language.English}}
}

// prevSite builds a small site into a new folder and returns the folder
// and its snapshot. A foreign file is added, as a clinic would.
func prevSite(t *testing.T) (out string, before map[string]string) {
	t.Helper()
	out = filepath.Join(t.TempDir(), "site")
	_, err := site.Build(context.Background(), faultOptions(t, out, faultCorpus(3)))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(out, "clinic-notes.txt"), []byte("ours"), 0o600))
	return out, snapshotTree(t, out)
}

// requireUnchanged checks that out is exactly before and that no
// temporary folder is left beside it.
func requireUnchanged(t *testing.T, out string, before map[string]string) {
	t.Helper()
	require.Equal(t, before, snapshotTree(t, out), "the previous site is byte-identical")
	assert.Empty(t, tempLeftovers(t, filepath.Dir(out)), "no temporary folders are left")
}

// requireNextBuild checks that a build after a fault succeeds and leaves
// a complete site.
func requireNextBuild(t *testing.T, out string, src fs.FS) {
	t.Helper()
	rep, err := site.Build(context.Background(), faultOptions(t, out, src))
	require.NoError(t, err, "the next build succeeds")
	assert.Equal(t, rep.Files, requireComplete(t, out), "the manifest lists every file written")
}

// requireComplete checks that the site in out is complete: the foreign
// file is kept and every manifest entry exists. It returns the number of
// entries.
func requireComplete(t *testing.T, out string) int {
	t.Helper()
	tree := snapshotTree(t, out)
	assert.Equal(t, "ours", tree["clinic-notes.txt"], "the foreign file is kept")
	n := 0
	for line := range strings.Lines(tree[site.ManifestName]) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		n++
		assert.Contains(t, tree, line, "manifest entry %s exists", line)
	}
	assert.Positive(t, n, "the site has a manifest")
	return n
}

// countingDownload is a further output that calls hook before each render
// and writes a few bytes.
func countingDownload(hook func(n int64) error) site.Download {
	var calls atomic.Int64
	return site.Download{
		Ext:   "txt",
		Label: func(*i18n.Locale, worksheet.Variant) string { return "Text" },
		Render: func(ctx context.Context, w io.Writer, ws *worksheet.Worksheet, v worksheet.Variant, loc *i18n.Locale, _ worksheet.Branding) error {
			if _, err := io.WriteString(w, "partial "+ws.Meta.ID); err != nil {
				return err
			}
			return hook(calls.Add(1))
		},
	}
}

// TestFaultCancelMidBuild cancels a build of 400 handouts half way
// through, from inside a render and from a timer: the previous site is
// untouched and the next build succeeds.
func TestFaultCancelMidBuild(t *testing.T) {
	big := faultCorpus(400)
	t.Run("from a render", func(t *testing.T) {
		out, before := prevSite(t)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		opts := faultOptions(t, out, big)
		opts.Downloads = []site.Download{countingDownload(func(n int64) error {
			if n == 300 {
				cancel()
			}
			return nil
		})}
		_, err := site.Build(ctx, opts)
		require.ErrorIs(t, err, context.Canceled)
		requireUnchanged(t, out, before)
		requireNextBuild(t, out, big)
	})
	t.Run("from a timer", func(t *testing.T) {
		out, before := prevSite(t)
		for _, delay := range []time.Duration{time.Millisecond, 5 * time.Millisecond, 20 * time.Millisecond, 80 * time.Millisecond} {
			ctx, cancel := context.WithTimeout(context.Background(), delay)
			_, err := site.Build(ctx, faultOptions(t, out, big))
			cancel()
			if err == nil {
				// The build beat the timer: it is the new previous site.
				before = snapshotTree(t, out)
				continue
			}
			require.ErrorIs(t, err, context.DeadlineExceeded, "after %s", delay)
			requireUnchanged(t, out, before)
		}
		requireNextBuild(t, out, big)
	})
}

// TestFaultFailingWrite fails writes as a full disk would: in process,
// a format whose writer fails with ENOSPC half way through the build;
// with the real binary, a file-size limit (ulimit -f) that makes the
// kernel refuse the build's own writes with EFBIG.
func TestFaultFailingWrite(t *testing.T) {
	t.Run("a render fails with ENOSPC", func(t *testing.T) {
		out, before := prevSite(t)
		opts := faultOptions(t, out, faultCorpus(100))
		opts.Downloads = []site.Download{countingDownload(func(n int64) error {
			if n >= 50 {
				return &fs.PathError{Op: "write", Path: "x.txt", Err: syscall.ENOSPC}
			}
			return nil
		})}
		_, err := site.Build(context.Background(), opts)
		require.ErrorIs(t, err, syscall.ENOSPC)
		assert.Contains(t, err.Error(), "no space left on device")
		requireUnchanged(t, out, before)
		requireNextBuild(t, out, faultCorpus(100))
	})
	t.Run("the kernel refuses a write (ulimit -f)", func(t *testing.T) {
		bin := buildBinary(t)
		bash, err := exec.LookPath("bash")
		if err != nil {
			t.Skip("bash is needed to set ulimit -f")
		}
		out, before := prevSite(t)
		src := t.TempDir()
		writeFaultCorpus(t, src, 50)
		// 4 KiB per file: the stylesheet and the pages are larger.
		cmd := exec.Command(bash, "-c", `ulimit -f 4 && exec "$@"`, "bash", bin, "build", "-q", "--lang", "en", "--src", src, "-o", out)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err = cmd.Run()
		require.Error(t, err, "the build fails")
		assert.Contains(t, stderr.String(), "file too large", "the error says why")
		requireUnchanged(t, out, before)
		requireNextBuild(t, out, os.DirFS(src))
	})
	t.Run("the site's own writes fail", func(t *testing.T) {
		enospc := &fs.PathError{Op: "open", Path: "x", Err: syscall.ENOSPC}
		for name, faults := range map[string]func() site.Faults{
			"the 40th page": func() site.Faults {
				var n atomic.Int64
				return site.Faults{Create: func(string) error {
					if n.Add(1) == 40 {
						return enospc
					}
					return nil
				}}
			},
			"the manifest": func() site.Faults {
				return site.Faults{Create: func(name string) error {
					if filepath.Base(name) == site.ManifestName {
						return enospc
					}
					return nil
				}}
			},
			"the swap": func() site.Faults {
				return site.Faults{Rename: func(op, from, to string) error { return enospc }}
			},
			"the second rename of a two-step swap": func() site.Faults {
				return site.Faults{Rename: func(op, from, to string) error {
					if op == "exchange" {
						return errors.ErrUnsupported
					}
					if strings.Contains(filepath.Base(from), ".between-site-new-") {
						return enospc
					}
					return nil
				}}
			},
		} {
			t.Run(name, func(t *testing.T) {
				out, before := prevSite(t)
				site.SetFaults(t, faults())
				_, err := site.Build(context.Background(), faultOptions(t, out, faultCorpus(20)))
				require.ErrorIs(t, err, syscall.ENOSPC)
				requireUnchanged(t, out, before)
				site.SetFaults(t, site.Faults{})
				requireNextBuild(t, out, faultCorpus(20))
			})
		}
	})
}

// buildBinary builds cmd/between into a temporary folder once per test.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the between binary; skipped with -short")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is needed to build the binary")
	}
	bin := filepath.Join(t.TempDir(), "between")
	cmd := exec.Command(gobin, "build", "-o", bin, "github.com/betweensessions/between/cmd/between")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	return bin
}

// startBuild starts the binary building src into out and waits until the
// build is writing: its temporary folder holds at least min files. It
// returns the running command, or nil if the build ended first.
func startBuild(t *testing.T, bin, src, out string, min int) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, "build", "-q", "--lang", "en", "--src", src, "-o", out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		for _, name := range tempLeftovers(t, filepath.Dir(out)) {
			if !strings.HasPrefix(name, ".between-site-new-") {
				continue
			}
			n := 0
			filepath.WalkDir(filepath.Join(filepath.Dir(out), name), func(_ string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					n++
				}
				return nil
			})
			if n >= min {
				return cmd
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	t.Fatalf("the build did not start writing within 2 minutes: %s", stderr.String())
	return nil
}

// TestFaultKilledMidWrite runs the real binary on 800 handouts (HTML and
// PDF) and kills it with SIGKILL while it writes: the previous site is untouched
// and the next build succeeds. It also interrupts one with SIGINT, which
// must clean up its temporary folder.
func TestFaultKilledMidWrite(t *testing.T) {
	bin := buildBinary(t)
	src := t.TempDir()
	writeFaultCorpus(t, src, 800)
	// The next build runs the binary too (in process it would run under
	// the race detector, ten times slower), without PDFs to save time.
	nextBuild := func(t *testing.T, out string) {
		t.Helper()
		b, err := exec.Command(bin, "build", "-q", "--no-pdf", "--lang", "en", "--src", src, "-o", out).CombinedOutput()
		require.NoError(t, err, "the next build succeeds: %s", b)
		requireComplete(t, out)
	}
	var leftAfterKill []string
	t.Run("SIGKILL", func(t *testing.T) {
		out, before := prevSite(t)
		cmd := startBuild(t, bin, src, out, 200)
		require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
		err := cmd.Wait()
		require.Error(t, err)
		require.Equal(t, before, snapshotTree(t, out), "the previous site is byte-identical")
		nextBuild(t, out)
		leftAfterKill = tempLeftovers(t, filepath.Dir(out))
	})
	t.Run("SIGINT", func(t *testing.T) {
		out, before := prevSite(t)
		cmd := startBuild(t, bin, src, out, 200)
		require.NoError(t, cmd.Process.Signal(os.Interrupt))
		err := cmd.Wait()
		var exit *exec.ExitError
		require.ErrorAs(t, err, &exit)
		assert.Equal(t, 1, exit.ExitCode(), "an interrupted build exits 1")
		requireUnchanged(t, out, before)
		nextBuild(t, out)
	})
	t.Run("temporary folder of a killed build", func(t *testing.T) {
		assert.Empty(t, leftAfterKill, "the next build removes what the killed one left")
	})
}

// TestFaultCrashDuringSwap puts the output folder in the state a crash
// between the two renames of a two-step swap leaves (where the system
// cannot swap two folders in one step): the site renamed to
// .between-site-old-site-N, the new one not yet renamed in. The next build
// puts the previous site back, foreign files and all, rather than strand
// it, and removes the half-written new one.
func TestFaultCrashDuringSwap(t *testing.T) {
	t.Run("the state on disk", func(t *testing.T) {
		out, before := prevSite(t)
		old := filepath.Join(filepath.Dir(out), ".between-site-old-site-123456")
		require.NoError(t, os.Rename(out, old))
		require.NoError(t, os.Mkdir(filepath.Join(filepath.Dir(out), ".between-site-new-site-654321"), 0o755))

		_, err := site.Build(context.Background(), faultOptions(t, out, faultCorpus(3)))
		require.NoError(t, err)
		requireUnchanged(t, out, before)
	})
	t.Run("a crash in the two-step swap", func(t *testing.T) {
		out, before := prevSite(t)
		// The first rename is done, then the process "dies": every later
		// rename fails, the undo included.
		renames := 0
		site.SetFaults(t, site.Faults{Rename: func(op, from, to string) error {
			if op == "exchange" {
				return errors.ErrUnsupported
			}
			renames++
			if renames > 1 {
				return syscall.EIO
			}
			return nil
		}})
		_, err := site.Build(context.Background(), faultOptions(t, out, faultCorpus(5)))
		require.ErrorIs(t, err, syscall.EIO)
		assert.NoDirExists(t, out, "the crash left no site at the output path")
		site.SetFaults(t, site.Faults{})
		_, err = site.Build(context.Background(), faultOptions(t, out, faultCorpus(3)))
		require.NoError(t, err)
		requireUnchanged(t, out, before)
	})
	t.Run("the one-step swap", func(t *testing.T) {
		if runtime.GOOS != "linux" {
			t.Skip("the one-step swap (renameat2 RENAME_EXCHANGE) is Linux only")
		}
		out, _ := prevSite(t)
		var ops []string
		site.SetFaults(t, site.Faults{Rename: func(op, from, to string) error {
			ops = append(ops, op)
			return nil
		}})
		_, err := site.Build(context.Background(), faultOptions(t, out, faultCorpus(4)))
		require.NoError(t, err)
		assert.Equal(t, []string{"exchange"}, ops, "the site is swapped in one step, never renamed away")
		requireComplete(t, out)
		assert.Empty(t, tempLeftovers(t, filepath.Dir(out)))
	})
}

// TestFaultForeignFiles checks that the builder never deletes or follows
// what it did not write: a tampered manifest naming files outside the
// site, a foreign symlink to a folder outside, a foreign file where the
// new site wants to write.
func TestFaultForeignFiles(t *testing.T) {
	ctx := context.Background()
	t.Run("a manifest naming paths outside the site", func(t *testing.T) {
		out, _ := prevSite(t)
		victim := filepath.Join(filepath.Dir(out), "victim.txt")
		require.NoError(t, os.WriteFile(victim, []byte("keep me"), 0o644))
		outside := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(outside, "x.txt"), []byte("keep me too"), 0o644))
		f, err := os.OpenFile(filepath.Join(out, site.ManifestName), os.O_APPEND|os.O_WRONLY, 0)
		require.NoError(t, err)
		fmt.Fprintf(f, "../victim.txt\n%s\n%s/x.txt\n../../../../../../tmp\n", victim, outside)
		require.NoError(t, f.Close())

		_, err = site.Build(ctx, faultOptions(t, out, faultCorpus(3)))
		require.NoError(t, err)
		b, err := os.ReadFile(victim)
		require.NoError(t, err)
		assert.Equal(t, "keep me", string(b))
		b, err = os.ReadFile(filepath.Join(outside, "x.txt"))
		require.NoError(t, err)
		assert.Equal(t, "keep me too", string(b))
		assert.NotContains(t, snapshotTree(t, out)[site.ManifestName], "victim", "the new manifest lists only what this build wrote")
	})
	t.Run("a foreign symlink to a folder outside", func(t *testing.T) {
		out, _ := prevSite(t)
		outside := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(outside, "records.txt"), []byte("private"), 0o600))
		require.NoError(t, os.Symlink(outside, filepath.Join(out, "records")))
		_, err := site.Build(ctx, faultOptions(t, out, faultCorpus(3)))
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"records.txt": "private"}, snapshotTree(t, outside), "the folder the link points to is untouched")
		target, err := os.Readlink(filepath.Join(out, "records"))
		require.NoError(t, err, "the link is kept as a link")
		assert.Equal(t, outside, target)
	})
	t.Run("a foreign file where the new site writes", func(t *testing.T) {
		out, _ := prevSite(t)
		require.NoError(t, os.MkdirAll(filepath.Join(out, "en", "gen-00005"), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(out, "en", "gen-00005", "index.html"), []byte("hand-made"), 0o644))
		before := snapshotTree(t, out)
		_, err := site.Build(ctx, faultOptions(t, out, faultCorpus(6)))
		require.Error(t, err, "a conflict stops the build")
		assert.Contains(t, err.Error(), "was not written by Between")
		requireUnchanged(t, out, before)
	})
	t.Run("a non-empty folder that is not a site", func(t *testing.T) {
		for name, setup := range map[string]func(dir string){
			"a document":      func(dir string) { os.WriteFile(filepath.Join(dir, "thesis.docx"), []byte("mine"), 0o644) },
			"a hidden file":   func(dir string) { os.WriteFile(filepath.Join(dir, ".DS_Store"), []byte{0}, 0o644) },
			"an empty folder": func(dir string) { os.Mkdir(filepath.Join(dir, "photos"), 0o755) },
			"a manifest folder": func(dir string) {
				os.Mkdir(filepath.Join(dir, site.ManifestName), 0o755)
				os.WriteFile(filepath.Join(dir, "thesis.docx"), []byte("mine"), 0o644)
			},
		} {
			t.Run(name, func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "mine")
				require.NoError(t, os.Mkdir(out, 0o755))
				setup(out)
				before := snapshotTree(t, out)
				_, err := site.Build(ctx, faultOptions(t, out, faultCorpus(2)))
				require.Error(t, err)
				if name != "a manifest folder" {
					require.ErrorIs(t, err, site.ErrNotSite)
				}
				requireUnchanged(t, out, before)
			})
		}
	})
	t.Run("an output path that is a file or a symlink", func(t *testing.T) {
		dir := t.TempDir()
		file := filepath.Join(dir, "file")
		require.NoError(t, os.WriteFile(file, []byte("x"), 0o644))
		_, err := site.Build(ctx, faultOptions(t, file, faultCorpus(1)))
		require.Error(t, err)
		target := t.TempDir()
		link := filepath.Join(dir, "link")
		require.NoError(t, os.Symlink(target, link))
		_, err = site.Build(ctx, faultOptions(t, link, faultCorpus(1)))
		require.Error(t, err, "a symlink is not followed")
		assert.Empty(t, snapshotTree(t, target))
		b, _ := os.ReadFile(file)
		assert.Equal(t, "x", string(b))
		assert.Empty(t, tempLeftovers(t, dir))
	})
}

// TestFaultSymlinkOutOfSource puts symlinks in a --src folder that point
// outside it, to a file and to a folder holding a template: the builder
// must refuse or ignore them, never publish what they point to.
func TestFaultSymlinkOutOfSource(t *testing.T) {
	const secret = "SECRET-OUTSIDE-THE-SOURCE"
	outside := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(outside, "leak"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(outside, "leak", "en.md"), faultTemplate("leak", secret), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(outside, "file.md"), faultTemplate("filelink", secret), 0o644))

	src := t.TempDir()
	writeFaultCorpus(t, src, 2)
	require.NoError(t, os.Symlink(filepath.Join(outside, "leak"), filepath.Join(src, "leak")))
	require.NoError(t, os.MkdirAll(filepath.Join(src, "filelink"), 0o755))
	require.NoError(t, os.Symlink(filepath.Join(outside, "file.md"), filepath.Join(src, "filelink", "en.md")))

	published := func(out string) bool {
		for name, body := range snapshotTree(t, out) {
			if strings.Contains(body, secret) {
				t.Logf("%s publishes the file outside the source", name)
				return true
			}
		}
		return false
	}
	t.Run("os.Root, as between build --src passes it", func(t *testing.T) {
		root, err := os.OpenRoot(src)
		require.NoError(t, err)
		defer root.Close()
		out := filepath.Join(t.TempDir(), "site")
		_, err = site.Build(context.Background(), faultOptions(t, out, root.FS()))
		if err == nil {
			assert.False(t, published(out))
		} else {
			t.Logf("refused: %v", err)
		}
	})
	t.Run("os.DirFS, as a library user might pass it", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "site")
		_, err := site.Build(context.Background(), faultOptions(t, out, os.DirFS(src)))
		if err != nil {
			t.Logf("refused: %v", err)
			return
		}
		assert.False(t, published(out), "templates.Layer skips the symlinks")
	})
}

// TestFaultScriptInTemplateText builds a site from templates whose text
// fields hold markup and template code: no page holds script, an event
// handler or a javascript: URL.
func TestFaultScriptInTemplateText(t *testing.T) {
	src := fstest.MapFS{
		"xss/en.md": {Data: []byte("---\nid: xss\n" +
			"title: \"</title><script>alert(1)</script>{{ .Foo }}\"\n" +
			"summary: \"<img src=x onerror=alert(1)> {{ printf \\\"%s\\\" }}\"\n" +
			"kind: log\ntopics: [\"<script>t</script>\", \"javascript:alert(1)\"]\n" +
			"approaches: [\"\\\"><svg onload=alert(1)>\"]\n" +
			"license: \"<a href=javascript:alert(1)>CC</a>\"\n" +
			"---\n\nText `<script>` and &lt;script&gt;.\n")},
	}
	out := filepath.Join(t.TempDir(), "site")
	_, err := site.Build(context.Background(), faultOptions(t, out, src))
	require.NoError(t, err)
	pages := 0
	tree := snapshotTree(t, out)
	for name, body := range tree {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		assertSafePage(t, name, body)
	}
	assert.GreaterOrEqual(t, pages, 3)
	assert.Contains(t, tree["en/xss/index.html"], "&lt;/title&gt;&lt;script&gt;", "the markup in the title is shown as text")
}

var (
	// ownScript is the one kind of script element a page may hold: a file
	// of the site's own assets, as the layouts write it.
	ownScript = regexp.MustCompile(`<script src="(?:\.\./)*assets/[a-z]+\.js" defer></script>`)
	pageTag   = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>`)
	pageAttr  = regexp.MustCompile(`([a-zA-Z][a-zA-Z0-9:-]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?`)
)

// assertSafePage checks every element of a built page: no element that
// runs script or loads a resource (script, img, svg, iframe, object,
// embed, base, form with an action), no event-handler attribute, and no
// href or src whose scheme is not http, https, mailto or tel. Text
// outside tags is escaped, so every "<" starts an element, a comment or
// the doctype.
//
// The site's own script files, in the exact element the layouts write,
// are the one exception.
func assertSafePage(t *testing.T, name, body string) {
	t.Helper()
	body = ownScript.ReplaceAllString(body, "")
	banned := map[string]bool{"script": true, "img": true, "svg": true, "iframe": true, "object": true, "embed": true, "base": true}
	for _, m := range pageTag.FindAllStringSubmatch(body, -1) {
		el := strings.ToLower(m[2])
		if banned[el] {
			t.Errorf("%s: element <%s>", name, el)
		}
		for _, a := range pageAttr.FindAllStringSubmatch(m[3], -1) {
			attr := strings.ToLower(a[1])
			val := html.UnescapeString(strings.Trim(a[2], `"'`))
			switch {
			case strings.HasPrefix(attr, "on"):
				t.Errorf("%s: event handler %s in <%s>", name, attr, el)
			case attr == "href" || attr == "src" || attr == "action" || attr == "formaction":
				clean := strings.Map(func(r rune) rune {
					if r < 0x21 {
						return -1
					}
					return r
				}, val)
				if i := strings.IndexByte(clean, ':'); i >= 0 && !strings.ContainsAny(clean[:i], "/?#") {
					switch strings.ToLower(clean[:i]) {
					case "http", "https", "mailto", "tel":
					default:
						t.Errorf("%s: %s=%q in <%s>", name, attr, val, el)
					}
				}
			}
		}
	}
}

// TestFaultHostileSourceNames checks folder and file names that try to
// leave the output folder: they are skipped or refused, and nothing is
// written outside it.
func TestFaultHostileSourceNames(t *testing.T) {
	for name, src := range map[string]fs.FS{
		"dots in the folder name": fstest.MapFS{"a..b/en.md": {Data: faultTemplate("a..b", "x")}},
		"id with ../":             fstest.MapFS{"x/en.md": {Data: faultTemplate("../../x", "x")}},
		"hidden folder":           fstest.MapFS{"..x/en.md": {Data: faultTemplate("x", "x")}, "ok/en.md": {Data: faultTemplate("ok", "x")}},
		"language of dots":        fstest.MapFS{"x/...md": {Data: faultTemplate("x", "x")}},
		"language with dots":      fstest.MapFS{"x/en-..md": {Data: faultTemplate("x", "x")}},
	} {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "site")
			_, err := site.Build(context.Background(), faultOptions(t, out, src))
			if err != nil {
				t.Logf("refused: %v", err)
				assert.NoDirExists(t, out)
			}
			entries, rerr := os.ReadDir(parent)
			require.NoError(t, rerr)
			for _, e := range entries {
				assert.Equal(t, "site", e.Name(), "nothing but the site is written beside it")
			}
		})
	}
}

// TestBuildParallel runs two builds of the same sources at once, sharing
// one Parser and one catalog, into two folders, with a PDF format; and
// two builds into the same folder. Run with -race.
func TestBuildParallel(t *testing.T) {
	cat, err := i18n.Default()
	require.NoError(t, err)
	parser := worksheet.NewParser()
	r, err := pdf.New(pdf.Options{})
	require.NoError(t, err)
	pdfDownload := site.Download{
		Ext:   "pdf",
		Label: func(*i18n.Locale, worksheet.Variant) string { return "PDF" },
		Render: func(ctx context.Context, w io.Writer, ws *worksheet.Worksheet, v worksheet.Variant, loc *i18n.Locale, _ worksheet.Branding) error {
			return r.Render(ctx, w, ws, pdf.RenderOptions{Variant: v, Locale: loc})
		},
	}
	src := faultCorpus(6)
	opts := func(out string) site.Options {
		return site.Options{Out: out, Sources: []fs.FS{src}, Locales: cat, Parser: parser,
			Langs: []language.Tag{language.English, language.Spanish}, Downloads: []site.Download{pdfDownload}, Workers: 2}
	}
	t.Run("two folders", func(t *testing.T) {
		outs := []string{filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")}
		var wg sync.WaitGroup
		errs := make([]error, len(outs))
		for i, out := range outs {
			wg.Go(func() { _, errs[i] = site.Build(context.Background(), opts(out)) })
		}
		wg.Wait()
		require.NoError(t, errs[0])
		require.NoError(t, errs[1])
		assert.Equal(t, snapshotTree(t, outs[0]), snapshotTree(t, outs[1]), "both builds give the same bytes")
	})
	t.Run("one folder", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "site")
		_, err := site.Build(context.Background(), opts(out))
		require.NoError(t, err)
		want := snapshotTree(t, out)
		var wg sync.WaitGroup
		errs := make([]error, 3)
		for i := range errs {
			wg.Go(func() { _, errs[i] = site.Build(context.Background(), opts(out)) })
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
			} else {
				t.Logf("a concurrent build failed cleanly: %v", err)
			}
		}
		assert.GreaterOrEqual(t, ok, 1, "at least one build succeeds")
		assert.Equal(t, want, snapshotTree(t, out), "the site is complete and the same")
		assert.Empty(t, tempLeftovers(t, filepath.Dir(out)))
	})
	if runtime.GOMAXPROCS(0) < 2 {
		t.Log("one CPU: the builds ran interleaved, not in parallel")
	}
}

// TestFaultSiteNeverBroken checks that a build ends in one of two ways
// only — the new site in place and reported as built, or the previous
// site untouched and an error — and that the next build always runs, when
// the builder cannot remove one of its own folders: the previous site
// after the swap (a person put a read-only folder into it), a new site
// that was not used, or what a stopped build left.
func TestFaultSiteNeverBroken(t *testing.T) {
	ctx := context.Background()
	isOwnTemp := func(name string) bool { return strings.HasPrefix(filepath.Base(name), ".between-site-") }
	denied := &fs.PathError{Op: "unlinkat", Path: "x", Err: syscall.EACCES}
	t.Run("the previous site cannot be removed once", func(t *testing.T) {
		out, _ := prevSite(t)
		failed := 0
		site.SetFaults(t, site.Faults{Remove: func(name string) error {
			if isOwnTemp(name) && failed == 0 {
				failed++
				return denied
			}
			return nil
		}})
		rep, err := site.Build(ctx, faultOptions(t, out, faultCorpus(4)))
		require.NoError(t, err, "the new site is in place: the build succeeded")
		require.Len(t, rep.Leftovers, 1)
		assert.Equal(t, rep.Files, requireComplete(t, out))
		assert.Contains(t, snapshotTree(t, out), "en/gen-00003/index.html", "the new site is the one in place")
		requireNextBuild(t, out, faultCorpus(5))
		assert.Empty(t, tempLeftovers(t, filepath.Dir(out)), "the next build removed the leftover")
	})
	t.Run("nothing of the builder's can ever be removed", func(t *testing.T) {
		out, _ := prevSite(t)
		site.SetFaults(t, site.Faults{Remove: func(name string) error { return denied }})
		for n := 4; n < 8; n++ {
			rep, err := site.Build(ctx, faultOptions(t, out, faultCorpus(n)))
			require.NoError(t, err, "build %d", n)
			assert.NotEmpty(t, rep.Leftovers)
			assert.Equal(t, rep.Files, requireComplete(t, out))
			assert.Contains(t, snapshotTree(t, out), fmt.Sprintf("en/gen-%05d/index.html", n-1))
		}
		site.SetFaults(t, site.Faults{})
		requireNextBuild(t, out, faultCorpus(8))
		assert.Empty(t, tempLeftovers(t, filepath.Dir(out)))
	})
	t.Run("a refused build whose new site cannot be removed", func(t *testing.T) {
		out, before := prevSite(t)
		site.SetFaults(t, site.Faults{Remove: func(name string) error { return denied }})
		opts := faultOptions(t, out, faultCorpus(4))
		opts.BeforeCommit = func(site.Report) error { return errors.New("refused") }
		_, err := site.Build(ctx, opts)
		require.Error(t, err)
		require.Equal(t, before, snapshotTree(t, out), "the previous site is byte-identical")
		requireNextBuild(t, out, faultCorpus(5))
	})
	// Real permissions: a read-only folder (and file) a person put into
	// the site, one of the site's own folders made read-only, and the
	// site folder itself made read-only. Root ignores the modes, so this
	// checks the outcome and that the modes are kept; run as another user
	// it checks the removal too.
	for name, setup := range map[string]func(t *testing.T, out string){
		"a read-only folder of one's own": func(t *testing.T, out string) {
			dir := filepath.Join(out, "mine", "deep")
			require.NoError(t, os.MkdirAll(dir, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"), []byte("a"), 0o444))
			require.NoError(t, os.Chmod(dir, 0o555))
			require.NoError(t, os.Chmod(filepath.Dir(dir), 0o500))
		},
		"a read-only file of one's own": func(t *testing.T, out string) {
			require.NoError(t, os.WriteFile(filepath.Join(out, "ro.txt"), []byte("ro"), 0o400))
		},
		"a read-only folder of the site's": func(t *testing.T, out string) {
			require.NoError(t, os.Chmod(filepath.Join(out, "en", "gen-00000"), 0o555))
			require.NoError(t, os.Chmod(filepath.Join(out, "en"), 0o555))
		},
		"a read-only site folder": func(t *testing.T, out string) {
			require.NoError(t, os.Chmod(out, 0o555))
		},
	} {
		t.Run(name, func(t *testing.T) {
			out, _ := prevSite(t)
			setup(t, out)
			t.Cleanup(func() {
				filepath.WalkDir(filepath.Dir(out), func(p string, d fs.DirEntry, err error) error {
					if err == nil && d.IsDir() {
						os.Chmod(p, 0o755)
					}
					return nil
				})
			})
			for n := 4; n < 7; n++ {
				rep, err := site.Build(ctx, faultOptions(t, out, faultCorpus(n)))
				require.NoError(t, err, "build %d", n)
				assert.Empty(t, rep.Leftovers)
				assert.Equal(t, rep.Files, requireComplete(t, out))
				assert.Empty(t, tempLeftovers(t, filepath.Dir(out)))
			}
			if fi, err := os.Stat(filepath.Join(out, "mine", "deep")); err == nil {
				assert.Equal(t, fs.FileMode(0o555), fi.Mode().Perm(), "the person's folder keeps its mode")
				b, err := os.ReadFile(filepath.Join(out, "mine", "deep", "a.txt"))
				require.NoError(t, err)
				assert.Equal(t, "a", string(b))
			}
		})
	}
}

// TestFaultLongIDNamesTheTemplate checks that an id too long for a file
// name is reported against the template it comes from, never with the
// path of the builder's temporary folder.
func TestFaultLongIDNamesTheTemplate(t *testing.T) {
	errs := 0
	for _, n := range []int{240, 251, 256, 300, 1000} {
		id := strings.Repeat("a", n-4) + "-end"
		src := fstest.MapFS{id + "/en.md": {Data: faultTemplate(id, "one thing")}}
		out := filepath.Join(t.TempDir(), "site")
		_, err := site.Build(context.Background(), faultOptions(t, out, src))
		if err == nil {
			continue // short enough for this file system
		}
		t.Logf("%d: %.120s…", n, err)
		errs++
		assert.Contains(t, err.Error(), id+"/en.md", "the error names the template (id of %d bytes)", n)
		assert.NotContains(t, err.Error(), ".between-site-", "the error shows a temporary folder (id of %d bytes)", n)
		assert.NotContains(t, err.Error(), filepath.Dir(out), "the error shows a temporary path (id of %d bytes)", n)
		assert.Empty(t, tempLeftovers(t, filepath.Dir(out)))
	}
	assert.Positive(t, errs, "no id was too long: the test tested nothing")
}
