package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests/essay"
	"hoithi/server/store"
)

var essayRoundNotFound = store.EssayRoundNotFound

// CreateEssayRound inserts r at version 1 → CodeConflict on "no" when the
// contest has a judging round with that number already ("id" when the ID is
// taken).
func (db *DB) CreateEssayRound(ctx context.Context, r *essay.Round) error {
	doc := toEssayRoundDoc(r)
	doc.Version = store.FirstVersion
	_, err := db.essayRounds.InsertOne(ctx, doc)
	if err == nil {
		r.Version = doc.Version
	}
	return db.essayRoundWriteError(ctx, err, doc, false)
}

// UpdateEssayRound replaces r if the stored round is still at r.Version,
// then sets r.Version to the new version → CodeNotFound; store.Stale when
// another change was stored since r was read; CodeConflict on "no" when its
// new number is taken.
func (db *DB) UpdateEssayRound(ctx context.Context, r *essay.Round) error {
	doc := toEssayRoundDoc(r)
	doc.Version = r.Version + 1
	res, err := db.essayRounds.ReplaceOne(ctx, versionFilter(doc.ID, r.Version), doc)
	if err != nil {
		return db.essayRoundWriteError(ctx, err, doc, true)
	}
	if err := versioned(ctx, db.essayRounds, doc.ID, res.MatchedCount, essayRoundNotFound); err != nil {
		return err
	}
	r.Version = doc.Version
	return nil
}

// essayRoundWriteError maps the error of writing doc as roundWriteError
// does for quiz rounds: another round of the contest holding the number
// means "no", anything else on an insert is the ID.
func (db *DB) essayRoundWriteError(ctx context.Context, err error, doc *essayRoundDoc, updating bool) error {
	return numberedWriteError(ctx, err, db.essayRounds, essayRoundsCollection, "essay_rounds_contestId_no", doc.ContestID, doc.No, doc.ID, updating)
}

// EssayRound → CodeNotFound.
func (db *DB) EssayRound(ctx context.Context, id string) (*essay.Round, error) {
	var doc essayRoundDoc
	if err := db.essayRounds.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&doc); err != nil {
		return nil, storeError(err, essayRoundNotFound)
	}
	return doc.round(), nil
}

// EssayRoundsOf returns a contest's judging rounds ordered by No.
func (db *DB) EssayRoundsOf(ctx context.Context, contestID string) ([]*essay.Round, error) {
	opts := options.Find().SetSort(bson.D{{Key: "no", Value: 1}})
	cursor, err := db.essayRounds.Find(ctx, bson.D{{Key: "contestId", Value: contestID}}, opts)
	return collect(ctx, cursor, err, (*essayRoundDoc).round)
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
