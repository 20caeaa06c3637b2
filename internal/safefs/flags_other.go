//go:build !unix

package safefs

// noBlock and noFollow have no counterpart here: the checks with Lstat
// and Stat do their work alone.
const (
	noBlock  = 0
	noFollow = 0
)
