package main

import (
	"errors"
	"flag"
	"fmt"

	"github.com/betweensessions/between/internal/safefs"
)

// parseArgs parses flags that may come before, between or after
// the positional arguments, and returns the positional ones. A "--" ends
// the flags.
func parseArgs(fset *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fset.Parse(args); err != nil {
			return nil, err
		}
		rest := fset.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// parseOnlyFlags parses the flags of a subcommand that takes no
// positional arguments. help is true after -h, which has printed the
// usage already; the caller then returns nil.
func parseOnlyFlags(fset *flag.FlagSet, args []string) (help bool, err error) {
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return true, nil
		}
		return false, usageErrorf("%v", err)
	}
	if fset.NArg() > 0 {
		// The words are not echoed: they may be the rest of an unquoted
		// value, a client's words.
		return false, usageErrorf("%s takes no arguments, only flags (got %d); a flag's value with spaces needs quotes", fset.Name(), fset.NArg())
	}
	return false, nil
}

// srcFlag adds the repeatable --src flag to fset and returns the folders
// it collects, in the order given.
func srcFlag(fset *flag.FlagSet, usage string) *[]string {
	var srcs []string
	fset.Func("src", usage, func(s string) error {
		srcs = append(srcs, s)
		return nil
	})
	return &srcs
}

// checkOutput refuses, before any work, an -o target that could not be
// written safely (a symlink, a FIFO, a device, a folder). An empty out
// means stdout.
func checkOutput(cmd, out string) error {
	if out == "" {
		return nil
	}
	if err := safefs.CheckTarget(out); err != nil {
		return fmt.Errorf("%s: -o: %w", cmd, err)
	}
	return nil
}

// writeOutput writes b to out, a new or regular file replaced whole, or to
// stdout when out is empty.
func writeOutput(e *env, cmd, out string, b []byte) error {
	if out == "" {
		_, err := e.stdout.Write(b)
		return err
	}
	if err := safefs.WriteFile(out, b, 0o644); err != nil {
		return fmt.Errorf("%s: %w", cmd, err)
	}
	return nil
}
