package bench

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"hoithi/contests"
	"hoithi/server/auth"
)

// loginPhase logs the first n people in for real, one at a time: login is
// argon2id-bound by design, and its latency is what a person waits.
func loginPhase(ctx context.Context, c *client, n int) (*Histogram, error) {
	h := &Histogram{}
	for i := range n {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		body := []byte(`{"login":` + strconv.Quote(benchPhone(i)) + `,"password":` + strconv.Quote(benchPassword) + `}`)
		res := c.do("POST", "/api/v1/auth/login", "", body)
		if !res.ok() {
			return nil, fmt.Errorf("login of person %d: HTTP %d %v %.200s", i, res.status, res.err, res.body)
		}
		h.Record(res.latency)
	}
	return h, nil
}

// mintTokens signs access tokens with the server's own secret: logging
// thousands of people in would spend the run on argon2id. They last
// auth.AccessTTL (15 minutes), longer than any bounded run.
func mintTokens(secret []byte, users []*contests.User) ([]string, error) {
	signer, err := auth.NewTokens(secret, nil)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(users))
	for i, u := range users {
		if out[i], err = signer.Issue(u); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// openPhase starts one attempt for each token, leaving them in progress,
// with a few dozen requests in flight, as a round opening looks. It stops
// after five minutes whatever is left.
func openPhase(ctx context.Context, c *client, roundID string, tokens []string, concurrency int) (started int, errs map[string]int, took time.Duration) {
	var next, ok atomic.Int64
	var mu sync.Mutex
	errs = map[string]int{}
	hardStop := time.Now().Add(5 * time.Minute)
	path := "/api/v1/rounds/" + roundID + "/attempts"
	var wg sync.WaitGroup
	t0 := time.Now()
	for range max(1, min(concurrency, len(tokens))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil && time.Now().Before(hardStop) {
				i := int(next.Add(1) - 1)
				if i >= len(tokens) {
					return
				}
				res := c.do("POST", path, tokens[i], nil)
				if res.ok() {
					ok.Add(1)
					continue
				}
				key := "transport"
				if res.status != 0 {
					key = strconv.Itoa(res.status)
				}
				mu.Lock()
				errs[key]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return int(ok.Load()), errs, time.Since(t0)
}
