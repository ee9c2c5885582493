// Package stats computes and keeps the organizers' statistics: per round
// and per contest (the figures units report upward every week) and the item
// analysis of a round's questions. Each answer comes from a snapshot at most
// MaxAge old, computed off the request path (Cache), never from a scan
// caused by a page view. The figures themselves are contests/quiz's
// accumulators; this package streams records into them.
package stats

import (
	"context"
	"log/slog"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// Store is the storage statistics read.
type Store interface {
	ContestByID(ctx context.Context, id string) (*contests.Contest, error)
	UnitsUnder(ctx context.Context, path string) ([]*contests.Unit, error)
	UsersByIDs(ctx context.Context, ids []string) (map[string]*contests.User, error)
	Round(ctx context.Context, id string) (*quiz.Round, error)
	RoundsOf(ctx context.Context, contestID string) ([]*quiz.Round, error)
	Questions(ctx context.Context, contestID string) ([]quiz.Question, error)
	EachParticipation(ctx context.Context, roundID string, fn func(*quiz.Participation) error) error
}

var _ Store = store.Store(nil)

// Round is the snapshot of one round's statistics.
type Round struct {
	Stats quiz.RoundStats
}

// RoundLine is one round's counts inside the whole contest's statistics.
type RoundLine struct {
	ID    string `json:"id"`
	No    int    `json:"no"`
	Title string `json:"title"`
	quiz.Counts
}

// Contest is the snapshot of a whole contest: every round added up, each
// person once, and a line per round.
type Contest struct {
	Stats  quiz.RoundStats
	Rounds []RoundLine
}

// Items is the snapshot of a round's item analysis.
type Items struct {
	Attempts int
	// Rows are in the bank's order; a question since removed from the
	// bank keeps its figures with an empty text.
	Rows []ItemRow
}

// ItemRow is one question's figures.
type ItemRow struct {
	Question quiz.Question
	Stat     quiz.ItemStat
}

// Options configure a Service; the zero value is usable.
type Options struct {
	Now func() time.Time
	Log *slog.Logger
	// MaxAge is how old a snapshot may be before a request refreshes it
	// (default one minute).
	MaxAge time.Duration
	// Shared, when set (a database shared by several instances), makes one
	// instance compute each snapshot and every instance serve the stored
	// one (shared.go); nil computes here, for this process alone.
	Shared SharedStore
}

// Service computes and keeps the statistics of one server instance.
type Service struct {
	store    Store
	now      func() time.Time
	rounds   *Cache[Round]
	contests *Cache[Contest]
	items    *Cache[Items]
}

const (
	// snapshotIdle is how long a snapshot nobody reads is kept.
	snapshotIdle = time.Hour
	// snapshotTimeout bounds one computation (a national round is about a
	// million records: well under this).
	snapshotTimeout = 15 * time.Minute
)

// New returns the statistics service over st.
func New(st Store, o Options) *Service {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.MaxAge == 0 {
		o.MaxAge = time.Minute
	}
	// One computation at a time for the whole server: statistics may take
	// one of the machine's cores, never the quizzes' share.
	jobs := make(chan struct{}, 1)
	s := &Service{store: st, now: o.Now}
	var sh *sharing
	if o.Shared != nil {
		sh = &sharing{st: o.Shared, owner: store.NewID(), now: o.Now, maxAge: o.MaxAge, waitPoll: 250 * time.Millisecond}
	}
	s.rounds = NewCache(shared(sh, "round", timed(o.Now, s.computeRound)), o.MaxAge, o.Now, jobs, o.Log)
	s.contests = NewCache(shared(sh, "contest", timed(o.Now, s.computeContest)), o.MaxAge, o.Now, jobs, o.Log)
	s.items = NewCache(shared(sh, "items", timed(o.Now, s.computeItems)), o.MaxAge, o.Now, jobs, o.Log)
	return s
}

// Round returns the snapshot of a round's statistics and its instant.
// Errors: the store's (CodeNotFound for an unknown round), or ctx's while
// the first computation runs.
func (s *Service) Round(ctx context.Context, roundID string) (Round, time.Time, error) {
	return s.rounds.Get(ctx, roundID)
}

// Contest returns the snapshot of a whole contest's statistics.
func (s *Service) Contest(ctx context.Context, contestID string) (Contest, time.Time, error) {
	return s.contests.Get(ctx, contestID)
}

// Items returns the snapshot of a round's item analysis.
func (s *Service) Items(ctx context.Context, roundID string) (Items, time.Time, error) {
	return s.items.Get(ctx, roundID)
}

// timed makes a computation a Source: the snapshot describes the instant
// the computation started.
func timed[T any](now func() time.Time, compute func(context.Context, string) (T, error)) Source[T] {
	return func(ctx context.Context, key string) (T, time.Time, error) {
		started := now()
		v, err := compute(ctx, key)
		return v, started, err
	}
}

// shared decides who computes a snapshot of kind and where it is kept:
// with sh nil (one process owns the store) this instance computes and its
// Cache keeps the result in memory; with several instances one computes
// each snapshot and stores it, and every instance serves the stored one
// (sharedSource). The cache, the handlers and the computations are the same.
func shared[T any](sh *sharing, kind string, local Source[T]) Source[T] {
	if sh == nil {
		return local
	}
	return sharedSource(sh, kind, local)
}
