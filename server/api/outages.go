package api

import (
	"context"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// The server knows when it was not serving: every instance beats one
// shared heartbeat every few seconds (store.Heartbeats, one record per
// deployment, so with several instances on one MongoDB any live one keeps
// it fresh); an instance starting finds the gap since the last beat, and a
// gap above OutageThreshold is an outage. The time is given back to the
// citizens it cost: every attempt running when the outage began gets its
// deadline moved by the outage (capped per round), a round whose close
// fell inside it closes later by as much, each round's change audited.
//
// In memory: nothing. Two instances starting after one outage take turns
// under the "outage-check" lease; the first to hold it compensates and
// beats, so the second reads a fresh beat and finds no outage. Should the
// first die half-way, the lease expires and the next one redoes it: each
// attempt remembers the outage it was compensated for (Attempt.OutageKey),
// and a round's close has moved out of the outage, so nothing is added twice.

const (
	heartbeatName    = "heartbeat:deployment"
	outageCheckLease = "outage-check"
	// DefaultOutageThreshold is the smallest gap counted as an outage: a
	// few missed beats (a restart of one instance while others serve
	// never reaches it, the others beat). Instances beat four times
	// within it (HeartbeatEvery).
	DefaultOutageThreshold = 20 * time.Second
	// outageLeaseFor bounds one instance's compensation run.
	outageLeaseFor = 5 * time.Minute
)

// auditActorServer is the actor of what the server does by itself.
const auditActorServer = "server"

// HeartbeatEvery is how often each instance beats for an outage threshold.
func HeartbeatEvery(threshold time.Duration) time.Duration {
	return max(threshold/4, 500*time.Millisecond)
}

// RecoverFromOutage runs once at start, before serving: it waits its turn
// for the outage check (bounded by ctx), compensates a gap over threshold
// since the last beat, beats, and returns the outage (nil when none).
func (s *Server) RecoverFromOutage(ctx context.Context, threshold time.Duration) (*quiz.Outage, error) {
	owner := store.NewID()
	for {
		now := time.Now() // the lease is about processes, not the contest's clock
		ok, err := s.Store.TakeLease(ctx, outageCheckLease, owner, now, now.Add(outageLeaseFor))
		if err != nil {
			return nil, err
		}
		if ok {
			break
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
	defer func() { _ = s.Store.ReleaseLease(context.WithoutCancel(ctx), outageCheckLease, owner) }()
	now := s.Now()
	last, err := s.Store.LastBeat(ctx, heartbeatName)
	if err != nil {
		return nil, err
	}
	if last.IsZero() || now.Sub(last) <= threshold {
		return nil, s.Store.Beat(ctx, heartbeatName, now)
	}
	o := quiz.Outage{From: last, To: now}
	s.Log.Warn("the server was not serving: giving the time back", "from", o.From, "to", o.To, "seconds", int64(o.Length().Seconds()))
	// A failed run is tried again: what it did is not done twice (see
	// above). Should every try fail, the beat stays old until the
	// heartbeat loop moves it, and the log says so.
	for try := 1; ; try++ {
		err = s.compensateOutage(ctx, o)
		if err == nil || try == 3 || ctx.Err() != nil {
			break
		}
		s.Log.Warn("giving the time of an outage back failed; trying again", "try", try, "err", err)
		time.Sleep(time.Second)
	}
	if err != nil {
		return &o, err
	}
	return &o, s.Store.Beat(ctx, heartbeatName, now)
}

// RunHeartbeat beats every interval until ctx ends.
func (s *Server) RunHeartbeat(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.Store.Beat(ctx, heartbeatName, s.Now()); err != nil && ctx.Err() == nil {
				s.Log.Warn("heartbeat", "err", err)
			}
		}
	}
}

// compensateOutage gives o back in every quiz round that could have had an
// attempt running or its close during o.
func (s *Server) compensateOutage(ctx context.Context, o quiz.Outage) error {
	cs, err := s.Store.ListContests(ctx, "", false)
	if err != nil {
		return err
	}
	for _, ct := range cs {
		if ct.Kind != contests.KindQuiz {
			continue
		}
		rounds, err := s.quiz.RoundsOf(ctx, ct.ID)
		if err != nil {
			return err
		}
		for _, r := range rounds {
			// An attempt's deadline is never after its round's close.
			if r.Status == quiz.RoundDraft || r.Status == quiz.RoundResults ||
				!r.OpensAt.Before(o.To) || !r.ClosesAt.Add(quiz.Grace).After(o.From) {
				continue
			}
			if err := s.compensateRound(ctx, r.ID, o); err != nil {
				return err
			}
		}
	}
	return nil
}

// compensateRound moves the round's close when it fell inside o and the
// deadlines of its attempts running at o.From, and audits what it did.
func (s *Server) compensateRound(ctx context.Context, roundID string, o quiz.Outage) error {
	var r *quiz.Round
	var closeAdded time.Duration
	err := store.Retry(func() (bool, error) {
		var err error
		if r, err = s.quiz.Round(ctx, roundID); err != nil {
			return false, err
		}
		if closeAdded = r.CompensateOutage(o); closeAdded == 0 {
			return false, nil
		}
		r.UpdatedAt = s.Now().UTC()
		err = s.quiz.UpdateRound(ctx, r)
		return store.IsStale(err), err
	})
	if err != nil {
		return err
	}
	s.rounds.forget(r.ID)
	allowance := r.OutageAllowance(o)
	var open []string
	if err := s.quiz.EachParticipation(ctx, r.ID, func(p *quiz.Participation) error {
		if p.Current() != nil {
			open = append(open, p.UserID)
		}
		return nil
	}); err != nil {
		return err
	}
	extended := 0
	for _, userID := range open {
		changed := false
		_, err := s.mutateParticipation(ctx, r.ID, userID, nil, func(p *quiz.Participation) (bool, error) {
			changed = p.CompensateOutage(o, allowance) != nil
			return changed, nil
		})
		if err != nil {
			return err
		}
		if changed {
			extended++
		}
	}
	if extended == 0 && closeAdded == 0 {
		return nil
	}
	s.Log.Info("outage compensated", "round", r.ID, "attempts", extended, "close_added_s", int64(closeAdded.Seconds()))
	return s.record(ctx, r.ContestID, auditActorServer, "quiz.outage", r.ID, map[string]any{
		"from": o.From, "to": o.To, "outageSec": int64(o.Length().Seconds()), "addedSec": int64(allowance.Seconds()),
		"attempts": extended, "closeAddedSec": int64(closeAdded.Seconds()), "closesAt": r.ClosesAt})
}
