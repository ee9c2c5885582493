package mongo

import (
	"context"
	"errors"
	"regexp"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests"
	"hoithi/server/store"
)

// CreateUnit inserts u → CodeConflict on field "code".
func (db *DB) CreateUnit(ctx context.Context, u *contests.Unit) error {
	return insertOne(ctx, db.units, toUnitDoc(u))
}

// UpdateUnit replaces what may change of a unit → CodeNotFound. Code, parent
// and path stay: moving a unit would have to rewrite its whole subtree.
func (db *DB) UpdateUnit(ctx context.Context, u *contests.Unit) error {
	res, err := db.units.UpdateByID(ctx, u.ID, bson.D{{Key: "$set", Value: mutableUnitFields(u)}})
	return updatedOne(res, err, store.UnitNotFound)
}

// mutableUnitFields are what UpdateUnit and SaveUnits may change.
func mutableUnitFields(u *contests.Unit) bson.D {
	return bson.D{
		{Key: "name", Value: u.Name},
		{Key: "nameFold", Value: u.NameFold},
		{Key: "kind", Value: u.Kind},
		{Key: "headcount", Value: u.Headcount},
		{Key: "target", Value: u.Target},
	}
}

// UnitByID → CodeNotFound.
func (db *DB) UnitByID(ctx context.Context, id string) (*contests.Unit, error) {
	return db.findUnit(ctx, bson.D{{Key: "_id", Value: id}})
}

// UnitByCode → CodeNotFound.
func (db *DB) UnitByCode(ctx context.Context, code string) (*contests.Unit, error) {
	return db.findUnit(ctx, bson.D{{Key: "code", Value: code}})
}

func (db *DB) findUnit(ctx context.Context, filter bson.D) (*contests.Unit, error) {
	return findOne(ctx, db.units, filter, store.UnitNotFound, (*unitDoc).unit)
}

// UnitsUnder returns the subtree at path ("" for all) in path order.
func (db *DB) UnitsUnder(ctx context.Context, path string) ([]*contests.Unit, error) {
	filter := bson.D{}
	if path != "" {
		filter = bson.D{{Key: "path", Value: subtree(path)}}
	}
	cursor, err := db.units.Find(ctx, filter, options.Find().SetSort(bson.D{{Key: "path", Value: 1}}))
	return collect(ctx, cursor, err, (*unitDoc).unit)
}

// ChildUnits returns the direct children of parentID ("" for roots), by
// name then code.
func (db *DB) ChildUnits(ctx context.Context, parentID string) ([]*contests.Unit, error) {
	opts := options.Find().SetSort(bson.D{{Key: "name", Value: 1}, {Key: "code", Value: 1}})
	cursor, err := db.units.Find(ctx, bson.D{{Key: "parentId", Value: parentID}}, opts)
	return collect(ctx, cursor, err, (*unitDoc).unit)
}

// SearchUnits finds units under path whose folded name contains the folded
// query, shallowest first, then by name and code. A limit below 1 means 20.
func (db *DB) SearchUnits(ctx context.Context, path, foldedQuery string, limit int) ([]*contests.Unit, error) {
	if limit < 1 {
		limit = 20
	}
	filter := bson.D{}
	if path != "" {
		filter = append(filter, bson.E{Key: "path", Value: subtree(path)})
	}
	if foldedQuery != "" {
		// Quoted, the regex is a plain substring test, as instr() is on SQLite.
		filter = append(filter, bson.E{Key: "nameFold", Value: bson.M{"$regex": regexp.QuoteMeta(foldedQuery)}})
	}
	opts := options.Find().
		SetSort(bson.D{{Key: "depth", Value: 1}, {Key: "name", Value: 1}, {Key: "code", Value: 1}}).
		SetLimit(int64(limit))
	cursor, err := db.units.Find(ctx, filter, opts)
	return collect(ctx, cursor, err, (*unitDoc).unit)
}

// SaveUnits upserts a validated batch by code in one ordered bulk write. An
// existing unit keeps its ID, parent and path ($setOnInsert), so the users
// and contests pointing at it stay attached.
//
// Without transactions the batch is not all-or-nothing: a failure part-way
// leaves the units before it saved. Each upsert is idempotent, so importing
// the same file again completes it.
func (db *DB) SaveUnits(ctx context.Context, units []*contests.Unit) error {
	if len(units) == 0 {
		return nil
	}
	models := make([]mongo.WriteModel, len(units))
	for i, u := range units {
		doc := toUnitDoc(u)
		models[i] = mongo.NewUpdateOneModel().
			SetFilter(bson.D{{Key: "code", Value: u.Code}}).
			SetUpdate(bson.D{
				{Key: "$set", Value: mutableUnitFields(u)},
				{Key: "$setOnInsert", Value: bson.D{
					{Key: "_id", Value: doc.ID},
					{Key: "parentId", Value: doc.ParentID},
					{Key: "path", Value: doc.Path},
					{Key: "depth", Value: doc.Depth},
				}},
			}).
			SetUpsert(true)
	}
	_, err := db.units.BulkWrite(ctx, models, options.BulkWrite().SetOrdered(true))
	if !isDuplicateKey(err) {
		return storeError(err, nil)
	}
	// Two imports racing on a new code, or a fresh ID already taken: name
	// the field for the unit that failed.
	var bulk mongo.BulkWriteException
	if errors.As(err, &bulk) && len(bulk.WriteErrors) > 0 {
		if i := bulk.WriteErrors[0].Index; i >= 0 && i < len(units) {
			return insertError(ctx, db.units, err, toUnitDoc(units[i]))
		}
	}
	return conflictError(ctx, db.units, err, bson.D{}, "")
}
