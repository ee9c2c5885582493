package mongo

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// defaultExpiredLimit is the batch ExpiredParticipations returns when the
// caller gives no positive limit.
const defaultExpiredLimit = 100

// eachBatchSize is how many records a getMore of EachParticipation brings:
// a few hundred kilobytes of attempts, not a round's million records.
const eachBatchSize = 200

// Participation → CodeNotFound when the person has not started.
func (db *DB) Participation(ctx context.Context, roundID, userID string) (*quiz.Participation, error) {
	var doc participationDoc
	err := db.participations.FindOne(ctx, bson.D{{Key: "_id", Value: personKey(roundID, userID)}}).Decode(&doc)
	if err != nil {
		return nil, storeError(err, store.ParticipationNotFound)
	}
	return doc.participation(), nil
}

// PutParticipation writes p if the stored record is at p.Version-1; version
// 1 inserts. One single-document write (putVersioned): of two writers racing
// from the same version exactly one wins and the other gets CodeConflict.
func (db *DB) PutParticipation(ctx context.Context, p *quiz.Participation) error {
	doc := toParticipationDoc(p)
	return putVersioned(ctx, db.participations, doc.Key, p.Version, doc, store.StaleParticipation)
}

// ParticipationsOfUser returns the person's records in a contest by RoundID.
func (db *DB) ParticipationsOfUser(ctx context.Context, contestID, userID string) ([]*quiz.Participation, error) {
	filter := bson.D{{Key: "contestId", Value: contestID}, {Key: "userId", Value: userID}}
	opts := options.Find().SetSort(bson.D{{Key: "roundId", Value: 1}})
	cursor, err := db.participations.Find(ctx, filter, opts)
	return collect(ctx, cursor, err, (*participationDoc).participation)
}

// ExpiredParticipations returns up to limit records whose attempt in
// progress had its deadline before t, earliest deadline first. A record with
// no attempt in progress has no openDeadline, which $lt never matches.
func (db *DB) ExpiredParticipations(ctx context.Context, t time.Time, limit int) ([]*quiz.Participation, error) {
	if limit < 1 {
		limit = defaultExpiredLimit
	}
	filter := bson.D{{Key: "openDeadline", Value: bson.M{"$lt": storedTime(t)}}}
	opts := options.Find().
		SetSort(bson.D{{Key: "openDeadline", Value: 1}, {Key: "_id", Value: 1}}).
		SetLimit(int64(limit))
	cursor, err := db.participations.Find(ctx, filter, opts)
	return collect(ctx, cursor, err, (*participationDoc).participation)
}

// EachParticipation calls fn for every record of a round in UserID order,
// decoding one document at a time; an error from fn stops the walk and is
// returned as it is.
func (db *DB) EachParticipation(ctx context.Context, roundID string, fn func(*quiz.Participation) error) error {
	opts := options.Find().SetSort(bson.D{{Key: "userId", Value: 1}}).SetBatchSize(eachBatchSize)
	cursor, err := db.participations.Find(ctx, bson.D{{Key: "roundId", Value: roundID}}, opts)
	if err != nil {
		return storeError(err, nil)
	}
	defer cursor.Close(context.WithoutCancel(ctx))
	for cursor.Next(ctx) {
		var doc participationDoc
		if err := cursor.Decode(&doc); err != nil {
			return storeError(err, nil)
		}
		if err := fn(doc.participation()); err != nil {
			return err
		}
	}
	return storeError(cursor.Err(), nil)
}

// CountParticipations returns how many people started the round.
func (db *DB) CountParticipations(ctx context.Context, roundID string) (int, error) {
	n, err := db.participations.CountDocuments(ctx, bson.D{{Key: "roundId", Value: roundID}})
	if err != nil {
		return 0, storeError(err, nil)
	}
	return int(n), nil
}
