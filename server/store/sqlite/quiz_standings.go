package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// standingsPerInsert is how many rows one INSERT carries when results are
// published: 4 parameters a row stays far below SQLite's 32,766, and a
// province's 500,000 lines take 1,000 statements instead of 500,000.
const standingsPerInsert = 500

func scanStanding(r rowScanner) (quiz.Standing, error) {
	var data []byte
	if err := r.Scan(&data); err != nil {
		return quiz.Standing{}, err
	}
	return decodeStanding(data)
}

// ReplaceStandings replaces every line of roundID with rows in one
// transaction, together with their number in quiz_standings_totals:
// readers see the old table or the new one, never a mix.
// Every row is stored under roundID whatever its RoundID says.
func (db *DB) ReplaceStandings(ctx context.Context, roundID string, rows []quiz.Standing) error {
	return db.ReplaceStandingsFrom(ctx, roundID, store.OneBatch(rows))
}

// ReplaceStandingsFrom is ReplaceStandings with the rows a batch at a time
// (see store.Standings): one transaction still, so nothing of a failed
// replacement is seen.
func (db *DB) ReplaceStandingsFrom(ctx context.Context, roundID string, next func() ([]quiz.Standing, error)) error {
	conn, err := db.writer.Conn(ctx)
	if err != nil {
		return storeError(err, nil)
	}
	defer conn.Close()
	// The lines come by rank, so the (round, user) key takes them in no
	// order: past SQLite's default 2 MB page cache every insert reads and
	// spills pages (a province's 500,000 lines: ~22 MB of key, 14 s instead
	// of 8). The writer's cache is raised for this transaction only.
	if _, err := conn.ExecContext(ctx, `PRAGMA cache_size = -32768`); err != nil {
		return storeError(err, nil)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA cache_size = -2000`)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return storeError(err, nil)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM quiz_standings WHERE round_id = ?`, roundID); err != nil {
		return storeError(err, nil)
	}
	w := standingsInserter{ctx: ctx, tx: tx, roundID: roundID, args: make([]any, 0, 4*standingsPerInsert)}
	defer w.close()
	for {
		rows, err := next()
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			break
		}
		for _, s := range rows {
			if err := w.add(s); err != nil {
				return err
			}
		}
	}
	if err := w.flush(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO quiz_standings_totals (round_id, total) VALUES (?, ?)
		ON CONFLICT (round_id) DO UPDATE SET total = excluded.total`, roundID, w.total); err != nil {
		return storeError(err, nil)
	}
	return storeError(tx.Commit(), nil)
}

// standingsInserter writes lines standingsPerInsert to a statement, the
// full statement prepared once.
type standingsInserter struct {
	ctx     context.Context
	tx      *sql.Tx
	roundID string
	full    *sql.Stmt
	args    []any
	total   int
}

func (w *standingsInserter) add(s quiz.Standing) error {
	s.RoundID = w.roundID
	data, err := encodeStanding(&s)
	if err != nil {
		return err
	}
	w.args = append(w.args, w.roundID, s.Rank, s.UserID, data)
	w.total++
	if len(w.args) == 4*standingsPerInsert {
		return w.flush()
	}
	return nil
}

func (w *standingsInserter) flush() error {
	n := len(w.args) / 4
	if n == 0 {
		return nil
	}
	var err error
	if n < standingsPerInsert {
		_, err = w.tx.ExecContext(w.ctx, insertStandings(n), w.args...)
	} else {
		if w.full == nil {
			if w.full, err = w.tx.PrepareContext(w.ctx, insertStandings(standingsPerInsert)); err != nil {
				return storeError(err, nil)
			}
		}
		_, err = w.full.ExecContext(w.ctx, w.args...)
	}
	clear(w.args) // the lines' text is not held until the next batch
	w.args = w.args[:0]
	return storeError(err, nil)
}

func (w *standingsInserter) close() {
	if w.full != nil {
		w.full.Close()
	}
}

// insertStandings returns an INSERT of n rows.
func insertStandings(n int) string {
	var b strings.Builder
	b.Grow(64 + 10*n)
	b.WriteString(`INSERT INTO quiz_standings (round_id, rank, user_id, data) VALUES `)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`(?,?,?,?)`)
	}
	return b.String()
}

// Standings returns one page of a round's lines by rank then user ID (limit
// below 1 means 50) and how many lines there are, both read from one
// snapshot so a republish in between cannot make them disagree. The total
// is the one ReplaceStandings recorded (no row: never published, 0), so a
// page costs an index range scan whatever the round's size.
func (db *DB) Standings(ctx context.Context, roundID string, offset, limit int) ([]quiz.Standing, int, error) {
	if limit < 1 {
		limit = 50
	}
	offset = max(offset, 0)
	tx, err := db.reader.BeginTx(ctx, nil)
	if err != nil {
		return nil, 0, storeError(err, nil)
	}
	defer tx.Rollback()
	var total int
	err = tx.QueryRowContext(ctx, `SELECT total FROM quiz_standings_totals WHERE round_id = ?`, roundID).Scan(&total)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, 0, storeError(err, nil)
	}
	rows, err := tx.QueryContext(ctx, `SELECT data FROM quiz_standings WHERE round_id = ?
		ORDER BY rank, user_id LIMIT ? OFFSET ?`, roundID, limit, offset)
	page, err := collect(rows, err, scanStanding)
	if err != nil {
		return nil, 0, err
	}
	return page, total, nil
}

// StandingOf returns one person's line → CodeNotFound.
func (db *DB) StandingOf(ctx context.Context, roundID, userID string) (*quiz.Standing, error) {
	s, err := scanStanding(db.reader.QueryRowContext(ctx,
		`SELECT data FROM quiz_standings WHERE round_id = ? AND user_id = ?`, roundID, userID))
	if err != nil {
		return nil, storeError(err, store.StandingNotFound)
	}
	return &s, nil
}
