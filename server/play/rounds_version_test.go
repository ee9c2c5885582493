package play

import (
	"testing"
	"time"
)

// A round changed through another instance (the stored version moved on)
// is loaded again at the next Get, within the ttl; an unchanged one is not;
// without the check (one process owns the store) the copy stands.
func TestRoundCacheSeesAChangeMadeElsewhereAtOnce(t *testing.T) {
	f := newFakeStore()
	f.round.Version = 1
	c := NewRoundCache(f, time.Hour, true)
	r, err := c.Get(t.Context(), "r1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(t.Context(), "r1"); err != nil || f.loads.Load() != 1 {
		t.Fatalf("an unchanged round was loaded %d times, want once (%v)", f.loads.Load(), err)
	}
	closes := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.round.ClosesAt, f.round.Version = closes, 2 // closed early on another instance
	r, err = c.Get(t.Context(), "r1")
	if err != nil {
		t.Fatal(err)
	}
	if !r.Round.ClosesAt.Equal(closes) || r.Round.Version != 2 || f.loads.Load() != 2 {
		t.Fatalf("after a change elsewhere: closes %v at version %d after %d loads; want the new round, loaded again", r.Round.ClosesAt, r.Round.Version, f.loads.Load())
	}

	single := NewRoundCache(f, time.Hour, false)
	if _, err := single.Get(t.Context(), "r1"); err != nil {
		t.Fatal(err)
	}
	f.round.Version = 3
	if r, err := single.Get(t.Context(), "r1"); err != nil || r.Round.Version != 2 {
		t.Fatalf("unchecked cache: version %d, %v; want the cached copy (2)", r.Round.Version, err)
	}
}
