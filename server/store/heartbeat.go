package store

import (
	"context"
	"time"
)

// Heartbeats record that a deployment is serving: every live instance
// beats every few seconds, and one starting after every instance was down
// reads how long nobody was (server/api/outages.go). A beat is one record
// per name — per deployment, not per process — kept beside the leases
// (the same table or collection, under a "heartbeat:" name no lease uses),
// so several instances on one MongoDB keep one beat alive between them.
type Heartbeats interface {
	// Beat records at as name's last beat, unless a later one is stored:
	// an instance whose clock or write lags never moves it back.
	Beat(ctx context.Context, name string, at time.Time) error
	// LastBeat returns name's last beat, the zero time when none was
	// ever recorded (a new deployment).
	LastBeat(ctx context.Context, name string) (time.Time, error)
}
