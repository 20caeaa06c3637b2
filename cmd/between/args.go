package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/betweensessions/between/diag"
	"github.com/betweensessions/between/internal/safefs"
)

// parseFlags is the one place a subcommand's flags are parsed. The flag
// package's own errors repeat what was typed ("flag provided but not
// defined: -…", "invalid value \"…\" for flag -param"), and what was typed
// may be a client's words: an unquoted value that starts with "-", a
// param's value. The error is written again naming only the flag, and an
// unknown word only when it is a near miss of one of the flags (a typo,
// with a did-you-mean). The usage the flag package prints after an error
// is kept.
func parseFlags(fset *flag.FlagSet, args []string) error {
	out := fset.Output()
	var buf bytes.Buffer
	fset.SetOutput(&buf)
	err := fset.Parse(args)
	fset.SetOutput(out)
	if err == nil || errors.Is(err, flag.ErrHelp) {
		_, _ = out.Write(buf.Bytes())
		return err
	}
	usage := strings.TrimPrefix(buf.String(), err.Error()+"\n")
	err = errors.New(cleanFlagError(fset, err.Error()))
	fmt.Fprintln(out, err)
	_, _ = fmt.Fprint(out, usage)
	return err
}

// clientFlags are the flags whose values may be a client's words: a
// param's value, a free-text FHIR reference, a reminder's code word.
var clientFlags = map[string]bool{"param": true, "subject": true, "practitioner": true, "title": true}

// cleanFlagError rewrites a flag package error of fset so it names the
// flag and never a value.
func cleanFlagError(fset *flag.FlagSet, msg string) string {
	const undefined = "flag provided but not defined: "
	switch {
	case strings.HasPrefix(msg, undefined):
		word := strings.TrimLeft(strings.TrimPrefix(msg, undefined), "-")
		var names []string
		fset.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		if diag.IsName(word) {
			if near := diag.Suggest(word, names); near != "" {
				return fmt.Sprintf("unknown flag -%s (did you mean --%s?)", word, near)
			}
		}
		return "an unknown flag (not repeated here: it may be part of a value); an argument starting with \"-\" is not a flag (a value with spaces or a leading \"-\" needs quotes and \"--\" before it)"
	case strings.HasPrefix(msg, "invalid value "), strings.HasPrefix(msg, "invalid boolean value "):
		// invalid value "VALUE" for flag -NAME: REASON. Settings (a
		// format, a paper size, a port) are repeated as the flag package
		// says them; the flags that carry a client's words are not.
		i := strings.LastIndex(msg, " for flag -")
		if i < 0 {
			return "invalid value for a flag (the value is not repeated here)"
		}
		name, _, _ := strings.Cut(msg[i+len(" for flag -"):], ":")
		if !clientFlags[name] && diag.IsName(name) {
			return msg
		}
		if !diag.IsName(name) {
			name = "?"
		}
		return "invalid value for flag -" + name + " (the value is not repeated here: it may hold a client's words)"
	case strings.HasPrefix(msg, "bad flag syntax: "):
		return "bad flag syntax (the argument is not repeated here)"
	}
	return msg // "flag needs an argument: -name" names only the flag
}

// parseArgs parses flags that may come before, between or after
// the positional arguments, and returns the positional ones. A "--" ends
// the flags.
func parseArgs(fset *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fset, args); err != nil {
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
	if err := parseFlags(fset, args); err != nil {
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
