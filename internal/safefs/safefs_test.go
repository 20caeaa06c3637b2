package safefs_test

import (
	"context"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/betweensessions/between/internal/safefs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// within fails the test when f does not return within a few seconds: a
// special file must never block.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s blocked", what)
	}
}

// specials makes, in a new folder, one of each kind of file that is not
// a regular file, and returns the folder and the names.
func specials(t *testing.T) (string, []string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs or sockets here")
	}
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "real.md"), []byte("hello"), 0o644))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "fifo.md"), 0o644))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "fifo-w.md"), 0o222))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "folder.md"), 0o755))
	l, err := net.Listen("unix", filepath.Join(dir, "socket.md"))
	require.NoError(t, err)
	t.Cleanup(func() { l.Close() })
	require.NoError(t, os.Symlink("fifo.md", filepath.Join(dir, "link-to-fifo.md")))
	require.NoError(t, os.Symlink("/dev/zero", filepath.Join(dir, "link-to-zero.md")))
	names := []string{"fifo.md", "fifo-w.md", "folder.md", "socket.md", "link-to-fifo.md", "link-to-zero.md"}
	return dir, names
}

// rootFS returns safefs.RootFS of dir, closed when the test ends.
func rootFS(t *testing.T, dir string) fs.FS {
	t.Helper()
	root, err := os.OpenRoot(dir)
	require.NoError(t, err)
	t.Cleanup(func() { root.Close() })
	return safefs.RootFS(root)
}

func TestReadRefusesSpecialFilesWithoutBlocking(t *testing.T) {
	dir, names := specials(t)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			within(t, "ReadFile "+name, func() {
				_, err := safefs.ReadFile(filepath.Join(dir, name), 1<<20)
				require.Error(t, err)
				assert.ErrorIs(t, err, safefs.ErrNotRegular)
				assert.Contains(t, err.Error(), name)
			})
			within(t, "ReadFS "+name, func() {
				for _, fsys := range []fs.FS{os.DirFS(dir), safefs.DirFS(dir), rootFS(t, dir)} {
					_, err := safefs.ReadFS(fsys, name, 1<<20)
					assert.Error(t, err)
					if fsys == safefs.DirFS(dir) {
						assert.ErrorIs(t, err, safefs.ErrNotRegular)
					}
				}
			})
			within(t, "DirFS and RootFS ReadDir "+name, func() {
				for _, fsys := range []fs.FS{safefs.DirFS(dir), rootFS(t, dir)} {
					_, err := fs.ReadDir(fsys, name)
					if name == "folder.md" {
						assert.NoError(t, err)
						continue
					}
					assert.Error(t, err)
				}
			})
			within(t, "DirFS and RootFS Open "+name, func() {
				for _, fsys := range []fs.FS{safefs.DirFS(dir), rootFS(t, dir)} {
					f, err := fsys.Open(name)
					if name == "folder.md" {
						require.NoError(t, err, "a folder opens, to be listed")
						f.Close()
						continue
					}
					assert.Error(t, err)
					if name != "link-to-zero.md" { // a root refuses a link out of it
						assert.ErrorIs(t, err, safefs.ErrNotRegular)
					}
				}
			})
		})
	}
	for _, dev := range []string{"/dev/zero", "/dev/null", "/dev/stdin", "/dev/tty"} {
		if _, err := os.Stat(dev); err != nil {
			continue
		}
		within(t, "ReadFile "+dev, func() {
			_, err := safefs.ReadFile(dev, 1<<20)
			assert.Error(t, err, "%s is not a regular file", dev)
		})
	}
	for _, fsys := range []fs.FS{safefs.DirFS(dir), rootFS(t, dir)} {
		b, err := safefs.ReadFS(fsys, "real.md", 5)
		require.NoError(t, err)
		assert.Equal(t, "hello", string(b))
		entries, err := fs.ReadDir(fsys, ".")
		require.NoError(t, err)
		assert.Len(t, entries, 7)
	}
	b, err := safefs.ReadFile(filepath.Join(dir, "real.md"), 5)
	require.NoError(t, err)
	assert.Equal(t, "hello", string(b))
}

func TestReadRefusesTooLargeBeforeReading(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int64{11, 4097, 1 << 20, 1 << 40} {
		name := filepath.Join(dir, "big.md")
		f, err := os.Create(name)
		require.NoError(t, err)
		// A sparse file: its size is known without writing it.
		require.NoError(t, f.Truncate(size))
		require.NoError(t, f.Close())
		for _, read := range []func() ([]byte, error){
			func() ([]byte, error) { return safefs.ReadFile(name, 10) },
			func() ([]byte, error) { return safefs.ReadFS(safefs.DirFS(dir), "big.md", 10) },
			func() ([]byte, error) { return safefs.ReadFS(os.DirFS(dir), "big.md", 10) },
		} {
			b, err := read()
			assert.Nil(t, b)
			var tl *safefs.TooLargeError
			require.ErrorAs(t, err, &tl)
			assert.Equal(t, size, tl.Size, "the size is known before reading")
			assert.ErrorIs(t, err, safefs.ErrTooLarge)
		}
	}
	// Exactly at the limit is fine.
	fsys := fstest.MapFS{"ok.md": {Data: []byte("0123456789")}}
	b, err := safefs.ReadFS(fsys, "ok.md", 10)
	require.NoError(t, err)
	assert.Len(t, b, 10)
}

// liar is an fs.FS whose file says it is small and is not.
type liar struct{ size int64 }

func (l liar) Open(name string) (fs.File, error) {
	return &liarFile{r: io.LimitReader(zeros{}, l.size)}, nil
}

type liarFile struct{ r io.Reader }

func (f *liarFile) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *liarFile) Close() error               { return nil }
func (f *liarFile) Stat() (fs.FileInfo, error) {
	return fstest.MapFS{"f": {Data: []byte("x")}}.Stat("f")
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func TestReadStopsAtTheLimitWhenTheSizeLies(t *testing.T) {
	for _, size := range []int64{11, 100, 1 << 30, 1 << 62} {
		b, err := safefs.ReadFS(liar{size}, "f", 10)
		assert.Nil(t, b)
		var tl *safefs.TooLargeError
		require.ErrorAs(t, err, &tl, "size %d", size)
		assert.Equal(t, int64(-1), tl.Size)
	}
	for _, size := range []int64{0, 1, 9, 10} {
		b, err := safefs.ReadFS(liar{size}, "f", 10)
		require.NoError(t, err)
		assert.Len(t, b, int(size))
	}
}

func TestReadAllHonoursTheContext(t *testing.T) {
	r, w, err := os.Pipe()
	require.NoError(t, err)
	defer r.Close()
	defer w.Close()
	for _, cancelAfter := range []time.Duration{0, time.Millisecond, 50 * time.Millisecond} {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(cancelAfter, cancel)
		within(t, "ReadAll of a silent pipe", func() {
			_, err := safefs.ReadAll(ctx, r, "stdin", 1<<20)
			assert.ErrorIs(t, err, context.Canceled)
		})
	}
	b, err := safefs.ReadAll(context.Background(), strings.NewReader("note"), "stdin", 4)
	require.NoError(t, err)
	assert.Equal(t, "note", string(b))
	_, err = safefs.ReadAll(context.Background(), io.LimitReader(zeros{}, 1<<40), "stdin", 4)
	assert.ErrorIs(t, err, safefs.ErrTooLarge)
}

func TestWriteRefusesSpecialFilesAndLinks(t *testing.T) {
	dir, names := specials(t)
	outside := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(outside, "target.html"), []byte("keep"), 0o644))
	require.NoError(t, os.Symlink(filepath.Join(outside, "target.html"), filepath.Join(dir, "link-to-file.html")))
	require.NoError(t, os.Symlink(filepath.Join(outside, "absent.html"), filepath.Join(dir, "dangling.html")))
	require.NoError(t, os.Symlink("real.md", filepath.Join(dir, "link-to-real.md")))
	names = append(names, "link-to-file.html", "dangling.html", "link-to-real.md")
	for _, name := range names {
		path := filepath.Join(dir, name)
		before, err := os.Lstat(path)
		require.NoError(t, err)
		within(t, "WriteFile "+name, func() {
			err := safefs.WriteFile(path, []byte("client details"), 0o600)
			assert.ErrorIs(t, err, safefs.ErrNotRegular, name)
			assert.ErrorIs(t, safefs.CheckTarget(path), safefs.ErrNotRegular, name)
		})
		within(t, "OpenFile "+name, func() {
			_, err := safefs.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
			assert.ErrorIs(t, err, safefs.ErrNotRegular, name)
		})
		after, err := os.Lstat(path)
		require.NoError(t, err)
		assert.Equal(t, before.Mode(), after.Mode(), "%s was replaced", name)
	}
	b, err := os.ReadFile(filepath.Join(outside, "target.html"))
	require.NoError(t, err)
	assert.Equal(t, "keep", string(b), "written through a link")
	_, err = os.Lstat(filepath.Join(outside, "absent.html"))
	assert.ErrorIs(t, err, fs.ErrNotExist, "a dangling link was followed")
	for _, dev := range []string{"/dev/null", "/dev/zero", "/dev/full"} {
		before, err := os.Lstat(dev)
		if err != nil {
			continue
		}
		assert.ErrorIs(t, safefs.WriteFile(dev, []byte("x"), 0o600), safefs.ErrNotRegular, dev)
		after, err := os.Lstat(dev)
		require.NoError(t, err)
		assert.Equal(t, before.Mode(), after.Mode(), "%s was replaced", dev)
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), ".between-write-"), "a temp file was left: %s", e.Name())
	}
}

func TestWriteReplacesARegularFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "jane.html")
	require.NoError(t, safefs.WriteFile(name, []byte("one"), 0o600))
	require.NoError(t, os.Chmod(name, 0o644))
	require.NoError(t, safefs.WriteFile(name, []byte("two"), 0o600))
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, "two", string(b))
	info, err := os.Stat(name)
	require.NoError(t, err)
	if runtime.GOOS != "windows" {
		assert.Equal(t, fs.FileMode(0o600), info.Mode().Perm(), "the new file has perm, not the old file's")
	}

	// Closed without Commit: the old file stays and nothing is left over.
	f, err := safefs.Create(name, 0o600)
	require.NoError(t, err)
	_, err = f.Write([]byte("half"))
	require.NoError(t, err)
	require.NoError(t, f.Close())
	b, err = os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, "two", string(b))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1)

	// The target turned into a FIFO between Create and Commit.
	if runtime.GOOS != "windows" {
		f, err = safefs.Create(name, 0o600)
		require.NoError(t, err)
		require.NoError(t, os.Remove(name))
		require.NoError(t, syscall.Mkfifo(name, 0o644))
		assert.ErrorIs(t, f.Commit(), safefs.ErrNotRegular)
		entries, err = os.ReadDir(dir)
		require.NoError(t, err)
		assert.Len(t, entries, 1)
	}

	// An error names the target, never the temp file.
	err = safefs.WriteFile(filepath.Join(dir, "no-such-folder", "jane.html"), nil, 0o600)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "jane.html")
	assert.NotContains(t, err.Error(), ".between-write-")
}

func TestOpenFileOpensARegularFileInPlace(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, ".lock")
	f, err := safefs.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	require.NoError(t, err)
	_, err = f.Write([]byte("x"))
	require.NoError(t, err)
	require.NoError(t, f.Close())
	f, err = safefs.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	require.NoError(t, err)
	require.NoError(t, f.Close())
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 900: "900 bytes", 256 << 10: "256 KiB", 1536 << 10: "1.5 MiB", 2 << 30: "2 GiB"} {
		assert.Equal(t, want, safefs.Size(n))
	}
}
