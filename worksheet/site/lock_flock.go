//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package site

import (
	"errors"
	"os"
	"syscall"

	"github.com/betweensessions/between/internal/safefs"
)

// lockWaits is true where a lock dies with the process that held it, so a
// build can wait for another without the risk of waiting for ever.
const lockWaits = true

// tryLock opens the lock file at path, creating it, and takes an
// exclusive flock on it without blocking. The kernel releases the lock
// when the process ends, however it ends, so a killed build never leaves
// the site locked. Anything but a regular file at path (a symbolic link,
// even a dangling one, a FIFO, a device) is refused, never followed or
// opened.
func tryLock(path string) (*os.File, error) {
	f, err := safefs.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errBusy
		}
		return nil, err
	}
	// The build that held the lock may have removed the file before
	// unlocking it: a lock on a file no longer at path locks nothing.
	held, err1 := f.Stat()
	now, err2 := os.Lstat(path)
	if err1 != nil || err2 != nil || !os.SameFile(held, now) {
		f.Close()
		return nil, errStale
	}
	return f, nil
}
