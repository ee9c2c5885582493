package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

func standingNotFound() error { return contests.NotFound("kết quả", "standing") }

// standingsBatchSize bounds one insert of ReplaceStandings, well under the
// 48 MB a server accepts in one message.
const standingsBatchSize = 1000

// ReplaceStandings replaces every standing of roundID with rows, filed under
// roundID whatever their RoundID says.
//
// It is not atomic (no transactions): it deletes the round's rows, then
// inserts the new ones in unordered batches, so a reader may briefly see no
// rows or part of them. That is acceptable because results are recomputed
// from the participations and published again idempotently: a failed or
// interrupted replace is repaired by running it again. Two rows for one
// person → CodeConflict, field "userId".
func (db *DB) ReplaceStandings(ctx context.Context, roundID string, rows []quiz.Standing) error {
	if _, err := db.standings.DeleteMany(ctx, bson.D{{Key: "roundId", Value: roundID}}); err != nil {
		return storeError(err, nil)
	}
	for start := 0; start < len(rows); start += standingsBatchSize {
		batch := rows[start:min(start+standingsBatchSize, len(rows))]
		docs := make([]standingDoc, len(batch))
		for i := range batch {
			docs[i] = toStandingDoc(roundID, &batch[i])
		}
		_, err := db.standings.InsertMany(ctx, docs, options.InsertMany().SetOrdered(false))
		if isDuplicateKey(err) {
			e := contests.E(contests.CodeConflict, contests.T("Dữ liệu bị trùng", "Duplicate value"),
				indexConflict(standingsCollection, "_id_"))
			e.Err = err
			return e
		}
		if err != nil {
			return storeError(err, nil)
		}
	}
	return nil
}

// Standings returns a page of rows ordered by Rank then UserID, and how many
// rows the round has. A limit below 1 means every row from offset on.
func (db *DB) Standings(ctx context.Context, roundID string, offset, limit int) ([]quiz.Standing, int, error) {
	filter := bson.D{{Key: "roundId", Value: roundID}}
	total, err := db.standings.CountDocuments(ctx, filter)
	if err != nil {
		return nil, 0, storeError(err, nil)
	}
	opts := options.Find().
		SetSort(bson.D{{Key: "rank", Value: 1}, {Key: "userId", Value: 1}}).
		SetSkip(int64(max(offset, 0)))
	if limit > 0 {
		opts.SetLimit(int64(limit))
	}
	cursor, err := db.standings.Find(ctx, filter, opts)
	rows, err := collect(ctx, cursor, err, (*standingDoc).standing)
	if err != nil {
		return nil, 0, err
	}
	return rows, int(total), nil
}

// StandingOf returns one person's standing → CodeNotFound.
func (db *DB) StandingOf(ctx context.Context, roundID, userID string) (*quiz.Standing, error) {
	var doc standingDoc
	err := db.standings.FindOne(ctx, bson.D{{Key: "_id", Value: personKey(roundID, userID)}}).Decode(&doc)
	if err != nil {
		return nil, storeError(err, standingNotFound)
	}
	s := doc.standing()
	return &s, nil
}
