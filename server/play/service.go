package play

import (
	"context"
	"log/slog"
	"time"

	"hoithi/contests"
	"hoithi/server/store"
)

// Store is the storage play needs: the quiz ports and a contest by ID.
type Store interface {
	store.Quiz
	ContestByID(ctx context.Context, id string) (*contests.Contest, error)
}

// Options configure a Service; the zero value is usable.
type Options struct {
	// Now is the clock of deadlines (default time.Now).
	Now func() time.Time
	Log *slog.Logger
	// RoundTTL is how long a cached round is trusted (default 10 s).
	RoundTTL time.Duration
	// CheckRoundVersions makes every Get of a cached round check the
	// stored round's version first: for several instances sharing the
	// store. One process owning the store (the embedded engine) sees every
	// change as it makes it (Forget) and skips the lookup.
	CheckRoundVersions bool
	// Leases, when set (a store shared by several instances), makes one
	// instance at a time run the sweeper (sweeper.go).
	Leases store.Leases
	// OnWrite is told the outcome of every participation write: "ok" or
	// "conflict" (a lost race, retried). For metrics; may be nil.
	OnWrite func(outcome string)
}

// Service runs quiz play for one server instance.
type Service struct {
	store    Store
	now      func() time.Time
	log      *slog.Logger
	onWrite  func(string)
	leases   store.Leases
	instance string // this instance's lease owner name
	// Rounds is the round cache the hot path reads.
	Rounds *RoundCache
}

// New returns the play service over st.
func New(st Store, o Options) *Service {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.RoundTTL == 0 {
		o.RoundTTL = 10 * time.Second
	}
	if o.OnWrite == nil {
		o.OnWrite = func(string) {}
	}
	return &Service{store: st, now: o.Now, log: o.Log, onWrite: o.OnWrite, leases: o.Leases, instance: store.NewID(), Rounds: NewRoundCache(st, o.RoundTTL, o.CheckRoundVersions)}
}
