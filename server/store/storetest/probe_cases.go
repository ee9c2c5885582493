package storetest

import (
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/server/store"
)

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
