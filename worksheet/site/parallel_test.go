package site

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParallelStopsOnFailure checks that the builder's worker pool stops
// the other calls when one fails: no call starts after the failure, and
// the ones running see their context cancelled. The hand-written pool it
// replaced let every other worker run to the end.
func TestParallelStopsOnFailure(t *testing.T) {
	b := &builder{opts: Options{Workers: 3}}
	boom := errors.New("boom")
	var started, cancelled atomic.Int32
	err := b.parallel(context.Background(), 1000, func(ctx context.Context, i int) error {
		started.Add(1)
		if i == 0 {
			for started.Load() < 3 { // fail once the other two workers are busy
				time.Sleep(time.Millisecond)
			}
			return boom
		}
		select {
		case <-ctx.Done():
			cancelled.Add(1)
		case <-time.After(time.Minute):
		}
		return nil
	})
	require.ErrorIs(t, err, boom)
	assert.Equal(t, int32(3), started.Load(), "no call starts after the failure")
	assert.Equal(t, int32(2), cancelled.Load(), "the calls running are told to stop")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = b.parallel(ctx, 10, func(context.Context, int) error { return nil })
	assert.ErrorIs(t, err, context.Canceled, "a done context is an error even when no call failed")
}
