package sqlite

import (
	"context"
	"fmt"
	"math"

	"hoithi/contests"
	"hoithi/contests/audit"
	"hoithi/server/store"
)

var scanAuditEntry = dataScanner(decodeAuditEntry)

// AppendAudit stores e as entry e.Seq of chain. The (chain, seq) primary
// key refuses a second entry e.Seq → CodeConflict on "seq": another writer
// appended first, and the caller re-reads the head, re-hashes and retries.
func (db *DB) AppendAudit(ctx context.Context, chain string, e audit.Entry) error {
	if e.Seq > math.MaxInt64 {
		return contests.Internal(fmt.Errorf("sqlite: audit seq %d of %s does not fit an INTEGER", e.Seq, chain))
	}
	data, err := encodeAuditEntry(e)
	if err != nil {
		return err
	}
	_, err = db.writer.ExecContext(ctx, `INSERT INTO audit_log (chain, seq, at, data) VALUES (?, ?, ?, ?)`,
		chain, int64(e.Seq), e.At.UnixMilli(), data)
	return storeError(err, nil)
}

// LastAudit returns the chain's newest entry → CodeNotFound when empty.
func (db *DB) LastAudit(ctx context.Context, chain string) (*audit.Entry, error) {
	e, err := scanAuditEntry(db.reader.QueryRowContext(ctx, `SELECT data FROM audit_log
		WHERE chain = ? ORDER BY seq DESC LIMIT 1`, chain))
	if err != nil {
		return nil, storeError(err, store.AuditNotFound)
	}
	return &e, nil
}

// AuditEntries returns up to limit entries of chain with Seq > after, in
// order; limit ≤ 0 or above 1000 reads 1000, a page a verifier can hold.
func (db *DB) AuditEntries(ctx context.Context, chain string, after uint64, limit int) ([]audit.Entry, error) {
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	if after > math.MaxInt64 { // no stored seq is that large
		return []audit.Entry{}, nil
	}
	rows, err := db.reader.QueryContext(ctx, `SELECT data FROM audit_log WHERE chain = ? AND seq > ?
		ORDER BY seq LIMIT ?`, chain, int64(after), limit)
	return collect(rows, err, scanAuditEntry)
}

// AuditChains lists every chain name, in name order.
func (db *DB) AuditChains(ctx context.Context) ([]string, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT DISTINCT chain FROM audit_log ORDER BY chain`)
	return collect(rows, err, func(r rowScanner) (string, error) {
		var chain string
		err := r.Scan(&chain)
		return chain, err
	})
}
