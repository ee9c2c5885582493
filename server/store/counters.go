package store

import (
	"context"
	"time"
)

// Counters are event counts shared by every instance, each expiring at a
// time its writer sets: rate limits (requests per address per minute) and
// failed-login counts. On MongoDB they live in the database, so N instances
// enforce one limit, not N times it; one count is one document changed by
// one conditional update ($inc), atomic without a transaction. The embedded
// engine is one process, and the server keeps these counts in memory there
// (server/api/ratelimit.go); its implementation exists for the contract.
type Counters interface {
	// CountEvent adds one to counter key at now and returns the count
	// after it. A counter expired at now (or absent) starts again from
	// zero. The counter then expires at expires.
	CountEvent(ctx context.Context, key string, now, expires time.Time) (int64, error)
	// CounterValue returns key's count and expiry at now (0 and the zero
	// time when absent or expired).
	CounterValue(ctx context.Context, key string, now time.Time) (int64, time.Time, error)
	// ResetCounter forgets key.
	ResetCounter(ctx context.Context, key string) error
}
