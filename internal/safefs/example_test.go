package safefs_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/betweensessions/between/internal/safefs"
)

func Example() {
	dir, err := os.MkdirTemp("", "safefs-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	name := filepath.Join(dir, "en.md")
	if err := safefs.WriteFile(name, []byte("# Sleep routine\n"), 0o644); err != nil {
		fmt.Println(err)
		return
	}
	b, err := safefs.ReadFS(safefs.DirFS(dir), "en.md", 256<<10)
	fmt.Printf("%q %v\n", b, err)

	_, err = safefs.ReadFS(safefs.DirFS(dir), "en.md", 10)
	fmt.Println(errors.Is(err, safefs.ErrTooLarge), err)

	_, err = safefs.ReadFS(safefs.DirFS(dir), ".", 10)
	fmt.Println(errors.Is(err, safefs.ErrNotRegular), err)
	// Output:
	// "# Sleep routine\n" <nil>
	// true en.md: 16 bytes, larger than the limit of 10 bytes
	// true open .: is a folder, not a regular file
}
