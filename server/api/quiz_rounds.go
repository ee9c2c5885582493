package api

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// roundInput is what an organizer sets on a round.
type roundInput struct {
	No            int             `json:"no"`
	Title         string          `json:"title"`
	OpensAt       time.Time       `json:"opensAt"`
	ClosesAt      time.Time       `json:"closesAt"`
	Blueprint     quiz.Blueprint  `json:"blueprint"`
	TimeLimitSec  int             `json:"timeLimitSec"`
	MaxAttempts   int             `json:"maxAttempts"`
	Policy        quiz.Policy     `json:"policy"`
	Prediction    quiz.Prediction `json:"prediction"`
	Rule          quiz.RankRule   `json:"rule"`
	Tiers         []quiz.Tier     `json:"tiers"`
	TiePolicy     quiz.TiePolicy  `json:"tiePolicy"`
	RevealAnswers bool            `json:"revealAnswers"`
	// Integrity: floors against implausible attempts, prize review rule.
	Integrity quiz.Integrity `json:"integrity"`
	// OutageCapSec caps what one server outage adds (0: the default).
	OutageCapSec int `json:"outageCapSec,omitempty"`
	// Version is the round's version the form was loaded at (sent back on
	// save, see versions.go); 0 when the client sends none.
	Version int64 `json:"version,omitempty"`
}

// roundDTO is a round as its organizers see it.
type roundDTO struct {
	ID        string `json:"id"`
	ContestID string `json:"contestId"`
	roundInput
	Status       quiz.RoundStatus `json:"status"`
	Phase        quiz.Phase       `json:"phase"`
	TargetValue  *int64           `json:"targetValue,omitempty"`
	ResultsAt    *time.Time       `json:"resultsAt,omitempty"`
	Participants int              `json:"participants"`
	// Verifiability: see quiz/verify.go.
	SeedCommitment string        `json:"seedCommitment,omitempty"`
	SeedReveal     string        `json:"seedReveal,omitempty"`
	ResultsDigest  string        `json:"resultsDigest,omitempty"`
	PaperProblems  []fieldDetail `json:"paperProblems,omitempty"`
}

func (in roundInput) apply(r *quiz.Round) {
	r.No, r.Title, r.OpensAt, r.ClosesAt = in.No, contests.NFC(in.Title), in.OpensAt.UTC(), in.ClosesAt.UTC()
	r.Blueprint, r.TimeLimitSec, r.MaxAttempts, r.Policy = in.Blueprint, in.TimeLimitSec, in.MaxAttempts, in.Policy
	r.Prediction, r.Rule, r.Tiers, r.TiePolicy, r.RevealAnswers = in.Prediction, in.Rule, in.Tiers, in.TiePolicy, in.RevealAnswers
	r.Integrity, r.OutageCapSec = in.Integrity, in.OutageCapSec
}

func (s *Server) toRoundDTO(ctx context.Context, r *quiz.Round, lang string) roundDTO {
	d := roundDTO{ID: r.ID, ContestID: r.ContestID, Status: r.Status, Phase: r.Phase(s.Now()), TargetValue: r.TargetValue,
		roundInput: roundInput{No: r.No, Title: r.Title, OpensAt: r.OpensAt, ClosesAt: r.ClosesAt, Blueprint: r.Blueprint,
			TimeLimitSec: r.TimeLimitSec, MaxAttempts: r.MaxAttempts, Policy: r.Policy, Prediction: r.Prediction, Rule: r.Rule,
			Tiers: r.Tiers, TiePolicy: r.TiePolicy, RevealAnswers: r.RevealAnswers, Integrity: r.Integrity, OutageCapSec: r.OutageCapSec, Version: r.Version}}
	if !r.ResultsAt.IsZero() {
		d.ResultsAt = &r.ResultsAt
	}
	d.SeedCommitment, d.SeedReveal, d.ResultsDigest = r.SeedCommitment, r.SeedReveal, r.ResultsDigest
	d.Participants, _ = s.quiz.CountParticipations(ctx, r.ID)
	if bank, err := s.quiz.Questions(ctx, r.ContestID); err == nil {
		if _, err := quiz.Prepare(bank, r.Blueprint); err != nil {
			if e, ok := err.(*contests.Error); ok {
				for _, f := range e.Fields {
					d.PaperProblems = append(d.PaperProblems, fieldDetail{Field: f.Field, Message: f.Msg.In(lang)})
				}
			}
		}
	}
	return d
}

// orgListRounds answers the contest's managers and, read-only, the
// organizers of units reporting for it (who need the rounds to pick a
// week's report); those never see a draft round.
func (s *Server) orgListRounds(c *fiber.Ctx) error {
	ct, rc, err := s.reachQuiz(c)
	if err != nil {
		return err
	}
	list, err := s.quiz.RoundsOf(c.UserContext(), ct.ID)
	if err != nil {
		return err
	}
	out := make([]roundDTO, 0, len(list))
	for _, r := range list {
		if rc.report() && r.Status == quiz.RoundDraft {
			continue
		}
		out = append(out, s.toRoundDTO(c.UserContext(), r, language(c)))
	}
	return c.JSON(roundsResponse{Rounds: out})
}

func (s *Server) orgCreateRound(c *fiber.Ctx) error {
	ct, err := s.quizContest(c)
	if err != nil {
		return err
	}
	var in roundInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	r := &quiz.Round{ID: store.NewID(), ContestID: ct.ID, Status: quiz.RoundDraft, UpdatedAt: s.Now().UTC()}
	// Committed before anyone plays: the papers will be drawn from this key.
	r.SeedCommitment = quiz.SeedCommitment(quiz.RoundKey(s.Keys.SeedSecret(), r.ID))
	in.apply(r)
	if err := r.Validate(); err != nil {
		return err
	}
	if err := s.quiz.CreateRound(c.UserContext(), r); err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(roundResponse{Round: s.toRoundDTO(c.UserContext(), r, language(c))})
}

// orgRound loads a round of a quiz the caller organizes.
func (s *Server) orgRound(c *fiber.Ctx) (*quiz.Round, *contests.Contest, error) {
	r, err := s.quiz.Round(c.UserContext(), c.Params("rid"))
	if err != nil {
		return nil, nil, err
	}
	ct, err := s.orgContest(c, r.ContestID)
	if err != nil {
		return nil, nil, err
	}
	return r, ct, nil
}

func (s *Server) orgGetRound(c *fiber.Ctx) error {
	r, _, err := s.orgRound(c)
	if err != nil {
		return err
	}
	return c.JSON(roundResponse{Round: s.toRoundDTO(c.UserContext(), r, language(c))})
}

// orgUpdateRound edits a round. Once it has opened, what shapes the papers
// already drawn (blueprint, time limit, attempts, which attempt counts,
// opening time) is frozen: changing it would treat candidates unequally.
func (s *Server) orgUpdateRound(c *fiber.Ctx) error {
	r, _, err := s.orgRound(c)
	if err != nil {
		return err
	}
	var in roundInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	if err := sentVersion(in.Version, r.Version); err != nil {
		return err
	}
	old := *r
	in.apply(r)
	if old.Status != quiz.RoundDraft && !s.Now().Before(old.OpensAt) {
		var errs contests.Errors
		if !sameJSON(old.Blueprint, r.Blueprint) {
			errs.Add("blueprint", frozenMsg)
		}
		if old.TimeLimitSec != r.TimeLimitSec {
			errs.Add("timeLimitSec", frozenMsg)
		}
		if old.MaxAttempts != r.MaxAttempts {
			errs.Add("maxAttempts", frozenMsg)
		}
		if old.Policy != r.Policy {
			errs.Add("policy", frozenMsg)
		}
		if !old.OpensAt.Equal(r.OpensAt) {
			errs.Add("opensAt", frozenMsg)
		}
		if err := errs.Err(); err != nil {
			return err
		}
	}
	if err := r.Validate(); err != nil {
		return err
	}
	r.UpdatedAt = s.Now().UTC()
	if err := s.quiz.UpdateRound(c.UserContext(), r); err != nil {
		return err
	}
	s.rounds.forget(r.ID)
	return c.JSON(roundResponse{Round: s.toRoundDTO(c.UserContext(), r, language(c))})
}

var frozenMsg = contests.T("Không thể thay đổi sau khi đợt thi đã mở", "Cannot change once the round has opened")

// orgPublishRound makes a round visible; its bank must fill the blueprint.
func (s *Server) orgPublishRound(c *fiber.Ctx) error {
	r, _, err := s.orgRound(c)
	if err != nil {
		return err
	}
	bank, err := s.quiz.Questions(c.UserContext(), r.ContestID)
	if err != nil {
		return err
	}
	if _, err := quiz.Prepare(bank, r.Blueprint); err != nil {
		return err
	}
	if r.Publish(s.Now()) {
		if err := s.quiz.UpdateRound(c.UserContext(), r); err != nil {
			return err
		}
		s.rounds.forget(r.ID)
	}
	return c.JSON(roundResponse{Round: s.toRoundDTO(c.UserContext(), r, language(c))})
}

// orgPreviewRound draws a paper as a candidate would get it, with the key,
// so the organizer can check the blueprint (?seed= to see another).
func (s *Server) orgPreviewRound(c *fiber.Ctx) error {
	r, _, err := s.orgRound(c)
	if err != nil {
		return err
	}
	seed, err := queryInt(c, "seed", 1, 0, 1<<31-1)
	if err != nil {
		return err
	}
	bank, err := s.quiz.Questions(c.UserContext(), r.ContestID)
	if err != nil {
		return err
	}
	plan, err := quiz.Prepare(bank, r.Blueprint)
	if err != nil {
		return err
	}
	paper, err := plan.Draw(uint64(seed))
	if err != nil {
		return contests.Internal(err)
	}
	out := make([]questionDTO, 0, len(paper.Items))
	for _, it := range paper.Items {
		q, _ := plan.Question(it.QuestionID)
		d := toQuestionDTO(q)
		d.Options = paperQuestion(plan, it).Options
		out = append(out, d)
	}
	return c.JSON(paperPreview{Questions: out, Seed: seed})
}
