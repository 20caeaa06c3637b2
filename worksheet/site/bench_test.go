package site_test

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/worksheet/site"
)

// corpus generates n synthetic English templates of a realistic size:
// headings, paragraphs, a list, lines, a scale, a tracker and blanks.
func corpus(n int) fstest.MapFS {
	kinds := []string{"worksheet", "log", "plan", "handout", "review"}
	topics := []string{"sleep", "mood", "anxiety", "stress", "habits", "family"}
	m := fstest.MapFS{}
	for i := range n {
		id := fmt.Sprintf("t%04d", i)
		var b strings.Builder
		fmt.Fprintf(&b, "---\nid: %s\ntitle: Practice sheet %d\nsummary: A generated handout for the benchmark.\n", id, i)
		fmt.Fprintf(&b, "kind: %s\ntopics: [%s, %s]\nminutes: %d\nlicense: CC BY 4.0\n---\n\n", kinds[i%len(kinds)], topics[i%len(topics)], topics[(i+1)%len(topics)], 5+i%20)
		for s := range 3 {
			fmt.Fprintf(&b, "## Step %d\n\nThis is what to do in step %d. Take your time, and *write* what you **notice**. ", s+1, s+1)
			b.WriteString("There is no right answer, and it is fine to skip a question.\n\n")
			b.WriteString("- Find a quiet place.\n- Set a timer for five minutes.\n- Breathe out slowly.\n\n")
			b.WriteString("Today I felt ___ because ___.\n\n::: lines 3 What I noticed\n\n")
		}
		b.WriteString("::: scale 0 10 How strong was it?\n\n::: tracker Mood | Sleep | Steps\n")
		m[id+"/en.md"] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return m
}

// BenchmarkBuild builds generated libraries of growing size: 2 HTML
// variants per template plus the index pages. B/op divided by the number
// of templates should stay flat as the library grows.
func BenchmarkBuild(b *testing.B) {
	cat, err := i18n.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{250, 1000} {
		src := corpus(n)
		b.Run(fmt.Sprintf("templates=%d", n), func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "site")
			opts := site.Options{Sources: []fs.FS{src}, Out: out, Locales: cat}
			peak := sampleHeap()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := site.Build(context.Background(), opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MiB")
		})
	}
}

// sampleHeap samples the heap in use every 20ms until the returned
// function is called, which returns the largest sample.
func sampleHeap() func() uint64 {
	stop := make(chan struct{})
	res := make(chan uint64)
	go func() {
		var peak uint64
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-stop:
				res <- peak
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return func() uint64 {
		close(stop)
		return <-res
	}
}
