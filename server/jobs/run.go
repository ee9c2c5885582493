package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"hoithi/contests"
)

// run does the work of job j, holding the lease as owner: a heartbeat
// renews the lease and stores the progress every beat; the outcome is
// stored, then the lease released. It returns the final state.
func (r *Runner) run(kind, key, owner string, j Job, work Work) Job {
	ctx, cancel := context.WithCancel(r.base)
	defer cancel()
	var percent atomic.Int64
	var lost atomic.Bool
	beating := make(chan struct{})
	go func() {
		defer close(beating)
		if !r.heartbeat(ctx, kind, key, owner, j, &percent) {
			lost.Store(true)
			cancel()
		}
	}()

	result, err := r.safely(ctx, work, func(p int) { percent.Store(int64(min(max(p, 0), 100))) })
	cancel()
	<-beating

	j.UpdatedAt = time.Now()
	j.FinishedAt = j.UpdatedAt
	j.Progress = int(percent.Load())
	switch {
	case err == nil:
		j.Status, j.Progress = Done, 100
		if j.Result, err = json.Marshal(result); err != nil {
			j.Status, j.Error = Failed, &errInternal
		}
	case r.base.Err() != nil || errors.Is(err, context.Canceled):
		j.Status, j.Error = Failed, &errInterrupted
	default:
		j.Status = Failed
		var ce *contests.Error
		if errors.As(err, &ce) && ce.Code != contests.CodeInternal {
			j.Error = &ce.Msg
		} else {
			j.Error = &errInternal
		}
	}
	if err != nil {
		r.log.Error("job failed", "kind", kind, "key", key, "job", j.ID, "err", err)
	}
	// The outcome is stored on a context of its own: a stopping instance
	// still says how its job ended. It is stored only while the lease is
	// still this run's: after a stall longer than the lease, another
	// instance runs the job now, and its state is the one to keep.
	sctx, scancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer scancel()
	if lost.Load() || !r.stillHeld(sctx, kind, key, owner) {
		return j
	}
	if err := r.put(sctx, kind, key, j); err != nil {
		// Left as running, it reads as interrupted once its heartbeat ages.
		r.log.Error("job outcome not stored", "kind", kind, "key", key, "job", j.ID, "err", err)
	}
	r.release(kind, key, owner)
	return j
}

// safely runs work, turning a panic into an error: a job's bug must not
// take the instance, and every other request on it, down.
func (r *Runner) safely(ctx context.Context, work Work, progress func(int)) (result any, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = contests.Internal(fmt.Errorf("job panicked: %v", p))
		}
	}()
	return work(ctx, progress)
}

// heartbeat renews the lease and stores the progress every beat until ctx
// ends, and returns false when the lease was lost (this instance stalled
// past hold and another took the job over): the work must then stop, as
// two must never write at once.
func (r *Runner) heartbeat(ctx context.Context, kind, key, owner string, j Job, percent *atomic.Int64) bool {
	tick := time.NewTicker(r.beat)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return true
		case <-tick.C:
		}
		ok, err := r.renew(ctx, kind, key, owner)
		if err == nil && !ok {
			// Asked again before giving the work up: a backend without
			// single-document atomicity (FerretDB in development) may refuse
			// a renewal once; a lease another instance took stays taken.
			ok, err = r.renew(ctx, kind, key, owner)
		}
		if err != nil {
			r.log.Warn("job lease not renewed", "kind", kind, "key", key, "err", err)
			continue // it holds for hold; the next beat tries again
		}
		if !ok {
			r.log.Error("job lease lost; stopping", "kind", kind, "key", key, "job", j.ID)
			return false
		}
		now := time.Now()
		j.Progress, j.UpdatedAt = int(percent.Load()), now
		if err := r.put(ctx, kind, key, j); err != nil && ctx.Err() == nil {
			r.log.Warn("job progress not stored", "kind", kind, "key", key, "err", err)
		}
	}
}

func (r *Runner) release(kind, key, owner string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := r.st.ReleaseLease(ctx, leaseName(kind, key), owner); err != nil {
		// It frees itself after hold.
		r.log.Warn("job lease not released", "kind", kind, "key", key, "err", err)
	}
}

// renew holds the lease for owner for another hold; false when it is
// someone else's now.
func (r *Runner) renew(ctx context.Context, kind, key, owner string) (bool, error) {
	now := time.Now()
	return r.st.TakeLease(ctx, leaseName(kind, key), owner, now, now.Add(r.hold))
}

// stillHeld renews the lease for owner and says whether it was still
// owner's.
func (r *Runner) stillHeld(ctx context.Context, kind, key, owner string) bool {
	ok, err := r.renew(ctx, kind, key, owner)
	if err == nil && !ok {
		ok, err = r.renew(ctx, kind, key, owner) // as in heartbeat
	}
	if err != nil {
		r.log.Warn("job lease not checked", "kind", kind, "key", key, "err", err)
		return true // most likely still ours: store the outcome rather than lose it
	}
	return ok
}
