package sqlite

import (
	"context"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

var scanQuestion = dataScanner(decodeQuestion)

// CreateQuestions inserts a batch in one transaction: all or nothing. A
// question ID taken in the contest, or repeated in the batch → CodeConflict
// on "id".
func (db *DB) CreateQuestions(ctx context.Context, contestID string, qs []quiz.Question) error {
	return execBatch(ctx, db, `INSERT INTO quiz_questions (contest_id, id, data) VALUES (?, ?, ?)`, qs,
		func(q quiz.Question) ([]any, error) {
			data, err := encodeJSON(q)
			return []any{contestID, q.ID, data}, err
		})
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
