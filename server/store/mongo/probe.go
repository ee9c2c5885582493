package mongo

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests"
)

// probesCollection holds one document, rewritten by every readiness probe
// of every instance: what matters is that the primary accepted the write.
const probesCollection = "readiness_probes"

// ProbeWrite upserts the probe document with the primary's write concern,
// so it fails when writes would (no primary, disk full, read-only user).
func (db *DB) ProbeWrite(ctx context.Context) error {
	_, err := db.Database().Collection(probesCollection).UpdateOne(ctx,
		bson.D{{Key: "_id", Value: "readiness"}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "at", Value: time.Now().UTC()}}}},
		options.UpdateOne().SetUpsert(true))
	if err != nil {
		return contests.Internal(fmt.Errorf("mongo: write probe: %w", err))
	}
	return nil
}
