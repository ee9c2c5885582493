package api

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/jobs"
)

// Computing a round's results reads every record of the round and writes a
// whole new standings table: minutes for a national round, more than a
// proxy waits for an answer. So the click starts a background job
// (server/jobs) and answers 202 at once; the organizer's page follows its
// progress. One runs at a time per round across instances, under the job's
// lease in the store: a second click, on any instance, answers with the job
// already running instead of computing again.

// resultsJob is the kind of the round results jobs (keyed by round ID).
const resultsJob = "quiz-results"

// resultsWait bounds how long an exclusion waits for a running computation
// before its own (under a proxy's 2-minute limit).
const resultsWait = 100 * time.Second

var errResultsBusy = contests.E(contests.CodeConflict, contests.T(
	"Kết quả của đợt thi này đang được tính, hãy tải lại trang sau ít phút",
	"This round's results are being computed; reload the page in a few minutes"))

// resultsJobDTO is a round's results job; Summary once done.
type resultsJobDTO struct {
	jobStateDTO
	Summary *quiz.RoundSummary `json:"summary,omitempty"`
}

func toResultsJobDTO(j jobs.Job, lang string) resultsJobDTO {
	return resultsJobDTO{jobStateDTO: toJobState(j, lang), Summary: jobResult[quiz.RoundSummary](j)}
}

// orgComputeResults starts computing a closed round's results (see
// computeResults) and answers 202 with the job: the one it started, or the
// one already running.
func (s *Server) orgComputeResults(c *fiber.Ctx) error {
	r, ct, err := s.orgRound(c)
	if err != nil {
		return err
	}
	if r.Status == quiz.RoundDraft || s.Now().Before(r.ClosesAt.Add(quiz.Grace)) {
		return contests.E(contests.CodeTooLate, contests.T("Chỉ tính kết quả sau khi đợt thi đóng", "Results can only be computed after the round closes"))
	}
	work := s.resultsWork(r, ct, claimsOf(c).UserID(), requestID(c))
	return startJob(s, c, resultsJob, r.ID, work, toResultsJobDTO)
}

// orgResultsJob answers the round's last results job (204 before any).
func (s *Server) orgResultsJob(c *fiber.Ctx) error {
	r, _, err := s.orgRound(c)
	if err != nil {
		return err
	}
	return sendJob(s, c, resultsJob, r.ID, toResultsJobDTO)
}

// resultsWork is the job computing r's results; its result is the summary.
func (s *Server) resultsWork(r *quiz.Round, ct *contests.Contest, by, reqID string) jobs.Work {
	return func(ctx context.Context, progress func(int)) (any, error) {
		sum, err := s.computeResults(ctx, r, ct, progress)
		if err != nil {
			return nil, err
		}
		s.rounds.forget(r.ID)
		s.Log.Info("round results computed", "request_id", reqID, "by", by, "round", r.ID,
			"participants", sum.Participants, "attempts", sum.Attempts, "target", r.TargetValue)
		return sum, nil
	}
}

// recomputeResults computes r's results again and waits for it (after an
// exclusion, whose answer shows the new ranking), as a job: never at the
// same time as a computation started by a click.
func (s *Server) recomputeResults(ctx context.Context, r *quiz.Round, ct *contests.Contest, by, reqID string) error {
	j, err := s.Jobs.Run(ctx, resultsJob, r.ID, by, resultsWait, errResultsBusy, s.resultsWork(r, ct, by, reqID))
	if err != nil {
		return err
	}
	if j.Status != jobs.Done {
		msg := contests.T("Không tính lại được kết quả", "The results could not be computed again")
		if j.Error != nil {
			msg = *j.Error
		}
		return contests.E(contests.CodeConflict, msg)
	}
	return nil
}
