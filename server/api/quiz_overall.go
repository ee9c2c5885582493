package api

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/jobs"
)

// overallContest loads the quiz contest :id (quizContest) and its settings,
// refusing a contest that has no overall ranking (Settings.Overall).
func (s *Server) overallContest(c *fiber.Ctx) (*contests.Contest, quiz.Settings, error) {
	ct, err := s.quizContest(c)
	if err != nil {
		return nil, quiz.Settings{}, err
	}
	settings, err := quiz.ParseSettings(ct.Settings)
	if err != nil {
		return nil, quiz.Settings{}, err
	}
	if settings.Overall == nil {
		return nil, quiz.Settings{}, contests.Invalid(contests.Field("settings.overall", contests.T("Cuộc thi không có xếp hạng chung cuộc", "This contest has no overall ranking")))
	}
	return ct, settings, nil
}

// overallJob is the kind of the overall ranking jobs (keyed by contest ID).
const overallJob = "quiz-overall"

// overallJobDTO is a contest's overall ranking job; Overall once done.
type overallJobDTO struct {
	jobStateDTO
	Overall *overallComputed `json:"overall,omitempty"`
}

func toOverallJobDTO(j jobs.Job, lang string) overallJobDTO {
	return overallJobDTO{jobStateDTO: toJobState(j, lang), Overall: jobResult[overallComputed](j)}
}

// orgComputeOverall starts ranking the whole contest across the rounds
// whose results are published (Settings.Overall) and publishing the overall
// standings, as a background job: it reads every published standing of
// every round, millions of lines in a national contest. It answers 202 with
// the job, or the one already running on any instance.
func (s *Server) orgComputeOverall(c *fiber.Ctx) error {
	ct, settings, err := s.overallContest(c)
	if err != nil {
		return err
	}
	rounds, err := s.quiz.RoundsOf(c.UserContext(), ct.ID)
	if err != nil {
		return err
	}
	var published []*quiz.Round
	for _, r := range rounds {
		if r.Status == quiz.RoundResults {
			published = append(published, r)
		}
	}
	if len(published) == 0 {
		return contests.E(contests.CodeConflict, contests.T("Chưa có đợt thi nào công bố kết quả", "No round has published results"))
	}
	by, reqID := claimsOf(c).UserID(), requestID(c)
	work := func(ctx context.Context, progress func(int)) (any, error) {
		out, err := s.computeOverall(ctx, ct, settings, published, progress)
		if err == nil {
			s.Log.Info("overall standings computed", "request_id", reqID, "by", by, "contest", ct.ID, "people", out.People, "rounds", out.Rounds)
		}
		return out, err
	}
	return startJob(s, c, overallJob, ct.ID, work, toOverallJobDTO)
}

// orgOverallJob answers the contest's last overall ranking job (204
// before any).
func (s *Server) orgOverallJob(c *fiber.Ctx) error {
	ct, err := s.quizContest(c)
	if err != nil {
		return err
	}
	return sendJob(s, c, overallJob, ct.ID, toOverallJobDTO)
}

// computeOverall ranks the people of the published rounds together and
// writes the overall standings with their prizes.
func (s *Server) computeOverall(ctx context.Context, ct *contests.Contest, settings quiz.Settings, published []*quiz.Round, progress func(int)) (overallComputed, error) {
	var perRound [][]quiz.Entry
	prior := map[string]bool{}
	for i, r := range published {
		entries, err := s.roundEntries(ctx, r.ID, prior)
		if err != nil {
			return overallComputed{}, err
		}
		perRound = append(perRound, entries)
		progress(70 * (i + 1) / len(published))
	}
	entries, err := quiz.Cumulative(perRound)
	if err != nil {
		return overallComputed{}, err
	}
	perRound = nil
	ranked, err := quiz.Rank(entries, settings.Overall.Rule)
	if err != nil {
		return overallComputed{}, err
	}
	progress(80)
	opts := quiz.AllocateOptions{TiePolicy: settings.Overall.TiePolicy, OnlyHighest: settings.Overall.OnlyHighest}
	if settings.OnePrizePerPerson || settings.Overall.OnlyHighest {
		opts.Excluded = prior
	}
	winners, err := quiz.Allocate(ranked, settings.Overall.Tiers, opts)
	if err != nil {
		return overallComputed{}, err
	}
	if err := s.saveStandings(ctx, quiz.OverallRoundID(ct.ID), quiz.NewStandingLines(quiz.OverallRoundID(ct.ID), ranked, winners, nil), nil, nil); err != nil {
		return overallComputed{}, err
	}
	return overallComputed{Rounds: len(published), People: len(ranked), Winners: len(winners)}, nil
}

// roundEntries rebuilds a round's ranking entries from its published
// standings, noting its prize winners in prior.
func (s *Server) roundEntries(ctx context.Context, roundID string, prior map[string]bool) ([]quiz.Entry, error) {
	var out []quiz.Entry
	for offset := 0; ; offset += 1000 {
		rows, total, err := s.quiz.Standings(ctx, roundID, offset, 1000)
		if err != nil {
			return nil, err
		}
		for _, st := range rows {
			out = append(out, quiz.Entry{UserID: st.UserID, UnitPath: st.UnitPath, AttemptNo: st.AttemptNo, Rounds: 1,
				Score: st.Score, Correct: st.Correct, Total: st.Total, DurationMs: st.DurationMs, StartedAt: st.StartedAt,
				SubmittedAt: st.SubmittedAt, Prediction: st.Prediction, PredictionError: st.PredictionError,
				Attempts: st.Attempts, AllCorrect: st.Total > 0 && st.Correct == st.Total})
			if st.Prize != "" {
				prior[st.UserID] = true
			}
		}
		if offset+len(rows) >= total || len(rows) == 0 {
			return out, nil
		}
	}
}

// contestOverall is the public overall leaderboard once computed.
func (s *Server) contestOverall(c *fiber.Ctx) error {
	ct, err := s.Store.ContestBySlug(c.UserContext(), c.Params("slug"))
	if err != nil {
		return err
	}
	if ct.Status == contests.ContestDraft {
		return contests.NotFound("cuộc thi", "contest")
	}
	settings, err := quiz.ParseSettings(ct.Settings)
	if err != nil {
		settings = quiz.DefaultSettings()
	}
	view := &standingsView{names: settings.PublicNames, loggedIn: claimsOf(c) != nil}
	if settings.Overall != nil {
		view.rule = &settings.Overall.Rule
	}
	return s.sendStandings(c, quiz.OverallRoundID(ct.ID), view)
}

// prizeWinners returns the prize winners of a round's published standings.
func (s *Server) prizeWinners(ctx context.Context, roundID string) ([]quiz.Winner, error) {
	var out []quiz.Winner
	for offset := 0; ; offset += 1000 {
		rows, total, err := s.quiz.Standings(ctx, roundID, offset, 1000)
		if err != nil {
			return nil, err
		}
		for _, st := range rows {
			if st.Prize != "" {
				out = append(out, quiz.Winner{Tier: st.Prize, TierName: st.PrizeName,
					Ranked: quiz.Ranked{Rank: st.Rank, Entry: quiz.Entry{UserID: st.UserID, UnitPath: st.UnitPath}}})
			}
		}
		if offset+len(rows) >= total || len(rows) == 0 {
			return out, nil
		}
	}
}
