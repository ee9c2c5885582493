package api

import (
	"context"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/play"
)

// The quiz handlers reach the play machinery (server/play) through these
// few names: the round cache, the participation write and the sweeper.

// roundEntry is a cached round as the quiz handlers read it (play.Round).
type roundEntry struct {
	round    *quiz.Round
	contest  *contests.Contest
	settings quiz.Settings
	plan     *quiz.Plan // nil when the bank cannot fill the blueprint
	planErr  error
}

// roundCache is the handlers' view of play.RoundCache.
type roundCache struct{ c *play.RoundCache }

func (rc roundCache) get(ctx context.Context, roundID string) (*roundEntry, error) {
	r, err := rc.c.Get(ctx, roundID)
	if err != nil {
		return nil, err
	}
	return &roundEntry{round: r.Round, contest: r.Contest, settings: r.Settings, plan: r.Plan, planErr: r.PlanErr}, nil
}

// forget drops a round (after an edit of it).
func (rc roundCache) forget(roundID string) { rc.c.Forget(roundID) }

// forgetContest drops every round of a contest (the bank changed).
func (rc roundCache) forgetContest(contestID string) { rc.c.ForgetContest(contestID) }

// mutateParticipation is play.Service.Mutate.
func (s *Server) mutateParticipation(ctx context.Context, roundID, userID string, init func() *quiz.Participation,
	fn func(p *quiz.Participation) (bool, error)) (*quiz.Participation, error) {
	return s.Play.Mutate(ctx, roundID, userID, init, fn)
}

// RunSweeper is play.Service.RunSweeper.
func (s *Server) RunSweeper(ctx context.Context, every time.Duration) { s.Play.RunSweeper(ctx, every) }

// SweepExpired is play.Service.SweepExpired.
func (s *Server) SweepExpired(ctx context.Context) (int, error) { return s.Play.SweepExpired(ctx) }
