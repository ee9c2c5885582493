package sqlite

import (
	"context"
	"fmt"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/server/store"
)

var scanScore = dataScanner(decodeScore)

// PutScore inserts s when s.Version is 1, otherwise replaces the sheet if
// it is stored at s.Version-1. A sheet already there on insert, or any
// other stored version (none included) → CodeConflict on "version": the
// judge's screen reloads rather than overwrite a score it never saw.
func (db *DB) PutScore(ctx context.Context, s *essay.Score) error {
	if s.Version < 1 {
		return contests.Internal(fmt.Errorf("sqlite: score of %s on %s in %s has version %d, want 1 or more",
			s.JudgeID, s.WorkID, s.RoundID, s.Version))
	}
	data, err := encodeJSON(s)
	if err != nil {
		return err
	}
	if s.Version == 1 {
		_, err := db.writer.ExecContext(ctx, `INSERT INTO essay_scores (round_id, work_id, judge_id, version, data)
			VALUES (?, ?, ?, 1, ?)`, s.RoundID, s.WorkID, s.JudgeID, data)
		if uniqueConflict(err) != nil {
			return scoreConflict()
		}
		return storeError(err, nil)
	}
	res, err := db.writer.ExecContext(ctx, `UPDATE essay_scores SET version = ?, data = ?
		WHERE round_id = ? AND work_id = ? AND judge_id = ? AND version = ?`,
		s.Version, data, s.RoundID, s.WorkID, s.JudgeID, s.Version-1)
	return updatedOne(res, err, scoreConflict)
}

// Score → CodeNotFound.
func (db *DB) Score(ctx context.Context, roundID, workID, judgeID string) (*essay.Score, error) {
	s, err := scanScore(db.reader.QueryRowContext(ctx, `SELECT data FROM essay_scores
		WHERE round_id = ? AND work_id = ? AND judge_id = ?`, roundID, workID, judgeID))
	if err != nil {
		return nil, storeError(err, store.ScoreNotFound)
	}
	return &s, nil
}

// ScoresOfRound returns every sheet of a round by work, then judge.
func (db *DB) ScoresOfRound(ctx context.Context, roundID string) ([]essay.Score, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT data FROM essay_scores WHERE round_id = ?
		ORDER BY work_id, judge_id`, roundID)
	return collect(rows, err, scanScore)
}
