//go:build !linux

package site

import "errors"

// exchangeDirs would swap two folders in one step; this system has no
// call for it, so the swap takes two renames.
func exchangeDirs(a, b string) error { return errors.ErrUnsupported }
