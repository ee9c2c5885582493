package api

import (
	"context"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/server/store"
)

// limiter is a fixed-window counter per key (an IP, an account). On the
// embedded engine it lives in this process, the only one; with a shared
// store (MongoDB, several instances) the counts live there, so the limit is
// one for all instances (shared_counters.go).
type limiter struct {
	mu      sync.Mutex
	max     int
	window  time.Duration
	now     func() time.Time
	buckets map[string]*bucket
	swept   time.Time

	name   string         // the counters' key prefix in the store
	shared store.Counters // nil: count in memory
	log    *slog.Logger
}

type bucket struct {
	start time.Time
	n     int
}

func newLimiter(max int, window time.Duration, now func() time.Time) *limiter {
	return &limiter{max: max, window: window, now: now, buckets: map[string]*bucket{}}
}

// sharedIn makes the limiter count in the store under name (nil: memory).
func (l *limiter) sharedIn(counters store.Counters, name string, log *slog.Logger) *limiter {
	l.shared, l.name, l.log = counters, name, log
	return l
}

// allow counts one event for key and reports whether it is within the
// limit, and when not, how long until the window ends.
func (l *limiter) allow(ctx context.Context, key string) (bool, time.Duration) {
	if l == nil || l.max <= 0 {
		return true, 0
	}
	if l.shared != nil {
		return l.sharedAllow(ctx, key)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if now.Sub(l.swept) > l.window {
		for k, b := range l.buckets {
			if now.Sub(b.start) >= l.window {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	b := l.buckets[key]
	if b == nil || now.Sub(b.start) >= l.window {
		b = &bucket{start: now}
		l.buckets[key] = b
	}
	b.n++
	return b.n <= l.max, b.start.Add(l.window).Sub(now)
}

// rateLimited refuses a request with 429 and tells the client when to come
// back: every refusal carries Retry-After, so a phone can show a countdown
// instead of guessing.
func rateLimited(c *fiber.Ctx, wait time.Duration) error {
	c.Set(fiber.HeaderRetryAfter, retryAfter(wait))
	return errRateLimited
}

// retryAfter is wait in whole seconds, rounded up, at least 1.
func retryAfter(wait time.Duration) string {
	return strconv.Itoa(max(1, int((wait+time.Second-1)/time.Second)))
}
