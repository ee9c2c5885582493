package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests/essay"
	"hoithi/server/store"
)

// staleScore is the answer to a write based on an outdated sheet: another
// tab or the secretary changed it; the judge reloads and tries again.
func staleScore(cause error) error {
	e := store.StaleScore()
	e.Err = cause
	return e
}

// PutScore writes s if the stored sheet is at s.Version-1; version 1
// inserts. As in PutParticipation each case is one single-document write:
// the unique _id refuses a second first sheet, and the replace matches only
// the version it was computed from, so of two writers racing from one
// version exactly one wins on MongoDB and the other gets CodeConflict.
func (db *DB) PutScore(ctx context.Context, s *essay.Score) error {
	doc := toScoreDoc(s)
	if s.Version == 1 {
		_, err := db.scores.InsertOne(ctx, doc)
		if isDuplicateKey(err) {
			return staleScore(err)
		}
		return storeError(err, nil)
	}
	filter := bson.D{{Key: "_id", Value: doc.Key}, {Key: "version", Value: s.Version - 1}}
	res, err := db.scores.ReplaceOne(ctx, filter, doc)
	if err != nil {
		return storeError(err, nil)
	}
	if res.MatchedCount == 0 {
		return staleScore(nil)
	}
	return nil
}

// Score → CodeNotFound.
func (db *DB) Score(ctx context.Context, roundID, workID, judgeID string) (*essay.Score, error) {
	var doc scoreDoc
	err := db.scores.FindOne(ctx, bson.D{{Key: "_id", Value: seatKey(roundID, workID, judgeID)}}).Decode(&doc)
	if err != nil {
		return nil, storeError(err, store.ScoreNotFound)
	}
	s := doc.score()
	return &s, nil
}

// ScoresOfRound returns every sheet of a round ordered by WorkID, JudgeID.
func (db *DB) ScoresOfRound(ctx context.Context, roundID string) ([]essay.Score, error) {
	opts := options.Find().SetSort(bson.D{{Key: "workId", Value: 1}, {Key: "judgeId", Value: 1}})
	cursor, err := db.scores.Find(ctx, bson.D{{Key: "roundId", Value: roundID}}, opts)
	return collect(ctx, cursor, err, (*scoreDoc).score)
}
