package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// quizRoundStore is the quiz_rounds collection (numbered.go) of db.
func quizRoundStore(db *DB) numberedCollection[quiz.Round, roundDoc] {
	return numberedCollection[quiz.Round, roundDoc]{
		name:     roundsCollection,
		noIndex:  "quiz_rounds_contestId_no",
		coll:     db.rounds,
		notFound: store.RoundNotFound,
		toDoc:    toRoundDoc,
		fromDoc:  (*roundDoc).round,
		fields:   func(d *roundDoc) numbered { return numbered{d.ID, d.ContestID, d.No, &d.Version} },
		version:  func(r *quiz.Round) *int64 { return &r.Version },
	}
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
