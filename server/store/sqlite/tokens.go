package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"hoithi/server/store"
)

// CreateRefreshToken stores a new link of a family → CodeConflict on "hash".
func (db *DB) CreateRefreshToken(ctx context.Context, t *store.RefreshToken) error {
	_, err := db.writer.ExecContext(ctx, `INSERT INTO refresh_tokens
		(hash, family_id, user_id, issued_at, expires_at, used, revoked) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		t.Hash, t.FamilyID, t.UserID, millis(t.IssuedAt), millis(t.ExpiresAt), t.Used, t.Revoked)
	return storeError(err, nil)
}

// UseRefreshToken marks the token used and returns it as it was. The guard
// "used = 0" and the update are one statement on the single writer
// connection, so of any number of racing refreshes exactly one wins; the
// others see a used token → CodeConflict (the caller treats it as reuse).
func (db *DB) UseRefreshToken(ctx context.Context, hash string) (*store.RefreshToken, error) {
	t := store.RefreshToken{Hash: hash}
	var issued, expires sql.NullInt64
	err := db.writer.QueryRowContext(ctx, `UPDATE refresh_tokens SET used = 1
		WHERE hash = ? AND used = 0
		RETURNING family_id, user_id, issued_at, expires_at, revoked`, hash).
		Scan(&t.FamilyID, &t.UserID, &issued, &expires, &t.Revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.unusableToken(ctx, hash)
	}
	if err != nil {
		return nil, storeError(err, nil)
	}
	t.IssuedAt, t.ExpiresAt = fromMillis(issued), fromMillis(expires)
	return &t, nil
}

// RefreshTokenByHash returns a token as stored → CodeNotFound.
func (db *DB) RefreshTokenByHash(ctx context.Context, hash string) (*store.RefreshToken, error) {
	t := store.RefreshToken{Hash: hash}
	var issued, expires sql.NullInt64
	err := db.reader.QueryRowContext(ctx, `SELECT family_id, user_id, issued_at, expires_at, used, revoked
		FROM refresh_tokens WHERE hash = ?`, hash).
		Scan(&t.FamilyID, &t.UserID, &issued, &expires, &t.Used, &t.Revoked)
	if err != nil {
		return nil, storeError(err, store.TokenNotFound)
	}
	t.IssuedAt, t.ExpiresAt = fromMillis(issued), fromMillis(expires)
	return &t, nil
}

// unusableToken tells a used token (conflict) from an unknown one. Tokens
// are never deleted while the family may still be replayed, so a row that
// exists now existed when the update missed it.
func (db *DB) unusableToken(ctx context.Context, hash string) error {
	var exists bool
	err := db.reader.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM refresh_tokens WHERE hash = ?)`, hash).Scan(&exists)
	switch {
	case err != nil:
		return storeError(err, nil)
	case !exists:
		return store.TokenNotFound()
	}
	return store.TokenReused()
}

// RevokeFamily revokes every token of a family; an unknown family is no error.
func (db *DB) RevokeFamily(ctx context.Context, familyID string) error {
	_, err := db.writer.ExecContext(ctx, `UPDATE refresh_tokens SET revoked = 1 WHERE family_id = ?`, familyID)
	return storeError(err, nil)
}

// RevokeUserTokens revokes every token of a user.
func (db *DB) RevokeUserTokens(ctx context.Context, userID string) error {
	_, err := db.writer.ExecContext(ctx, `UPDATE refresh_tokens SET revoked = 1 WHERE user_id = ?`, userID)
	return storeError(err, nil)
}
