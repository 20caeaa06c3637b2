//go:build unix

package safefs

import "syscall"

// noBlock makes open(2) return at once on a FIFO with no writer (or a
// device that would wait) instead of blocking.
const noBlock = syscall.O_NONBLOCK

// noFollow makes open(2) fail rather than follow a symbolic link in the
// last element of the path.
const noFollow = syscall.O_NOFOLLOW
