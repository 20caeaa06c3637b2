package lint_test

import (
	"context"
	"fmt"
	"io/fs"
	"testing/fstest"

	"github.com/betweensessions/between/worksheet/lint"
)

// A template with a typo in its front matter and a directive that does
// not exist: lint reports every problem, with their places, and the run fails.
func ExampleRun() {
	src := fstest.MapFS{"walk/en.md": {Data: []byte(`---
id: walk
title: A short walk
kidn: plan
---
# A short walk

::: line 4
`)}}
	res, err := lint.Run(context.Background(), lint.Options{Sources: []fs.FS{src}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range res.Templates {
		for _, f := range t.Files {
			for _, fd := range f.Findings {
				fmt.Println(fd)
			}
		}
	}
	fmt.Println(res.Summary)
	fmt.Println("failed:", res.Failed())
	// Output:
	// walk/en.md:1: error: kind is required: one of worksheet, log, plan, handout or review [parse]
	// walk/en.md:4:1: error: unknown key "kidn" in the front matter (did you mean "kind"?) [parse]
	// walk/en.md:8:5: error: unknown directive "line" (did you mean "lines"?) [parse]
	// 3 errors, 0 warnings in 1 file (1 file checked, 0 infos)
	// failed: true
}
