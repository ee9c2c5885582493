package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"hoithi/contests"
	"hoithi/server/store"
)

const contestColumns = `id, slug, kind, title, description, banner_url, owner_unit_id, owner_unit_path,
	eligible_unit_path, status, starts_at, ends_at, created_at, updated_at, settings, version`

func scanContest(r rowScanner) (*contests.Contest, error) {
	var (
		c                              contests.Contest
		starts, ends, created, updated sql.NullInt64
		settings                       sql.NullString
	)
	err := r.Scan(&c.ID, &c.Slug, &c.Kind, &c.Title, &c.Description, &c.BannerURL, &c.OwnerUnitID, &c.OwnerUnitPath,
		&c.EligibleUnitPath, &c.Status, &starts, &ends, &created, &updated, &settings, &c.Version)
	if err != nil {
		return nil, err
	}
	if settings.Valid {
		c.Settings = []byte(settings.String)
	}
	c.StartsAt, c.EndsAt = fromMillis(starts), fromMillis(ends)
	c.CreatedAt, c.UpdatedAt = fromMillis(created), fromMillis(updated)
	return &c, nil
}

// CreateContest inserts c at version 1 → CodeConflict on field "slug".
func (db *DB) CreateContest(ctx context.Context, c *contests.Contest) error {
	_, err := db.writer.ExecContext(ctx, `INSERT INTO contests (`+contestColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.ID, c.Slug, c.Kind, c.Title, c.Description, c.BannerURL, c.OwnerUnitID, c.OwnerUnitPath,
		c.EligibleUnitPath, c.Status, millis(c.StartsAt), millis(c.EndsAt), millis(c.CreatedAt), millis(c.UpdatedAt), settingsText(c.Settings),
		store.FirstVersion)
	if err == nil {
		c.Version = store.FirstVersion
	}
	return storeError(err, nil)
}

// UpdateContest replaces every field but ID and CreatedAt if the stored
// contest is still at c.Version, then sets c.Version to the new version →
// CodeNotFound; store.Stale when another change was stored since c was
// read; CodeConflict on "slug" when the new slug is taken.
func (db *DB) UpdateContest(ctx context.Context, c *contests.Contest) error {
	res, err := db.writer.ExecContext(ctx, `UPDATE contests SET
		slug = ?, kind = ?, title = ?, description = ?, banner_url = ?, owner_unit_id = ?, owner_unit_path = ?,
		eligible_unit_path = ?, status = ?, starts_at = ?, ends_at = ?, updated_at = ?, settings = ?, version = version + 1
		WHERE id = ? AND version = ?`,
		c.Slug, c.Kind, c.Title, c.Description, c.BannerURL, c.OwnerUnitID, c.OwnerUnitPath,
		c.EligibleUnitPath, c.Status, millis(c.StartsAt), millis(c.EndsAt), millis(c.UpdatedAt), settingsText(c.Settings), c.ID, c.Version)
	if err := db.versioned(ctx, "contests", c.ID, res, err, store.ContestNotFound); err != nil {
		return err
	}
	c.Version++
	return nil
}

// ContestByID → CodeNotFound.
func (db *DB) ContestByID(ctx context.Context, id string) (*contests.Contest, error) {
	c, err := scanContest(db.reader.QueryRowContext(ctx, `SELECT `+contestColumns+` FROM contests WHERE id = ?`, id))
	return c, storeError(err, store.ContestNotFound)
}

// ContestBySlug → CodeNotFound.
func (db *DB) ContestBySlug(ctx context.Context, slug string) (*contests.Contest, error) {
	c, err := scanContest(db.reader.QueryRowContext(ctx, `SELECT `+contestColumns+` FROM contests WHERE slug = ?`, slug))
	return c, storeError(err, store.ContestNotFound)
}

// ListContests returns the contests owned within unitPath ("" for all),
// newest first; publishedOnly hides drafts (closed contests stay listed:
// their results are still read).
func (db *DB) ListContests(ctx context.Context, unitPath string, publishedOnly bool) ([]*contests.Contest, error) {
	lo, hi := "", "\x7f" // every path is ASCII
	if unitPath != "" {
		lo, hi = subtreeBounds(unitPath)
	}
	rows, err := db.reader.QueryContext(ctx, `SELECT `+contestColumns+` FROM contests
		WHERE owner_unit_path >= ? AND owner_unit_path < ? AND (? = 0 OR status <> ?)
		ORDER BY created_at DESC, id DESC`, lo, hi, publishedOnly, contests.ContestDraft)
	return collect(rows, err, scanContest)
}

// ContestsOwnedAt returns the contests owned exactly at one of ownerPaths,
// newest first (by the owner index); publishedOnly hides drafts.
func (db *DB) ContestsOwnedAt(ctx context.Context, ownerPaths []string, publishedOnly bool) ([]*contests.Contest, error) {
	if len(ownerPaths) == 0 {
		return nil, nil
	}
	args := make([]any, 0, len(ownerPaths)+2)
	for _, p := range ownerPaths {
		args = append(args, p)
	}
	args = append(args, publishedOnly, contests.ContestDraft)
	rows, err := db.reader.QueryContext(ctx, `SELECT `+contestColumns+` FROM contests
		WHERE owner_unit_path IN (?`+strings.Repeat(", ?", len(ownerPaths)-1)+`) AND (? = 0 OR status <> ?)
		ORDER BY created_at DESC, id DESC`, args...)
	return collect(rows, err, scanContest)
}

// settingsText stores kind-specific settings as JSON text, NULL when none.
func settingsText(b []byte) sql.NullString {
	return sql.NullString{String: string(b), Valid: len(b) > 0}
}
