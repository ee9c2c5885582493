package auth

import (
	"strings"
	"sync"
	"time"
)

// Why verified tokens are cached.
//
// Every request of a quiz (start, twenty answer saves, submit, result)
// carries the same access token, and verifying it from scratch (base64,
// HMAC-SHA256, a JSON decode of the claims, the validator) cost about a
// tenth of the server's CPU on the quiz path (0.54 of 4.9 CPU-ms per
// attempt in a CPU profile of `server bench quiz`, 2026-12-03; 0.04 with
// this cache). The outcome of that work
// depends only on the token's exact bytes and the key, which never changes
// for a Tokens; only the clock moves. So a token that verified once is
// remembered by its raw string, and a later Parse of the same string checks
// just the clock (expiry, and not-before should a token carry one) against
// the claims it already proved. A string that differs in any byte is a
// different key and is verified in full; a token that failed is never
// remembered, so a forged one costs a full check every time.
//
// The cache is bounded: two generations of at most tokenCacheGeneration
// entries each. Entries are added to the young one; when it is full the old
// one is dropped and the young one becomes old. A hit in the old
// generation moves the entry to the young one, so a token in use survives
// while tokens nobody presents age out (a least-recently-used policy
// without a list to keep). Expired entries are also removed when found.
const tokenCacheGeneration = 8192

type cachedClaims struct {
	claims *Claims
	// exp and nbf are the claims' times as Unix nanoseconds (nbf 0: none).
	exp, nbf int64
}

type tokenCache struct {
	mu         sync.Mutex
	young, old map[string]cachedClaims
	limit      int
}

func newTokenCache(limit int) *tokenCache {
	return &tokenCache{young: make(map[string]cachedClaims), limit: limit}
}

// get returns the claims remembered for raw when they are valid at now.
func (c *tokenCache) get(raw string, now time.Time) *Claims {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.young[raw]
	if !ok {
		if e, ok = c.old[raw]; !ok {
			return nil
		}
		delete(c.old, raw)
		c.addLocked(raw, e)
	}
	// Same rules as jwt's validator with no leeway: valid while now is
	// before the expiry, and not before nbf.
	t := now.UnixNano()
	if t >= e.exp {
		delete(c.young, raw)
		return nil
	}
	if e.nbf != 0 && t < e.nbf {
		return nil
	}
	return e.claims
}

// put remembers claims that raw was verified to carry.
func (c *tokenCache) put(raw string, claims *Claims) {
	raw = strings.Clone(raw)     // a key must not alias a buffer the caller reuses
	if claims.ExpiresAt == nil { // Parse requires one; never cache without
		return
	}
	e := cachedClaims{claims: claims, exp: claims.ExpiresAt.UnixNano()}
	if claims.NotBefore != nil {
		e.nbf = claims.NotBefore.UnixNano()
	}
	c.mu.Lock()
	c.addLocked(raw, e)
	c.mu.Unlock()
}

func (c *tokenCache) addLocked(raw string, e cachedClaims) {
	if _, ok := c.young[raw]; !ok && len(c.young) >= c.limit {
		c.old, c.young = c.young, make(map[string]cachedClaims, c.limit)
	}
	c.young[raw] = e
}

// len counts the entries of both generations (for tests).
func (c *tokenCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.young) + len(c.old)
}
