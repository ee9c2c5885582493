package api

import (
	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

type answerRequest struct {
	Options []string `json:"options"`
	Seq     int64    `json:"seq"`
}

// answerResponse is what an answer save returns. A struct rather than a
// fiber.Map: the most frequent response skips a map and its key sorting,
// and the fields, in alphabetical order, encode to the same bytes the map
// did.
type answerResponse struct {
	Options []string `json:"options"`
	Saved   bool     `json:"saved"`
	Seq     int64    `json:"seq"`
}

// saveAnswer stores one answer as it is chosen. The phone numbers its saves:
// a late or repeated packet (seq not above the stored one) changes nothing
// and is answered with what is stored, so the phone can reconcile.
func (s *Server) saveAnswer(c *fiber.Ctx) error {
	e, err := s.playRound(c)
	if err != nil {
		return err
	}
	no, err := attemptNo(c)
	if err != nil {
		return err
	}
	var req answerRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	qid, now := c.Params("qid"), s.Now()
	var saved bool
	var d quiz.Disguise
	disguise := func(attemptID string) quiz.Disguise {
		d = quiz.DisguiseOf(s.Keys.SeedSecret(), attemptID)
		return d
	}
	p, err := s.mutateParticipation(c.UserContext(), e.round.ID, claimsOf(c).UserID(), nil, func(p *quiz.Participation) (bool, error) {
		saved, err = p.SaveShownAnswer(disguise, no, qid, req.Options, req.Seq, now)
		return saved, err
	})
	if err != nil {
		return err
	}
	a, _ := p.Attempt(no)
	it, _ := a.Paper.Item(qid)
	stored := a.Answers[qid]
	// The phone speaks codes: answer with the stored choice in its codes.
	return c.JSON(answerResponse{Options: d.Show(it, stored.Options), Saved: saved, Seq: stored.Seq})
}

type predictionRequest struct {
	Value *int64 `json:"value"`
	Seq   int64  `json:"seq"`
}

func (s *Server) savePrediction(c *fiber.Ctx) error {
	e, err := s.playRound(c)
	if err != nil {
		return err
	}
	if !e.round.Prediction.Enabled {
		return contests.Invalid(contests.Field("value", contests.T("Đợt thi này không có câu hỏi dự đoán", "This round has no prediction question")))
	}
	no, err := attemptNo(c)
	if err != nil {
		return err
	}
	var req predictionRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if req.Value == nil {
		return contests.Invalid(contests.Field("value", contests.T("Vui lòng nhập số dự đoán", "Enter your prediction")))
	}
	now := s.Now()
	var saved bool
	p, err := s.mutateParticipation(c.UserContext(), e.round.ID, claimsOf(c).UserID(), nil, func(p *quiz.Participation) (bool, error) {
		saved, err = p.SavePrediction(no, *req.Value, req.Seq, now)
		return saved, err
	})
	if err != nil {
		return err
	}
	a, _ := p.Attempt(no)
	return c.JSON(predictionSaved{Saved: saved, Value: a.Prediction, Seq: a.PredictionSeq})
}

// submitAttempt finalizes an attempt; submitting it again returns the same
// result.
func (s *Server) submitAttempt(c *fiber.Ctx) error {
	e, err := s.playRound(c)
	if err != nil {
		return err
	}
	no, err := attemptNo(c)
	if err != nil {
		return err
	}
	if e.plan == nil {
		return contests.E(contests.CodeConflict, contests.T("Đề thi của đợt này chưa sẵn sàng", "This round's paper is not ready"))
	}
	now := s.Now()
	var a *quiz.Attempt
	p, err := s.mutateParticipation(c.UserContext(), e.round.ID, claimsOf(c).UserID(), nil, func(p *quiz.Participation) (bool, error) {
		var changed bool
		a, changed, err = p.Submit(no, e.plan.Key(), now, e.round.Policy)
		return changed, err
	})
	if err != nil {
		return err
	}
	a, _ = p.Attempt(no)
	return c.JSON(toResultDTO(e.round, p, a))
}

// myRound lists the caller's attempts of a round (results only), attempts
// left, and their standing once results are published.
func (s *Server) myRound(c *fiber.Ctx) error {
	e, err := s.rounds.get(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	ctx, userID := c.UserContext(), claimsOf(c).UserID()
	out := myRoundView{Attempts: []resultDTO{}, AttemptsLeft: e.round.MaxAttempts, Phase: e.round.Phase(s.Now())}
	p, err := s.Play.Read(ctx, e.round.ID, userID)
	if err == nil {
		list := []resultDTO{}
		for i := range p.Attempts {
			if a := &p.Attempts[i]; a.Final() {
				list = append(list, toResultDTO(e.round, p, a))
			}
		}
		out.Attempts, out.AttemptsUsed, out.AttemptsLeft = list, p.Used(), p.Left(e.round)
		if cur := p.Current(); cur != nil && !s.Now().After(cur.Deadline.Add(quiz.Grace)) {
			out.InProgress = &cur.No
		}
	} else if contests.ErrorCode(err) != contests.CodeNotFound {
		return err
	}
	if e.round.Status == quiz.RoundResults {
		if st, err := s.quiz.StandingOf(ctx, e.round.ID, userID); err == nil {
			d := toStandingDTO(*st, s.unitNames.pathName(ctx, st.UnitPath))
			out.Standing = &d
		}
	}
	return c.JSON(out)
}

// roundStandings is the public leaderboard, once results are published.
func (s *Server) roundStandings(c *fiber.Ctx) error {
	e, err := s.rounds.get(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	if e.round.Status != quiz.RoundResults || e.contest.Status == contests.ContestDraft {
		return contests.E(contests.CodeNotFound, contests.T("Kết quả đợt thi chưa được công bố", "The round's results are not published yet"))
	}
	rule := e.round.Rule
	return s.sendStandings(c, e.round.ID, &standingsView{names: e.settings.PublicNames, loggedIn: claimsOf(c) != nil, rule: &rule})
}

// standingsView is how a citizen sees published standings (nil: an
// organizer, who sees every figure and full names): names as the contest
// says, the prediction only on lines it placed, the ranking rule in words.
type standingsView struct {
	names    quiz.NameDisplay
	loggedIn bool
	rule     *quiz.RankRule
}

func (v *standingsView) row(st quiz.Standing, unitPath string) standingDTO {
	d := toStandingDTO(st, unitPath)
	if v == nil {
		return d
	}
	d.FullName = v.names.Show(st.FullName, v.loggedIn)
	if !st.PredictionDecided {
		d.Prediction, d.PredictionError = nil, nil
	}
	return d
}

func (s *Server) sendStandings(c *fiber.Ctx, roundID string, view *standingsView) error {
	offset, err := queryInt(c, "offset", 0, 0, 10_000_000)
	if err != nil {
		return err
	}
	limit, err := queryInt(c, "limit", 100, 1, 500)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	rows, total, err := s.quiz.Standings(ctx, roundID, offset, limit)
	if err != nil {
		return err
	}
	out := make([]standingDTO, 0, len(rows))
	for _, st := range rows {
		out = append(out, view.row(st, s.unitNames.pathName(ctx, st.UnitPath)))
	}
	res := standingsPage{Standings: out, Total: total}
	if view != nil && view.rule != nil {
		res.Ranking = view.rule.Describe().In(language(c))
	}
	return c.JSON(res)
}

// reviewAttempt shows an attempt with the correct answers: only after the
// round's results are published and only if the organizer allows it.
func (s *Server) reviewAttempt(c *fiber.Ctx) error {
	e, err := s.rounds.get(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	if e.round.Status != quiz.RoundResults || !e.round.RevealAnswers || e.plan == nil {
		return contests.E(contests.CodeForbidden, contests.T("Đáp án chưa được công bố", "The answers are not published"))
	}
	no, err := attemptNo(c)
	if err != nil {
		return err
	}
	p, err := s.Play.Read(c.UserContext(), e.round.ID, claimsOf(c).UserID())
	if err != nil {
		return err
	}
	a, err := p.Attempt(no)
	if err != nil {
		return err
	}
	if !a.Final() {
		return contests.E(contests.CodeForbidden, contests.T("Lượt thi chưa kết thúc", "The attempt is not over"))
	}
	key, d := e.plan.Key(), quiz.DisguiseOf(s.Keys.SeedSecret(), a.ID)
	out := reviewDTO{No: a.No}
	for _, it := range a.Paper.Items {
		q, _ := e.plan.Question(it.QuestionID)
		out.Questions = append(out.Questions, reviewQuestion{paperQuestionDTO: shownQuestion(e.plan, it, d),
			Chosen: d.Show(it, a.Answers[it.QuestionID].Options), Correct: d.Show(it, key[it.QuestionID]), Explanation: q.Explanation})
	}
	return c.JSON(out)
}
