package mongo

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// TakeLease is one conditional upsert on the lease's document: it matches
// only a lease that is the owner's or expired at now, and sets it. A lease
// held by someone else does not match, so the upsert tries to insert a
// second document with the same _id and fails on the unique _id: not
// taken. On MongoDB the update of one document is atomic, so of racing
// takers exactly one wins.
func (db *DB) TakeLease(ctx context.Context, name, owner string, now, until time.Time) (bool, error) {
	filter := bson.D{{Key: "_id", Value: name}, {Key: "$or", Value: bson.A{
		bson.D{{Key: "owner", Value: owner}},
		bson.D{{Key: "until", Value: bson.D{{Key: "$lt", Value: storedTime(now)}}}},
	}}}
	set := bson.D{{Key: "$set", Value: bson.D{{Key: "owner", Value: owner}, {Key: "until", Value: storedTime(until)}}}}
	_, err := db.leases.UpdateOne(ctx, filter, set, options.UpdateOne().SetUpsert(true))
	switch {
	case isDuplicateKey(err):
		return false, nil
	case err != nil:
		return false, storeError(err, nil)
	}
	return true, nil
}

// ReleaseLease deletes the lease if owner holds it.
func (db *DB) ReleaseLease(ctx context.Context, name, owner string) error {
	_, err := db.leases.DeleteOne(ctx, bson.D{{Key: "_id", Value: name}, {Key: "owner", Value: owner}})
	return storeError(err, nil)
}
