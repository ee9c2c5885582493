package storetest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/server/store"
)

// The small shared state that lets several instances on one store act as
// one: recorded meta values (the first one stays), leases (one holder at a
// time), event counters (rate limits), stored snapshots (statistics
// computed once), the deployment's heartbeat; and the small writes that keep
// a deployment healthy (the readiness probe, a password rehash on login).

func metaCases() []contractCase {
	return []contractCase{
		{name: "meta/the first value recorded stays", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			got, err := s.RecordMeta(ctx, "fingerprint.data_key", "aaa")
			must(t, err)
			if got != "aaa" {
				t.Fatalf("first record = %q, want %q", got, "aaa")
			}
			got, err = s.RecordMeta(ctx, "fingerprint.data_key", "bbb")
			must(t, err)
			if got != "aaa" {
				t.Fatalf("second record = %q, want the first value %q", got, "aaa")
			}
			got, err = s.RecordMeta(ctx, "fingerprint.jwt_secret", "ccc")
			must(t, err)
			if got != "ccc" {
				t.Fatalf("another key = %q, want %q", got, "ccc")
			}
		}},
		{name: "meta/racing first records agree on one value", needsAtomic: true, run: func(t *testing.T, s store.Store) {
			const n = 12
			got := race(t, n, func(i int) (string, error) {
				return s.RecordMeta(t.Context(), "race", fmt.Sprint("v", i))
			})
			for i := range n {
				if got[i] != got[0] {
					t.Fatalf("racing records returned %q and %q, want one value", got[0], got[i])
				}
			}
		}},
	}
}

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

func snapshotCases() []contractCase {
	return []contractCase{
		{name: "snapshots/the newest stored snapshot is read back", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			_, _, err := s.Snapshot(ctx, "round", "r1")
			wantCode(t, err, contests.CodeNotFound)
			must(t, s.PutSnapshot(ctx, "round", "r1", []byte(`{"people":3}`), baseTime))
			must(t, s.PutSnapshot(ctx, "round", "r1", []byte(`{"people":5}`), baseTime.Add(time.Minute)))
			// A slower computation that started earlier finishes late.
			must(t, s.PutSnapshot(ctx, "round", "r1", []byte(`{"people":4}`), baseTime.Add(30*time.Second)))
			data, at, err := s.Snapshot(ctx, "round", "r1")
			must(t, err)
			if string(data) != `{"people":5}` || !sameInstant(at, baseTime.Add(time.Minute)) {
				t.Fatalf("snapshot = %s at %v, want the newest", data, at)
			}
			must(t, s.PutSnapshot(ctx, "contest", "r1", []byte(`{"people":9}`), baseTime))
			if data, _, _ := s.Snapshot(ctx, "round", "r1"); string(data) != `{"people":5}` {
				t.Fatalf("another kind replaced the round's snapshot: %s", data)
			}
		}},
	}
}

func heartbeatCases() []contractCase {
	return []contractCase{
		{name: "heartbeats/the latest beat stays, never moved back", run: func(t *testing.T, s store.Store) {
			ctx, now := t.Context(), baseTime.Truncate(time.Millisecond) // what both engines keep
			last, err := s.LastBeat(ctx, "heartbeat:test")
			must(t, err)
			if !last.IsZero() {
				t.Fatalf("a new deployment has a beat: %v", last)
			}
			must(t, s.Beat(ctx, "heartbeat:test", now))
			must(t, s.Beat(ctx, "heartbeat:test", now.Add(5*time.Second)))
			must(t, s.Beat(ctx, "heartbeat:test", now.Add(2*time.Second))) // a lagging instance
			last, err = s.LastBeat(ctx, "heartbeat:test")
			must(t, err)
			if !last.Equal(now.Add(5 * time.Second)) {
				t.Fatalf("last beat %v, want %v", last, now.Add(5*time.Second))
			}
			other, err := s.LastBeat(ctx, "heartbeat:other")
			must(t, err)
			if !other.IsZero() {
				t.Fatalf("another name shares the beat: %v", other)
			}
		}},
	}
}

// probeCases cover the small writes that keep a deployment healthy: the
// readiness probe and the rehash of a password on login.
func probeCases() []contractCase {
	return []contractCase{
		{name: "probe/write probe succeeds again and again on a writable store", run: func(t *testing.T, s store.Store) {
			for range 3 {
				must(t, s.ProbeWrite(t.Context()))
			}
		}},
		{name: "users/rehash replaces the hash and keeps the password change time", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			u := NewUser(NewUnit("P01", "Phường An Biên", nil), "Lê Văn Tám", "+84912000001")
			must(t, s.CreateUser(ctx, u))
			must(t, s.ReplacePasswordHash(ctx, u.ID, u.PasswordHash, "$argon2id$new"))
			got, err := s.UserByID(ctx, u.ID)
			must(t, err)
			if got.PasswordHash != "$argon2id$new" {
				t.Fatalf("hash %q, want the new one", got.PasswordHash)
			}
			checkTimes(t, "rehash", map[string][2]time.Time{"passwordChangedAt": {got.PasswordChangedAt, u.PasswordChangedAt}})
		}},
		{name: "users/rehash loses to a password change and to a missing account", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			u := NewUser(NewUnit("P01", "Phường An Biên", nil), "Lê Văn Tám", "+84912000002")
			must(t, s.CreateUser(ctx, u))
			must(t, s.SetPassword(ctx, u.ID, "$argon2id$changed", u.PasswordChangedAt.Add(time.Minute)))
			wantCode(t, s.ReplacePasswordHash(ctx, u.ID, u.PasswordHash, "$argon2id$rehash"), contests.CodeConflict)
			got, err := s.UserByID(ctx, u.ID)
			must(t, err)
			if got.PasswordHash != "$argon2id$changed" {
				t.Fatalf("hash %q: the rehash overwrote a password change", got.PasswordHash)
			}
			wantCode(t, s.ReplacePasswordHash(ctx, store.NewID(), "x", "y"), contests.CodeConflict)
		}},
	}
}
