package stats

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// clock is a settable clock for the cache's ages.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func newTestCache(t *testing.T, src Source[int]) (*Cache[int], *clock) {
	t.Helper()
	clk := &clock{t: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	return NewCache(src, time.Minute, clk.now, make(chan struct{}, 1), slog.New(slog.DiscardHandler)), clk
}

// waitFor polls cond: the refresh runs on its own goroutine.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for range 2000 {
		if cond() {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestCacheServesSnapshotsAndRefreshesInTheBackground(t *testing.T) {
	var computed atomic.Int32
	var clk *clock
	c, clk := newTestCache(t, func(ctx context.Context, key string) (int, time.Time, error) {
		return int(computed.Add(1)), clk.now(), nil
	})
	v, at, err := c.Get(t.Context(), "r1")
	if err != nil || v != 1 || !at.Equal(clk.now()) {
		t.Fatalf("first get: %d %v %v", v, at, err)
	}
	clk.add(30 * time.Second)
	if v, _, _ := c.Get(t.Context(), "r1"); v != 1 || computed.Load() != 1 {
		t.Fatalf("a fresh snapshot was recomputed: %d after %d computations", v, computed.Load())
	}
	clk.add(time.Minute)
	if v, _, _ := c.Get(t.Context(), "r1"); v != 1 {
		t.Fatalf("a stale get must answer at once with the old snapshot, got %d", v)
	}
	waitFor(t, "the refresh", func() bool { v, _, _ := c.Get(t.Context(), "r1"); return v == 2 })
	if n := computed.Load(); n != 2 {
		t.Fatalf("%d computations, want 2", n)
	}
	if v, _, _ := c.Get(t.Context(), "r2"); v != 3 {
		t.Fatalf("another key shares a snapshot: %d", v)
	}
}

func TestCacheKeepsNoFailedFirstComputation(t *testing.T) {
	fail := atomic.Bool{}
	fail.Store(true)
	c, _ := newTestCache(t, func(ctx context.Context, key string) (int, time.Time, error) {
		if fail.Load() {
			return 0, time.Time{}, errors.New("store down")
		}
		return 7, time.Time{}, nil
	})
	if _, _, err := c.Get(t.Context(), "r1"); err == nil {
		t.Fatal("the failure was not returned")
	}
	fail.Store(false)
	if v, _, err := c.Get(t.Context(), "r1"); err != nil || v != 7 {
		t.Fatalf("the next get did not try again: %d %v", v, err)
	}
}

func TestCacheKeepsTheOldSnapshotWhenARefreshFails(t *testing.T) {
	var calls atomic.Int32
	var clk *clock
	c, clk := newTestCache(t, func(ctx context.Context, key string) (int, time.Time, error) {
		if calls.Add(1) > 1 {
			panic("bad record")
		}
		return 5, clk.now(), nil
	})
	c.Get(t.Context(), "r1")
	clk.add(2 * time.Minute)
	c.Get(t.Context(), "r1") // starts the refresh, which panics
	waitFor(t, "the refresh", func() bool { return calls.Load() == 2 })
	waitFor(t, "the refresh to end", func() bool { c.mu.Lock(); defer c.mu.Unlock(); return !c.m["r1"].refreshing })
	if v, _, err := c.Get(t.Context(), "r1"); err != nil || v != 5 {
		t.Fatalf("after a failed refresh: %d %v", v, err)
	}
}

func TestCacheFirstGetHonoursItsContext(t *testing.T) {
	release := make(chan struct{})
	c, _ := newTestCache(t, func(ctx context.Context, key string) (int, time.Time, error) {
		<-release
		return 1, time.Time{}, nil
	})
	defer close(release)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, _, err := c.Get(ctx, "r1"); !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled first get: %v", err)
	}
}
