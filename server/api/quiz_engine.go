package api

import (
	"context"
	"sync"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// roundCache keeps each round with its compiled paper plan (the bank drawn
// from and the answer key) in memory: the hot path of a quiz — start, answer,
// submit — reads no question from the store. Entries live for ttl so that an
// edit made through another instance shows within seconds; edits made here
// drop the entry at once.
type roundCache struct {
	s   *Server
	ttl time.Duration
	mu  sync.Mutex
	m   map[string]*roundEntry
}

type roundEntry struct {
	round    *quiz.Round
	contest  *contests.Contest
	settings quiz.Settings
	plan     *quiz.Plan // nil when the bank cannot fill the blueprint
	planErr  error
	loaded   time.Time
	ready    chan struct{}
	err      error
}

func newRoundCache(s *Server, ttl time.Duration) *roundCache {
	return &roundCache{s: s, ttl: ttl, m: map[string]*roundEntry{}}
}

// get returns the round, loading it once however many requests ask at the
// same moment (a round opening is a thundering herd).
func (c *roundCache) get(ctx context.Context, roundID string) (*roundEntry, error) {
	now := time.Now()
	c.mu.Lock()
	e := c.m[roundID]
	if e != nil && now.Sub(e.loaded) > c.ttl {
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
		c.load(ctx, roundID, e)
		close(e.ready)
	} else {
		c.mu.Unlock()
		select {
		case <-e.ready:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if e.err != nil {
		c.forget(roundID)
		return nil, e.err
	}
	return e, nil
}

func (c *roundCache) load(ctx context.Context, roundID string, e *roundEntry) {
	q := c.s.quiz
	if q == nil {
		e.err = contests.NotFound("đợt thi", "round")
		return
	}
	r, err := q.Round(ctx, roundID)
	if err != nil {
		e.err = err
		return
	}
	ct, err := c.s.Store.ContestByID(ctx, r.ContestID)
	if err != nil {
		e.err = err
		return
	}
	settings, err := quiz.ParseSettings(ct.Settings)
	if err != nil {
		settings = quiz.DefaultSettings()
	}
	bank, err := q.Questions(ctx, r.ContestID)
	if err != nil {
		e.err = err
		return
	}
	e.round, e.contest, e.settings = r, ct, settings
	e.plan, e.planErr = quiz.Prepare(bank, r.Blueprint)
}

// forget drops a round (after an edit of it or of its contest's bank).
func (c *roundCache) forget(roundID string) {
	c.mu.Lock()
	delete(c.m, roundID)
	c.mu.Unlock()
}

// forgetContest drops every round of a contest (the bank changed).
func (c *roundCache) forgetContest(contestID string) {
	c.mu.Lock()
	for id, e := range c.m {
		select {
		case <-e.ready:
			if e.round == nil || e.round.ContestID == contestID {
				delete(c.m, id)
			}
		default:
			delete(c.m, id)
		}
	}
	c.mu.Unlock()
}

var errBusy = contests.E(contests.CodeConflict, contests.T("Hệ thống đang bận, vui lòng thử lại", "Busy, please try again"))

// mutateParticipation applies fn to the person's record of a round and
// writes it back if fn changed it, retrying when another request changed the
// record in between (the store refuses a stale version). A new record is
// created by init when the person has none (nil init: not found is an
// error). The change is saved even when fn also returns an error (an expired
// attempt finalized before "no attempts left").
func (s *Server) mutateParticipation(ctx context.Context, roundID, userID string, init func() *quiz.Participation,
	fn func(p *quiz.Participation) (bool, error)) (*quiz.Participation, error) {
	for range 8 {
		p, err := s.quiz.Participation(ctx, roundID, userID)
		if contests.ErrorCode(err) == contests.CodeNotFound && init != nil {
			p, err = init(), nil
		}
		if err != nil {
			return nil, err
		}
		changed, ferr := fn(p)
		if !changed {
			return p, ferr
		}
		p.Version++
		if err := s.quiz.PutParticipation(ctx, p); contests.ErrorCode(err) == contests.CodeConflict {
			s.metrics.participationWrites.WithLabelValues("conflict").Inc()
			continue
		} else if err != nil {
			return nil, err
		}
		s.metrics.participationWrites.WithLabelValues("ok").Inc()
		return p, ferr
	}
	return nil, errBusy
}
