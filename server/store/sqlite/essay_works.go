package sqlite

import (
	"context"

	"hoithi/contests/essay"
	"hoithi/server/store"
)

var _ store.Essay = (*DB)(nil)

// The essay_works columns beside data, in the order both writes bind them.
const workColumns = `contest_id, receipt, code, status, category, round, author_id, submitted_at, version, data`

func workValues(w *essay.Work, data string) []any {
	return []any{w.ContestID, w.Receipt, nullIfEmpty(w.Code), w.Status, w.Category, w.Round, w.AuthorID,
		millis(w.SubmittedAt), w.Version, data}
}

var scanWork = dataScanner(decodeWork)

// CreateWork inserts w as version 1 (w.Version is set to 1). A taken ID →
// CodeConflict on "id"; a receipt or code taken in the contest →
// CodeConflict on "receipt" or "code".
func (db *DB) CreateWork(ctx context.Context, w *essay.Work) error {
	w.Version = 1
	data, err := encodeJSON(w)
	if err != nil {
		return err
	}
	_, err = db.writer.ExecContext(ctx, `INSERT INTO essay_works (id, `+workColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append([]any{w.ID}, workValues(w, data)...)...)
	return storeError(err, nil)
}

// PutWork replaces the work if it is stored at w.Version-1: the version in
// the WHERE clause decides, so two writers from one version cannot both
// win. Another stored version → CodeConflict on "version"; unknown →
// CodeNotFound; a code or receipt taken by another work → CodeConflict on
// "code" or "receipt".
func (db *DB) PutWork(ctx context.Context, w *essay.Work) error {
	data, err := encodeJSON(w)
	if err != nil {
		return err
	}
	res, err := db.writer.ExecContext(ctx, `UPDATE essay_works SET (`+workColumns+`) =
		(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ? AND version = ?`,
		append(workValues(w, data), w.ID, w.Version-1)...)
	if err != nil {
		return storeError(err, nil)
	}
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return storeError(err, nil)
	}
	// No row at that version: tell a stale version from a missing work.
	var exists bool
	if err := db.writer.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM essay_works WHERE id = ?)`, w.ID).Scan(&exists); err != nil {
		return storeError(err, nil)
	}
	if !exists {
		return store.WorkNotFound()
	}
	return workConflict()
}

// Work → CodeNotFound.
func (db *DB) Work(ctx context.Context, id string) (*essay.Work, error) {
	w, err := scanWork(db.reader.QueryRowContext(ctx, `SELECT data FROM essay_works WHERE id = ?`, id))
	return w, storeError(err, store.WorkNotFound)
}

// WorkByCode finds the accepted work holding code in the contest →
// CodeNotFound (also for a work that kept its code but left judging).
func (db *DB) WorkByCode(ctx context.Context, contestID, code string) (*essay.Work, error) {
	w, err := scanWork(db.reader.QueryRowContext(ctx, `SELECT data FROM essay_works
		WHERE code = ? AND contest_id = ? AND status = ?`, code, contestID, essay.WorkAccepted))
	return w, storeError(err, store.WorkNotFound)
}

// WorksOf returns a page of the contest's works matching f, ordered by
// submission time then ID, and how many match in all. Both come from one
// read transaction, so the total fits the page.
func (db *DB) WorksOf(ctx context.Context, contestID string, f store.WorkFilter) ([]*essay.Work, int, error) {
	const where = ` FROM essay_works WHERE contest_id = ? AND (? = '' OR status = ?)
		AND (? = '' OR category = ?) AND round >= ?`
	args := []any{contestID, f.Status, f.Status, f.Category, f.Category, f.MinRound}
	return countedPage(ctx, db, "data", where, "submitted_at, id", args, workPageLimit(f.Limit), f.Offset, scanWork)
}

// WorksOfAuthor returns every work authorID submitted in the contest,
// whatever its status, by submission time.
func (db *DB) WorksOfAuthor(ctx context.Context, contestID, authorID string) ([]*essay.Work, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT data FROM essay_works
		WHERE contest_id = ? AND author_id = ? ORDER BY submitted_at, id`, contestID, authorID)
	return collect(rows, err, scanWork)
}

// workPageLimit applies WorkFilter's documented bounds: 200 by default,
// 1000 at most.
func workPageLimit(limit int) int {
	switch {
	case limit <= 0:
		return 200
	case limit > 1000:
		return 1000
	}
	return limit
}
