package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

var roundNotFound = store.RoundNotFound

// CreateRound inserts r at version 1 → CodeConflict on field "no" when the
// contest has a round with that number already ("id" when the ID is taken).
func (db *DB) CreateRound(ctx context.Context, r *quiz.Round) error {
	doc := toRoundDoc(r)
	doc.Version = store.FirstVersion
	_, err := db.rounds.InsertOne(ctx, doc)
	if err == nil {
		r.Version = doc.Version
	}
	return db.roundWriteError(ctx, err, doc, false)
}

// UpdateRound replaces r if the stored round is still at r.Version (one
// conditional replaceOne), then sets r.Version to the new version →
// CodeNotFound; store.Stale when another change was stored since r was
// read; CodeConflict on "no" when its new number is taken.
func (db *DB) UpdateRound(ctx context.Context, r *quiz.Round) error {
	doc := toRoundDoc(r)
	doc.Version = r.Version + 1
	res, err := db.rounds.ReplaceOne(ctx, versionFilter(doc.ID, r.Version), doc)
	if err != nil {
		return db.roundWriteError(ctx, err, doc, true)
	}
	if err := versioned(ctx, db.rounds, doc.ID, res.MatchedCount, roundNotFound); err != nil {
		return err
	}
	r.Version = doc.Version
	return nil
}

// roundWriteError maps the error of writing doc. A duplicate key is told
// apart by looking, on both servers alike (FerretDB names no index): another
// round of the contest holding the number means "no", anything else on an
// insert is the ID. Rounds are never deleted, so the colliding round is
// still there to be found.
func (db *DB) roundWriteError(ctx context.Context, err error, doc *roundDoc, updating bool) error {
	return numberedWriteError(ctx, err, db.rounds, roundsCollection, "quiz_rounds_contestId_no", doc.ContestID, doc.No, doc.ID, updating)
}

// numberedWriteError maps the error of writing a document numbered within
// its contest (a quiz round, a judging round): a duplicate key is another
// document of the contest holding the number ("no"), else on an insert the
// ID. Both servers are asked the same way, as FerretDB names no index.
func numberedWriteError(ctx context.Context, err error, coll *mongo.Collection, collName, noIndex, contestID string, no int, id string, updating bool) error {
	if !isDuplicateKey(err) {
		return storeError(err, nil)
	}
	field := store.ValueTaken()
	sameNo := bson.D{
		{Key: "contestId", Value: contestID},
		{Key: "no", Value: no},
		{Key: "_id", Value: bson.M{"$ne": id}},
	}
	n, countErr := coll.CountDocuments(ctx, sameNo, options.Count().SetLimit(1))
	switch {
	case countErr == nil && n > 0:
		field = indexConflict(collName, noIndex)
	case countErr == nil && !updating:
		field = indexConflict(collName, "_id_")
	}
	e := store.Duplicate(field)
	e.Err = err
	return e
}

// Round → CodeNotFound.
func (db *DB) Round(ctx context.Context, id string) (*quiz.Round, error) {
	var doc roundDoc
	if err := db.rounds.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&doc); err != nil {
		return nil, storeError(err, roundNotFound)
	}
	return doc.round(), nil
}

// RoundVersion reads the version of one round by _id, nothing else →
// CodeNotFound.
func (db *DB) RoundVersion(ctx context.Context, id string) (int64, error) {
	var doc struct {
		Version int64 `bson:"version"`
	}
	opts := options.FindOne().SetProjection(bson.D{{Key: "version", Value: 1}})
	if err := db.rounds.FindOne(ctx, bson.D{{Key: "_id", Value: id}}, opts).Decode(&doc); err != nil {
		return 0, storeError(err, roundNotFound)
	}
	return loadedVersion(doc.Version), nil
}

// RoundsOf returns a contest's rounds ordered by No.
func (db *DB) RoundsOf(ctx context.Context, contestID string) ([]*quiz.Round, error) {
	opts := options.Find().SetSort(bson.D{{Key: "no", Value: 1}})
	cursor, err := db.rounds.Find(ctx, bson.D{{Key: "contestId", Value: contestID}}, opts)
	return collect(ctx, cursor, err, (*roundDoc).round)
}
