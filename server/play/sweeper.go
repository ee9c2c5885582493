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
// Several instances: with a shared store (Options.Leases) one instance
// sweeps at a time, the one holding the "quiz-sweeper" lease, which it
// renews every round; another takes over within sweepLeaseRounds rounds of
// it stopping. Without the lease two sweepers reaching one record would
// still be harmless — the version check lets one write win and the other's
// retry finds the attempt already final — only N times the reads.
func (s *Service) RunSweeper(ctx context.Context, every time.Duration) {
	if s.store == nil {
		return
	}
	t := time.NewTicker(every)
	defer t.Stop()
	defer s.releaseSweep()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if !s.mayRunSweep(ctx, every) {
				continue
			}
			if n, err := s.SweepExpired(ctx); err != nil {
				s.log.Warn("sweeping expired attempts", "err", err, "finalized", n)
			} else if n > 0 {
				s.log.Info("expired attempts finalized", "count", n)
			}
		}
	}
}

// sweepLease names the sweeper's lease; sweepLeaseRounds is how many
// rounds it lasts unrenewed.
const (
	sweepLease       = "quiz-sweeper"
	sweepLeaseRounds = 3
)

// mayRunSweep reports whether this instance sweeps this round: always
// without a shared store, else when it holds (takes or renews) the lease.
func (s *Service) mayRunSweep(ctx context.Context, every time.Duration) bool {
	if s.leases == nil {
		return true
	}
	now := time.Now() // the lease is about processes, not the contest's clock
	ok, err := s.leases.TakeLease(ctx, sweepLease, s.instance, now, now.Add(sweepLeaseRounds*every))
	if err != nil {
		s.log.Warn("sweeper lease", "err", err)
		return false
	}
	return ok
}

// releaseSweep lets another instance take over at once when this one stops.
func (s *Service) releaseSweep() {
	if s.leases == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = s.leases.ReleaseLease(ctx, sweepLease, s.instance) // else it expires
}

// SweepExpired finalizes expired attempts in batches and returns how many
// this call finalized: a record another instance finalized first (its
// version check won) is not counted here.
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
			wrote := false
			_, err = s.Mutate(ctx, rec.RoundID, rec.UserID, nil, func(p *quiz.Participation) (bool, error) {
				changed, err := p.Expire(e.Plan.Key(), now, e.Round.Policy)
				wrote = changed // the last call's is what was written
				return changed, err
			})
			if err != nil && contests.ErrorCode(err) != contests.CodeNotFound {
				return done, err
			}
			if wrote && err == nil {
				done++
			}
			progress++
		}
		if progress == 0 || len(batch) < sweepBatch {
			return done, nil
		}
	}
}
