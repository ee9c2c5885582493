package api

import (
	"context"
	"time"

	"hoithi/contests"
	"hoithi/server/store"
)

// Work that must not run twice at once across instances takes a lease in
// the store (store.Leases: one conditional write, no transaction). In
// process memory a mutex would only keep out this instance's requests.

// leaseFor is how long a request holds a lease: far longer than the reads
// and writes it guards take, so it never expires under a live holder, and
// short enough that the lease of an instance that died holding it frees
// itself before a person retrying gives up.
const leaseFor = 30 * time.Second

// leaseWait bounds how long a request waits for a lease another request
// holds, trying every leasePoll.
const (
	leaseWait = 3 * time.Second
	leasePoll = 25 * time.Millisecond
)

var errLeaseBusy = contests.E(contests.CodeConflict, contests.T(
	"Đang xử lý một yêu cầu khác của bạn, hãy thử lại sau giây lát",
	"Another request of yours is being processed; try again in a moment"))

// holdLease waits (at most leaseWait) for lease name and returns the
// function that releases it. The release runs on a context of its own, so
// a request cut off by its client still frees the lease.
func (s *Server) holdLease(ctx context.Context, name string) (release func(), err error) {
	release, _, err = s.holdLeaseFor(ctx, name, leaseFor, leaseWait, errLeaseBusy)
	return release, err
}

// holdLeaseFor is holdLease holding for hold and waiting at most wait
// (then busy); waited tells whether another holder had it first.
func (s *Server) holdLeaseFor(ctx context.Context, name string, hold, wait time.Duration, busy error) (release func(), waited bool, err error) {
	owner := store.NewID()
	deadline := time.Now().Add(wait)
	for {
		now := time.Now() // the lease is about processes, not the contest's clock
		ok, err := s.Store.TakeLease(ctx, name, owner, now, now.Add(hold))
		if err != nil {
			return nil, waited, err
		}
		if ok {
			return func() {
				rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
				defer cancel()
				if err := s.Store.ReleaseLease(rctx, name, owner); err != nil {
					// It expires by itself after leaseFor.
					s.Log.Warn("lease not released", "lease", name, "err", err)
				}
			}, waited, nil
		}
		waited = true
		if time.Now().After(deadline) {
			return nil, waited, busy
		}
		select {
		case <-ctx.Done():
			return nil, waited, contests.Internal(ctx.Err())
		case <-time.After(leasePoll):
		}
	}
}
