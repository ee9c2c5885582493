package stats

import (
	"context"
	"encoding/json"
	"time"

	"hoithi/contests"
	"hoithi/server/store"
)

// SharedStore is what instances sharing one database use to compute each
// snapshot once: the stored snapshots and a lease per snapshot.
type SharedStore interface {
	store.Snapshots
	store.Leases
}

// sharing is how one Service takes part: its lease owner name.
type sharing struct {
	st       SharedStore
	owner    string
	now      func() time.Time
	maxAge   time.Duration
	waitPoll time.Duration
}

// maxStoredSnapshot bounds what is stored (MongoDB refuses documents over
// 16 MB); a larger snapshot is served from the instance that computed it.
const maxStoredSnapshot = 12 << 20

// sharedSource makes local the source of a snapshot every instance shares:
//
//  1. a snapshot of (kind, key) stored by any instance and at most maxAge
//     old is returned as it is — the same figures on every instance;
//  2. otherwise the instance that takes the lease on (kind, key) — one
//     conditional write, so one instance — computes, stores the result and
//     releases the lease;
//  3. the others return the stored snapshot however old, or, before there
//     is any, wait for the one being computed (polling the store).
//
// An instance that dies holding the lease frees it after snapshotTimeout.
func sharedSource[T any](sh *sharing, kind string, local Source[T]) Source[T] {
	return func(ctx context.Context, key string) (T, time.Time, error) {
		var zero T
		for {
			v, at, found, err := loadSnapshot[T](ctx, sh.st, kind, key)
			if err != nil {
				return zero, time.Time{}, err
			}
			if found && sh.now().Sub(at) <= sh.maxAge {
				return v, at, nil
			}
			lease := "stats:" + kind + ":" + key
			now := time.Now() // the lease is about processes, not the contest's clock
			took, err := sh.st.TakeLease(ctx, lease, sh.owner, now, now.Add(snapshotTimeout))
			if err != nil {
				return zero, time.Time{}, err
			}
			if took {
				return computeAndStore(ctx, sh, kind, key, lease, local)
			}
			if found {
				return v, at, nil // being refreshed elsewhere: the last one meanwhile
			}
			select { // the first snapshot is being computed elsewhere
			case <-ctx.Done():
				return zero, time.Time{}, ctx.Err()
			case <-time.After(sh.waitPoll):
			}
		}
	}
}

func computeAndStore[T any](ctx context.Context, sh *sharing, kind, key, lease string, local Source[T]) (T, time.Time, error) {
	defer func() {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		_ = sh.st.ReleaseLease(rctx, lease, sh.owner) // else it expires
	}()
	v, at, err := local(ctx, key)
	if err != nil {
		return v, at, err
	}
	// As stored (UTC, whole milliseconds), so this instance states the
	// same instant as those serving the stored copy.
	at = at.UTC().Truncate(time.Millisecond)
	if data, err := json.Marshal(v); err == nil && len(data) <= maxStoredSnapshot {
		if err := sh.st.PutSnapshot(ctx, kind, key, data, at); err != nil {
			return v, at, err
		}
	}
	return v, at, nil
}

// loadSnapshot reads and decodes the stored snapshot; found is false when
// there is none.
func loadSnapshot[T any](ctx context.Context, st store.Snapshots, kind, key string) (v T, at time.Time, found bool, err error) {
	data, at, err := st.Snapshot(ctx, kind, key)
	if contests.ErrorCode(err) == contests.CodeNotFound {
		return v, time.Time{}, false, nil
	}
	if err != nil {
		return v, time.Time{}, false, err
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return v, time.Time{}, false, contests.Internal(err)
	}
	return v, at, true, nil
}
