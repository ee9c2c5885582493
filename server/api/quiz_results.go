package api

import (
	"context"
	"encoding/json"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// computeResults computes a closed round's results: every final attempt is
// scored again with the bank's current key (a key fixed after the round
// changes the results, as it should), the prediction target is counted, the
// ranking and the prizes follow the round's rules. The same data always
// gives the same standings. They stay private until published. progress
// hears how far it is, in percent.
func (s *Server) computeResults(ctx context.Context, r *quiz.Round, ct *contests.Contest, progress func(percent int)) (quiz.RoundSummary, error) {
	bank, err := s.quiz.Questions(ctx, r.ContestID)
	if err != nil {
		return quiz.RoundSummary{}, err
	}
	key := make(quiz.AnswerKey, len(bank))
	for _, q := range bank {
		key[q.ID] = q.Correct
	}
	// Reading the records is most of the work: 0–80 %, by records read.
	total, err := s.quiz.CountParticipations(ctx, r.ID)
	if err != nil {
		return quiz.RoundSummary{}, err
	}
	defer resultsMemory.hold(total)() // see quiz_results_memory.go
	read := 0
	results, flags := quiz.NewResultsBuilder(r, key), newRoundFlags(r)
	results.Grow(total)
	flags.grow(total)
	if err := s.quiz.EachParticipation(ctx, r.ID, func(p *quiz.Participation) error {
		if err := results.Add(p); err != nil {
			return err
		}
		flags.add(p)
		if read++; read%1024 == 0 && total > 0 {
			progress(min(80, 80*read/total))
		}
		return nil
	}); err != nil {
		return quiz.RoundSummary{}, err
	}
	progress(80)
	found, names, err := flags.find(ctx, s)
	if err != nil {
		return quiz.RoundSummary{}, err
	}
	progress(85)
	var excluded map[string]bool
	if settings, _ := quiz.ParseSettings(ct.Settings); settings.OnePrizePerPerson {
		if excluded, err = s.priorWinners(ctx, r); err != nil {
			return quiz.RoundSummary{}, err
		}
	}
	out, err := results.Finish(excluded)
	if err != nil {
		return out.Summary, err
	}
	// The digest is hashed as the lines are written, with the round's part
	// as computing stores it (target, revealed key): no line is held.
	figures := *r
	figures.TargetValue = out.Target
	s.revealKey(&figures)
	digest := quiz.NewResultsHasher(&figures)
	progress(88)
	if err := s.saveStandings(ctx, r.ID, quiz.RankingLines(r.ID, out.Ranking, out.Winners, found.Of), names, digest); err != nil {
		return out.Summary, err
	}
	out.Ranking = nil
	progress(98)
	stored, err := s.storeResultsFigures(ctx, r.ID, out.Target, digest)
	if err != nil {
		return out.Summary, err
	}
	*r = *stored
	return out.Summary, nil
}

// priorWinners are the people who won a prize in the contest's other rounds
// with published results (for "one prize per person").
func (s *Server) priorWinners(ctx context.Context, r *quiz.Round) (map[string]bool, error) {
	rounds, err := s.quiz.RoundsOf(ctx, r.ContestID)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, o := range rounds {
		if o.ID == r.ID || o.Status != quiz.RoundResults || o.No > r.No {
			continue
		}
		prizes := 0
		for _, t := range o.Tiers {
			prizes += t.Count
		}
		// Winners sit near the top; read pages until the prizes are found
		// and a page brings none.
		for offset, found := 0, 0; ; offset += 500 {
			rows, _, err := s.quiz.Standings(ctx, o.ID, offset, 500)
			if err != nil {
				return nil, err
			}
			inPage := 0
			for _, st := range rows {
				if st.Prize != "" {
					out[st.UserID] = true
					found++
					inPage++
				}
			}
			if len(rows) < 500 || (found >= prizes && inPage == 0) {
				break
			}
		}
	}
	return out, nil
}

// orgPublishResults makes computed results public.
func (s *Server) orgPublishResults(c *fiber.Ctx) error {
	r, _, err := s.orgRound(c)
	if err != nil {
		return err
	}
	if err := r.CanPublish(); err != nil {
		return err
	}
	r.Status, r.UpdatedAt = quiz.RoundResults, s.Now().UTC()
	if err := s.quiz.UpdateRound(c.UserContext(), r); err != nil {
		return err
	}
	s.rounds.forget(r.ID)
	return c.JSON(roundResponse{Round: s.toRoundDTO(c.UserContext(), r, language(c))})
}

func (s *Server) orgRoundStandings(c *fiber.Ctx) error {
	r, _, err := s.orgRound(c)
	if err != nil {
		return err
	}
	return s.sendStandings(c, r.ID, nil)
}

// contestRounds lists a published contest's rounds for its landing page,
// with the caller's progress when logged in.
func (s *Server) contestRounds(c *fiber.Ctx) error {
	ctx := c.UserContext()
	ct, err := s.Store.ContestBySlug(ctx, c.Params("slug"))
	if err != nil {
		return err
	}
	if ct.Status == contests.ContestDraft || ct.Kind != contests.KindQuiz || s.quiz == nil {
		return contests.NotFound("cuộc thi", "contest")
	}
	rounds, err := s.quiz.RoundsOf(ctx, ct.ID)
	if err != nil {
		return err
	}
	userID := ""
	if cl := claimsOf(c); cl != nil {
		userID = cl.UserID()
	}
	now := s.Now()
	out := []roundPublicDTO{}
	for _, r := range rounds {
		if r.Status != quiz.RoundDraft {
			out = append(out, s.roundPublic(ctx, r, userID, now))
		}
	}
	return c.JSON(publicRoundsResponse{Rounds: out})
}

func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}
