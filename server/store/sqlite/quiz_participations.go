package sqlite

import (
	"context"
	"fmt"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// Every answer a candidate saves is one Participation read and one
// PutParticipation: these two are the quiz hot path. Each is one statement
// with a single JSON encode or decode, and no read before the write: the
// version guard in the WHERE clause is the check.

const (
	selectParticipation = `SELECT data FROM quiz_participations WHERE round_id = ? AND user_id = ?`
	insertParticipation = `INSERT INTO quiz_participations
		(round_id, user_id, contest_id, version, open_deadline_ms,
		 counted_score, counted_duration_ms, counted_submitted_ms, data)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	updateParticipation = `UPDATE quiz_participations SET version = ?, open_deadline_ms = ?,
		counted_score = ?, counted_duration_ms = ?, counted_submitted_ms = ?, data = ?
		WHERE round_id = ? AND user_id = ? AND version = ?`
)

func scanParticipation(r rowScanner) (*quiz.Participation, error) {
	var data []byte
	if err := r.Scan(&data); err != nil {
		return nil, err
	}
	return decodeParticipation(data)
}

// Participation → CodeNotFound when the person has not started the round.
func (db *DB) Participation(ctx context.Context, roundID, userID string) (*quiz.Participation, error) {
	stmts, err := db.quizStmts(ctx)
	if err != nil {
		return nil, err
	}
	p, err := scanParticipation(stmts.selectParticipation.QueryRowContext(ctx, roundID, userID))
	return p, storeError(err, participationNotFound)
}

// PutParticipation inserts p when p.Version is 1, otherwise replaces the
// stored record if it is at p.Version-1. An existing record on insert, or
// any other stored version (none included) → CodeConflict.
func (db *DB) PutParticipation(ctx context.Context, p *quiz.Participation) error {
	if p.Version < 1 {
		return contests.Internal(fmt.Errorf("sqlite: participation of %s in %s has version %d, want 1 or more", p.UserID, p.RoundID, p.Version))
	}
	stmts, err := db.quizStmts(ctx)
	if err != nil {
		return err
	}
	data, err := encodeJSON(p)
	if err != nil {
		return err
	}
	// The counted attempt's figures feed the leaderboard index; NULL
	// (no attempt final yet) sorts after every score there.
	var score, duration, submitted any
	if c := p.Counted; c != nil {
		score, duration, submitted = c.Score, c.DurationMs, millis(c.SubmittedAt)
	}
	if p.Version == 1 {
		_, err := stmts.insertParticipation.ExecContext(ctx, p.RoundID, p.UserID, p.ContestID, p.Version,
			millis(p.OpenDeadline), score, duration, submitted, data)
		if uniqueConflict(err) != nil {
			return participationConflict()
		}
		return storeError(err, nil)
	}
	res, err := stmts.updateParticipation.ExecContext(ctx, p.Version, millis(p.OpenDeadline),
		score, duration, submitted, data, p.RoundID, p.UserID, p.Version-1)
	// No row at the base version: stale, skipped or never inserted, all of
	// which the caller resolves by reloading.
	return updatedOne(res, err, participationConflict)
}
