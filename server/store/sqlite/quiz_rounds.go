package sqlite

import (
	"context"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// roundColumns are read by scanRound: the version column is the stored
// one, whatever the JSON says.
const roundColumns = `data, version`

func scanRound(r rowScanner) (*quiz.Round, error) {
	var (
		data    []byte
		version int64
	)
	if err := r.Scan(&data, &version); err != nil {
		return nil, err
	}
	round, err := decodeRound(data)
	if err != nil {
		return nil, err
	}
	round.Version = version
	return round, nil
}

// CreateRound inserts r at version 1. A number taken in the contest →
// CodeConflict on "no"; a taken ID → CodeConflict on "id".
func (db *DB) CreateRound(ctx context.Context, r *quiz.Round) error {
	stored := *r
	stored.Version = store.FirstVersion
	data, err := encodeJSON(&stored)
	if err != nil {
		return err
	}
	_, err = db.writer.ExecContext(ctx, `INSERT INTO quiz_rounds (id, contest_id, no, data, version) VALUES (?, ?, ?, ?, ?)`,
		r.ID, r.ContestID, r.No, data, stored.Version)
	if err == nil {
		r.Version = stored.Version
	}
	return storeError(err, nil)
}

// UpdateRound replaces r if the stored round is still at r.Version, then
// sets r.Version to the new version → CodeNotFound; store.Stale when another
// change was stored since r was read; a number taken by another round of the
// contest → CodeConflict on "no".
func (db *DB) UpdateRound(ctx context.Context, r *quiz.Round) error {
	next := *r
	next.Version = r.Version + 1
	data, err := encodeJSON(&next)
	if err != nil {
		return err
	}
	res, err := db.writer.ExecContext(ctx, `UPDATE quiz_rounds SET contest_id = ?, no = ?, data = ?, version = ?
		WHERE id = ? AND version = ?`, r.ContestID, r.No, data, next.Version, r.ID, r.Version)
	if err := db.versioned(ctx, "quiz_rounds", r.ID, res, err, roundNotFound); err != nil {
		return err
	}
	r.Version = next.Version
	return nil
}

// Round → CodeNotFound.
func (db *DB) Round(ctx context.Context, id string) (*quiz.Round, error) {
	r, err := scanRound(db.reader.QueryRowContext(ctx, `SELECT `+roundColumns+` FROM quiz_rounds WHERE id = ?`, id))
	return r, storeError(err, roundNotFound)
}

// RoundVersion reads the version column of one round → CodeNotFound.
func (db *DB) RoundVersion(ctx context.Context, id string) (int64, error) {
	var v int64
	err := db.reader.QueryRowContext(ctx, `SELECT version FROM quiz_rounds WHERE id = ?`, id).Scan(&v)
	return v, storeError(err, roundNotFound)
}

// RoundsOf returns a contest's rounds by number.
func (db *DB) RoundsOf(ctx context.Context, contestID string) ([]*quiz.Round, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT `+roundColumns+` FROM quiz_rounds WHERE contest_id = ? ORDER BY no`, contestID)
	return collect(rows, err, scanRound)
}
