package mongo

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests"
)

type snapshotDoc struct {
	Key  string    `bson:"_id"` // kind|key
	At   time.Time `bson:"at"`
	Data string    `bson:"data"` // JSON as computed
}

func snapshotNotFound() error {
	return contests.NotFound("số liệu thống kê", "statistics snapshot")
}

// PutSnapshot is one conditional upsert: it matches the stored snapshot
// only when that one is not newer; a newer one makes the upsert insert a
// second _id, which the unique _id refuses: then nothing changes.
func (db *DB) PutSnapshot(ctx context.Context, kind, key string, data []byte, at time.Time) error {
	at = storedTime(at)
	_, err := db.snapshots.UpdateOne(ctx,
		bson.D{{Key: "_id", Value: kind + "|" + key}, {Key: "at", Value: bson.D{{Key: "$lte", Value: at}}}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "at", Value: at}, {Key: "data", Value: string(data)}}}},
		options.UpdateOne().SetUpsert(true))
	if isDuplicateKey(err) {
		return nil
	}
	return storeError(err, nil)
}

// Snapshot reads the stored snapshot → CodeNotFound.
func (db *DB) Snapshot(ctx context.Context, kind, key string) ([]byte, time.Time, error) {
	var doc snapshotDoc
	if err := db.snapshots.FindOne(ctx, bson.D{{Key: "_id", Value: kind + "|" + key}}).Decode(&doc); err != nil {
		return nil, time.Time{}, storeError(err, snapshotNotFound)
	}
	return []byte(doc.Data), doc.At.UTC(), nil
}
