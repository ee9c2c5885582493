package mongo

import (
	"context"
	"errors"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Beat keeps name's beat as a document of the leases collection (owner
// empty, until = the beat): one upsert with $max, so of several instances
// beating the latest instant stays and none moves it back.
func (db *DB) Beat(ctx context.Context, name string, at time.Time) error {
	update := bson.D{{Key: "$max", Value: bson.D{{Key: "until", Value: storedTime(at)}}},
		{Key: "$setOnInsert", Value: bson.D{{Key: "owner", Value: ""}}}}
	_, err := db.leases.UpdateOne(ctx, bson.D{{Key: "_id", Value: name}}, update, options.UpdateOne().SetUpsert(true))
	return storeError(err, nil)
}

// LastBeat reads name's beat; zero when none.
func (db *DB) LastBeat(ctx context.Context, name string) (time.Time, error) {
	var doc struct {
		Until time.Time `bson:"until"`
	}
	err := db.leases.FindOne(ctx, bson.D{{Key: "_id", Value: name}}).Decode(&doc)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, storeError(err, nil)
	}
	return loadedTime(doc.Until), nil
}
