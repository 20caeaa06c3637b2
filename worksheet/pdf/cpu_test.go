//go:build unix

package pdf_test

import (
	"context"
	"io"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/betweensessions/between/worksheet"
	"github.com/betweensessions/between/worksheet/pdf"
)

// TestCPUTime reports the CPU time one render takes, which unlike the
// wall time of a benchmark does not grow when other processes share the
// machine. Run with BETWEEN_PDF_CPU=1.
func TestCPUTime(t *testing.T) {
	if os.Getenv("BETWEEN_PDF_CPU") == "" {
		t.Skip("set BETWEEN_PDF_CPU=1 to measure")
	}
	r := newRenderer(t)
	ws := sleepHandout()
	for _, v := range worksheet.Variants() {
		opts := pdf.RenderOptions{Locale: testLocale(), Variant: v}
		_ = r.Render(context.Background(), io.Discard, ws, opts)
		const n = 300
		start := cpu()
		for range n {
			if err := r.Render(context.Background(), io.Discard, ws, opts); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("%s: %v CPU per render", v, (cpu()-start)/n)
	}
	sheets, locs := pdf.Library(t)
	start := cpu()
	for i, ws := range sheets {
		for _, v := range worksheet.Variants() {
			if err := r.Render(context.Background(), io.Discard, ws, pdf.RenderOptions{Locale: locs[i], Variant: v}); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Logf("default library: %d PDFs in %v CPU", 2*len(sheets), cpu()-start)
}

func cpu() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
