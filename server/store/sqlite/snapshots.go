package sqlite

import (
	"context"
	"time"

	"hoithi/contests"
)

func snapshotNotFound() error {
	return contests.NotFound("số liệu thống kê", "statistics snapshot")
}

// PutSnapshot upserts the snapshot unless the stored one is newer.
func (db *DB) PutSnapshot(ctx context.Context, kind, key string, data []byte, at time.Time) error {
	_, err := db.writer.ExecContext(ctx, `INSERT INTO snapshots (kind, key, at, data) VALUES (?, ?, ?, ?)
		ON CONFLICT (kind, key) DO UPDATE SET at = excluded.at, data = excluded.data WHERE snapshots.at <= excluded.at`,
		kind, key, at.UnixMilli(), string(data))
	return storeError(err, nil)
}

// Snapshot reads the stored snapshot → CodeNotFound.
func (db *DB) Snapshot(ctx context.Context, kind, key string) ([]byte, time.Time, error) {
	var (
		data string
		at   int64
	)
	err := db.reader.QueryRowContext(ctx, `SELECT data, at FROM snapshots WHERE kind = ? AND key = ?`, kind, key).Scan(&data, &at)
	if err != nil {
		return nil, time.Time{}, storeError(err, snapshotNotFound)
	}
	return []byte(data), time.UnixMilli(at).UTC(), nil
}
