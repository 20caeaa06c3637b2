package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// setUsage makes text, then a blank line, then the flags fset's -h output,
// written to w. text is the synopsis, a blank line and what the command
// does, with no trailing newline.
func setUsage(fset *flag.FlagSet, w io.Writer, text string) {
	fset.Usage = func() {
		fmt.Fprintln(w, text)
		fmt.Fprintln(w)
		fset.PrintDefaults()
	}
}

// parseCommand parses a subcommand's flags and returns its positional
// arguments (flags may come after them, as parseArgs allows). help is true
// after -h, which has printed the usage already: the caller returns nil.
// Any other parse error comes back as a usage error.
func parseCommand(fset *flag.FlagSet, args []string) (pos []string, help bool, err error) {
	pos, err = parseArgs(fset, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil, true, nil
	}
	if err != nil {
		return nil, false, usageErrorf("%v", err)
	}
	return pos, false, nil
}
