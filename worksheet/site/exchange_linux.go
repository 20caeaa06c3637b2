package site

import (
	"errors"
	"fmt"

	"golang.org/x/sys/unix"
)

// exchangeDirs swaps the folders a and b in one step (renameat2 with
// RENAME_EXCHANGE): at every moment each path holds one whole folder. It
// returns an error that is errors.ErrUnsupported where the kernel or the
// file system cannot.
func exchangeDirs(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.EINVAL), errors.Is(err, errors.ErrUnsupported):
		return fmt.Errorf("site: swapping %s and %s: %w (%w)", a, b, errors.ErrUnsupported, err)
	}
	return fmt.Errorf("site: swapping %s and %s: %w", a, b, err)
}
