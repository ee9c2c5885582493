package store

import (
	"context"
	"time"
)

// FailedLogin is one failed login as the organizers' security view lists
// it (server/auth.FailedLogin says what each field holds).
type FailedLogin struct {
	At        time.Time
	Account   string
	UnitPath  string
	Client    string
	Throttled bool
}

// FailedLogins keeps recent failed logins where every instance reads them.
// The engine for several instances (MongoDB) has it: there a brute force
// spread by the proxy over every instance shows whole in the view whichever
// instance answers. The embedded engine has one process, which keeps them
// in memory (server/auth.MemoryFailedLogins).
type FailedLogins interface {
	RecordFailedLogin(ctx context.Context, f FailedLogin) error
	// RecentFailedLogins returns up to limit failures, newest first, of
	// accounts whose unit lies under one of paths; the path "/" returns
	// every failure, those of unknown accounts too.
	RecentFailedLogins(ctx context.Context, paths []string, limit int) ([]FailedLogin, error)
}
