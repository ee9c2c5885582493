package play

import (
	"context"
	"sync"
	"testing"
	"time"
)

// memLeases is store.Leases in a map, for two services in one test.
type memLeases struct {
	mu sync.Mutex
	m  map[string]struct {
		owner string
		until time.Time
	}
}

func (l *memLeases) TakeLease(_ context.Context, name, owner string, now, until time.Time) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if cur, ok := l.m[name]; ok && cur.owner != owner && !cur.until.Before(now) {
		return false, nil
	}
	l.m[name] = struct {
		owner string
		until time.Time
	}{owner, until}
	return true, nil
}

func (l *memLeases) ReleaseLease(_ context.Context, name, owner string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.m[name].owner == owner {
		delete(l.m, name)
	}
	return nil
}

// With a shared store one instance sweeps at a time; the other takes over
// once the first stops.
func TestOneSweeperAtATime(t *testing.T) {
	leases := &memLeases{m: map[string]struct {
		owner string
		until time.Time
	}{}}
	a := New(newFakeStore(), Options{Leases: leases})
	b := New(newFakeStore(), Options{Leases: leases})
	ctx, every := t.Context(), time.Minute
	if !a.mayRunSweep(ctx, every) || b.mayRunSweep(ctx, every) || !a.mayRunSweep(ctx, every) {
		t.Fatal("want A to sweep (and renew) and B to skip while A holds the lease")
	}
	a.releaseSweep()
	if !b.mayRunSweep(ctx, every) {
		t.Fatal("B did not take over once A stopped")
	}
	if single := New(newFakeStore(), Options{}); !single.mayRunSweep(ctx, every) {
		t.Fatal("without a shared store the one instance sweeps")
	}
}
