package mongo

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// A counter is one document {_id: key, n, expiresAt}. MongoDB deletes
// expired ones through a TTL index on expiresAt; FerretDB has no TTL
// index, and the TTL monitor runs only once a minute anyway, so every
// operation also treats a counter whose expiresAt has passed as absent.

type counterDoc struct {
	Key       string    `bson:"_id"`
	N         int64     `bson:"n"`
	ExpiresAt time.Time `bson:"expiresAt"`
}

// counterTries bounds CountEvent's rounds: another one is needed only when
// a racing writer restarted the same expired counter in between.
const counterTries = 5

// CountEvent adds one to a live counter with one conditional $inc; when
// there is none (absent or expired) it restarts it with one conditional
// upsert, which a racing restart turns into a duplicate key: then the
// counter is live again and the $inc is tried again.
func (db *DB) CountEvent(ctx context.Context, key string, now, expires time.Time) (int64, error) {
	now, expires = storedTime(now), storedTime(expires)
	after := options.FindOneAndUpdate().SetReturnDocument(options.After)
	var err error
	for range counterTries {
		var doc counterDoc
		err = db.rateCounters.FindOneAndUpdate(ctx,
			bson.D{{Key: "_id", Value: key}, {Key: "expiresAt", Value: bson.D{{Key: "$gt", Value: now}}}},
			bson.D{{Key: "$inc", Value: bson.D{{Key: "n", Value: 1}}}, {Key: "$set", Value: bson.D{{Key: "expiresAt", Value: expires}}}},
			after).Decode(&doc)
		if err == nil {
			return doc.N, nil
		}
		if !isNoDocuments(err) {
			return 0, storeError(err, nil)
		}
		_, err = db.rateCounters.UpdateOne(ctx,
			bson.D{{Key: "_id", Value: key}, {Key: "expiresAt", Value: bson.D{{Key: "$lte", Value: now}}}},
			bson.D{{Key: "$set", Value: bson.D{{Key: "n", Value: int64(1)}, {Key: "expiresAt", Value: expires}}}},
			options.UpdateOne().SetUpsert(true))
		if err == nil {
			return 1, nil
		}
		if !isDuplicateKey(err) {
			return 0, storeError(err, nil)
		}
	}
	return 0, storeError(err, nil)
}

// CounterValue reads key's live count.
func (db *DB) CounterValue(ctx context.Context, key string, now time.Time) (int64, time.Time, error) {
	var doc counterDoc
	err := db.rateCounters.FindOne(ctx, bson.D{{Key: "_id", Value: key},
		{Key: "expiresAt", Value: bson.D{{Key: "$gt", Value: storedTime(now)}}}}).Decode(&doc)
	if isNoDocuments(err) {
		return 0, time.Time{}, nil
	}
	if err != nil {
		return 0, time.Time{}, storeError(err, nil)
	}
	return doc.N, doc.ExpiresAt.UTC(), nil
}

// ResetCounter deletes key.
func (db *DB) ResetCounter(ctx context.Context, key string) error {
	_, err := db.rateCounters.DeleteOne(ctx, bson.D{{Key: "_id", Value: key}})
	return storeError(err, nil)
}
