package api

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// Prize review: between computing a round's results and publishing them,
// the organizer looks at the prize candidates with their fraud flags
// (quiz_flags.go), may take someone out with a written reason (audited,
// "loại" in the results export) — the ranking is then computed again from
// the records, the same data giving the same standings — and marks the
// review done, which a round may require before publishing.

type reviewFlagDTO struct {
	Kind      quiz.FlagKind `json:"kind"`
	AttemptNo int           `json:"attemptNo,omitempty"`
	Reason    string        `json:"reason"`
	// Others names the other accounts involved.
	Others []string `json:"others,omitempty"`
}

type prizeCandidateDTO struct {
	standingDTO
	UserID string          `json:"userId"`
	Flags  []reviewFlagDTO `json:"flags"`
}

type exclusionDTO struct {
	UserID   string    `json:"userId"`
	FullName string    `json:"fullName"`
	Reason   string    `json:"reason"`
	ByName   string    `json:"byName"`
	At       time.Time `json:"at"`
}

type prizeReviewDTO struct {
	Round         roundDTO            `json:"round"`
	Candidates    []prizeCandidateDTO `json:"candidates"`
	Flagged       int                 `json:"flagged"`
	Exclusions    []exclusionDTO      `json:"exclusions"`
	RequireReview bool                `json:"requireReview"`
	Reviewed      bool                `json:"reviewed"`
}

// reviewBeyondPrizes is how many lines after the last prize the review
// shows: the people who move up when a winner is taken out.
const reviewBeyondPrizes = 5

func (s *Server) orgPrizeReview(c *fiber.Ctx) error {
	r, _, err := s.orgRound(c)
	if err != nil {
		return err
	}
	if r.ResultsAt.IsZero() {
		return errNoResults
	}
	return s.sendPrizeReview(c, r)
}

func (s *Server) sendPrizeReview(c *fiber.Ctx, r *quiz.Round) error {
	ctx, lang := c.UserContext(), language(c)
	prizes := 0
	for _, t := range r.Tiers {
		prizes += t.Count
	}
	rows, _, err := s.quiz.Standings(ctx, r.ID, 0, min(500, prizes+reviewBeyondPrizes))
	if err != nil {
		return err
	}
	var ids []string
	for _, st := range rows {
		for _, f := range st.Flags {
			ids = append(ids, f.Others...)
		}
	}
	for _, x := range r.Exclusions {
		ids = append(ids, x.UserID, x.By)
	}
	users, err := s.Store.UsersByIDs(ctx, ids)
	if err != nil {
		return err
	}
	name := func(id string) string {
		if u := users[id]; u != nil {
			return u.FullName
		}
		return "—"
	}
	out := prizeReviewDTO{Round: s.toRoundDTO(ctx, r, lang), Candidates: []prizeCandidateDTO{}, Exclusions: []exclusionDTO{},
		RequireReview: r.Integrity.RequireReview, Reviewed: !r.ReviewedAt.Before(r.ResultsAt)}
	for _, st := range rows {
		d := prizeCandidateDTO{standingDTO: toStandingDTO(st, s.unitNames.pathName(ctx, st.UnitPath)), UserID: st.UserID, Flags: []reviewFlagDTO{}}
		for _, f := range st.Flags {
			fd := reviewFlagDTO{Kind: f.Kind, AttemptNo: f.AttemptNo, Reason: f.Reason.In(lang)}
			for _, o := range f.Others {
				fd.Others = append(fd.Others, name(o))
			}
			d.Flags = append(d.Flags, fd)
		}
		if len(d.Flags) > 0 {
			out.Flagged++
		}
		out.Candidates = append(out.Candidates, d)
	}
	for _, x := range r.Exclusions {
		out.Exclusions = append(out.Exclusions, exclusionDTO{UserID: x.UserID, FullName: name(x.UserID), Reason: x.Reason, ByName: name(x.By), At: x.At})
	}
	return c.JSON(out)
}

type exclusionRequest struct {
	UserID string `json:"userId"`
	Reason string `json:"reason"`
}

// orgExclude takes a person out of the round's results with a reason,
// audits it, and computes the results again without them.
func (s *Server) orgExclude(c *fiber.Ctx) error {
	r, ct, err := s.orgRound(c)
	if err != nil {
		return err
	}
	if r.ResultsAt.IsZero() {
		return errNoResults
	}
	var req exclusionRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ctx, by := c.UserContext(), claimsOf(c).UserID()
	if _, err := s.quiz.StandingOf(ctx, r.ID, req.UserID); err != nil && !r.Excluded(req.UserID) {
		if contests.ErrorCode(err) == contests.CodeNotFound {
			return contests.Invalid(contests.Field("userId", contests.T("Người này không có trong kết quả đợt thi", "This person is not in the round's results")))
		}
		return err
	}
	if err := r.Exclude(req.UserID, req.Reason, by, s.Now()); err != nil {
		return err
	}
	r.UpdatedAt = s.Now().UTC()
	if err := s.quiz.UpdateRound(ctx, r); err != nil {
		return err
	}
	x := r.Exclusions[len(r.Exclusions)-1]
	if err := s.record(ctx, ct.ID, by, "quiz.exclude", req.UserID, map[string]any{"roundId": r.ID, "reason": x.Reason}); err != nil {
		return err
	}
	if err := s.recomputeResults(ctx, r, ct, by, requestID(c)); err != nil {
		return err
	}
	s.Log.Info("quiz entry excluded", "request_id", requestID(c), "by", by, "round", r.ID, "user", req.UserID)
	return s.sendPrizeReview(c, r)
}

// orgFinishReview marks the prize review of the current results done.
func (s *Server) orgFinishReview(c *fiber.Ctx) error {
	r, ct, err := s.orgRound(c)
	if err != nil {
		return err
	}
	if err := r.FinishReview(s.Now()); err != nil {
		return err
	}
	r.UpdatedAt = s.Now().UTC()
	if err := s.quiz.UpdateRound(c.UserContext(), r); err != nil {
		return err
	}
	if err := s.record(c.UserContext(), ct.ID, claimsOf(c).UserID(), "quiz.prize_review", r.ID, map[string]any{"exclusions": len(r.Exclusions)}); err != nil {
		return err
	}
	s.rounds.forget(r.ID)
	return s.sendPrizeReview(c, r)
}
