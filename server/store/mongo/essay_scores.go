package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests/essay"
	"hoithi/server/store"
)

// PutScore writes s if the stored sheet is at s.Version-1; version 1
// inserts. Like PutParticipation, one single-document write (putVersioned):
// of two writers racing from one version exactly one wins on MongoDB and
// the other gets CodeConflict.
func (db *DB) PutScore(ctx context.Context, s *essay.Score) error {
	doc := toScoreDoc(s)
	return putVersioned(ctx, db.scores, doc.Key, s.Version, doc, store.StaleScore)
}

// Score → CodeNotFound.
func (db *DB) Score(ctx context.Context, roundID, workID, judgeID string) (*essay.Score, error) {
	return findOne(ctx, db.scores, bson.D{{Key: "_id", Value: seatKey(roundID, workID, judgeID)}}, store.ScoreNotFound,
		func(d *scoreDoc) *essay.Score { s := d.score(); return &s })
}

// ScoresOfRound returns every sheet of a round ordered by WorkID, JudgeID.
func (db *DB) ScoresOfRound(ctx context.Context, roundID string) ([]essay.Score, error) {
	opts := options.Find().SetSort(bson.D{{Key: "workId", Value: 1}, {Key: "judgeId", Value: 1}})
	cursor, err := db.scores.Find(ctx, bson.D{{Key: "roundId", Value: roundID}}, opts)
	return collect(ctx, cursor, err, (*scoreDoc).score)
}
