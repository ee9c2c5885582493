package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests/essay"
	"hoithi/server/store"
)

// Identity sheets live in their own collection, reached only through these
// two methods, so that no query on works can return who wrote one.

// PutIdentity inserts or replaces the sheet of id.WorkID.
func (db *DB) PutIdentity(ctx context.Context, id *essay.Identity) error {
	doc := toIdentityDoc(id)
	_, err := db.identities.ReplaceOne(ctx, bson.D{{Key: "_id", Value: doc.WorkID}}, doc,
		options.Replace().SetUpsert(true))
	return storeError(err, nil)
}

// Identity → CodeNotFound.
func (db *DB) Identity(ctx context.Context, workID string) (*essay.Identity, error) {
	return findOne(ctx, db.identities, bson.D{{Key: "_id", Value: workID}}, store.IdentityNotFound, (*identityDoc).identity)
}
