package sqlite

import (
	"context"

	"hoithi/server/store"
)

// numberedTable stores records numbered within their contest — quiz rounds
// (quiz_rounds) and judging rounds (essay_rounds) — one way: columns (id,
// contest_id, no, data, version), the record as JSON in data, and the
// version column the stored version, whatever the JSON says. UNIQUE
// (contest_id, no) makes a taken number a conflict on "no". It is the
// store.Numbered the round methods (store.NumberedRounds) use.
type numberedTable[T any] struct {
	db       *DB
	table    string
	notFound func() error
	decode   func([]byte) (*T, error)
	fields   func(*T) numbered
}

// numbered is what the table reads of a record besides its JSON.
type numbered struct {
	id, contestID string
	no            int
	version       *int64
}

func (t numberedTable[T]) scan(r rowScanner) (*T, error) {
	var (
		data    []byte
		version int64
	)
	if err := r.Scan(&data, &version); err != nil {
		return nil, err
	}
	rec, err := t.decode(data)
	if err != nil {
		return nil, err
	}
	*t.fields(rec).version = version
	return rec, nil
}

// Create inserts rec at version 1. A number taken in the contest →
// CodeConflict on "no"; a taken ID → CodeConflict on "id".
func (t numberedTable[T]) Create(ctx context.Context, rec *T) error {
	stored := *rec
	f := t.fields(&stored)
	*f.version = store.FirstVersion
	data, err := encodeJSON(&stored)
	if err != nil {
		return err
	}
	_, err = t.db.writer.ExecContext(ctx, `INSERT INTO `+t.table+` (id, contest_id, no, data, version) VALUES (?, ?, ?, ?, ?)`,
		f.id, f.contestID, f.no, data, *f.version)
	if err == nil {
		*t.fields(rec).version = *f.version
	}
	return storeError(err, nil)
}

// Update replaces rec if the stored one is still at its version, then sets
// its version to the new one → CodeNotFound; store.Stale when another change
// was stored since rec was read; a number taken by another record of the
// contest → CodeConflict on "no".
func (t numberedTable[T]) Update(ctx context.Context, rec *T) error {
	read := t.fields(rec)
	next := *rec
	f := t.fields(&next)
	*f.version = *read.version + 1
	data, err := encodeJSON(&next)
	if err != nil {
		return err
	}
	res, err := t.db.writer.ExecContext(ctx, `UPDATE `+t.table+` SET contest_id = ?, no = ?, data = ?, version = ?
		WHERE id = ? AND version = ?`, f.contestID, f.no, data, *f.version, f.id, *read.version)
	if err := t.db.versioned(ctx, t.table, f.id, res, err, t.notFound); err != nil {
		return err
	}
	*read.version = *f.version
	return nil
}

// ByID → CodeNotFound.
func (t numberedTable[T]) ByID(ctx context.Context, id string) (*T, error) {
	rec, err := t.scan(t.db.reader.QueryRowContext(ctx, `SELECT data, version FROM `+t.table+` WHERE id = ?`, id))
	return rec, storeError(err, t.notFound)
}

// OfContest returns a contest's records by number.
func (t numberedTable[T]) OfContest(ctx context.Context, contestID string) ([]*T, error) {
	rows, err := t.db.reader.QueryContext(ctx, `SELECT data, version FROM `+t.table+` WHERE contest_id = ? ORDER BY no`, contestID)
	return collect(rows, err, t.scan)
}
