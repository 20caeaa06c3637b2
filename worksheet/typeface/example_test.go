package typeface_test

import (
	"fmt"
	"io/fs"

	"github.com/betweensessions/between/worksheet/typeface"
)

// A site copies the fonts and their licence from FS.
func ExampleFS() {
	names, _ := fs.Glob(typeface.FS(), "*")
	for _, n := range names {
		fmt.Println(n)
	}
	// Output:
	// Andika-Bold.ttf
	// Andika-Italic.ttf
	// Andika-Regular.ttf
	// OFL.txt
}
