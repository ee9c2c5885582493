package sqlite

import (
	"context"
	"fmt"
	"time"

	"hoithi/contests"
)

// ProbeWrite upserts the "readiness_probe" row of server_meta through the writer
// connection, so it fails exactly when real writes would: a file opened
// read-only (SQLite falls back to read-only when it cannot open it for
// writing), a full disk, a broken WAL.
func (db *DB) ProbeWrite(ctx context.Context) error {
	_, err := db.writer.ExecContext(ctx,
		`INSERT INTO server_meta (key, value) VALUES ('readiness_probe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
		time.Now().UTC().Format(time.RFC3339Nano))
	if err != nil {
		return contests.Internal(fmt.Errorf("sqlite: write probe: %w", err))
	}
	return nil
}
