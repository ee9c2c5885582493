package sqlite

import (
	"context"
	"strings"

	"hoithi/contests"
	"hoithi/server/store"
)

// insertUser is CreateUser's statement, for the batch below.
const insertUser = `INSERT INTO users (
	id, full_name, name_fold, birth_date, gender, phone, email, unit_id, unit_path,
	occupation, address, cccd_hash, cccd_enc, cccd_masked, phone_key, cccd_key,
	password_hash, password_changed_at, grants, created_at, created_by
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// CreateUsers inserts a batch in one transaction, all or nothing, with the
// errors of CreateUser (a taken phone or CCCD → CodeConflict). One commit
// per person costs a WAL append each: seeding a province-size data
// directory (the export bench: 500,000 people) would take minutes. Not a
// port method: only the embedded engine's bulk seeding needs it.
func (db *DB) CreateUsers(ctx context.Context, users []*contests.User) error {
	return execBatch(ctx, db, insertUser, users, func(u *contests.User) ([]any, error) {
		grants, err := grantsJSON(u.Grants)
		if err != nil {
			return nil, contests.Internal(err)
		}
		return []any{u.ID, u.FullName, contests.Fold(u.FullName), millis(u.BirthDate), u.Gender, u.Phone, u.Email, u.UnitID, u.UnitPath,
			u.Occupation, u.Address, u.CCCDHash, u.CCCDEnc, u.CCCDMasked, nullIfEmpty(u.PhoneKey), nullIfEmpty(u.CCCDKey),
			u.PasswordHash, millis(u.PasswordChangedAt), grants, millis(u.CreatedAt), u.CreatedBy}, nil
	})
}

// usersBatch bounds the IDs of one IN list: far below SQLite's variable
// limit, and small enough that one query never holds the reader long.
const usersBatch = 500

// UsersByIDs returns the accounts among ids, keyed by ID; unknown IDs are
// simply absent. Exports call it once per page of standings instead of once
// per row.
func (db *DB) UsersByIDs(ctx context.Context, ids []string) (map[string]*contests.User, error) {
	return store.KeyedInBatches(ids, usersBatch, func(chunk []string) ([]*contests.User, error) {
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		marks := strings.TrimSuffix(strings.Repeat("?,", len(chunk)), ",")
		rows, err := db.reader.QueryContext(ctx, `SELECT `+userColumns+` FROM users WHERE id IN (`+marks+`)`, args...)
		return collect(rows, err, scanUser)
	}, func(u *contests.User) string { return u.ID })
}
