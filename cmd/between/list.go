package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"strings"
	"text/tabwriter"

	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet/site"
)

// runList implements "between list": one line per template in the
// library, with its kind and languages.
func runList(ctx context.Context, e *env, args []string) error {
	fset := flag.NewFlagSet("list", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	srcs := srcFlag(fset, "a `folder` of templates layered over the built-in library; repeat for more")
	fset.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: between list [--src DIR]")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Lists the handout library: id, kind and languages of each template.")
		fmt.Fprintln(e.stderr)
		fset.PrintDefaults()
	}
	if help, err := parseOnlyFlags(fset, args); help || err != nil {
		return err
	}
	var dirs folders
	defer dirs.Close()
	more, err := dirs.templates(*srcs)
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	sources := append([]fs.FS{templates.FS()}, more...)
	entries, err := site.List(ctx, sources...)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tLANGUAGES\tTITLE")
	for _, en := range entries {
		langs := make([]string, len(en.Langs))
		for i, t := range en.Langs {
			langs[i] = t.String()
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", en.ID, en.Kind, strings.Join(langs, ","), en.Title)
	}
	return tw.Flush()
}
