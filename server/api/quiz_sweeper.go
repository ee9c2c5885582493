package api

import (
	"context"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// RunSweeper finalizes, every interval until ctx ends, the attempts whose
// deadline plus grace has passed with nobody submitting them (a dead battery,
// a closed tab): they count with the answers saved. Every instance may run
// it; the version check makes two sweepers of one record harmless.
func (s *Server) RunSweeper(ctx context.Context, every time.Duration) {
	if s.quiz == nil {
		return
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := s.SweepExpired(ctx); err != nil {
				s.Log.Warn("sweeping expired attempts", "err", err, "finalized", n)
			} else if n > 0 {
				s.Log.Info("expired attempts finalized", "count", n)
			}
		}
	}
}

// SweepExpired finalizes expired attempts in batches and returns how many.
func (s *Server) SweepExpired(ctx context.Context) (int, error) {
	done := 0
	for {
		now := s.Now()
		batch, err := s.quiz.ExpiredParticipations(ctx, now.Add(-quiz.Grace), 200)
		if err != nil || len(batch) == 0 {
			return done, err
		}
		progress := 0
		for _, rec := range batch {
			e, err := s.rounds.get(ctx, rec.RoundID)
			if err != nil || e.plan == nil {
				s.Log.Warn("cannot finalize attempt: round not loadable", "round", rec.RoundID, "err", err)
				continue
			}
			_, err = s.mutateParticipation(ctx, rec.RoundID, rec.UserID, nil, func(p *quiz.Participation) (bool, error) {
				return p.Expire(e.plan.Key(), now, e.round.Policy)
			})
			if err != nil && contests.ErrorCode(err) != contests.CodeNotFound {
				return done, err
			}
			done++
			progress++
		}
		if progress == 0 || len(batch) < 200 {
			return done, nil
		}
	}
}
