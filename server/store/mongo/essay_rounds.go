package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests/essay"
	"hoithi/server/store"
)

// essayRoundStore is the essay_rounds collection (numbered.go) of db.
func essayRoundStore(db *DB) numberedCollection[essay.Round, essayRoundDoc] {
	return numberedCollection[essay.Round, essayRoundDoc]{
		name:     essayRoundsCollection,
		noIndex:  "essay_rounds_contestId_no",
		coll:     db.essayRounds,
		notFound: store.EssayRoundNotFound,
		toDoc:    toEssayRoundDoc,
		fromDoc:  (*essayRoundDoc).round,
		fields:   func(d *essayRoundDoc) numbered { return numbered{d.ID, d.ContestID, d.No, &d.Version} },
		version:  func(r *essay.Round) *int64 { return &r.Version },
	}
}

// PutSeats inserts or replaces seats, keyed by (RoundID, WorkID, JudgeID),
// in one unordered bulk write of upserting replaces. It is not all or
// nothing (no transactions), but writing the same seats again is harmless,
// so a failed assignment is repaired by running it again.
func (db *DB) PutSeats(ctx context.Context, seats []essay.Seat) error {
	if len(seats) == 0 {
		return nil
	}
	models := make([]mongo.WriteModel, len(seats))
	for i := range seats {
		doc := toSeatDoc(&seats[i])
		models[i] = mongo.NewReplaceOneModel().
			SetFilter(bson.D{{Key: "_id", Value: doc.Key}}).
			SetReplacement(doc).
			SetUpsert(true)
	}
	_, err := db.seats.BulkWrite(ctx, models, options.BulkWrite().SetOrdered(false))
	return storeError(err, nil)
}

// SeatsOfRound returns every seat of a round ordered by WorkID, JudgeID.
func (db *DB) SeatsOfRound(ctx context.Context, roundID string) ([]essay.Seat, error) {
	opts := options.Find().SetSort(bson.D{{Key: "workId", Value: 1}, {Key: "judgeId", Value: 1}})
	cursor, err := db.seats.Find(ctx, bson.D{{Key: "roundId", Value: roundID}}, opts)
	return collect(ctx, cursor, err, (*seatDoc).seat)
}

// SeatsOfJudge returns a judge's seats in a round ordered by WorkID.
func (db *DB) SeatsOfJudge(ctx context.Context, roundID, judgeID string) ([]essay.Seat, error) {
	filter := bson.D{{Key: "roundId", Value: roundID}, {Key: "judgeId", Value: judgeID}}
	opts := options.Find().SetSort(bson.D{{Key: "workId", Value: 1}})
	cursor, err := db.seats.Find(ctx, filter, opts)
	return collect(ctx, cursor, err, (*seatDoc).seat)
}
