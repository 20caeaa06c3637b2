//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package site

import (
	"errors"
	"io/fs"
	"os"

	"github.com/betweensessions/between/internal/safefs"
)

// lockWaits is false where the lock is a plain file: one left by a killed
// build looks like a running build's, so a build fails rather than wait.
const lockWaits = false

// tryLock creates the lock file at path; it exists only while a build
// runs, or after one was killed. Anything but a regular file at path is
// refused.
func tryLock(path string) (*os.File, error) {
	f, err := safefs.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, errBusy
	}
	return f, err
}
