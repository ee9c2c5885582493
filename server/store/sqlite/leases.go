package sqlite

import (
	"context"
	"time"
)

// TakeLease inserts the lease, or takes it over when it is expired at now or
// already owner's: one statement on the one writer connection, so two
// takers are serialized and the second finds the first's row.
func (db *DB) TakeLease(ctx context.Context, name, owner string, now, until time.Time) (bool, error) {
	res, err := db.writer.ExecContext(ctx, `INSERT INTO leases (name, owner, until) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until
		WHERE leases.owner = excluded.owner OR leases.until < ?`, name, owner, until.UnixMilli(), now.UnixMilli())
	if err != nil {
		return false, storeError(err, nil)
	}
	n, err := res.RowsAffected()
	return n == 1, storeError(err, nil)
}

// ReleaseLease deletes the lease if owner holds it.
func (db *DB) ReleaseLease(ctx context.Context, name, owner string) error {
	_, err := db.writer.ExecContext(ctx, `DELETE FROM leases WHERE name = ? AND owner = ?`, name, owner)
	return storeError(err, nil)
}
