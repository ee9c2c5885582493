package sqlite

import (
	"context"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

func scanQuestion(r rowScanner) (quiz.Question, error) {
	var data []byte
	if err := r.Scan(&data); err != nil {
		return quiz.Question{}, err
	}
	return decodeQuestion(data)
}

// CreateQuestions inserts a batch in one transaction: all or nothing. A
// question ID taken in the contest, or repeated in the batch → CodeConflict
// on "id".
func (db *DB) CreateQuestions(ctx context.Context, contestID string, qs []quiz.Question) error {
	if len(qs) == 0 {
		return nil
	}
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return storeError(err, nil)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO quiz_questions (contest_id, id, data) VALUES (?, ?, ?)`)
	if err != nil {
		return storeError(err, nil)
	}
	defer stmt.Close()
	for _, q := range qs {
		data, err := encodeJSON(q)
		if err != nil {
			return err
		}
		if _, err := stmt.ExecContext(ctx, contestID, q.ID, data); err != nil {
			return storeError(err, nil)
		}
	}
	return storeError(tx.Commit(), nil)
}

// UpdateQuestion replaces question q.ID of the contest, keeping its place in
// the bank → CodeNotFound.
func (db *DB) UpdateQuestion(ctx context.Context, contestID string, q quiz.Question) error {
	data, err := encodeJSON(q)
	if err != nil {
		return err
	}
	res, err := db.writer.ExecContext(ctx, `UPDATE quiz_questions SET data = ? WHERE contest_id = ? AND id = ?`,
		data, contestID, q.ID)
	return updatedOne(res, err, store.QuestionNotFound)
}

// Questions returns the contest's bank in creation order, retired included.
func (db *DB) Questions(ctx context.Context, contestID string) ([]quiz.Question, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT data FROM quiz_questions WHERE contest_id = ? ORDER BY seq`, contestID)
	return collect(rows, err, scanQuestion)
}
