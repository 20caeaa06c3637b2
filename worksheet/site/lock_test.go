package site_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/worksheet/site"
)

// holdLock starts a build of out that stops, holding the output's lock,
// until release is closed; it returns once the lock is held, and the
// build's error arrives on done.
func holdLock(t *testing.T, out string) (release chan struct{}, done chan error) {
	t.Helper()
	release, done = make(chan struct{}), make(chan error, 1)
	held := make(chan struct{})
	opts := faultOptions(t, out, faultCorpus(2))
	opts.BeforeCommit = func(site.Report) error {
		close(held)
		<-release
		return nil
	}
	go func() {
		_, err := site.Build(context.Background(), opts)
		done <- err
	}()
	select {
	case <-held:
	case err := <-done:
		t.Fatalf("the build ended before it held the lock: %v", err)
	}
	return release, done
}

// TestBuildLock checks that two builds into one folder never overlap: the
// second waits for the first, or stops waiting when its context is done,
// with an error that says why.
func TestBuildLock(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("without advisory locks a second build fails at once")
	}
	t.Run("the second build stops waiting", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "site")
		release, done := holdLock(t, out)
		ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
		defer cancel()
		_, err := site.Build(ctx, faultOptions(t, out, faultCorpus(3)))
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Contains(t, err.Error(), "another build is writing this site")
		close(release)
		require.NoError(t, <-done)
		assert.Empty(t, tempLeftovers(t, filepath.Dir(out)), "the lock file is removed with the lock")
	})
	t.Run("the second build waits", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "site")
		release, done := holdLock(t, out)
		second := make(chan error, 1)
		var progress lockedBuffer
		go func() {
			opts := faultOptions(t, out, faultCorpus(3))
			opts.Progress = &progress
			_, err := site.Build(context.Background(), opts)
			second <- err
		}()
		select {
		case err := <-second:
			t.Fatalf("the second build did not wait: %v", err)
		case <-time.After(200 * time.Millisecond):
		}
		assert.Contains(t, progress.String(), "waiting for another build")
		close(release)
		require.NoError(t, <-done)
		require.NoError(t, <-second)
		assert.DirExists(t, filepath.Join(out, "en", "gen-00002"), "the second build's site is in place")
		assert.Empty(t, tempLeftovers(t, filepath.Dir(out)))
	})
}

// TestBuildRemovesStaleFolders checks that a build removes the temporary
// folders killed builds of the same site left, and only those.
func TestBuildRemovesStaleFolders(t *testing.T) {
	out, before := prevSite(t)
	parent := filepath.Dir(out)
	stale := []string{".between-site-new-site-123", ".between-site-new-site-4567"}
	kept := []string{".between-site-new-site-x1", ".between-site-new-other-99", ".between-site-new-site"}
	for _, name := range append(append([]string{}, stale...), kept...) {
		require.NoError(t, os.MkdirAll(filepath.Join(parent, name, "en"), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(parent, name, "en", "index.html"), []byte("partial"), 0o644))
	}
	// A stale lock file, as a killed build leaves it.
	require.NoError(t, os.WriteFile(filepath.Join(parent, ".between-site-site.lock"), []byte("12345\n"), 0o644))

	_, err := site.Build(context.Background(), faultOptions(t, out, faultCorpus(3)))
	require.NoError(t, err)
	assert.ElementsMatch(t, kept, tempLeftovers(t, parent), "only this site's temporary folders are removed")
	assert.NoFileExists(t, filepath.Join(parent, ".between-site-site.lock"))
	assert.Equal(t, before, snapshotTree(t, out))
}

// TestBeforeCommit checks the hook between the last write and the swap:
// it sees the finished report, and its error leaves the previous site as
// it was and comes back from Build unchanged.
func TestBeforeCommit(t *testing.T) {
	errRefused := errors.New("refused")
	t.Run("an error keeps the previous site", func(t *testing.T) {
		out, before := prevSite(t)
		opts := faultOptions(t, out, faultCorpus(5))
		var seen site.Report
		opts.BeforeCommit = func(rep site.Report) error {
			seen = rep
			return errRefused
		}
		_, err := site.Build(context.Background(), opts)
		require.ErrorIs(t, err, errRefused)
		assert.Equal(t, 5, seen.Handouts)
		assert.Positive(t, seen.Files)
		assert.Equal(t, seen.Files, seen.Rendered+seen.Reused+1, "every file but the manifest is rendered or reused")
		requireUnchanged(t, out, before)
	})
	t.Run("the report is Build's", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "site")
		opts := faultOptions(t, out, faultCorpus(2))
		var seen site.Report
		opts.BeforeCommit = func(rep site.Report) error {
			seen = rep
			_, err := os.Stat(out)
			assert.ErrorIs(t, err, os.ErrNotExist, "the new site is not in place yet")
			return nil
		}
		rep, err := site.Build(context.Background(), opts)
		require.NoError(t, err)
		seen.Duration = rep.Duration
		assert.Equal(t, rep, seen)
	})
	t.Run("called when nothing changed", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "site")
		opts := faultOptions(t, out, faultCorpus(2))
		opts.Version = "test 1"
		_, err := site.Build(context.Background(), opts)
		require.NoError(t, err)
		before := snapshotTree(t, out)
		calls := 0
		opts.BeforeCommit = func(rep site.Report) error {
			calls++
			assert.Zero(t, rep.Rendered)
			return errRefused
		}
		_, err = site.Build(context.Background(), opts)
		require.ErrorIs(t, err, errRefused)
		assert.Equal(t, 1, calls)
		assert.Equal(t, before, snapshotTree(t, out))
	})
}

// lockedBuffer is a buffer that a build's progress can write to while the
// test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestBuildLockFileNotRegular checks that anything but a regular file at
// the lock file's path stops the build at once with an error naming it:
// a symbolic link is never followed (a dangling one would create a file
// wherever it points), a FIFO never opened, and the build never spins.
func TestBuildLockFileNotRegular(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no FIFOs or symbolic links here")
	}
	cases := map[string]func(t *testing.T, lock, outside string){
		"dangling link": func(t *testing.T, lock, outside string) {
			require.NoError(t, os.Symlink(filepath.Join(outside, "created-by-the-build"), lock))
		},
		"link to a file": func(t *testing.T, lock, outside string) {
			target := filepath.Join(outside, "precious.txt")
			require.NoError(t, os.WriteFile(target, []byte("keep"), 0o644))
			require.NoError(t, os.Symlink(target, lock))
		},
		"link to /dev/null": func(t *testing.T, lock, outside string) {
			require.NoError(t, os.Symlink(os.DevNull, lock))
		},
		"link to itself": func(t *testing.T, lock, outside string) {
			require.NoError(t, os.Symlink(filepath.Base(lock), lock))
		},
		"FIFO": func(t *testing.T, lock, outside string) {
			require.NoError(t, syscall.Mkfifo(lock, 0o644))
		},
		"folder": func(t *testing.T, lock, outside string) {
			require.NoError(t, os.Mkdir(lock, 0o755))
		},
	}
	for name, setUp := range cases {
		t.Run(name, func(t *testing.T) {
			parent, outside := t.TempDir(), t.TempDir()
			out := filepath.Join(parent, "site")
			lock := filepath.Join(parent, ".between-site-site.lock")
			setUp(t, lock, outside)
			before, err := os.Lstat(lock)
			require.NoError(t, err)
			done := make(chan error, 1)
			go func() {
				_, err := site.Build(context.Background(), faultOptions(t, out, faultCorpus(1)))
				done <- err
			}()
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("the build did not stop")
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), lock)
			assert.Contains(t, err.Error(), "not a regular file")
			after, err := os.Lstat(lock)
			require.NoError(t, err)
			assert.Equal(t, before.Mode(), after.Mode(), "the lock path was replaced")
			entries, err := os.ReadDir(outside)
			require.NoError(t, err)
			for _, e := range entries {
				assert.Equal(t, "precious.txt", e.Name(), "the build wrote outside its folder")
			}
			if b, err := os.ReadFile(filepath.Join(outside, "precious.txt")); err == nil {
				assert.Equal(t, "keep", string(b))
			}
			_, err = os.Stat(out)
			assert.ErrorIs(t, err, os.ErrNotExist, "no site was built without the lock")
		})
	}
}
