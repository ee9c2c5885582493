package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

type metaDoc struct {
	Key   string `bson:"_id"`
	Value string `bson:"value"`
}

// RecordMeta stores value under key unless one is there ($setOnInsert with
// upsert: one document, so of racing first starts one inserts and the
// others match it), then returns the stored value. A duplicate key from an
// upsert that lost that race is the same outcome.
func (db *DB) RecordMeta(ctx context.Context, key, value string) (string, error) {
	_, err := db.meta.UpdateOne(ctx, bson.D{{Key: "_id", Value: key}},
		bson.D{{Key: "$setOnInsert", Value: bson.D{{Key: "value", Value: value}}}}, options.UpdateOne().SetUpsert(true))
	if err != nil && !isDuplicateKey(err) {
		return "", storeError(err, nil)
	}
	var doc metaDoc
	if err := db.meta.FindOne(ctx, bson.D{{Key: "_id", Value: key}}).Decode(&doc); err != nil {
		return "", storeError(err, nil)
	}
	return doc.Value, nil
}
