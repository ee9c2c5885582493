package stats

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// Source produces the snapshot of key and the instant it describes.
type Source[T any] func(ctx context.Context, key string) (v T, computedAt time.Time, err error)

// Cache keeps, per key (a round, a contest), the last snapshot of an
// expensive statistic and when it was computed. Statistics read every
// participation record of a round, so a page view must never cause a scan
// (an analytics job run on the exam's own servers once took a whole exam
// down: docs/domain.md): a request gets the snapshot at hand and, when it
// is older than maxAge, starts one recomputation in the background for the
// next request. Only the very first request for a key waits, for the first
// computation.
//
// Several instances: each keeps its own snapshots in memory and computes
// them itself. That is correct — a snapshot is a function of the store at
// an instant, and each answer says its instant — only N times the work.
// Where one instance should compute and the others read, see shared in
// service.go: Cache does not change.
type Cache[T any] struct {
	maxAge time.Duration
	now    func() time.Time
	source Source[T]
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

// NewCache returns an empty cache of snapshots from source, refreshed when
// older than maxAge, computing at most cap(jobs) at once (jobs is shared by
// every cache of a server).
func NewCache[T any](source Source[T], maxAge time.Duration, now func() time.Time, jobs chan struct{}, log *slog.Logger) *Cache[T] {
	return &Cache[T]{maxAge: maxAge, now: now, source: source, jobs: jobs, log: log, m: map[string]*snapshot[T]{}}
}

// Get returns the snapshot of key and when it was computed. The first call
// for a key waits for the computation (or ctx); its failure is returned and
// the next call tries again. A stale snapshot is returned as is while one
// refresh runs; a failed refresh keeps the old value.
func (c *Cache[T]) Get(ctx context.Context, key string) (T, time.Time, error) {
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
func (c *Cache[T]) run(key string, e *snapshot[T], first bool) {
	c.jobs <- struct{}{}
	defer func() { <-c.jobs }()
	ctx, cancel := context.WithTimeout(context.Background(), snapshotTimeout)
	defer cancel()
	v, at, err := c.safeCompute(ctx, key)
	c.mu.Lock()
	defer c.mu.Unlock()
	e.refreshing = false
	if err == nil {
		e.value, e.computedAt = v, at
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
func (c *Cache[T]) safeCompute(ctx context.Context, key string) (v T, at time.Time, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("statistics of %s panicked: %v", key, p)
		}
	}()
	return c.source(ctx, key)
}

// sweep drops snapshots nobody read for snapshotIdle, at most every few
// minutes. Called with mu held.
func (c *Cache[T]) sweep(now time.Time) {
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
