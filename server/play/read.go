package play

import (
	"context"
	"time"

	"hoithi/contests/quiz"
)

// Read returns the person's record of a round with any attempt whose
// deadline plus grace has passed finalized first, so a request never shows
// a finished attempt as neither in progress nor done (the sweeper only gets
// to it within its interval). The finalization is the sweeper's own write
// (Expire under the record's version), so a read racing the sweeper or
// another instance changes the record once. When the round's paper cannot
// be loaded the record is returned as stored; the sweeper logs that case.
//
// In memory: nothing beyond the round cache (see RoundCache).
func (s *Service) Read(ctx context.Context, roundID, userID string) (*quiz.Participation, error) {
	p, err := s.store.Participation(ctx, roundID, userID)
	if err != nil {
		return nil, err
	}
	if !expired(p, s.now()) {
		return p, nil
	}
	e, err := s.Rounds.Get(ctx, roundID)
	if err != nil || e.Plan == nil {
		return p, nil
	}
	return s.Mutate(ctx, roundID, userID, nil, func(p *quiz.Participation) (bool, error) {
		return p.Expire(e.Plan.Key(), s.now(), e.Round.Policy)
	})
}

// expired reports whether p's attempt in progress is past deadline + grace.
func expired(p *quiz.Participation, now time.Time) bool {
	cur := p.Current()
	return cur != nil && now.After(cur.Deadline.Add(quiz.Grace))
}
