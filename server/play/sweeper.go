package play

import (
	"context"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// sweepBatch is how many expired records one store query returns.
const sweepBatch = 200

// RunSweeper finalizes, every interval until ctx ends, the attempts whose
// deadline plus grace has passed with nobody submitting them (a dead
// battery, a closed tab): they count with the answers saved.
//
// Several instances: every instance may run it. Two sweepers reaching one
// record are harmless — the version check lets one write win and the
// other's retry finds the attempt already final — only redundant.
// Scale-out seam: to have one instance sweep at a time, take a lease in the
// store before each SweepExpired round and skip the round when another
// instance holds it; nothing else here changes.
func (s *Service) RunSweeper(ctx context.Context, every time.Duration) {
	if s.store == nil {
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
				s.log.Warn("sweeping expired attempts", "err", err, "finalized", n)
			} else if n > 0 {
				s.log.Info("expired attempts finalized", "count", n)
			}
		}
	}
}

// SweepExpired finalizes expired attempts in batches and returns how many.
// A record whose round cannot be loaded is logged and left for later.
func (s *Service) SweepExpired(ctx context.Context) (int, error) {
	done := 0
	for {
		now := s.now()
		batch, err := s.store.ExpiredParticipations(ctx, now.Add(-quiz.Grace), sweepBatch)
		if err != nil || len(batch) == 0 {
			return done, err
		}
		progress := 0
		for _, rec := range batch {
			e, err := s.Rounds.Get(ctx, rec.RoundID)
			if err != nil || e.Plan == nil {
				s.log.Warn("cannot finalize attempt: round not loadable", "round", rec.RoundID, "err", err)
				continue
			}
			_, err = s.Mutate(ctx, rec.RoundID, rec.UserID, nil, func(p *quiz.Participation) (bool, error) {
				return p.Expire(e.Plan.Key(), now, e.Round.Policy)
			})
			if err != nil && contests.ErrorCode(err) != contests.CodeNotFound {
				return done, err
			}
			done++
			progress++
		}
		if progress == 0 || len(batch) < sweepBatch {
			return done, nil
		}
	}
}
