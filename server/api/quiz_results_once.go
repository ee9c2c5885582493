package api

import (
	"context"
	"encoding/json"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// Computing a round's results reads every record of the round and writes a
// whole new table: two computations at once (an organizer clicking twice,
// or two organizers on two instances) would do it twice and write two
// generations. So one runs at a time per round, under the round's lease in
// the store; a click arriving meanwhile waits for it and, when it finished,
// answers with its results instead of computing them again — the same data
// gives the same standings.

const (
	// resultsLeaseHold outlasts the computation of a national round; a
	// crashed instance's lease frees itself after it.
	resultsLeaseHold = 15 * time.Minute
	// resultsLeaseWait keeps a waiting click under a proxy's 2-minute limit.
	resultsLeaseWait = 100 * time.Second
	// resultsSummaryKind stores the summary of the last computation beside
	// the statistics snapshots, for the clicks that waited for it.
	resultsSummaryKind = "results-summary"
)

var errResultsBusy = contests.E(contests.CodeConflict, contests.T(
	"Kết quả của đợt thi này đang được tính, hãy tải lại trang sau ít phút",
	"This round's results are being computed; reload the page in a few minutes"))

// computeResultsOnce is computeResults one at a time per round (see above).
func (s *Server) computeResultsOnce(ctx context.Context, r *quiz.Round, ct *contests.Contest) (quiz.RoundSummary, error) {
	asked := time.Now()
	release, waited, err := s.holdLeaseFor(ctx, "quiz-results:"+r.ID, resultsLeaseHold, resultsLeaseWait, errResultsBusy)
	if err != nil {
		return quiz.RoundSummary{}, err
	}
	defer release()
	if waited {
		if sum, at, ok := s.lastResults(ctx, r.ID); ok && !at.Before(asked) {
			cur, err := s.quiz.Round(ctx, r.ID)
			if err != nil {
				return quiz.RoundSummary{}, err
			}
			*r = *cur
			return sum, nil
		}
	}
	sum, err := s.computeResults(ctx, r, ct)
	if err != nil {
		return sum, err
	}
	if data, err := json.Marshal(sum); err == nil {
		if err := s.Store.PutSnapshot(ctx, resultsSummaryKind, r.ID, data, time.Now()); err != nil {
			// Only a click waiting right now would compute again.
			s.Log.Warn("results summary not stored", "round", r.ID, "err", err)
		}
	}
	return sum, nil
}

// lastResults returns the summary of the round's last computation and when
// it finished; ok is false when there is none.
func (s *Server) lastResults(ctx context.Context, roundID string) (sum quiz.RoundSummary, at time.Time, ok bool) {
	data, at, err := s.Store.Snapshot(ctx, resultsSummaryKind, roundID)
	if err != nil || json.Unmarshal(data, &sum) != nil {
		return sum, at, false
	}
	return sum, at, true
}
