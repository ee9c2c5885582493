package api

import (
	"context"
	"time"

	"hoithi/server/auth"
	"hoithi/server/store"
)

// With several instances on one MongoDB, rate limits and failed-login
// counts live in the store (store.Counters: one document per key, one $inc
// per event), so the instances enforce one limit together instead of each
// its own. On the embedded engine the server is one process and keeps them
// in memory (Deps.SharedCounters is nil): ratelimit.go, auth's
// MemoryLoginCounters.

// storeLoginCounters keeps failed-login counts in the store: a key's count
// expires quiet after its latest failure, so that latest failure is its
// expiry minus quiet.
type storeLoginCounters struct {
	counters store.Counters
	quiet    time.Duration
}

var _ auth.LoginCounters = storeLoginCounters{}

func (s storeLoginCounters) Failures(ctx context.Context, key string, now time.Time) (int, time.Time, error) {
	n, expires, err := s.counters.CounterValue(ctx, "login:"+key, now)
	if err != nil || n == 0 {
		return 0, time.Time{}, err
	}
	return int(n), expires.Add(-s.quiet), nil
}

func (s storeLoginCounters) Fail(ctx context.Context, key string, now time.Time) error {
	_, err := s.counters.CountEvent(ctx, "login:"+key, now, now.Add(s.quiet))
	return err
}

func (s storeLoginCounters) Reset(ctx context.Context, key string) error {
	return s.counters.ResetCounter(ctx, "login:"+key)
}

// sharedAllow counts one event of key in the store, in fixed windows of
// l.window, and reports whether it is within l.max and how long until the
// window ends. A store error lets the request through (logged): the limits
// guard against floods, and a store that fails will fail the request anyway.
func (l *limiter) sharedAllow(ctx context.Context, key string) (bool, time.Duration) {
	now := l.now()
	start := now.Truncate(l.window)
	end := start.Add(l.window)
	n, err := l.shared.CountEvent(ctx, l.name+":"+key+":"+start.UTC().Format(time.RFC3339), now, end)
	if err != nil {
		if l.log != nil {
			l.log.Warn("shared rate limit not counted", "limit", l.name, "err", err)
		}
		return true, 0
	}
	return n <= int64(l.max), end.Sub(now)
}

// storeFailedLogins keeps the security view's failed logins in the store
// (store.FailedLogins), so every instance lists those of all of them.
type storeFailedLogins struct{ st store.FailedLogins }

var _ auth.FailedLogins = storeFailedLogins{}

func (s storeFailedLogins) Record(ctx context.Context, f auth.FailedLogin) error {
	return s.st.RecordFailedLogin(ctx, store.FailedLogin{At: f.At, Account: f.Account, UnitPath: f.UnitPath, Client: f.Client, Throttled: f.Throttled})
}

func (s storeFailedLogins) Recent(ctx context.Context, paths []string, limit int) ([]auth.FailedLogin, error) {
	list, err := s.st.RecentFailedLogins(ctx, paths, limit)
	out := make([]auth.FailedLogin, len(list))
	for i, f := range list {
		out[i] = auth.FailedLogin{At: f.At, Account: f.Account, UnitPath: f.UnitPath, Client: f.Client, Throttled: f.Throttled}
	}
	return out, err
}
