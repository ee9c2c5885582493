package mongo

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/server/store"
)

// CreateRefreshToken inserts t → CodeConflict on field "hash".
func (db *DB) CreateRefreshToken(ctx context.Context, t *store.RefreshToken) error {
	return insertOne(ctx, db.tokens, toRefreshTokenDoc(t))
}

// UseRefreshToken marks the token used and returns it as it was. The filter
// carries the condition (used: false), so of two requests presenting the
// same token only one matches: the other finds nothing and learns, by a
// second look, whether the token was reused (CodeConflict) or never existed
// (CodeNotFound).
func (db *DB) UseRefreshToken(ctx context.Context, hash string) (*store.RefreshToken, error) {
	var before refreshTokenDoc
	err := db.tokens.FindOneAndUpdate(ctx,
		bson.D{{Key: "_id", Value: hash}, {Key: "used", Value: false}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "used", Value: true}}}},
		options.FindOneAndUpdate().SetReturnDocument(options.Before),
	).Decode(&before)
	if err == nil {
		return before.refreshToken(), nil
	}
	if !errors.Is(err, mongo.ErrNoDocuments) {
		return nil, storeError(err, nil)
	}
	n, err := db.tokens.CountDocuments(ctx, bson.D{{Key: "_id", Value: hash}}, options.Count().SetLimit(1))
	switch {
	case err != nil:
		return nil, storeError(err, nil)
	case n > 0:
		return nil, store.TokenReused()
	default:
		return nil, store.TokenNotFound()
	}
}

// RefreshTokenByHash returns a token as stored → CodeNotFound.
func (db *DB) RefreshTokenByHash(ctx context.Context, hash string) (*store.RefreshToken, error) {
	return findOne(ctx, db.tokens, bson.D{{Key: "_id", Value: hash}}, store.TokenNotFound, (*refreshTokenDoc).refreshToken)
}

// RevokeFamily revokes every token of a family; an unknown family is no
// error.
func (db *DB) RevokeFamily(ctx context.Context, familyID string) error {
	return db.revokeTokens(ctx, bson.D{{Key: "familyId", Value: familyID}})
}

// RevokeUserTokens revokes every token of a user; a user without tokens is
// no error.
func (db *DB) RevokeUserTokens(ctx context.Context, userID string) error {
	return db.revokeTokens(ctx, bson.D{{Key: "userId", Value: userID}})
}

func (db *DB) revokeTokens(ctx context.Context, filter bson.D) error {
	_, err := db.tokens.UpdateMany(ctx, filter, bson.D{{Key: "$set", Value: bson.D{{Key: "revoked", Value: true}}}})
	return storeError(err, nil)
}
