package sqlite

import (
	"context"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// quizRounds is the quiz_rounds table (numbered.go).
var quizRounds = numberedTable[quiz.Round]{table: "quiz_rounds", notFound: store.RoundNotFound, decode: decodeRound,
	fields: func(r *quiz.Round) numbered { return numbered{r.ID, r.ContestID, r.No, &r.Version} }}

// CreateRound inserts r at version 1. A number taken in the contest →
// CodeConflict on "no"; a taken ID → CodeConflict on "id".
func (db *DB) CreateRound(ctx context.Context, r *quiz.Round) error {
	return quizRounds.create(ctx, db, r)
}

// UpdateRound replaces r if the stored round is still at r.Version, then
// sets r.Version to the new version → CodeNotFound; store.Stale when another
// change was stored since r was read; a number taken by another round of the
// contest → CodeConflict on "no".
func (db *DB) UpdateRound(ctx context.Context, r *quiz.Round) error {
	return quizRounds.update(ctx, db, r)
}

// Round → CodeNotFound.
func (db *DB) Round(ctx context.Context, id string) (*quiz.Round, error) {
	return quizRounds.byID(ctx, db, id)
}

// RoundVersion reads the version column of one round → CodeNotFound.
func (db *DB) RoundVersion(ctx context.Context, id string) (int64, error) {
	var v int64
	err := db.reader.QueryRowContext(ctx, `SELECT version FROM quiz_rounds WHERE id = ?`, id).Scan(&v)
	return v, storeError(err, store.RoundNotFound)
}

// RoundsOf returns a contest's rounds by number.
func (db *DB) RoundsOf(ctx context.Context, contestID string) ([]*quiz.Round, error) {
	return quizRounds.ofContest(ctx, db, contestID)
}
