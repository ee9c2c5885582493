package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/server/store"
)

// numberedCollection stores documents numbered within their contest — quiz
// rounds and judging rounds — one way: D is the stored document of the
// domain record T, with a version, and a unique (contestId, no) index. It
// is the store.Numbered the round methods (store.NumberedRounds) use.
type numberedCollection[T, D any] struct {
	name     string            // the collection
	noIndex  string            // its unique (contestId, no) index
	coll     *mongo.Collection // the collection, opened
	notFound func() error
	toDoc    func(*T) *D
	fromDoc  func(*D) *T
	fields   func(*D) numbered
	version  func(*T) *int64 // the record's version
}

// numbered is what the collection reads of a document besides its content.
type numbered struct {
	id, contestID string
	no            int
	version       *int64
}

// Create inserts rec at version 1 → CodeConflict on field "no" when the
// contest has a document with that number already ("id" when the ID is
// taken).
func (n numberedCollection[T, D]) Create(ctx context.Context, rec *T) error {
	doc := n.toDoc(rec)
	f := n.fields(doc)
	*f.version = store.FirstVersion
	_, err := n.coll.InsertOne(ctx, doc)
	if err == nil {
		*n.version(rec) = *f.version
	}
	return n.writeError(ctx, err, f, false)
}

// Update replaces rec if the stored document is still at its version (one
// conditional replaceOne), then sets its version to the new one →
// CodeNotFound; store.Stale when another change was stored since rec was
// read; CodeConflict on "no" when its new number is taken.
func (n numberedCollection[T, D]) Update(ctx context.Context, rec *T) error {
	read := n.version(rec)
	doc := n.toDoc(rec)
	f := n.fields(doc)
	*f.version = *read + 1
	res, err := n.coll.ReplaceOne(ctx, versionFilter(f.id, *read), doc)
	if err != nil {
		return n.writeError(ctx, err, f, true)
	}
	if err := versioned(ctx, n.coll, f.id, res.MatchedCount, n.notFound); err != nil {
		return err
	}
	*read = *f.version
	return nil
}

// writeError maps the error of writing a document. A duplicate key is told
// apart by looking, on both servers alike (FerretDB names no index): another
// document of the contest holding the number means "no", anything else on
// an insert is the ID. These documents are never deleted, so the colliding
// one is still there to be found.
func (n numberedCollection[T, D]) writeError(ctx context.Context, err error, f numbered, updating bool) error {
	if !isDuplicateKey(err) {
		return storeError(err, nil)
	}
	field := store.ValueTaken()
	sameNo := bson.D{
		{Key: "contestId", Value: f.contestID},
		{Key: "no", Value: f.no},
		{Key: "_id", Value: bson.M{"$ne": f.id}},
	}
	count, countErr := n.coll.CountDocuments(ctx, sameNo, options.Count().SetLimit(1))
	switch {
	case countErr == nil && count > 0:
		field = indexConflict(n.name, n.noIndex)
	case countErr == nil && !updating:
		field = indexConflict(n.name, "_id_")
	}
	e := store.Duplicate(field)
	e.Err = err
	return e
}

// ByID → CodeNotFound.
func (n numberedCollection[T, D]) ByID(ctx context.Context, id string) (*T, error) {
	return findOne(ctx, n.coll, bson.D{{Key: "_id", Value: id}}, n.notFound, n.fromDoc)
}

// OfContest returns a contest's documents ordered by number.
func (n numberedCollection[T, D]) OfContest(ctx context.Context, contestID string) ([]*T, error) {
	opts := options.Find().SetSort(bson.D{{Key: "no", Value: 1}})
	cursor, err := n.coll.Find(ctx, bson.D{{Key: "contestId", Value: contestID}}, opts)
	return collect(ctx, cursor, err, n.fromDoc)
}
