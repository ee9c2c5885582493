package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// CountEvent is one upsert on the writer connection: an expired counter
// restarts at 1, a live one goes up by one.
func (db *DB) CountEvent(ctx context.Context, key string, now, expires time.Time) (int64, error) {
	var n int64
	err := db.writer.QueryRowContext(ctx, `INSERT INTO counters (key, n, expires) VALUES (?, 1, ?)
		ON CONFLICT (key) DO UPDATE SET n = CASE WHEN counters.expires <= ? THEN 1 ELSE counters.n + 1 END,
			expires = excluded.expires
		RETURNING n`, key, expires.UnixMilli(), now.UnixMilli()).Scan(&n)
	return n, storeError(err, nil)
}

// CounterValue reads key's live count.
func (db *DB) CounterValue(ctx context.Context, key string, now time.Time) (int64, time.Time, error) {
	var n, expires int64
	err := db.reader.QueryRowContext(ctx, `SELECT n, expires FROM counters WHERE key = ? AND expires > ?`,
		key, now.UnixMilli()).Scan(&n, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, time.Time{}, nil
	}
	if err != nil {
		return 0, time.Time{}, storeError(err, nil)
	}
	return n, time.UnixMilli(expires).UTC(), nil
}

// ResetCounter deletes key.
func (db *DB) ResetCounter(ctx context.Context, key string) error {
	_, err := db.writer.ExecContext(ctx, `DELETE FROM counters WHERE key = ?`, key)
	return storeError(err, nil)
}
