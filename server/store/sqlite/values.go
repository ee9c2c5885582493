package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"hoithi/server/store"
)

// rowScanner is what *sql.Row and *sql.Rows have in common, so one scan
// function per aggregate serves single lookups and lists.
type rowScanner interface {
	Scan(dest ...any) error
}

// dataScanner is the scan function of a table whose query selects one
// column, the record as JSON (data), read by decode.
func dataScanner[T any](decode func([]byte) (T, error)) func(rowScanner) (T, error) {
	return func(r rowScanner) (T, error) {
		var data []byte
		if err := r.Scan(&data); err != nil {
			var none T
			return none, err
		}
		return decode(data)
	}
}

// millis encodes an instant as unix milliseconds UTC; the zero time is NULL
// so that 1970-01-01 (a real birth date) stays distinct from "unset".
func millis(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMilli()
}

// fromMillis decodes what millis stored.
func fromMillis(ms sql.NullInt64) time.Time {
	if !ms.Valid {
		return time.Time{}
	}
	return time.UnixMilli(ms.Int64).UTC()
}

// nullIfEmpty stores "" as NULL in unique columns: SQLite's UNIQUE lets any
// number of NULLs through, so an absent key never collides.
func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// subtreeBounds returns the half-open range [lo, hi) of every path starting
// with path. A range, unlike LIKE 'path%', uses the path index whatever the
// case_sensitive_like setting. Paths are ASCII (IDs and '/'), so bumping the
// last byte gives the first string past the prefix.
func subtreeBounds(path string) (lo, hi string) {
	last := path[len(path)-1]
	return path, path[:len(path)-1] + string(rune(last+1))
}

// collect takes what QueryContext returned, scans every row with scan and
// closes rows; errors come back as store errors. The result is never nil,
// so an empty list encodes as [] rather than null.
func collect[T any](rows *sql.Rows, err error, scan func(rowScanner) (T, error)) ([]T, error) {
	if err != nil {
		return nil, storeError(err, nil)
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		item, err := scan(rows)
		if err != nil {
			return nil, storeError(err, nil)
		}
		out = append(out, item)
	}
	return out, storeError(rows.Err(), nil)
}

// countedPage returns one page of the rows from selects (" FROM … WHERE
// …", with args) in order, limit at most from offset on, and how many rows
// it selects in all. Both come from one read transaction, so the total
// fits the page.
func countedPage[T any](ctx context.Context, db *DB, columns, from, order string, args []any, limit, offset int,
	scan func(rowScanner) (T, error)) ([]T, int, error) {
	tx, err := db.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, storeError(err, nil)
	}
	defer tx.Rollback()
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*)`+from, args...).Scan(&total); err != nil {
		return nil, 0, storeError(err, nil)
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+columns+from+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(args, limit, max(offset, 0))...)
	page, err := collect(rows, err, scan)
	if err != nil {
		return nil, 0, err
	}
	return page, total, nil
}

// updatedOne turns the result of an UPDATE by primary key into the port's
// errors: no row touched means the record does not exist.
func updatedOne(res sql.Result, err error, notFound func() error) error {
	if err != nil {
		return storeError(err, nil)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return storeError(err, nil)
	}
	if n == 0 {
		return notFound()
	}
	return nil
}

// versioned turns the result of an update guarded by "AND version = ?" into
// the port's errors: no row changed means the row is gone (notFound) or
// another change was stored since it was read (store.Stale). The table name
// is one of this package's constants, never input.
func (db *DB) versioned(ctx context.Context, table, id string, res sql.Result, err error, notFound func() error) error {
	if err != nil {
		return storeError(err, nil)
	}
	if n, err := res.RowsAffected(); err != nil || n > 0 {
		return storeError(err, nil)
	}
	var one int
	switch err := db.reader.QueryRowContext(ctx, `SELECT 1 FROM `+table+` WHERE id = ?`, id).Scan(&one); {
	case errors.Is(err, sql.ErrNoRows):
		return notFound()
	case err != nil:
		return storeError(err, nil)
	}
	return store.Stale()
}
