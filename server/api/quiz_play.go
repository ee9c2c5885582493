package api

import (
	"fmt"
	"hash/fnv"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// eligible refuses people who may not compete: outside the contest's units,
// or staff of it.
func (s *Server) eligible(c *fiber.Ctx, e *roundEntry) error {
	cl := claimsOf(c)
	if e.contest.Status != contests.ContestPublished || e.round.Status == quiz.RoundDraft {
		return contests.NotFound("đợt thi", "round")
	}
	if e.settings.Excludes(cl.Grants, e.contest.OwnerUnitPath) {
		return contests.E(contests.CodeForbidden, contests.T(
			"Thành viên ban tổ chức, tổ thư ký và ban giám khảo không được dự thi", "Organizers, secretaries and judges may not compete"))
	}
	if !(contests.Grant{UnitPath: e.contest.EligibleUnitPath}).Covers(cl.UnitPath) {
		return contests.E(contests.CodeForbidden, contests.T(
			"Đơn vị của bạn không thuộc phạm vi cuộc thi này", "Your unit is not part of this contest"))
	}
	return nil
}

func (s *Server) playRound(c *fiber.Ctx) (*roundEntry, error) {
	e, err := s.rounds.get(c.UserContext(), c.Params("id"))
	if err != nil {
		return nil, err
	}
	return e, s.eligible(c, e)
}

func attemptNo(c *fiber.Ctx) (int, error) {
	no, err := strconv.Atoi(c.Params("no"))
	if err != nil || no < 1 || no > quiz.MaxAttempts {
		return 0, contests.Invalid(contests.Field("no", contests.T("Số lượt thi không hợp lệ", "Invalid attempt number")))
	}
	return no, nil
}

// startAttempt resumes the attempt in progress (a refresh, another device)
// or starts the next one with a paper drawn from the attempt's seed.
func (s *Server) startAttempt(c *fiber.Ctx) error {
	e, err := s.playRound(c)
	if err != nil {
		return err
	}
	if e.plan == nil {
		s.Log.Error("round cannot be drawn", "round", e.round.ID, "err", e.planErr)
		return contests.E(contests.CodeConflict, contests.T("Đề thi của đợt này chưa sẵn sàng", "This round's paper is not ready"))
	}
	userID, now, client := claimsOf(c).UserID(), s.Now(), clientOf(c)
	var created bool
	p, err := s.mutateParticipation(c.UserContext(), e.round.ID, userID, s.newParticipation(c, e), func(p *quiz.Participation) (bool, error) {
		created = false // a retry after losing a race may resume instead
		cur := p.Current()
		expired := cur != nil && now.After(cur.Deadline.Add(quiz.Grace))
		if cur != nil && !expired {
			return false, nil // resume
		}
		id := store.NewID()
		paper, err := e.plan.Draw(quiz.AttemptSeed(s.drawKey(e.round), id))
		if err != nil {
			return false, contests.Internal(err)
		}
		// Start finalizes an expired attempt first: that is a change to save
		// even when no new attempt may start.
		var a *quiz.Attempt
		if a, created, err = p.Start(e.round, id, paper, e.plan.Key(), now); created {
			a.Client = client
		}
		return created || expired, err
	})
	if err != nil {
		return err
	}
	cur := p.Current()
	if cur == nil {
		return contests.Internal(fmt.Errorf("round %s: no attempt in progress after start", e.round.ID))
	}
	status := fiber.StatusOK
	if created {
		status = fiber.StatusCreated
	}
	return c.Status(status).JSON(s.attemptView(e, p, cur))
}

// drawKey is the key a round's papers are drawn from: the round key it
// committed to, or for a round made before commitments, the server's seed
// secret as then.
func (s *Server) drawKey(r *quiz.Round) []byte {
	if r.SeedCommitment == "" {
		return s.Keys.SeedSecret()
	}
	return quiz.RoundKey(s.Keys.SeedSecret(), r.ID)
}

// InstallIDHeader carries the random ID the app keeps per install (see
// frontend/src/lib/installId.ts), for the shared-device flag.
const InstallIDHeader = "X-Install-Id"

// clientOf is what the fraud flags keep of the phone starting an attempt:
// its install ID, its address (the forwarded one behind trusted proxies:
// c.IP) and an 8-hex-digit hash of its User-Agent — a few dozen bytes, no
// lookups.
func clientOf(c *fiber.Ctx) string {
	h := fnv.New32a()
	h.Write(c.Request().Header.UserAgent())
	return quiz.Client{Install: quiz.CleanInstallID(c.Get(InstallIDHeader)), IP: c.IP(),
		Agent: strconv.FormatUint(uint64(h.Sum32()), 16)}.String()
}

func (s *Server) newParticipation(c *fiber.Ctx, e *roundEntry) func() *quiz.Participation {
	cl := claimsOf(c)
	return func() *quiz.Participation {
		return &quiz.Participation{RoundID: e.round.ID, UserID: cl.UserID(), ContestID: e.round.ContestID, UnitPath: cl.UnitPath}
	}
}

func (s *Server) currentAttempt(c *fiber.Ctx) error {
	e, err := s.playRound(c)
	if err != nil {
		return err
	}
	p, err := s.Play.Read(c.UserContext(), e.round.ID, claimsOf(c).UserID())
	if err != nil {
		return err
	}
	cur := p.Current()
	if cur == nil || s.Now().After(cur.Deadline.Add(quiz.Grace)) {
		return contests.NotFound("lượt thi đang làm", "attempt in progress")
	}
	return c.JSON(s.attemptView(e, p, cur))
}

// attemptView shows the paper as the candidate sees it: questions and
// options in the drawn order, the saved answers, the server's deadline.
func (s *Server) attemptView(e *roundEntry, p *quiz.Participation, a *quiz.Attempt) attemptDTO {
	v := attemptDTO{RoundID: e.round.ID, No: a.No, StartedAt: a.StartedAt, Deadline: a.Deadline, ServerNow: s.Now(),
		Status: a.Status, Answers: map[string]savedAnswer{}, Prediction: a.Prediction, PredictionSeq: a.PredictionSeq,
		AttemptsLeft: p.Left(e.round), OutageSec: a.OutageMs / 1000, ExtraSec: a.ExtraMs / 1000}
	if e.round.Prediction.Enabled {
		v.PredictionText = e.round.Prediction.Text
	}
	d := quiz.DisguiseOf(s.Keys.SeedSecret(), a.ID)
	for _, it := range a.Paper.Items {
		v.Questions = append(v.Questions, shownQuestion(e.plan, it, d))
		if ans, ok := a.Answers[it.QuestionID]; ok {
			v.Answers[it.QuestionID] = savedAnswer{Options: d.Show(it, ans.Options), Seq: ans.Seq}
		}
	}
	return v
}

// shownQuestion is a paper question as a candidate sees it: its options
// under the attempt's codes, never under their authoring IDs (see
// quiz.Disguise).
func shownQuestion(plan *quiz.Plan, it quiz.Item, d quiz.Disguise) paperQuestionDTO {
	q := paperQuestion(plan, it)
	for i, code := range d.Codes(it) {
		q.Options[i].ID = code
	}
	return q
}

// paperQuestion is a paper question under the authoring option IDs: for
// the organizer's preview only; candidates get shownQuestion.
func paperQuestion(plan *quiz.Plan, it quiz.Item) paperQuestionDTO {
	q, _ := plan.Question(it.QuestionID)
	texts := make(map[string]string, len(q.Options))
	for _, o := range q.Options {
		texts[o.ID] = o.Text
	}
	d := paperQuestionDTO{ID: q.ID, Text: q.Text, ImageURL: q.ImageURL, Multiple: it.Multiple}
	for _, id := range it.OptionOrder {
		d.Options = append(d.Options, optionDTO{ID: id, Text: texts[id]})
	}
	return d
}
