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
