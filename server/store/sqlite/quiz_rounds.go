package sqlite

import (
	"context"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// quizRoundsTable is the quiz_rounds table (numbered.go) of db.
func quizRoundsTable(db *DB) numberedTable[quiz.Round] {
	return numberedTable[quiz.Round]{
		db:       db,
		table:    "quiz_rounds",
		notFound: store.RoundNotFound,
		decode:   decodeRound,
		fields:   func(r *quiz.Round) numbered { return numbered{r.ID, r.ContestID, r.No, &r.Version} },
	}
}

// RoundVersion reads the version column of one round → CodeNotFound.
func (db *DB) RoundVersion(ctx context.Context, id string) (int64, error) {
	var v int64
	err := db.reader.QueryRowContext(ctx, `SELECT version FROM quiz_rounds WHERE id = ?`, id).Scan(&v)
	return v, storeError(err, store.RoundNotFound)
}
