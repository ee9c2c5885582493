package sqlite

import "context"

// execBatch runs query once for each item, with the arguments args gives
// for it, through one prepared statement in one transaction: the batch is
// stored whole or not at all. An error of args (an encoding failure) is
// returned as it is; the driver's go through storeError (a broken unique
// key → CodeConflict naming the field). An empty batch writes nothing.
func execBatch[T any](ctx context.Context, db *DB, query string, items []T, args func(T) ([]any, error)) error {
	if len(items) == 0 {
		return nil
	}
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return storeError(err, nil)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return storeError(err, nil)
	}
	defer stmt.Close()
	for _, it := range items {
		values, err := args(it)
		if err != nil {
			return err
		}
		if _, err := stmt.ExecContext(ctx, values...); err != nil {
			return storeError(err, nil)
		}
	}
	return storeError(tx.Commit(), nil)
}
