// Package bounded runs hostile-input work in tests under a time and
// memory bound: the parser, the renderers and the site builder must refuse
// or handle any input quickly and without exhausting memory, and never
// panic.
package bounded

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// Limits are how long the work may take and how many bytes it may
// allocate in all. Time is scaled by [RaceScale].
type Limits struct {
	Time  time.Duration
	Alloc uint64
}

// Run runs f on its own goroutine and fails the test when f panics, does
// not return within l.Time, or allocates more than l.Alloc bytes. It
// measures allocation with runtime.ReadMemStats, which counts every
// goroutine, so tests that call it must not run in parallel.
func Run(t testing.TB, what string, l Limits, f func()) {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	limit := l.Time * RaceScale()
	start := time.Now()
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		f()
	}()
	select {
	case p := <-done:
		if p != nil {
			t.Fatalf("%s panicked: %v", what, p)
		}
	case <-time.After(limit):
		t.Fatalf("%s did not finish within %s", what, limit)
	}
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%s: %s, %.1f MB allocated", what, took.Round(time.Millisecond), float64(alloc)/(1<<20))
	if alloc > l.Alloc {
		t.Errorf("%s allocated %.1f MB, more than the bound of %.1f MB", what, float64(alloc)/(1<<20), float64(l.Alloc)/(1<<20))
	}
}

// RaceScale is how much longer code takes under the race detector: 10
// when the test binary was built with -race, else 1.
func RaceScale() time.Duration {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "-race" && s.Value == "true" {
				return 10
			}
		}
	}
	return 1
}
