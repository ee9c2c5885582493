package storetest

import (
	"slices"
	"testing"
	"time"

	"hoithi/server/store"
)

func counterCases() []contractCase {
	return []contractCase{
		{name: "counters/count until expiry, then again from one", run: func(t *testing.T, s store.Store) {
			ctx, now := t.Context(), baseTime
			count := func(at, expires time.Time) int64 {
				t.Helper()
				n, err := s.CountEvent(ctx, "ip:10.0.0.1", at, expires)
				must(t, err)
				return n
			}
			window := now.Add(time.Minute)
			if a, b, c := count(now, window), count(now.Add(time.Second), window), count(now.Add(59*time.Second), window); a != 1 || b != 2 || c != 3 {
				t.Fatalf("counts in one window = %d %d %d, want 1 2 3", a, b, c)
			}
			n, expires, err := s.CounterValue(ctx, "ip:10.0.0.1", now.Add(30*time.Second))
			must(t, err)
			if n != 3 || !sameInstant(expires, window) {
				t.Fatalf("value = %d until %v, want 3 until %v", n, expires, window)
			}
			if n, _, err := s.CounterValue(ctx, "ip:10.0.0.1", window); err != nil || n != 0 {
				t.Fatalf("value at expiry = %d, %v; want 0", n, err)
			}
			if n := count(window, window.Add(time.Minute)); n != 1 {
				t.Fatalf("first count after expiry = %d, want 1", n)
			}
			// A sliding expiry: each event moves it on.
			if n := count(window.Add(50*time.Second), window.Add(110*time.Second)); n != 2 {
				t.Fatalf("count with a moved expiry = %d, want 2", n)
			}
			if n, _, _ := s.CounterValue(ctx, "ip:10.0.0.1", window.Add(100*time.Second)); n != 2 {
				t.Fatalf("value before the moved expiry = %d, want 2", n)
			}
			if n, _, _ := s.CounterValue(ctx, "ip:10.0.0.2", now); n != 0 {
				t.Fatalf("another key = %d, want 0", n)
			}
			must(t, s.ResetCounter(ctx, "ip:10.0.0.1"))
			if n, _, _ := s.CounterValue(ctx, "ip:10.0.0.1", window.Add(100*time.Second)); n != 0 {
				t.Fatalf("value after reset = %d, want 0", n)
			}
		}},
		{name: "counters/racing events are each counted once", needsAtomic: true, run: func(t *testing.T, s store.Store) {
			const n = 20
			got := race(t, n, func(int) (int64, error) {
				return s.CountEvent(t.Context(), "race", baseTime, baseTime.Add(time.Minute))
			})
			slices.Sort(got)
			for i, v := range got {
				if v != int64(i+1) {
					t.Fatalf("racing counts = %v, want 1..%d each once", got, n)
				}
			}
		}},
	}
}
