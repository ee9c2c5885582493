package auth

import (
	"context"
	"sync"
	"time"

	"hoithi/contests"
)

// FailedLogin is one wrong password (or unknown account) as the organizers'
// security view shows it. The account is a keyed hash of what was typed
// (Keys.HashLogin): the same account always gives the same hash, so
// repeated attacks on one person stand out, but the list never holds a phone
// or CCCD number.
type FailedLogin struct {
	At      time.Time
	Account string
	// UnitPath is the unit of the account when it exists ("" when nobody has
	// it: only whole-system viewers see those).
	UnitPath string
	Client   string // the client's address as the server saw it
	// Throttled: the try was refused unheard because the client had to wait.
	Throttled bool
}

// FailedLogins keeps recent failed logins for the security view.
//
// MemoryFailedLogins serves the embedded engine, whose one process sees
// every failure. With several instances on MongoDB the failures live in the
// store (server/api storeFailedLogins over store.FailedLogins), so the view
// lists those of every instance whichever one answers.
type FailedLogins interface {
	// Record keeps f.
	Record(ctx context.Context, f FailedLogin) error
	// Recent returns up to limit failures, newest first, of accounts whose
	// unit lies under one of paths; the path "/" also returns failures of
	// unknown accounts.
	Recent(ctx context.Context, paths []string, limit int) ([]FailedLogin, error)
}

// MemoryFailedLogins is a ring of the latest failures.
type MemoryFailedLogins struct {
	mu   sync.Mutex
	ring []FailedLogin
	next int
	full bool
}

// NewMemoryFailedLogins keeps the latest size failures.
func NewMemoryFailedLogins(size int) *MemoryFailedLogins {
	return &MemoryFailedLogins{ring: make([]FailedLogin, size)}
}

// Record implements FailedLogins.
func (m *MemoryFailedLogins) Record(_ context.Context, f FailedLogin) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.ring[m.next] = f
	m.next = (m.next + 1) % len(m.ring)
	if m.next == 0 {
		m.full = true
	}
	return nil
}

// Recent implements FailedLogins.
func (m *MemoryFailedLogins) Recent(_ context.Context, paths []string, limit int) ([]FailedLogin, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := m.next
	if m.full {
		n = len(m.ring)
	}
	var out []FailedLogin
	for i := 1; i <= n && len(out) < limit; i++ {
		f := m.ring[(m.next-i+len(m.ring))%len(m.ring)]
		for _, p := range paths {
			if p == "/" || (f.UnitPath != "" && (contests.Grant{UnitPath: p}).Covers(f.UnitPath)) {
				out = append(out, f)
				break
			}
		}
	}
	return out, nil
}
