package auth

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"hoithi/contests"
)

func newTestTokens(t *testing.T, key string, clock func() time.Time) *Tokens {
	t.Helper()
	tok, err := NewTokens([]byte(strings.Repeat(key, 32)), clock)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// A remembered token still expires on time, and a cached hit returns the
// same claims a full verification does.
func TestCachedTokenExpiresOnTime(t *testing.T) {
	now := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	tok := newTestTokens(t, "k", func() time.Time { return now })
	s, err := tok.Issue(&contests.User{ID: "u1", UnitPath: "/p1/"})
	if err != nil {
		t.Fatal(err)
	}
	first, err := tok.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	if tok.verified.len() != 1 {
		t.Fatalf("cache holds %d tokens after one verification, want 1", tok.verified.len())
	}
	again, err := tok.Parse(s)
	if err != nil || again != first {
		t.Fatalf("second Parse = %p, %v; want the remembered claims %p", again, err, first)
	}
	now = now.Add(AccessTTL - time.Nanosecond)
	if _, err := tok.Parse(s); err != nil {
		t.Fatalf("a token 1 ns before its expiry must pass: %v", err)
	}
	now = now.Add(time.Nanosecond)
	if _, err := tok.Parse(s); err == nil {
		t.Fatal("a remembered token must be refused at its expiry")
	}
	if tok.verified.len() != 0 {
		t.Fatal("an expired token must leave the cache")
	}
}

// Only a verified string is remembered: a tampered token (one byte
// changed) and a token of another key are refused every time.
func TestCacheNeverAdmitsAnUnverifiedToken(t *testing.T) {
	now := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	tok := newTestTokens(t, "k", clock)
	s, _ := tok.Issue(&contests.User{ID: "u1"})
	if _, err := tok.Parse(s); err != nil {
		t.Fatal(err)
	}
	// A character inside the signature (the last one may carry only
	// padding bits): every bit of it counts.
	i, swap := len(s)-5, byte('A')
	if s[i] == 'A' {
		swap = 'B'
	}
	tampered := s[:i] + string(swap) + s[i+1:]
	if tampered == s {
		t.Fatal("test bug: token not changed")
	}
	for range 2 {
		if _, err := tok.Parse(tampered); err == nil {
			t.Fatal("a tampered token must be refused")
		}
	}
	other := newTestTokens(t, "x", clock)
	for range 2 {
		if _, err := other.Parse(s); err == nil {
			t.Fatal("a token signed with another key must be refused, cached elsewhere or not")
		}
	}
	if tok.verified.len() != 1 || other.verified.len() != 0 {
		t.Fatalf("caches hold %d and %d tokens, want 1 and 0", tok.verified.len(), other.verified.len())
	}
}

// The cache stays within two generations, and a token in use survives a
// flood of others.
func TestTokenCacheEvictsOldestGeneration(t *testing.T) {
	now := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	c := newTokenCache(4)
	claims := func(id string) *Claims {
		cl := &Claims{}
		cl.Subject = id
		cl.ExpiresAt = jwt.NewNumericDate(now.Add(time.Minute))
		return cl
	}
	c.put("hot", claims("hot"))
	for i := range 40 {
		c.put(fmt.Sprint("t", i), claims(fmt.Sprint(i)))
		if c.get("hot", now) == nil {
			t.Fatalf("the token in use was evicted after %d others", i+1)
		}
		if n := c.len(); n > 8 {
			t.Fatalf("cache holds %d tokens, bound is 8", n)
		}
	}
	if c.get("t0", now) != nil {
		t.Fatal("a token unused for 39 insertions must have aged out")
	}
	if c.get("t39", now) == nil {
		t.Fatal("the newest token must be cached")
	}
}
