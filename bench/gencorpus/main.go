// Command gencorpus writes a synthetic, seeded corpus of worksheets for the
// side-by-side benchmark in bench/compare.
//
// Each worksheet is about two printed pages: an introduction, a task list,
// three or four sections with headings, paragraphs, lists and inline blanks,
// writing lines, a rating scale, a 7-day tracker and a small table. The same
// seed always gives the same bytes.
//
// # Output
//
// With -out DIR it writes
//
//	DIR/between/<id>/en.md     the worksheet in Between's template format
//	DIR/between/<id>/es.md     a Spanish version (with -langs en,es), whose
//	                           source_hash matches en.md
//	DIR/hugo/<id>.md           the same English Markdown as plain Hugo
//	                           content: directives become ordinary Markdown
//
// In the Hugo copy "___" blanks become escaped underscores, "::: lines N"
// becomes N paragraphs of underscores, "::: scale" a one-row table of the
// numbers and "::: tracker" a GFM table with a column per weekday.
//
// # Usage
//
//	go run ./bench/gencorpus -n 1000 -out /tmp/corpus [-langs en,es] [-seed 1] [-hugo=false]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fset := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fset.SetOutput(stderr)
	n := fset.Int("n", 1000, "number of worksheets")
	seed := fset.Uint64("seed", 1, "random seed; the same seed gives the same corpus")
	out := fset.String("out", "", "output `folder` (required; must not exist or be empty)")
	langs := fset.String("langs", "en", "languages to write for Between: en or en,es")
	hugo := fset.Bool("hugo", true, "also write the Hugo copy of the English worksheets")
	if err := fset.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("-out is required")
	}
	if *n < 1 {
		return errors.New("-n must be at least 1")
	}
	spanish := false
	for l := range strings.SplitSeq(*langs, ",") {
		switch strings.TrimSpace(l) {
		case "en", "":
		case "es":
			spanish = true
		default:
			return fmt.Errorf("-langs: %q is not supported (want en or es)", l)
		}
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty", *out)
	}
	g := generator{seed: *seed}
	for i := range *n {
		doc := g.document(i)
		id := doc.id
		dir := filepath.Join(*out, "between", id)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		en := doc.between()
		if err := os.WriteFile(filepath.Join(dir, "en.md"), en, 0o644); err != nil {
			return err
		}
		if spanish {
			es := g.spanish(i).betweenTranslation(en)
			if err := os.WriteFile(filepath.Join(dir, "es.md"), es, 0o644); err != nil {
				return err
			}
		}
		if *hugo {
			hdir := filepath.Join(*out, "hugo")
			if err := os.MkdirAll(hdir, 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(hdir, id+".md"), doc.hugo(), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}
