package sqlite

import (
	"context"

	"hoithi/contests/essay"
	"hoithi/server/store"
)

// essayRoundsTable is the essay_rounds table (numbered.go) of db.
func essayRoundsTable(db *DB) numberedTable[essay.Round] {
	return numberedTable[essay.Round]{
		db:       db,
		table:    "essay_rounds",
		notFound: store.EssayRoundNotFound,
		decode:   decodeEssayRound,
		fields:   func(r *essay.Round) numbered { return numbered{r.ID, r.ContestID, r.No, &r.Version} },
	}
}

var scanSeat = dataScanner(decodeSeat)

// PutSeats inserts or replaces seats keyed by (RoundID, WorkID, JudgeID),
// all in one transaction: an assignment is stored whole or not at all.
func (db *DB) PutSeats(ctx context.Context, seats []essay.Seat) error {
	return execBatch(ctx, db, `INSERT INTO essay_seats (round_id, work_id, judge_id, data) VALUES (?, ?, ?, ?)
		ON CONFLICT (round_id, work_id, judge_id) DO UPDATE SET data = excluded.data`, seats,
		func(s essay.Seat) ([]any, error) {
			data, err := encodeJSON(s)
			return []any{s.RoundID, s.WorkID, s.JudgeID, data}, err
		})
}

// SeatsOfRound returns every seat of a round by work, then judge.
func (db *DB) SeatsOfRound(ctx context.Context, roundID string) ([]essay.Seat, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT data FROM essay_seats WHERE round_id = ?
		ORDER BY work_id, judge_id`, roundID)
	return collect(rows, err, scanSeat)
}

// SeatsOfJudge returns a judge's seats in a round by work.
func (db *DB) SeatsOfJudge(ctx context.Context, roundID, judgeID string) ([]essay.Seat, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT data FROM essay_seats WHERE round_id = ? AND judge_id = ?
		ORDER BY work_id`, roundID, judgeID)
	return collect(rows, err, scanSeat)
}
