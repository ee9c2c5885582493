package sqlite

import (
	"context"

	"hoithi/contests/essay"
	"hoithi/server/store"
)

// PutIdentity inserts or replaces the identity sheet of id.WorkID.
func (db *DB) PutIdentity(ctx context.Context, id *essay.Identity) error {
	data, err := encodeJSON(id)
	if err != nil {
		return err
	}
	_, err = db.writer.ExecContext(ctx, `INSERT INTO essay_identities (work_id, contest_id, data) VALUES (?, ?, ?)
		ON CONFLICT (work_id) DO UPDATE SET contest_id = excluded.contest_id, data = excluded.data`,
		id.WorkID, id.ContestID, data)
	return storeError(err, nil)
}

// Identity → CodeNotFound.
func (db *DB) Identity(ctx context.Context, workID string) (*essay.Identity, error) {
	var data []byte
	if err := db.reader.QueryRowContext(ctx, `SELECT data FROM essay_identities WHERE work_id = ?`, workID).Scan(&data); err != nil {
		return nil, storeError(err, store.IdentityNotFound)
	}
	return decodeIdentity(data)
}
