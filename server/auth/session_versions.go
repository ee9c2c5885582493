package auth

import (
	"context"
	"sync"
	"time"
)

// Why a session version, and why caching it briefly is safe.
//
// An access token is a signed statement that lives AccessTTL (15 minutes);
// nothing in it can be taken back. To end sessions within seconds (logout,
// a password change or an organizer's reset, a role taken away) every user
// record carries a session version that those actions raise in the store,
// each access token carries the version it was issued at, and every
// authenticated request compares the two: a token older than the user's
// current version is refused, and the client gets a new one from its refresh
// token (which the logout or password change has revoked, when it should).
//
// Reading the user's version from the store on every request would add a
// store read to each of the twenty-odd requests of a quiz attempt, so each
// instance remembers a version it read for SessionVersionTTL. The store is
// the only truth: an action that raises the version writes it there, and
// the instance that did it forgets its own copy at once. Any other of N
// instances sharing one database keeps its copy until it expires, so a
// revoked token works for at most SessionVersionTTL after the action on
// any instance, never longer; nothing here needs the instances to talk to
// each other. A token carrying a NEWER version than the copy (issued just
// after the bump, shown to an instance whose copy is older) is accepted:
// versions only go up, so it was issued after every revocation the copy
// knows about.
const SessionVersionTTL = 5 * time.Second

// SessionVersions caches each user's current session version for
// SessionVersionTTL. Entries are swept once per TTL, so the map holds about
// the users active in the last two TTLs.
type SessionVersions struct {
	load func(ctx context.Context, userID string) (int64, error)
	now  func() time.Time
	ttl  time.Duration

	mu    sync.Mutex
	known map[string]sessionVersion
	swept time.Time
}

type sessionVersion struct {
	v       int64
	expires int64 // unix nanoseconds
}

// NewSessionVersions caches what load reads (a store's SessionVersion);
// now may be nil for time.Now.
func NewSessionVersions(load func(ctx context.Context, userID string) (int64, error), now func() time.Time) *SessionVersions {
	if now == nil {
		now = time.Now
	}
	return &SessionVersions{load: load, now: now, ttl: SessionVersionTTL, known: map[string]sessionVersion{}}
}

// Current reports whether a token issued at version tokenVersion is still
// good for userID: at least the user's current version.
func (s *SessionVersions) Current(ctx context.Context, userID string, tokenVersion int64) (bool, error) {
	now := s.now()
	t := now.UnixNano()
	s.mu.Lock()
	e, ok := s.known[userID]
	s.mu.Unlock()
	if ok && t < e.expires {
		return tokenVersion >= e.v, nil
	}
	v, err := s.load(ctx, userID)
	if err != nil {
		return false, err
	}
	s.mu.Lock()
	if now.Sub(s.swept) > s.ttl {
		for id, old := range s.known {
			if t >= old.expires {
				delete(s.known, id)
			}
		}
		s.swept = now
	}
	s.known[userID] = sessionVersion{v: v, expires: now.Add(s.ttl).UnixNano()}
	s.mu.Unlock()
	return tokenVersion >= v, nil
}

// Forget drops the copy for userID after this instance raised the version,
// so its own next request reads the new one.
func (s *SessionVersions) Forget(userID string) {
	s.mu.Lock()
	delete(s.known, userID)
	s.mu.Unlock()
}
