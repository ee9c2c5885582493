package store

import (
	"context"
	"time"
)

// Leases are named locks with an expiry, for work that one instance at a
// time must do (one author's submissions checked against their limit, a
// job run by one instance of several). Each is one stored record taken and
// released with a single conditional write, so it needs no transaction:
// of two instances taking a free lease at once exactly one succeeds. An
// expiry frees the lease of an instance that died holding it; a holder
// must finish (or renew) well before its lease expires.
type Leases interface {
	// TakeLease gives lease name to owner until until, if it is free,
	// expired at now, or held by owner already (a renewal) → true;
	// held by another owner → false.
	TakeLease(ctx context.Context, name, owner string, now, until time.Time) (bool, error)
	// ReleaseLease frees name if owner holds it (else does nothing).
	ReleaseLease(ctx context.Context, name, owner string) error
}
