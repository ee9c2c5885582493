package api

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// snapshots keeps, per key (a round, a contest), the last computed value of
// an expensive statistic and when it was computed. Statistics read every
// participation record of a round, so a page view must never cause a scan
// (an analytics job once took down a whole exam: DOMAIN.md §2): a request
// gets the snapshot at hand and, when it is older than maxAge, starts one
// recomputation in the background for the next request. Only the very first
// request for a key waits, for the first computation.
type snapshots[T any] struct {
	maxAge  time.Duration
	now     func() time.Time
	compute func(ctx context.Context, key string) (T, error)
	// jobs bounds the computations running at once across every cache of
	// the server, so statistics take at most that many cores from quizzes.
	jobs chan struct{}
	log  *slog.Logger

	mu    sync.Mutex
	m     map[string]*snapshot[T]
	swept time.Time
}

type snapshot[T any] struct {
	value      T
	computedAt time.Time
	ready      chan struct{} // closed when the first computation ended
	err        error         // of the first computation
	refreshing bool
	lastRead   time.Time
}

const (
	// snapshotIdle is how long a snapshot nobody reads is kept.
	snapshotIdle = time.Hour
	// snapshotTimeout bounds one computation (a national round is about a
	// million records: well under this).
	snapshotTimeout = 15 * time.Minute
)

func newSnapshots[T any](maxAge time.Duration, now func() time.Time, jobs chan struct{}, log *slog.Logger,
	compute func(ctx context.Context, key string) (T, error)) *snapshots[T] {
	return &snapshots[T]{maxAge: maxAge, now: now, compute: compute, jobs: jobs, log: log, m: map[string]*snapshot[T]{}}
}

// get returns the snapshot of key and when it was computed. The first call
// for a key waits for the computation (or ctx); its failure is returned and
// the next call tries again. A stale snapshot is returned as is while one
// refresh runs; a failed refresh keeps the old value.
func (c *snapshots[T]) get(ctx context.Context, key string) (T, time.Time, error) {
	now := c.now()
	c.mu.Lock()
	c.sweep(now)
	e := c.m[key]
	if e == nil {
		e = &snapshot[T]{ready: make(chan struct{}), refreshing: true}
		c.m[key] = e
		go c.run(key, e, true)
	}
	e.lastRead = now
	c.mu.Unlock()

	var zero T
	select {
	case <-e.ready:
	case <-ctx.Done():
		return zero, time.Time{}, ctx.Err()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e.err != nil {
		return zero, time.Time{}, e.err
	}
	if !e.refreshing && now.Sub(e.computedAt) > c.maxAge {
		e.refreshing = true
		go c.run(key, e, false)
	}
	return e.value, e.computedAt, nil
}

// run computes key into e, detached from the request that asked: a closed
// browser tab must not waste a half-done scan.
func (c *snapshots[T]) run(key string, e *snapshot[T], first bool) {
	c.jobs <- struct{}{}
	defer func() { <-c.jobs }()
	ctx, cancel := context.WithTimeout(context.Background(), snapshotTimeout)
	defer cancel()
	started := c.now()
	v, err := c.safeCompute(ctx, key)
	c.mu.Lock()
	defer c.mu.Unlock()
	e.refreshing = false
	if err == nil {
		e.value, e.computedAt = v, started
	}
	if first {
		e.err = err
		if err != nil && c.m[key] == e {
			delete(c.m, key) // the next request tries again
		}
		close(e.ready)
	} else if err != nil {
		c.log.Warn("statistics refresh failed; the previous snapshot stays", "key", key, "err", err)
	}
}

// safeCompute turns a panic into an error: it runs on its own goroutine,
// where a panic would take the whole server down.
func (c *snapshots[T]) safeCompute(ctx context.Context, key string) (v T, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("statistics of %s panicked: %v", key, p)
		}
	}()
	return c.compute(ctx, key)
}

// sweep drops snapshots nobody read for snapshotIdle, at most every few
// minutes. Called with mu held.
func (c *snapshots[T]) sweep(now time.Time) {
	if now.Sub(c.swept) < 5*time.Minute {
		return
	}
	c.swept = now
	for k, e := range c.m {
		if !e.refreshing && now.Sub(e.lastRead) > snapshotIdle {
			delete(c.m, k)
		}
	}
}
