package auth

import (
	"context"
	"testing"
	"time"
)

func TestSessionVersionsReadTheStoreOncePerTTL(t *testing.T) {
	now := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	stored, loads := int64(3), 0
	s := NewSessionVersions(func(context.Context, string) (int64, error) { loads++; return stored, nil },
		func() time.Time { return now })
	check := func(tokenVersion int64, want bool) {
		t.Helper()
		ok, err := s.Current(t.Context(), "u1", tokenVersion)
		if err != nil || ok != want {
			t.Fatalf("Current(%d) = %v, %v; want %v", tokenVersion, ok, err, want)
		}
	}
	check(3, true)
	check(2, false)
	check(4, true) // issued after a bump this copy has not seen yet
	if loads != 1 {
		t.Fatalf("%d store reads within the TTL, want 1", loads)
	}
	stored = 4 // another instance ended the sessions
	now = now.Add(SessionVersionTTL - time.Millisecond)
	check(3, true) // the documented staleness
	now = now.Add(time.Millisecond)
	check(3, false)
	if loads != 2 {
		t.Fatalf("%d store reads, want 2", loads)
	}
	stored = 5
	s.Forget("u1") // this instance ended them
	check(4, false)
}
