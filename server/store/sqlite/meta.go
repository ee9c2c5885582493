package sqlite

import "context"

// RecordMeta stores value under key unless one is there, then returns the
// stored value. Both statements run on the one writer connection, so the
// read sees the insert whichever start won.
func (db *DB) RecordMeta(ctx context.Context, key, value string) (string, error) {
	if _, err := db.writer.ExecContext(ctx, `INSERT INTO server_meta (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO NOTHING`, key, value); err != nil {
		return "", storeError(err, nil)
	}
	var stored string
	err := db.writer.QueryRowContext(ctx, `SELECT value FROM server_meta WHERE key = ?`, key).Scan(&stored)
	return stored, storeError(err, nil)
}
