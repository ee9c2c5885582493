package sqlite

import (
	"context"
	"time"

	"hoithi/contests/quiz"
)

// ParticipationsOfUser returns the person's records in a contest by round.
func (db *DB) ParticipationsOfUser(ctx context.Context, contestID, userID string) ([]*quiz.Participation, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT data FROM quiz_participations
		WHERE user_id = ? AND contest_id = ? ORDER BY round_id`, userID, contestID)
	return collect(rows, err, scanParticipation)
}

// ExpiredParticipations returns up to limit (100 when below 1) records whose
// attempt in progress had its deadline before t, oldest deadline first so a
// sweeper that falls behind finalizes in order. The comparison implies
// open_deadline_ms IS NOT NULL, which lets SQLite use the partial index.
func (db *DB) ExpiredParticipations(ctx context.Context, t time.Time, limit int) ([]*quiz.Participation, error) {
	if limit < 1 {
		limit = 100
	}
	rows, err := db.reader.QueryContext(ctx, `SELECT data FROM quiz_participations
		WHERE open_deadline_ms < ? ORDER BY open_deadline_ms LIMIT ?`, t.UnixMilli(), limit)
	return collect(rows, err, scanParticipation)
}

// EachParticipation calls fn for every record of a round in UserID order,
// one row at a time from a reader cursor (a province round holds a million
// records). fn's error stops the walk and is returned as is. The cursor
// holds one read snapshot: fn may write meanwhile, through the writer.
func (db *DB) EachParticipation(ctx context.Context, roundID string, fn func(*quiz.Participation) error) error {
	rows, err := db.reader.QueryContext(ctx, `SELECT data FROM quiz_participations
		WHERE round_id = ? ORDER BY user_id`, roundID)
	if err != nil {
		return storeError(err, nil)
	}
	defer rows.Close()
	for rows.Next() {
		p, err := scanParticipation(rows)
		if err != nil {
			return storeError(err, nil)
		}
		if err := fn(p); err != nil {
			return err
		}
	}
	return storeError(rows.Err(), nil)
}

// CountParticipations returns how many people started the round.
func (db *DB) CountParticipations(ctx context.Context, roundID string) (int, error) {
	var n int
	err := db.reader.QueryRowContext(ctx, `SELECT count(*) FROM quiz_participations WHERE round_id = ?`, roundID).Scan(&n)
	return n, storeError(err, nil)
}
