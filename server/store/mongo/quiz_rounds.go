package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// quizRounds is the quiz_rounds collection (numbered.go).
var quizRounds = numberedCollection[quiz.Round, roundDoc]{
	name: roundsCollection, noIndex: "quiz_rounds_contestId_no",
	of:       func(db *DB) *mongo.Collection { return db.rounds },
	notFound: store.RoundNotFound, toDoc: toRoundDoc, fromDoc: (*roundDoc).round,
	fields:  func(d *roundDoc) numbered { return numbered{d.ID, d.ContestID, d.No, &d.Version} },
	version: func(r *quiz.Round) *int64 { return &r.Version },
}

// CreateRound inserts r at version 1 → CodeConflict on field "no" when the
// contest has a round with that number already ("id" when the ID is taken).
func (db *DB) CreateRound(ctx context.Context, r *quiz.Round) error {
	return quizRounds.create(ctx, db, r)
}

// UpdateRound replaces r if the stored round is still at r.Version (one
// conditional replaceOne), then sets r.Version to the new version →
// CodeNotFound; store.Stale when another change was stored since r was
// read; CodeConflict on "no" when its new number is taken.
func (db *DB) UpdateRound(ctx context.Context, r *quiz.Round) error {
	return quizRounds.update(ctx, db, r)
}

// Round → CodeNotFound.
func (db *DB) Round(ctx context.Context, id string) (*quiz.Round, error) {
	return quizRounds.byID(ctx, db, id)
}

// RoundVersion reads the version of one round by _id, nothing else →
// CodeNotFound.
func (db *DB) RoundVersion(ctx context.Context, id string) (int64, error) {
	var doc struct {
		Version int64 `bson:"version"`
	}
	opts := options.FindOne().SetProjection(bson.D{{Key: "version", Value: 1}})
	if err := db.rounds.FindOne(ctx, bson.D{{Key: "_id", Value: id}}, opts).Decode(&doc); err != nil {
		return 0, storeError(err, store.RoundNotFound)
	}
	return loadedVersion(doc.Version), nil
}

// RoundsOf returns a contest's rounds ordered by No.
func (db *DB) RoundsOf(ctx context.Context, contestID string) ([]*quiz.Round, error) {
	return quizRounds.ofContest(ctx, db, contestID)
}
