package api

import (
	"context"
	"sort"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// The citizen's home after logging in: the quiz rounds open now in the
// contests they may enter, each with their attempts and result, so "Vào thi"
// is one tap away (frontend/src/pages/MyRounds.svelte).

type myRoundDTO struct {
	ContestSlug  string         `json:"contestSlug"`
	ContestTitle string         `json:"contestTitle"`
	Round        roundPublicDTO `json:"round"`
}

// myRounds lists the open rounds of the published quiz contests the caller
// may enter (their unit is in the contest's scope and they are not its
// staff), soonest closing first.
func (s *Server) myRounds(c *fiber.Ctx) error {
	ctx := c.UserContext()
	list, err := s.Store.ListContests(ctx, "", true)
	if err != nil {
		return err
	}
	now := s.Now()
	out := []myRoundDTO{}
	for _, ct := range list {
		if ct.Kind != contests.KindQuiz || ct.Status != contests.ContestPublished || s.quiz == nil {
			continue
		}
		rounds, err := s.quiz.RoundsOf(ctx, ct.ID)
		if err != nil {
			return err
		}
		for _, r := range rounds {
			if r.Status == quiz.RoundDraft || r.Phase(now) != quiz.PhaseOpen {
				continue
			}
			e, err := s.rounds.get(ctx, r.ID)
			if err != nil {
				return err
			}
			if s.eligible(c, e) != nil {
				continue
			}
			out = append(out, myRoundDTO{ContestSlug: ct.Slug, ContestTitle: ct.Title, Round: s.roundPublic(ctx, r, claimsOf(c).UserID(), now)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Round.ClosesAt.Before(out[j].Round.ClosesAt) })
	return c.JSON(myRoundsResponse{Rounds: out})
}

// roundPublic is a round as a citizen sees it before entering; with userID,
// also their attempts used, the one in progress and the result that counts.
func (s *Server) roundPublic(ctx context.Context, r *quiz.Round, userID string, now time.Time) roundPublicDTO {
	d := roundPublicDTO{ID: r.ID, No: r.No, Title: r.Title, OpensAt: r.OpensAt, ClosesAt: r.ClosesAt,
		TimeLimitSec: r.TimeLimitSec, MaxAttempts: r.MaxAttempts, QuestionCount: r.Blueprint.Size(), Phase: r.Phase(now)}
	if r.Prediction.Enabled {
		d.PredictionText = r.Prediction.Text
	}
	d.SeedCommitment = r.SeedCommitment
	if r.Status == quiz.RoundResults {
		d.TargetValue, d.SeedReveal, d.ResultsDigest = r.TargetValue, r.SeedReveal, r.ResultsDigest
	}
	if userID == "" {
		return d
	}
	used := 0
	if p, err := s.Play.Read(ctx, r.ID, userID); err == nil {
		used = p.Used()
		d.MaxAttempts += p.ExtraAttempts // attempts given back are this person's own
		if cur := p.Current(); cur != nil && !now.After(cur.Deadline.Add(quiz.Grace)) {
			d.InProgress = &cur.No
		}
		if p.Counted != nil {
			if a, err := p.Attempt(p.Counted.AttemptNo); err == nil {
				best := toResultDTO(r, p, a)
				d.Best = &best
			}
		}
	}
	d.AttemptsUsed = &used
	return d
}
