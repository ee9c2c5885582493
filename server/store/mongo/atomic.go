package mongo

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// ErrNonAtomic is returned by Open on a server that does not apply a
// single-document update atomically, unless Options.AllowNonAtomic is set.
var ErrNonAtomic = errors.New("mongo: the server does not apply single-document updates atomically")

// checkAtomic refuses a server that only speaks the MongoDB protocol over
// another database without MongoDB's single-document atomicity. The engine
// rests on that atomicity: a participant's record, a version-guarded round,
// a claim are each one conditional update, and on such a server two of them
// racing both succeed (FerretDB v1 lost 9 of 10 concurrent acknowledged
// answer saves made through two instances). FerretDB says what it is in
// buildInfo ("ferretdbVersion"); MongoDB has no such field.
//
// It reports whether the server is FerretDB (allowed), which also lacks
// TTL indexes.
func checkAtomic(ctx context.Context, client *mongo.Client, allow bool) (isFerret bool, err error) {
	var info bson.M
	if err := client.Database("admin").RunCommand(ctx, bson.D{{Key: "buildInfo", Value: 1}}).Decode(&info); err != nil {
		return false, fmt.Errorf("mongo: buildInfo: %w", err)
	}
	ferret, ok := info["ferretdbVersion"]
	if !ok || allow {
		return ok, nil
	}
	return true, fmt.Errorf("%w: it is FerretDB %v, where concurrent writes to one document are lost. "+
		"Serve on MongoDB (a replica set); for development only, --dev-allow-non-atomic (DEV_ALLOW_NON_ATOMIC=1) "+
		"serves on it anyway", ErrNonAtomic, ferret)
}
