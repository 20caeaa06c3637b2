package diag_test

import (
	"errors"
	"fmt"

	"github.com/betweensessions/between/diag"
)

// An embedder recovers the place of a mistake from any package's error.
func Example() {
	src := []byte("---\nid: sleep-routine\ntitel: Sleep\n---\n")
	var err error = diag.List{(&diag.Error{
		Pkg: "worksheet", Path: "sleep-routine/en.md", Line: 3, Col: 1,
		Msg: `unknown key "titel" in the front matter (did you mean "title"?)`,
	}).Quote(src)}

	var e *diag.Error
	if errors.As(err, &e) {
		fmt.Println(e.Pos())
		fmt.Println(e.Caret())
	}
	fmt.Println(err)
	// Output:
	// sleep-routine/en.md:3:1
	// titel: Sleep
	// ^
	// worksheet: sleep-routine/en.md:3:1: unknown key "titel" in the front matter (did you mean "title"?)
}
