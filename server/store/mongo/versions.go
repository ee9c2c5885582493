package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests"
	"hoithi/server/store"
)

// Contests, quiz rounds and judging rounds carry a version (see
// store/versions.go). An update is one replaceOne/updateOne whose filter
// names the version read, so of two racing writers exactly one matches: the
// server applies a single-document write atomically, on a replica set as on
// one server.

// loadedVersion reads a stored version: documents written before versions
// existed have none and count as the first.
func loadedVersion(v int64) int64 {
	if v == 0 {
		return store.FirstVersion
	}
	return v
}

// versionFilter matches document id only while it is at version, counting
// a document without a version as the first.
func versionFilter(id string, version int64) bson.D {
	if version != store.FirstVersion {
		return bson.D{{Key: "_id", Value: id}, {Key: "version", Value: version}}
	}
	return bson.D{{Key: "_id", Value: id}, {Key: "$or", Value: bson.A{
		bson.D{{Key: "version", Value: version}},
		bson.D{{Key: "version", Value: bson.D{{Key: "$exists", Value: false}}}},
	}}}
}

// versioned turns the matched count of a version-guarded update into the
// port's errors: nothing matched means the document is gone (notFound) or
// another change was stored since it was read (store.Stale).
func versioned(ctx context.Context, coll *mongo.Collection, id string, matched int64, notFound func() error) error {
	if matched > 0 {
		return nil
	}
	n, err := coll.CountDocuments(ctx, bson.D{{Key: "_id", Value: id}}, options.Count().SetLimit(1))
	if err != nil {
		return storeError(err, nil)
	}
	if n == 0 {
		return notFound()
	}
	return store.Stale()
}

// putVersioned writes doc, the stored form (with _id key) of a record at
// version, if the stored one is at version-1; the first version inserts.
// Each case is one single-document write that MongoDB applies atomically:
// the unique _id refuses a second first version, and the replace matches
// only the version it was computed from, so of two writers racing from one
// version exactly one wins and the other gets stale() (CodeConflict).
// (FerretDB v1 does not make the replace atomic; the contract's racing
// cases are skipped there.)
func putVersioned(ctx context.Context, coll *mongo.Collection, key string, version int64, doc any, stale func() *contests.Error) error {
	if version == store.FirstVersion {
		_, err := coll.InsertOne(ctx, doc)
		if isDuplicateKey(err) {
			e := stale()
			e.Err = err
			return e
		}
		return storeError(err, nil)
	}
	res, err := coll.ReplaceOne(ctx, bson.D{{Key: "_id", Value: key}, {Key: "version", Value: version - 1}}, doc)
	if err != nil {
		return storeError(err, nil)
	}
	if res.MatchedCount == 0 {
		return stale()
	}
	return nil
}
