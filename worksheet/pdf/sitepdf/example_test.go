package sitepdf_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/betweensessions/between/worksheet/pdf"
	"github.com/betweensessions/between/worksheet/pdf/sitepdf"
	"github.com/betweensessions/between/worksheet/site"
)

// Example builds the default library with both PDFs of every handout.
func Example() {
	dir, err := os.MkdirTemp("", "sitepdf-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	r, err := pdf.New(pdf.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	out := filepath.Join(dir, "site")
	_, err = site.Build(context.Background(), site.Options{
		Out:       out,
		Downloads: []site.Download{sitepdf.Download(r, "pdf")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, name := range []string{"en/sleep-routine/sleep-routine.pdf", "es/sleep-routine/sleep-routine-large-print.pdf"} {
		_, err := os.Stat(filepath.Join(out, name))
		fmt.Println(name, err == nil)
	}
	// Output:
	// en/sleep-routine/sleep-routine.pdf true
	// es/sleep-routine/sleep-routine-large-print.pdf true
}
