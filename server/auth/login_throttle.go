package auth

import (
	"context"
	"sync"
	"time"
)

// Why failed logins slow a client down instead of locking the account.
//
// Locking an account after N wrong passwords hands the lock to anyone who
// knows the owner's phone number: a rival can keep a person out of a round.
// So failures are counted per (account, client) pair and per client, never
// per account alone. A client that keeps guessing one account, or guesses
// many, waits longer and longer between tries; the owner, typing the right
// password from a phone that has not failed recently, is never slowed by
// what others do. Guessing spread over many addresses is paid for by the
// password hash of each try and by the per-address request limit.

// LoginCounters counts failed logins per key (an (account, client) pair or
// a client). A count is forgotten once its key has had no failure for the
// counter's quiet period.
//
// MemoryLoginCounters is the implementation used today: each instance
// counts the attempts it served, so behind N instances a client spreading
// its guesses over all of them gets at most N times the budget, still
// slowed progressively on each. A store-backed implementation shared by
// all instances on one MongoDB (counter documents with an expiry, updated
// by one $inc each) is meant to be added behind this interface by the
// scale-out work; nothing else changes when it is.
type LoginCounters interface {
	// Failures returns key's failure count and the time of its latest
	// failure (0 and the zero time when none is remembered).
	Failures(ctx context.Context, key string, now time.Time) (n int, last time.Time, err error)
	// Fail counts one failure of key at now.
	Fail(ctx context.Context, key string, now time.Time) error
	// Reset forgets key (the pair's owner logged in).
	Reset(ctx context.Context, key string) error
}

// Backoff says how long a key with n failures waits after its latest one:
// nothing for the first Free failures, then Base, doubling with each
// further failure up to Max.
type Backoff struct {
	Free      int
	Base, Max time.Duration
}

// Wait returns how long a key with n failures, the latest at last, must
// still wait at now before its next attempt is heard (0: go ahead).
func (b Backoff) Wait(n int, last, now time.Time) time.Duration {
	if n < b.Free || b.Base <= 0 {
		return 0
	}
	d := b.Base
	for i := b.Free; i < n && d < b.Max; i++ {
		d *= 2
	}
	d = min(d, b.Max)
	if left := last.Add(d).Sub(now); left > 0 {
		return left
	}
	return 0
}

// MemoryLoginCounters keeps the counts in this process (see LoginCounters
// for what that means with several instances).
type MemoryLoginCounters struct {
	quiet time.Duration

	mu    sync.Mutex
	keys  map[string]loginFailures
	swept time.Time
}

type loginFailures struct {
	n    int
	last time.Time
}

// NewMemoryLoginCounters forgets a key after quiet without failures.
func NewMemoryLoginCounters(quiet time.Duration) *MemoryLoginCounters {
	return &MemoryLoginCounters{quiet: quiet, keys: map[string]loginFailures{}}
}

// Failures implements LoginCounters.
func (m *MemoryLoginCounters) Failures(_ context.Context, key string, now time.Time) (int, time.Time, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	f, ok := m.keys[key]
	if !ok || now.Sub(f.last) >= m.quiet {
		return 0, time.Time{}, nil
	}
	return f.n, f.last, nil
}

// Fail implements LoginCounters.
func (m *MemoryLoginCounters) Fail(_ context.Context, key string, now time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if now.Sub(m.swept) >= m.quiet {
		for k, f := range m.keys {
			if now.Sub(f.last) >= m.quiet {
				delete(m.keys, k)
			}
		}
		m.swept = now
	}
	f := m.keys[key]
	if now.Sub(f.last) >= m.quiet {
		f.n = 0
	}
	f.n++
	f.last = now
	m.keys[key] = f
	return nil
}

// Reset implements LoginCounters.
func (m *MemoryLoginCounters) Reset(_ context.Context, key string) error {
	m.mu.Lock()
	delete(m.keys, key)
	m.mu.Unlock()
	return nil
}
