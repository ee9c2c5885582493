package sqlite

import (
	"context"

	"hoithi/contests/quiz"
)

func scanRound(r rowScanner) (*quiz.Round, error) {
	var data []byte
	if err := r.Scan(&data); err != nil {
		return nil, err
	}
	return decodeRound(data)
}

// CreateRound inserts r. A number taken in the contest → CodeConflict on
// "no"; a taken ID → CodeConflict on "id".
func (db *DB) CreateRound(ctx context.Context, r *quiz.Round) error {
	data, err := encodeJSON(r)
	if err != nil {
		return err
	}
	_, err = db.writer.ExecContext(ctx, `INSERT INTO quiz_rounds (id, contest_id, no, data) VALUES (?, ?, ?, ?)`,
		r.ID, r.ContestID, r.No, data)
	return storeError(err, nil)
}

// UpdateRound replaces r → CodeNotFound; a number taken by another round of
// the contest → CodeConflict on "no".
func (db *DB) UpdateRound(ctx context.Context, r *quiz.Round) error {
	data, err := encodeJSON(r)
	if err != nil {
		return err
	}
	res, err := db.writer.ExecContext(ctx, `UPDATE quiz_rounds SET contest_id = ?, no = ?, data = ? WHERE id = ?`,
		r.ContestID, r.No, data, r.ID)
	return updatedOne(res, err, roundNotFound)
}

// Round → CodeNotFound.
func (db *DB) Round(ctx context.Context, id string) (*quiz.Round, error) {
	r, err := scanRound(db.reader.QueryRowContext(ctx, `SELECT data FROM quiz_rounds WHERE id = ?`, id))
	return r, storeError(err, roundNotFound)
}

// RoundsOf returns a contest's rounds by number.
func (db *DB) RoundsOf(ctx context.Context, contestID string) ([]*quiz.Round, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT data FROM quiz_rounds WHERE contest_id = ? ORDER BY no`, contestID)
	return collect(rows, err, scanRound)
}
