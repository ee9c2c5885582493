package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Beat keeps name's beat in the leases table (owner empty, until = the
// beat): one upsert that keeps the later instant.
func (db *DB) Beat(ctx context.Context, name string, at time.Time) error {
	_, err := db.writer.ExecContext(ctx, `INSERT INTO leases (name, owner, until) VALUES (?, '', ?)
		ON CONFLICT (name) DO UPDATE SET until = max(leases.until, excluded.until)`, name, at.UnixMilli())
	return storeError(err, nil)
}

// LastBeat reads name's beat; zero when none.
func (db *DB) LastBeat(ctx context.Context, name string) (time.Time, error) {
	var ms int64
	err := db.writer.QueryRowContext(ctx, `SELECT until FROM leases WHERE name = ?`, name).Scan(&ms)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, storeError(err, nil)
	}
	return time.UnixMilli(ms).UTC(), nil
}
