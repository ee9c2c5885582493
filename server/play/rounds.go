package play

import (
	"context"
	"sync"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// Round is a round as the hot path needs it: the round, its contest and the
// contest's quiz settings, and the compiled paper plan (the bank drawn from
// and the answer key). Shared by every request: never change it.
type Round struct {
	Round    *quiz.Round
	Contest  *contests.Contest
	Settings quiz.Settings
	Plan     *quiz.Plan // nil when the bank cannot fill the blueprint
	PlanErr  error      // why Plan is nil
}

// RoundCache keeps each round with its compiled plan in memory, so start,
// answer and submit read no question from the store.
//
// Several instances: each keeps its own copy. An edit made through this
// instance drops the entry at once (Forget, ForgetContest); a change of the
// round made through another instance — a closing time moved, the round
// closed or published — is seen at the next Get, which checks the stored
// round's version. A question's key corrected or a contest setting changed
// elsewhere reaches this instance when the entry expires, within ttl
// (seconds). What a copy decides for an attempt in progress cannot drift
// further: blueprint, time limit and attempts are frozen once the round
// opens (server/api/quiz_rounds.go), and scores are recomputed from the
// stored bank when results are computed.
type RoundCache struct {
	store Store
	ttl   time.Duration
	// checkVersions: see Options.CheckRoundVersions.
	checkVersions bool
	mu            sync.Mutex
	m             map[string]*roundEntry
}

type roundEntry struct {
	Round
	loaded time.Time
	ready  chan struct{} // closed when loading ended
	err    error
}

// NewRoundCache returns an empty cache over st whose entries live ttl;
// checkVersions checks each against the store's version on use (see Get).
func NewRoundCache(st Store, ttl time.Duration, checkVersions bool) *RoundCache {
	return &RoundCache{store: st, ttl: ttl, checkVersions: checkVersions, m: map[string]*roundEntry{}}
}

// Get returns the round, loading it once however many requests ask at the
// same moment (a round opening is a thundering herd). Errors are the
// store's (CodeNotFound for an unknown round); a failed load is not kept.
//
// Several instances (checkVersions): a copy this call did not load itself
// is checked against the stored round's version first (store.RoundVersion, one key
// lookup), and loaded again when another instance changed the round since
// — closed it early, moved its closing time, published its results. So a
// round's state change is seen by every instance before it answers again,
// not a ttl later.
func (c *RoundCache) Get(ctx context.Context, roundID string) (*Round, error) {
	for checked := false; ; checked = true {
		e, loadedHere, err := c.entry(ctx, roundID)
		if err != nil || loadedHere || checked || !c.checkVersions {
			if err != nil {
				return nil, err
			}
			return &e.Round, nil
		}
		v, err := c.store.RoundVersion(ctx, roundID)
		if err != nil {
			return nil, err
		}
		if v == e.Round.Round.Version {
			return &e.Round, nil
		}
		c.drop(roundID, e) // changed elsewhere: load it again
	}
}

// entry returns roundID's entry, loading it when absent or past its ttl;
// loadedHere tells whether this call loaded it.
func (c *RoundCache) entry(ctx context.Context, roundID string) (e *roundEntry, loadedHere bool, err error) {
	now := time.Now() // the wall clock: expiry is about this process, not the contest's clock
	c.mu.Lock()
	e = c.m[roundID]
	if e != nil && c.expired(e, now) {
		select {
		case <-e.ready:
			e = nil // expired and finished loading: reload
		default: // still loading: share it
		}
	}
	if e == nil {
		e = &roundEntry{loaded: now, ready: make(chan struct{})}
		c.m[roundID] = e
		c.mu.Unlock()
		e.err = c.load(ctx, roundID, &e.Round)
		close(e.ready)
		loadedHere = true
	} else {
		c.mu.Unlock()
		select {
		case <-e.ready:
		case <-ctx.Done():
			return nil, false, ctx.Err()
		}
	}
	if e.err != nil {
		c.drop(roundID, e)
		return nil, false, e.err
	}
	return e, loadedHere, nil
}

// expired reports whether e must be loaded again. Besides the version check
// of Get, an entry is trusted for ttl: what a round's version does not
// cover (its contest's settings, its bank's questions) reaches this
// instance within ttl of an edit made through another.
func (c *RoundCache) expired(e *roundEntry, now time.Time) bool {
	return now.Sub(e.loaded) > c.ttl
}

func (c *RoundCache) load(ctx context.Context, roundID string, into *Round) error {
	if c.store == nil {
		return store.RoundNotFound()
	}
	r, err := c.store.Round(ctx, roundID)
	if err != nil {
		return err
	}
	ct, err := c.store.ContestByID(ctx, r.ContestID)
	if err != nil {
		return err
	}
	settings, err := quiz.ParseSettings(ct.Settings)
	if err != nil {
		settings = quiz.DefaultSettings()
	}
	bank, err := c.store.Questions(ctx, r.ContestID)
	if err != nil {
		return err
	}
	into.Round, into.Contest, into.Settings = r, ct, settings
	into.Plan, into.PlanErr = quiz.Prepare(bank, r.Blueprint)
	return nil
}

// drop removes e if it is still the entry of roundID.
func (c *RoundCache) drop(roundID string, e *roundEntry) {
	c.mu.Lock()
	if c.m[roundID] == e {
		delete(c.m, roundID)
	}
	c.mu.Unlock()
}

// Forget drops a round (after an edit of it).
func (c *RoundCache) Forget(roundID string) {
	c.mu.Lock()
	delete(c.m, roundID)
	c.mu.Unlock()
}

// ForgetContest drops every round of a contest (its bank or settings
// changed). Entries still loading are dropped too: they may have read the
// old bank.
func (c *RoundCache) ForgetContest(contestID string) {
	c.mu.Lock()
	for id, e := range c.m {
		select {
		case <-e.ready:
			if e.Round.Round == nil || e.Round.Round.ContestID == contestID {
				delete(c.m, id)
			}
		default:
			delete(c.m, id)
		}
	}
	c.mu.Unlock()
}
