package essay

import (
	"slices"
	"time"

	"hoithi/contests"
)

// A judging round (vòng chấm) goes setup → scoring → closed: Start records
// the assignment seed when the works are dealt out, Close when the results
// and advancement are decided. Judges may score only in between.

// Start moves a round in setup to scoring at now, recording the seed the
// assignment is drawn from (so it can be redrawn for an audit).
// Errors: CodeConflict when the round is no longer in setup.
func (r *Round) Start(seed uint64, now time.Time) error {
	if r.Status != RoundSetup {
		return contests.E(contests.CodeConflict, contests.T("Vòng chấm đã được phân công", "The round is already assigned"))
	}
	r.Status, r.Seed, r.UpdatedAt = RoundScoring, seed, now.UTC()
	return nil
}

// Close moves a round being scored to closed at now.
// Errors: CodeConflict when it is not being scored.
func (r *Round) Close(now time.Time) error {
	if err := r.Closable(); err != nil {
		return err
	}
	r.Status, r.UpdatedAt = RoundClosed, now.UTC()
	return nil
}

// Closable reports whether Close would succeed, for callers that must check
// before doing the work closing needs.
// Errors: CodeConflict when the round is not being scored.
func (r *Round) Closable() error {
	if r.Status != RoundScoring {
		return contests.E(contests.CodeConflict, contests.T("Vòng chấm chưa phân công hoặc đã kết thúc", "The round is not being scored"))
	}
	return nil
}

// AcceptsScores reports whether judges may save score sheets in the round.
// Errors: CodeTooLate when it is not being scored.
func (r *Round) AcceptsScores() error {
	if r.Status != RoundScoring {
		return contests.E(contests.CodeTooLate, contests.T("Vòng chấm đã kết thúc", "The round is closed"))
	}
	return nil
}

// OnPanel reports whether judge sits on one of the round's panels.
func (r *Round) OnPanel(judge string) bool {
	for _, p := range r.Panels {
		if slices.Contains(p.JudgeIDs, judge) {
			return true
		}
	}
	return false
}
