package store

import (
	"context"
	"time"

	"hoithi/contests/quiz"
)

// Questions stores each contest's question bank.
type Questions interface {
	// CreateQuestions inserts a batch (IDs set by the caller), all or
	// nothing on SQLite; on MongoDB an ordered insert that a retry of the
	// same batch completes. A taken ID → CodeConflict, field "id".
	CreateQuestions(ctx context.Context, contestID string, qs []quiz.Question) error
	// UpdateQuestion replaces question q.ID of the contest → CodeNotFound.
	UpdateQuestion(ctx context.Context, contestID string, q quiz.Question) error
	// Questions returns the whole bank in creation order (retired included).
	Questions(ctx context.Context, contestID string) ([]quiz.Question, error)
}

// Rounds stores quiz rounds.
type Rounds interface {
	// CreateRound inserts r; a taken (ContestID, No) → CodeConflict, field "no".
	CreateRound(ctx context.Context, r *quiz.Round) error
	// UpdateRound replaces r → CodeNotFound.
	UpdateRound(ctx context.Context, r *quiz.Round) error
	Round(ctx context.Context, id string) (*quiz.Round, error)
	// RoundVersion returns the stored round's Version alone → CodeNotFound:
	// one key lookup, cheap enough for every play request to check its
	// cached copy with (server/play/rounds.go).
	RoundVersion(ctx context.Context, id string) (int64, error)
	// RoundsOf returns a contest's rounds ordered by No.
	RoundsOf(ctx context.Context, contestID string) ([]*quiz.Round, error)
}

// Participations stores one record per (round, user) with every attempt.
type Participations interface {
	// Participation → CodeNotFound when the person has not started.
	Participation(ctx context.Context, roundID, userID string) (*quiz.Participation, error)
	// PutParticipation writes p if the stored record is at p.Version-1
	// (p.Version 1 inserts a new record). Any other stored version, or an
	// existing record on insert → CodeConflict: the caller reloads, applies
	// its change again and retries.
	PutParticipation(ctx context.Context, p *quiz.Participation) error
	// ParticipationsOfUser returns the person's records in a contest,
	// ordered by RoundID.
	ParticipationsOfUser(ctx context.Context, contestID, userID string) ([]*quiz.Participation, error)
	// ExpiredParticipations returns up to limit records whose attempt in
	// progress had its deadline before t (OpenDeadline non-zero and < t).
	ExpiredParticipations(ctx context.Context, t time.Time, limit int) ([]*quiz.Participation, error)
	// EachParticipation calls fn for every record of a round, in UserID
	// order, streaming (a province round holds a million records).
	EachParticipation(ctx context.Context, roundID string, fn func(*quiz.Participation) error) error
	// CountParticipations returns how many people started the round.
	CountParticipations(ctx context.Context, roundID string) (int, error)
}

// Standings stores published results.
type Standings interface {
	// ReplaceStandings replaces every standing of roundID with rows.
	ReplaceStandings(ctx context.Context, roundID string, rows []quiz.Standing) error
	// ReplaceStandingsFrom is ReplaceStandings with the rows handed over
	// a batch at a time (a national round has hundreds of thousands):
	// next returns the next batch, empty when there are no more, and may
	// reuse the batch's memory once it is called again. The table changes
	// only when every batch is written; an error of next is returned as
	// is and leaves the table as it was.
	ReplaceStandingsFrom(ctx context.Context, roundID string, next func() ([]quiz.Standing, error)) error
	// Standings returns rows ordered by Rank then UserID, and the total.
	Standings(ctx context.Context, roundID string, offset, limit int) ([]quiz.Standing, int, error)
	// StandingOf returns one person's standing → CodeNotFound.
	StandingOf(ctx context.Context, roundID, userID string) (*quiz.Standing, error)
}

// Quiz groups the quiz ports.
type Quiz interface {
	Questions
	Rounds
	Participations
	Standings
}

// OneBatch hands rows to ReplaceStandingsFrom as a single batch.
func OneBatch(rows []quiz.Standing) func() ([]quiz.Standing, error) {
	done := false
	return func() ([]quiz.Standing, error) {
		if done {
			return nil, nil
		}
		done = true
		return rows, nil
	}
}
