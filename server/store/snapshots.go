package store

import (
	"context"
	"time"
)

// Snapshots keeps computed statistics where every instance reads them: one
// instance computes a snapshot (under a lease, server/stats/shared.go) and
// the others serve the stored one instead of each scanning the round.
type Snapshots interface {
	// PutSnapshot stores data as the snapshot of (kind, key) computed at
	// at, unless the stored one is newer (a slower computation finishing
	// late never replaces a fresher snapshot).
	PutSnapshot(ctx context.Context, kind, key string, data []byte, at time.Time) error
	// Snapshot returns the stored snapshot and its instant → CodeNotFound.
	Snapshot(ctx context.Context, kind, key string) ([]byte, time.Time, error)
}
