package storetest

import (
	"fmt"
	"testing"
	"time"

	"hoithi/server/store"
)

func leaseCases() []contractCase {
	minute := time.Minute
	return []contractCase{
		{name: "leases/held by one owner until released or expired", run: func(t *testing.T, s store.Store) {
			ctx, now := t.Context(), baseTime
			takeNamed := func(name, owner string, at time.Time) bool {
				t.Helper()
				ok, err := s.TakeLease(ctx, name, owner, at, at.Add(minute))
				must(t, err)
				return ok
			}
			take := func(owner string, at time.Time) bool { t.Helper(); return takeNamed("job", owner, at) }
			if !take("a", now) {
				t.Fatal("a free lease was not taken")
			}
			if take("b", now.Add(30*time.Second)) {
				t.Fatal("b took a lease a holds")
			}
			if !take("a", now.Add(30*time.Second)) {
				t.Fatal("a could not renew its own lease")
			}
			// a renewed until now+90s: b still waits at now+80s.
			if take("b", now.Add(80*time.Second)) {
				t.Fatal("b took a renewed lease before it expired")
			}
			if !take("b", now.Add(2*minute)) {
				t.Fatal("b could not take an expired lease")
			}
			must(t, s.ReleaseLease(ctx, "job", "a")) // not a's any more: nothing happens
			if take("a", now.Add(2*minute)) {
				t.Fatal("a's release freed b's lease")
			}
			must(t, s.ReleaseLease(ctx, "job", "b"))
			if !take("a", now.Add(2*minute)) {
				t.Fatal("a released lease was not free")
			}
			if !takeNamed("other", "c", now) {
				t.Fatal("another lease name is another lease")
			}
		}},
		{name: "leases/racing takers: exactly one holds it", needsAtomic: true, run: func(t *testing.T, s store.Store) {
			const n = 12
			won := race(t, n, func(i int) (bool, error) {
				return s.TakeLease(t.Context(), "race", fmt.Sprint("owner", i), baseTime, baseTime.Add(minute))
			})
			holders := 0
			for _, w := range won {
				if w {
					holders++
				}
			}
			if holders != 1 {
				t.Fatalf("%d of %d racing takers hold the lease, want 1", holders, n)
			}
		}},
	}
}
