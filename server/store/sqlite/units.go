package sqlite

import (
	"context"

	"hoithi/contests"
	"hoithi/server/store"
)

const unitColumns = `id, code, name, name_fold, kind, parent_id, path, headcount, target`

// unitDepth computes a unit's depth in SQL (the number of '/' less one), so
// search can put provinces before wards without a stored column.
const unitDepth = `length(path) - length(replace(path, '/', ''))`

func scanUnit(r rowScanner) (*contests.Unit, error) {
	var u contests.Unit
	if err := r.Scan(&u.ID, &u.Code, &u.Name, &u.NameFold, &u.Kind, &u.ParentID, &u.Path, &u.Headcount, &u.Target); err != nil {
		return nil, err
	}
	return &u, nil
}

// CreateUnit inserts u → CodeConflict on field "code".
func (db *DB) CreateUnit(ctx context.Context, u *contests.Unit) error {
	_, err := db.writer.ExecContext(ctx, `INSERT INTO units (`+unitColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		u.ID, u.Code, u.Name, u.NameFold, u.Kind, u.ParentID, u.Path, u.Headcount, u.Target)
	return storeError(err, nil)
}

// UpdateUnit replaces what may change of a unit → CodeNotFound. Code, parent
// and path stay: moving a unit would have to rewrite its whole subtree.
func (db *DB) UpdateUnit(ctx context.Context, u *contests.Unit) error {
	res, err := db.writer.ExecContext(ctx,
		`UPDATE units SET name = ?, name_fold = ?, kind = ?, headcount = ?, target = ? WHERE id = ?`,
		u.Name, u.NameFold, u.Kind, u.Headcount, u.Target, u.ID)
	return updatedOne(res, err, store.UnitNotFound)
}

// UnitByID → CodeNotFound.
func (db *DB) UnitByID(ctx context.Context, id string) (*contests.Unit, error) {
	u, err := scanUnit(db.reader.QueryRowContext(ctx, `SELECT `+unitColumns+` FROM units WHERE id = ?`, id))
	return u, storeError(err, store.UnitNotFound)
}

// UnitByCode → CodeNotFound.
func (db *DB) UnitByCode(ctx context.Context, code string) (*contests.Unit, error) {
	u, err := scanUnit(db.reader.QueryRowContext(ctx, `SELECT `+unitColumns+` FROM units WHERE code = ?`, code))
	return u, storeError(err, store.UnitNotFound)
}

// UnitsUnder returns the subtree at path ("" for all) in path order.
func (db *DB) UnitsUnder(ctx context.Context, path string) ([]*contests.Unit, error) {
	if path == "" {
		rows, err := db.reader.QueryContext(ctx, `SELECT `+unitColumns+` FROM units ORDER BY path`)
		return collect(rows, err, scanUnit)
	}
	lo, hi := subtreeBounds(path)
	rows, err := db.reader.QueryContext(ctx,
		`SELECT `+unitColumns+` FROM units WHERE path >= ? AND path < ? ORDER BY path`, lo, hi)
	return collect(rows, err, scanUnit)
}

// ChildUnits returns the direct children of parentID ("" for roots).
func (db *DB) ChildUnits(ctx context.Context, parentID string) ([]*contests.Unit, error) {
	rows, err := db.reader.QueryContext(ctx,
		`SELECT `+unitColumns+` FROM units WHERE parent_id = ? ORDER BY name, code`, parentID)
	return collect(rows, err, scanUnit)
}

// SearchUnits finds units under path whose folded name contains the folded
// query, shallowest first. A limit below 1 means 20.
func (db *DB) SearchUnits(ctx context.Context, path, foldedQuery string, limit int) ([]*contests.Unit, error) {
	if limit < 1 {
		limit = 20
	}
	lo, hi := "", "\x7f" // every path is ASCII
	if path != "" {
		lo, hi = subtreeBounds(path)
	}
	rows, err := db.reader.QueryContext(ctx, `SELECT `+unitColumns+` FROM units
		WHERE path >= ? AND path < ? AND instr(name_fold, ?) > 0
		ORDER BY `+unitDepth+`, name, code LIMIT ?`, lo, hi, foldedQuery, limit)
	return collect(rows, err, scanUnit)
}

// SaveUnits upserts a validated batch by code in one transaction: either the
// whole import lands or none of it. An existing unit keeps its ID, parent
// and path, so the users and contests pointing at it stay attached.
func (db *DB) SaveUnits(ctx context.Context, units []*contests.Unit) error {
	return execBatch(ctx, db, `INSERT INTO units (`+unitColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET
			name = excluded.name, name_fold = excluded.name_fold,
			kind = excluded.kind, headcount = excluded.headcount, target = excluded.target`, units,
		func(u *contests.Unit) ([]any, error) {
			return []any{u.ID, u.Code, u.Name, u.NameFold, u.Kind, u.ParentID, u.Path, u.Headcount, u.Target}, nil
		})
}
