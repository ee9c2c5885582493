package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"hoithi/contests"
	"hoithi/server/store"
)

// userColumns is the SELECT list scanUser reads, in its order. The unique
// keys are NULL when empty (see nullIfEmpty) and come back as "".
const userColumns = `id, full_name, birth_date, gender, phone, email, unit_id, unit_path,
	occupation, address, cccd_hash, cccd_enc, cccd_masked,
	coalesce(phone_key, ''), coalesce(cccd_key, ''),
	password_hash, password_changed_at, session_version, grants, created_at, created_by, last_seen_at, cccd_tail`

func scanUser(r rowScanner) (*contests.User, error) {
	var (
		u                               contests.User
		birth, passwordChanged, created sql.NullInt64
		lastSeen                        sql.NullInt64
		grants                          string
	)
	err := r.Scan(&u.ID, &u.FullName, &birth, &u.Gender, &u.Phone, &u.Email, &u.UnitID, &u.UnitPath,
		&u.Occupation, &u.Address, &u.CCCDHash, &u.CCCDEnc, &u.CCCDMasked,
		&u.PhoneKey, &u.CCCDKey,
		&u.PasswordHash, &passwordChanged, &u.SessionVersion, &grants, &created, &u.CreatedBy, &lastSeen, &u.CCCDTail)
	if err != nil {
		return nil, err
	}
	u.BirthDate, u.PasswordChangedAt, u.CreatedAt = fromMillis(birth), fromMillis(passwordChanged), fromMillis(created)
	u.LastSeenAt = fromMillis(lastSeen)
	if err := json.Unmarshal([]byte(grants), &u.Grants); err != nil {
		return nil, err
	}
	return &u, nil
}

// grantsJSON encodes grants, never as "null", so the column is always a
// JSON array that SQL's json functions can read.
func grantsJSON(grants []contests.Grant) (string, error) {
	if grants == nil {
		grants = []contests.Grant{}
	}
	b, err := json.Marshal(grants)
	return string(b), err
}

// CreateUser inserts u → CodeConflict on field "phone" or "cccd".
func (db *DB) CreateUser(ctx context.Context, u *contests.User) error {
	grants, err := grantsJSON(u.Grants)
	if err != nil {
		return contests.Internal(err)
	}
	_, err = db.writer.ExecContext(ctx, `INSERT INTO users (
		id, full_name, name_fold, birth_date, gender, phone, email, unit_id, unit_path,
		occupation, address, cccd_hash, cccd_enc, cccd_masked, phone_key, cccd_key,
		password_hash, password_changed_at, session_version, grants, created_at, created_by, cccd_tail
	) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		u.ID, u.FullName, contests.Fold(u.FullName), millis(u.BirthDate), u.Gender, u.Phone, u.Email, u.UnitID, u.UnitPath,
		u.Occupation, u.Address, u.CCCDHash, u.CCCDEnc, u.CCCDMasked, nullIfEmpty(u.PhoneKey), nullIfEmpty(u.CCCDKey),
		u.PasswordHash, millis(u.PasswordChangedAt), u.SessionVersion, grants, millis(u.CreatedAt), u.CreatedBy, u.CCCDTail)
	return storeError(err, nil)
}

// UserByID → CodeNotFound.
func (db *DB) UserByID(ctx context.Context, id string) (*contests.User, error) {
	u, err := scanUser(db.reader.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = ?`, id))
	return u, storeError(err, store.UserNotFound)
}

// UserByPhoneKey → CodeNotFound.
func (db *DB) UserByPhoneKey(ctx context.Context, phoneKey string) (*contests.User, error) {
	u, err := scanUser(db.reader.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE phone_key = ?`, phoneKey))
	return u, storeError(err, store.UserNotFound)
}

// UserByCCCDKey → CodeNotFound.
func (db *DB) UserByCCCDKey(ctx context.Context, cccdKey string) (*contests.User, error) {
	u, err := scanUser(db.reader.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE cccd_key = ?`, cccdKey))
	return u, storeError(err, store.UserNotFound)
}

// SetPassword → CodeNotFound.
func (db *DB) SetPassword(ctx context.Context, userID, hash string, changedAt time.Time) error {
	res, err := db.writer.ExecContext(ctx,
		`UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?`, hash, millis(changedAt), userID)
	return updatedOne(res, err, store.UserNotFound)
}

// TouchLastSeen writes only when the stored instant is older or NULL.
func (db *DB) TouchLastSeen(ctx context.Context, userID string, at time.Time) error {
	ms := millis(at)
	_, err := db.writer.ExecContext(ctx,
		`UPDATE users SET last_seen_at = ? WHERE id = ? AND (last_seen_at IS NULL OR last_seen_at < ?)`, ms, userID, ms)
	return storeError(err, nil)
}

// BumpSessionVersion → CodeNotFound.
func (db *DB) BumpSessionVersion(ctx context.Context, userID string) (int64, error) {
	var v int64
	err := db.writer.QueryRowContext(ctx,
		`UPDATE users SET session_version = session_version + 1 WHERE id = ? RETURNING session_version`, userID).Scan(&v)
	return v, storeError(err, store.UserNotFound)
}

// SessionVersion → CodeNotFound.
func (db *DB) SessionVersion(ctx context.Context, userID string) (int64, error) {
	var v int64
	err := db.reader.QueryRowContext(ctx, `SELECT session_version FROM users WHERE id = ?`, userID).Scan(&v)
	return v, storeError(err, store.UserNotFound)
}

// SetGrants → CodeNotFound.
func (db *DB) SetGrants(ctx context.Context, userID string, grants []contests.Grant) error {
	encoded, err := grantsJSON(grants)
	if err != nil {
		return contests.Internal(err)
	}
	res, err := db.writer.ExecContext(ctx, `UPDATE users SET grants = ? WHERE id = ?`, encoded, userID)
	return updatedOne(res, err, store.UserNotFound)
}

// ListUsers pages through a subtree, counting in the same read transaction
// so the total and the page agree.
func (db *DB) ListUsers(ctx context.Context, f store.UserFilter) ([]*contests.User, int, error) {
	var (
		conds []string
		args  []any
	)
	if f.UnitPath != "" {
		lo, hi := subtreeBounds(f.UnitPath)
		conds = append(conds, `unit_path >= ? AND unit_path < ?`)
		args = append(args, lo, hi)
	}
	if f.Query != "" {
		conds = append(conds, `(instr(name_fold, ?) > 0 OR instr(phone, ?) > 0 OR instr(cccd_masked, ?) > 0 OR (? <> '' AND cccd_tail = ?))`)
		args = append(args, f.Query, f.Query, f.Query, f.CCCDTail, f.CCCDTail)
	}
	if f.StaffOnly {
		conds = append(conds, `EXISTS (SELECT 1 FROM json_each(users.grants) WHERE json_extract(value, '$.role') <> 'citizen')`)
	}
	where := ""
	if len(conds) > 0 {
		where = ` WHERE ` + strings.Join(conds, ` AND `)
	}
	return countedPage(ctx, db, userColumns, ` FROM users`+where, "full_name, id", args, f.PageLimit(), f.Offset, scanUser)
}

// ReplacePasswordHash → CodeConflict when no account has userID and oldHash.
func (db *DB) ReplacePasswordHash(ctx context.Context, userID, oldHash, newHash string) error {
	res, err := db.writer.ExecContext(ctx,
		`UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?`, newHash, userID, oldHash)
	return updatedOne(res, err, passwordChanged)
}

// passwordChanged is the conflict of a rehash that lost to a password change.
func passwordChanged() error { return store.PasswordChanged() }
