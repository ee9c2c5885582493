package sqlite

import (
	"context"

	"hoithi/contests/essay"
	"hoithi/server/store"
)

// essayRoundColumns are read by scanEssayRound: the version column is the
// stored one, whatever the JSON says.
const essayRoundColumns = `data, version`

func scanEssayRound(r rowScanner) (*essay.Round, error) {
	var (
		data    []byte
		version int64
	)
	if err := r.Scan(&data, &version); err != nil {
		return nil, err
	}
	round, err := decodeEssayRound(data)
	if err != nil {
		return nil, err
	}
	round.Version = version
	return round, nil
}

// CreateEssayRound inserts r at version 1. A number taken in the contest →
// CodeConflict on "no"; a taken ID → CodeConflict on "id".
func (db *DB) CreateEssayRound(ctx context.Context, r *essay.Round) error {
	stored := *r
	stored.Version = store.FirstVersion
	data, err := encodeJSON(&stored)
	if err != nil {
		return err
	}
	_, err = db.writer.ExecContext(ctx, `INSERT INTO essay_rounds (id, contest_id, no, data, version) VALUES (?, ?, ?, ?, ?)`,
		r.ID, r.ContestID, r.No, data, stored.Version)
	if err == nil {
		r.Version = stored.Version
	}
	return storeError(err, nil)
}

// UpdateEssayRound replaces r if the stored round is still at r.Version,
// then sets r.Version to the new version → CodeNotFound; store.Stale when
// another change was stored since r was read; a number taken by another
// round of the contest → CodeConflict on "no".
func (db *DB) UpdateEssayRound(ctx context.Context, r *essay.Round) error {
	next := *r
	next.Version = r.Version + 1
	data, err := encodeJSON(&next)
	if err != nil {
		return err
	}
	res, err := db.writer.ExecContext(ctx, `UPDATE essay_rounds SET contest_id = ?, no = ?, data = ?, version = ?
		WHERE id = ? AND version = ?`, r.ContestID, r.No, data, next.Version, r.ID, r.Version)
	if err := db.versioned(ctx, "essay_rounds", r.ID, res, err, essayRoundNotFound); err != nil {
		return err
	}
	r.Version = next.Version
	return nil
}

// EssayRound → CodeNotFound.
func (db *DB) EssayRound(ctx context.Context, id string) (*essay.Round, error) {
	r, err := scanEssayRound(db.reader.QueryRowContext(ctx, `SELECT `+essayRoundColumns+` FROM essay_rounds WHERE id = ?`, id))
	return r, storeError(err, essayRoundNotFound)
}

// EssayRoundsOf returns a contest's rounds by number.
func (db *DB) EssayRoundsOf(ctx context.Context, contestID string) ([]*essay.Round, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT `+essayRoundColumns+` FROM essay_rounds WHERE contest_id = ? ORDER BY no`, contestID)
	return collect(rows, err, scanEssayRound)
}

func scanSeat(r rowScanner) (essay.Seat, error) {
	var data []byte
	if err := r.Scan(&data); err != nil {
		return essay.Seat{}, err
	}
	return decodeSeat(data)
}

// PutSeats inserts or replaces seats keyed by (RoundID, WorkID, JudgeID),
// all in one transaction: an assignment is stored whole or not at all.
func (db *DB) PutSeats(ctx context.Context, seats []essay.Seat) error {
	if len(seats) == 0 {
		return nil
	}
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return storeError(err, nil)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO essay_seats (round_id, work_id, judge_id, data) VALUES (?, ?, ?, ?)
		ON CONFLICT (round_id, work_id, judge_id) DO UPDATE SET data = excluded.data`)
	if err != nil {
		return storeError(err, nil)
	}
	defer stmt.Close()
	for _, s := range seats {
		data, err := encodeJSON(s)
		if err != nil {
			return err
		}
		if _, err := stmt.ExecContext(ctx, s.RoundID, s.WorkID, s.JudgeID, data); err != nil {
			return storeError(err, nil)
		}
	}
	return storeError(tx.Commit(), nil)
}

// SeatsOfRound returns every seat of a round by work, then judge.
func (db *DB) SeatsOfRound(ctx context.Context, roundID string) ([]essay.Seat, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT data FROM essay_seats WHERE round_id = ?
		ORDER BY work_id, judge_id`, roundID)
	return collect(rows, err, scanSeat)
}

// SeatsOfJudge returns a judge's seats in a round by work.
func (db *DB) SeatsOfJudge(ctx context.Context, roundID, judgeID string) ([]essay.Seat, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT data FROM essay_seats WHERE round_id = ? AND judge_id = ?
		ORDER BY work_id`, roundID, judgeID)
	return collect(rows, err, scanSeat)
}
