package api

import (
	"context"
	"strings"
	"sync"
	"time"

	"hoithi/contests"
	"hoithi/server/store"
)

// unitNameCache remembers unit names for a few minutes: every profile, search
// result and leaderboard row shows a unit path ("Phường An Biên › Tỉnh An
// Giang"), and units are renamed rarely. Stale names are harmless; a rename
// shows everywhere within the TTL, on every instance.
type unitNameCache struct {
	store store.Units
	ttl   time.Duration
	now   func() time.Time
	mu    sync.RWMutex
	names map[string]cachedName
}

type cachedName struct {
	name string
	at   time.Time
}

func newUnitNameCache(s store.Units, ttl time.Duration, now func() time.Time) *unitNameCache {
	return &unitNameCache{store: s, ttl: ttl, now: now, names: map[string]cachedName{}}
}

// name returns the unit's name, "" when it does not exist.
func (c *unitNameCache) name(ctx context.Context, id string) string {
	if id == "" {
		return ""
	}
	c.mu.RLock()
	n, ok := c.names[id]
	c.mu.RUnlock()
	if ok && c.now().Sub(n.at) < c.ttl {
		return n.name
	}
	u, err := c.store.UnitByID(ctx, id)
	if err != nil {
		return ""
	}
	c.put(u)
	return u.Name
}

func (c *unitNameCache) put(u *contests.Unit) {
	c.mu.Lock()
	if len(c.names) > 200_000 { // bound memory on a national tree
		c.names = map[string]cachedName{}
	}
	c.names[u.ID] = cachedName{name: u.Name, at: c.now()}
	c.mu.Unlock()
}

// forget drops a unit after a change on this instance.
func (c *unitNameCache) forget(id string) {
	c.mu.Lock()
	delete(c.names, id)
	c.mu.Unlock()
}

// pathName renders a unit path from the unit itself up to its root, the way
// Vietnamese addresses read: "Khu phố 1, Phường An Biên, Tỉnh An Giang".
func (c *unitNameCache) pathName(ctx context.Context, path string) string {
	ids := contests.AncestorIDs(path)
	names := make([]string, 0, len(ids))
	for i := len(ids) - 1; i >= 0; i-- {
		if n := c.name(ctx, ids[i]); n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}
