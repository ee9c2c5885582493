package mongo

import (
	"context"
	"regexp"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests"
	"hoithi/server/store"
)

// CreateUser inserts u → CodeConflict on field "phone" or "cccd".
func (db *DB) CreateUser(ctx context.Context, u *contests.User) error {
	return insertOne(ctx, db.users, toUserDoc(u))
}

// UserByID → CodeNotFound.
func (db *DB) UserByID(ctx context.Context, id string) (*contests.User, error) {
	return db.findUser(ctx, bson.D{{Key: "_id", Value: id}})
}

// UserByPhoneKey → CodeNotFound.
func (db *DB) UserByPhoneKey(ctx context.Context, phoneKey string) (*contests.User, error) {
	return db.findUser(ctx, bson.D{{Key: "phoneKey", Value: phoneKey}})
}

// UserByCCCDKey → CodeNotFound.
func (db *DB) UserByCCCDKey(ctx context.Context, cccdKey string) (*contests.User, error) {
	return db.findUser(ctx, bson.D{{Key: "cccdKey", Value: cccdKey}})
}

func (db *DB) findUser(ctx context.Context, filter bson.D) (*contests.User, error) {
	return findOne(ctx, db.users, filter, store.UserNotFound, (*userDoc).user)
}

// SetPassword → CodeNotFound.
func (db *DB) SetPassword(ctx context.Context, userID, hash string, changedAt time.Time) error {
	update := datedUpdate(bson.D{{Key: "passwordHash", Value: hash}},
		instant{"passwordChangedAt", storedTime(changedAt)})
	res, err := db.users.UpdateByID(ctx, userID, update)
	return updatedOne(res, err, store.UserNotFound)
}

// BumpSessionVersion → CodeNotFound. One $inc: atomic on MongoDB; on the
// test server two racing bumps may count as one, which still leaves the
// version above every token issued before either.
func (db *DB) BumpSessionVersion(ctx context.Context, userID string) (int64, error) {
	var doc struct {
		V int64 `bson:"sessionVersion"`
	}
	err := db.users.FindOneAndUpdate(ctx, bson.D{{Key: "_id", Value: userID}},
		bson.D{{Key: "$inc", Value: bson.D{{Key: "sessionVersion", Value: int64(1)}}}},
		// No projection: the test server does not implement one on findAndModify.
		options.FindOneAndUpdate().SetReturnDocument(options.After)).Decode(&doc)
	return doc.V, storeError(err, store.UserNotFound)
}

// SessionVersion → CodeNotFound.
func (db *DB) SessionVersion(ctx context.Context, userID string) (int64, error) {
	var doc struct {
		V int64 `bson:"sessionVersion"`
	}
	err := db.users.FindOne(ctx, bson.D{{Key: "_id", Value: userID}},
		options.FindOne().SetProjection(bson.D{{Key: "sessionVersion", Value: 1}})).Decode(&doc)
	return doc.V, storeError(err, store.UserNotFound)
}

// SetGrants → CodeNotFound.
func (db *DB) SetGrants(ctx context.Context, userID string, grants []contests.Grant) error {
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "grants", Value: grantDocs(grants)}}}}
	res, err := db.users.UpdateByID(ctx, userID, update)
	return updatedOne(res, err, store.UserNotFound)
}

// ListUsers pages through a subtree in name order with the total matching.
// The two reads are not one snapshot (no transactions): a user created
// between them may show in one and not the other, which a paging screen
// tolerates.
func (db *DB) ListUsers(ctx context.Context, f store.UserFilter) ([]*contests.User, int, error) {
	filter := bson.D{}
	if f.UnitPath != "" {
		filter = append(filter, bson.E{Key: "unitPath", Value: subtree(f.UnitPath)})
	}
	if f.Query != "" {
		// A quoted regex is a plain substring test, as instr() is on SQLite.
		contains := bson.M{"$regex": regexp.QuoteMeta(f.Query)}
		either := bson.A{
			bson.D{{Key: "nameFold", Value: contains}},
			bson.D{{Key: "phone", Value: contains}},
			bson.D{{Key: "cccdMasked", Value: contains}},
		}
		if f.CCCDTail != "" {
			either = append(either, bson.D{{Key: "cccdTail", Value: f.CCCDTail}})
		}
		filter = append(filter, bson.E{Key: "$or", Value: either})
	}
	if f.StaffOnly {
		// Dot notation into the array (no $elemMatch on subdocument fields:
		// the MongoDB-wire test server lacks it).
		filter = append(filter, bson.E{Key: "grants.role", Value: bson.M{"$in": staffRoles}})
	}
	total, err := db.users.CountDocuments(ctx, filter)
	if err != nil {
		return nil, 0, storeError(err, nil)
	}
	opts := options.Find().
		SetSort(bson.D{{Key: "fullName", Value: 1}, {Key: "_id", Value: 1}}).
		SetSkip(int64(max(f.Offset, 0))).
		SetLimit(int64(f.PageLimit()))
	cursor, err := db.users.Find(ctx, filter, opts)
	users, err := collect(ctx, cursor, err, (*userDoc).user)
	if err != nil {
		return nil, 0, err
	}
	return users, int(total), nil
}

// staffRoles are the roles that make an account staff (StaffOnly).
var staffRoles = bson.A{string(contests.RoleJudge), string(contests.RoleSecretary), string(contests.RoleOrganizer), string(contests.RoleAdmin)}

// ReplacePasswordHash → CodeConflict when no account has userID and oldHash.
func (db *DB) ReplacePasswordHash(ctx context.Context, userID, oldHash, newHash string) error {
	res, err := db.users.UpdateOne(ctx,
		bson.D{{Key: "_id", Value: userID}, {Key: "passwordHash", Value: oldHash}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "passwordHash", Value: newHash}}}})
	return updatedOne(res, err, passwordChanged)
}

// TouchLastSeen sets lastSeenAt only when absent or older: one conditional
// update of one field (a plain $or of $exists and $lt, in FerretDB's subset).
func (db *DB) TouchLastSeen(ctx context.Context, userID string, at time.Time) error {
	t := storedTime(at)
	_, err := db.users.UpdateOne(ctx,
		bson.D{{Key: "_id", Value: userID}, {Key: "$or", Value: bson.A{
			bson.D{{Key: "lastSeenAt", Value: bson.D{{Key: "$exists", Value: false}}}},
			bson.D{{Key: "lastSeenAt", Value: bson.D{{Key: "$lt", Value: t}}}},
		}}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "lastSeenAt", Value: t}}}})
	return storeError(err, nil)
}

// passwordChanged is the conflict of a rehash that lost to a password change.
func passwordChanged() error { return store.PasswordChanged() }
