package site

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/betweensessions/between/internal/safefs"
)

// lockPoll is how often a build waiting for another one tries the lock.
const lockPoll = 25 * time.Millisecond

// maxStale is how many times in a row a build tries again at once when
// the lock file it locked was no longer the one at its path: more than a
// few means something other than a build keeps replacing the file.
const maxStale = 100

// errBusy is returned by tryLock when another build holds the lock, and
// errStale when the lock file it opened was replaced before it was locked.
var (
	errBusy  = errors.New("site: busy")
	errStale = errors.New("site: stale lock file")
)

// buildLock is the lock file beside a site folder, held by the one build
// that writes the site. It is removed when released, so a finished build
// leaves nothing beside the site.
type buildLock struct {
	path string
	f    *os.File
}

// lockBuild takes the lock at path. While another build holds it, it
// calls waiting once and waits until the lock is free or ctx is done;
// where the system has no advisory locks it fails instead (a lock file
// left by a killed build cannot be told from a running build's there).
func lockBuild(ctx context.Context, path string, waiting func()) (*buildLock, error) {
	told := false
	for stale := 0; ; {
		f, err := tryLock(path)
		switch {
		case err == nil:
			// The process id is for a person wondering who holds the lock.
			_ = f.Truncate(0)
			_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
			return &buildLock{path: path, f: f}, nil
		case errors.Is(err, errStale) && stale < maxStale:
			// Another build released the lock as this one opened it: try
			// again at once, a bounded number of times.
			stale++
			continue
		case errors.Is(err, errStale):
			return nil, fmt.Errorf("site: the lock file %s keeps being replaced while this build opens it; stopped after %d tries", path, maxStale)
		case errors.Is(err, safefs.ErrNotRegular):
			return nil, fmt.Errorf("site: locking the output folder: %w; remove it and build again", err)
		case !errors.Is(err, errBusy):
			return nil, fmt.Errorf("site: locking the output folder: %w", err)
		case !lockWaits:
			return nil, fmt.Errorf("site: another build is writing this site (the lock file %s exists); if none is running, a build was stopped: remove the file and build again", path)
		}
		if !told && waiting != nil {
			waiting()
			told = true
		}
		t := time.NewTimer(lockPoll)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, fmt.Errorf("site: another build is writing this site (lock file %s); stopped waiting for it: %w", path, ctx.Err())
		case <-t.C:
		}
	}
}

// release removes the lock file and then unlocks it. A build that opened
// the file meanwhile finds, once it has the lock, that the file is no
// longer the one at path, and starts again (see tryLock).
func (l *buildLock) release() {
	_ = os.Remove(l.path)
	_ = l.f.Close()
}
