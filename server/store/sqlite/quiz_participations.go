package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// Every answer a candidate saves is one Participation read and one
// PutParticipation: these two are the quiz hot path. A read is served from
// the participation cache (participation_cache.go says why that is safe);
// a write encodes the record once in the caller's goroutine (copying the
// JSON of final attempts the cache already holds, participation_reuse.go;
// padded so the row mostly keeps its size, participation_pad.go) and joins
// the next group commit (participation_writer.go), where the version guard
// in the WHERE clause decides it: no read before the write.

const (
	selectParticipation = `SELECT data FROM quiz_participations WHERE round_id = ? AND user_id = ?`
	insertParticipation = `INSERT INTO quiz_participations
		(round_id, user_id, contest_id, version, open_deadline_ms,
		 counted_score, counted_duration_ms, counted_submitted_ms, data)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	updateParticipation = `UPDATE quiz_participations SET version = ?, open_deadline_ms = ?,
		counted_score = ?, counted_duration_ms = ?, counted_submitted_ms = ?, data = ?
		WHERE round_id = ? AND user_id = ? AND version = ?`
	// The columns in the WHERE clause make this statement check what the
	// caller assumed (they already hold these values) instead of trusting
	// it: were the assumption wrong, no row matches and the write is a
	// conflict the caller retries, never a stale index entry.
	updateParticipationData = `UPDATE quiz_participations SET version = ?, data = ?
		WHERE round_id = ? AND user_id = ? AND version = ? AND open_deadline_ms IS ?
		AND counted_score IS ? AND counted_duration_ms IS ? AND counted_submitted_ms IS ?`
)

// participationColumns are the copies of the record's fields that the
// expiry sweep and the leaderboard index read; NULL where the record has
// no value (no attempt in progress, none final yet: NULL sorts after every
// score on the board).
type participationColumns struct {
	openDeadline, score, duration, submitted sql.NullInt64
}

func columnsOf(p *quiz.Participation) participationColumns {
	var c participationColumns
	if !p.OpenDeadline.IsZero() {
		c.openDeadline = sql.NullInt64{Int64: p.OpenDeadline.UnixMilli(), Valid: true}
	}
	if s := p.Counted; s != nil {
		c.score = sql.NullInt64{Int64: int64(s.Score), Valid: true}
		c.duration = sql.NullInt64{Int64: s.DurationMs, Valid: true}
		if !s.SubmittedAt.IsZero() {
			c.submitted = sql.NullInt64{Int64: s.SubmittedAt.UnixMilli(), Valid: true}
		}
	}
	return c
}

func scanParticipation(r rowScanner) (*quiz.Participation, error) {
	var data []byte
	if err := r.Scan(&data); err != nil {
		return nil, err
	}
	return decodeParticipation(data)
}

// Participation → CodeNotFound when the person has not started the round.
// The record returned is the caller's own copy: changing it changes
// nothing stored or cached.
func (db *DB) Participation(ctx context.Context, roundID, userID string) (*quiz.Participation, error) {
	if !db.participations.enabled {
		p, err := scanParticipation(db.stmts.selectParticipation.QueryRowContext(ctx, roundID, userID))
		return p, storeError(err, store.ParticipationNotFound)
	}
	k := participationKey{roundID, userID}
	if p := db.participations.get(k); p != nil {
		return cloneParticipation(p), nil
	}
	// A miss reads SQL while holding the order lock, so no write can commit
	// between the read and the fill and leave the cache behind the row.
	db.participationOrder.Lock()
	defer db.participationOrder.Unlock()
	if p := db.participations.get(k); p != nil {
		return cloneParticipation(p), nil // filled while this call waited
	}
	var data []byte
	if err := db.stmts.selectParticipation.QueryRowContext(ctx, roundID, userID).Scan(&data); err != nil {
		return nil, storeError(err, store.ParticipationNotFound)
	}
	p, err := decodeParticipation(data)
	if err != nil {
		return nil, err
	}
	db.participations.put(k, p, heapCost(len(data)))
	return cloneParticipation(p), nil
}

// PutParticipation inserts p when p.Version is 1, otherwise replaces the
// stored record if it is at p.Version-1. An existing record on insert, or
// any other stored version (none included) → CodeConflict. It returns once
// the write is committed (or refused); p stays the caller's.
func (db *DB) PutParticipation(ctx context.Context, p *quiz.Participation) error {
	if p.Version < 1 {
		return contests.Internal(fmt.Errorf("sqlite: participation of %s in %s has version %d, want 1 or more", p.UserID, p.RoundID, p.Version))
	}
	k := participationKey{p.RoundID, p.UserID}
	var ru *attemptReuse
	if db.participations.enabled {
		base, baseJSON := db.participations.getEncoded(k)
		ru = newAttemptReuse(base, baseJSON, len(p.Attempts))
	}
	data, lossy, err := encodeParticipationReusing(p, ru, true)
	if err != nil {
		return err
	}
	w := &participationWrite{ctx: ctx, key: k, version: p.Version, contestID: p.ContestID,
		data: data, cols: columnsOf(p), done: make(chan error, 1)}
	// A record that would not read back as it is (a string JSON had to
	// mend) is left for the next read to load from SQL.
	if db.participations.enabled && !lossy {
		w.stored = storedFormReusing(p, ru)
		w.attemptJSON = ru.attemptJSON(data, p, w.stored)
	}
	return db.writes.write(w)
}
