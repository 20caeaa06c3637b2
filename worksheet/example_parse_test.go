package worksheet_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing/fstest"

	"github.com/betweensessions/between/worksheet"
)

func ExampleParser_Parse() {
	src := []byte(`---
id: sleep-routine
title: My sleep routine
kind: log
params:
  - name: wake_time
    label: Wake-up time
---
Get up at {{wake_time}} every day. Last night I slept ___ hours.

::: scale 0 10 How rested do I feel?
`)
	p := worksheet.NewParser()
	w, err := p.Parse("sleep-routine/en.md", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(w.Lang, w.Meta.Title)
	for _, b := range w.Body {
		switch b := b.(type) {
		case *worksheet.Paragraph:
			for _, in := range b.Content {
				switch in := in.(type) {
				case *worksheet.Text:
					fmt.Printf("text %q\n", in.Text)
				case *worksheet.Slot:
					fmt.Println("slot", in.Name)
				case *worksheet.Blank:
					fmt.Println("blank", in.Width)
				}
			}
		case *worksheet.Scale:
			fmt.Printf("scale %d-%d %q at line %d\n", b.Min, b.Max, b.Label, b.Pos.Line)
		}
	}
	// Output:
	// en My sleep routine
	// text "Get up at "
	// slot wake_time
	// text " every day. Last night I slept "
	// blank 3
	// text " hours."
	// scale 0-10 "How rested do I feel?" at line 11
}

func ExampleErrorList() {
	src := []byte("---\nid: demo\ntitle: Demo\nkind: worksheet\n---\n::: line 4\n\nI wake at {{wake_time}}.\n")
	_, err := worksheet.NewParser().Parse("demo/en.md", src)
	var list worksheet.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Println(e)
			fmt.Println(e.Caret())
		}
	}
	// Output:
	// worksheet: demo/en.md:6:5: unknown directive "line" (did you mean "lines"?)
	// ::: line 4
	//     ^
	// worksheet: demo/en.md:8:11: slot {{wake_time}} is not declared in the front matter params
	// I wake at {{wake_time}}.
	//           ^
}

func ExampleParser_ParseFS() {
	fsys := fstest.MapFS{
		"breathing/en.md": {Data: []byte("---\nid: breathing\ntitle: Slow breathing\nkind: handout\n---\n::: tracker Morning | Evening\n")},
	}
	w, err := worksheet.NewParser().ParseFS(fsys, "breathing/en.md")
	if err != nil {
		fmt.Println(err)
		return
	}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(w.Body); err != nil {
		fmt.Println(err)
	}
	// Output:
	// [{"type":"tracker","pos":{"line":6,"col":1},"rows":["Morning","Evening"]}]
}

// Parse refuses a file that breaks one of its limits before it parses any
// Markdown, with an error that says which limit and where.
func Example_limits() {
	p := worksheet.NewParser()
	head := "---\nid: demo\ntitle: Demo\nkind: worksheet\n---\n"

	_, err := p.Parse("demo/en.md", []byte(head+strings.Repeat("- ", 21)+"too deep\n"))
	var list worksheet.ErrorList
	if errors.As(err, &list) {
		fmt.Println(list[0])
		fmt.Println(list[0].Caret())
	}

	_, err = p.Parse("demo/en.md", []byte(head+strings.Repeat("word ", 1000)+"\n"))
	fmt.Println(err)

	_, err = p.Parse("demo/en.md", make([]byte, worksheet.MaxFileSize+1))
	fmt.Println(err)
	// Output:
	// worksheet: demo/en.md:6:41: lists and quotes nest more than 20 deep here; they may nest at most 20 deep
	// - - - - - - - - - - - - - - - - - - - - - too deep
	//                                         ^
	// worksheet: demo/en.md:6:4097: the line is too long: 5000 bytes; split it (a line may be at most 4 KB)
	// worksheet: demo/en.md: the file is too large: 256.1 KB; a template may be at most 256 KB
}
