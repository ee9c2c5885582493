package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"

	"hoithi/contests"
	"hoithi/server/store"
)

// usersBatch bounds the IDs of one $in: a 500-ID filter stays far below the
// 16 MB command limit and lets the server answer each from the _id index.
const usersBatch = 500

// UsersByIDs returns the accounts among ids, keyed by ID; unknown IDs are
// simply absent. Exports call it once per page of standings instead of once
// per row.
func (db *DB) UsersByIDs(ctx context.Context, ids []string) (map[string]*contests.User, error) {
	return store.KeyedInBatches(ids, usersBatch, func(chunk []string) ([]*contests.User, error) {
		cursor, err := db.users.Find(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: chunk}}}})
		return collect(ctx, cursor, err, (*userDoc).user)
	}, func(u *contests.User) string { return u.ID })
}
