package mongo

import (
	"context"
	"errors"
	"regexp"
	"strings"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests"
	"hoithi/server/store"
)

// storeError turns a driver error into the *contests.Error the store port
// promises: no document becomes notFound() (when given), anything else
// CodeInternal with the cause kept for the logs. Duplicates are handled
// before, by conflictError, which needs the document that was written.
func storeError(err error, notFound func() error) error {
	if mapped, known := store.KnownError(err, mongo.ErrNoDocuments, notFound); known {
		return mapped
	}
	return contests.Internal(err)
}

// insertError is storeError for an insert of doc into coll: a duplicate key
// becomes a CodeConflict naming the field of the index it broke.
func insertError(ctx context.Context, coll *mongo.Collection, err error, doc any) error {
	if isDuplicateKey(err) {
		return conflictError(ctx, coll, err, doc, "")
	}
	return storeError(err, nil)
}

// insertOne inserts doc into coll, its errors insertError's.
func insertOne(ctx context.Context, coll *mongo.Collection, doc any) error {
	_, err := coll.InsertOne(ctx, doc)
	return insertError(ctx, coll, err, doc)
}

// updateError is insertError for an update that wrote doc's fields into the
// existing document with _id id.
func updateError(ctx context.Context, coll *mongo.Collection, err error, doc any, id string, notFound func() error) error {
	if isDuplicateKey(err) {
		return conflictError(ctx, coll, err, doc, id)
	}
	return storeError(err, notFound)
}

// isDuplicateKey reports a write refused by a unique index. MongoDB says so
// with code 11000 (E11000); FerretDB v1 does for inserts, but an update
// breaking a unique index comes back as an InternalError carrying SQLite's
// "UNIQUE constraint failed".
func isDuplicateKey(err error) bool {
	if err == nil {
		return false
	}
	if mongo.IsDuplicateKeyError(err) {
		return true
	}
	var se mongo.ServerError
	return errors.As(err, &se) && strings.Contains(se.Error(), "UNIQUE constraint failed")
}

// duplicateIndex finds the index name in MongoDB's duplicate-key message
// ("E11000 duplicate key error collection: db.users index: users_phoneKey
// dup key: …"). FerretDB v1 names no index.
var duplicateIndex = regexp.MustCompile(`index: (\S+) dup key`)

// conflictError builds the conflict for a duplicate-key error raised while
// writing doc (as a new document when updatedID is "", else into that
// document). The index is read from the server's message when it names one;
// otherwise each unique key of doc is looked up to find the document it
// collides with.
func conflictError(ctx context.Context, coll *mongo.Collection, cause error, doc any, updatedID string) error {
	field := store.ValueTaken()
	if def, ok := brokenIndex(ctx, coll, cause, doc, updatedID); ok {
		field = def.conflict
	}
	e := store.Duplicate(field)
	e.Err = cause
	return e
}

func brokenIndex(ctx context.Context, coll *mongo.Collection, cause error, doc any, updatedID string) (indexDef, bool) {
	unique := uniqueIndexes(coll.Name())
	if m := duplicateIndex.FindStringSubmatch(cause.Error()); m != nil {
		for _, def := range unique {
			if def.name == m[1] {
				return def, true
			}
		}
	}
	encoded, err := bson.Marshal(doc)
	if err != nil {
		return indexDef{}, false
	}
	raw := bson.Raw(encoded)
	for _, def := range unique {
		key := def.keys[0].Key // every unique index here has one key
		value, err := raw.LookupErr(key)
		if err != nil {
			continue // the document lacks the key: it cannot collide on it
		}
		filter := bson.D{{Key: key, Value: value}}
		if updatedID != "" {
			if key == "_id" {
				continue // an update keeps its _id
			}
			// An update collides with another document, never with itself.
			filter = append(filter, bson.E{Key: "_id", Value: bson.M{"$ne": updatedID}})
		}
		n, err := coll.CountDocuments(ctx, filter, options.Count().SetLimit(1))
		if err == nil && n > 0 {
			return def, true
		}
	}
	return indexDef{}, false
}
