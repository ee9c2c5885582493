package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests/essay"
	"hoithi/server/store"
)

var _ store.Essay = (*DB)(nil)

// staleWork is the answer to a write based on an outdated work: the caller
// reloads, applies its change again and retries.
func staleWork() error { return store.StaleWork() }

// Page bounds of WorksOf (see store.WorkFilter).
const (
	defaultWorksLimit = 200
	maxWorksLimit     = 1000
)

// CreateWork inserts w at Version 1 → CodeConflict on "id", "receipt" or
// "code" (a forwarded work may arrive with its code).
func (db *DB) CreateWork(ctx context.Context, w *essay.Work) error {
	doc := toWorkDoc(w)
	doc.Version = 1
	_, err := db.works.InsertOne(ctx, doc)
	return db.workWriteError(ctx, err, doc, false)
}

// PutWork replaces w if the stored version is w.Version-1. It is one
// conditional replace, which MongoDB applies atomically: of two editors
// starting from the same version exactly one wins. It never inserts; an
// unknown work → CodeNotFound, a stale version → CodeConflict, a code or
// receipt another work of the contest holds → CodeConflict on that field
// (the unique indexes refuse it on both servers, FerretDB included, since a
// work without a code has no codeKey at all).
func (db *DB) PutWork(ctx context.Context, w *essay.Work) error {
	doc := toWorkDoc(w)
	filter := bson.D{{Key: "_id", Value: doc.ID}, {Key: "version", Value: w.Version - 1}}
	res, err := db.works.ReplaceOne(ctx, filter, doc)
	if err != nil {
		return db.workWriteError(ctx, err, doc, true)
	}
	if res.MatchedCount > 0 {
		return nil
	}
	// Nothing matched: the work is missing, or at another version.
	n, err := db.works.CountDocuments(ctx, bson.D{{Key: "_id", Value: doc.ID}}, options.Count().SetLimit(1))
	switch {
	case err != nil:
		return storeError(err, nil)
	case n == 0:
		return store.WorkNotFound()
	default:
		return staleWork()
	}
}

// workWriteError maps the error of writing doc. A duplicate key is told
// apart by looking, on both servers alike (FerretDB names no index, and the
// receipt index is compound): another work holding the code, then the
// receipt, names that field; anything else on an insert is the ID. Works
// are never deleted, so the colliding work is still there to be found.
func (db *DB) workWriteError(ctx context.Context, err error, doc *workDoc, updating bool) error {
	if !isDuplicateKey(err) {
		return storeError(err, nil)
	}
	field := store.ValueTaken()
	index, lookErr := db.collidingWorkIndex(ctx, doc)
	switch {
	case lookErr != nil: // unknown: the generic field rather than a guess
	case index != "":
		field = indexConflict(worksCollection, index)
	case !updating:
		field = indexConflict(worksCollection, "_id_")
	}
	e := store.Duplicate(field)
	e.Err = err
	return e
}

// collidingWorkIndex returns the name of the code or receipt index that
// another work shares with doc, or "" when neither is shared.
func (db *DB) collidingWorkIndex(ctx context.Context, doc *workDoc) (string, error) {
	other := bson.E{Key: "_id", Value: bson.M{"$ne": doc.ID}}
	lookups := []struct {
		index  string
		filter bson.D
	}{
		{"essay_works_codeKey", bson.D{{Key: "codeKey", Value: doc.CodeKey}, other}},
		{"essay_works_contestId_receipt", bson.D{
			{Key: "contestId", Value: doc.ContestID}, {Key: "receipt", Value: doc.Receipt}, other}},
	}
	for _, l := range lookups {
		if l.index == "essay_works_codeKey" && doc.CodeKey == "" {
			continue // without a code the work is not in that index
		}
		n, err := db.works.CountDocuments(ctx, l.filter, options.Count().SetLimit(1))
		if err != nil {
			return "", err
		}
		if n > 0 {
			return l.index, nil
		}
	}
	return "", nil
}

// Work → CodeNotFound.
func (db *DB) Work(ctx context.Context, id string) (*essay.Work, error) {
	return db.findWork(ctx, bson.D{{Key: "_id", Value: id}})
}

// WorkByCode finds an accepted work by its anonymous code → CodeNotFound.
// A work that lost its status keeps its code stored but is not found: the
// code must not open a rejected or withdrawn work to judges.
func (db *DB) WorkByCode(ctx context.Context, contestID, code string) (*essay.Work, error) {
	if code == "" {
		return nil, store.WorkNotFound()
	}
	return db.findWork(ctx, bson.D{
		{Key: "codeKey", Value: workCodeKey(contestID, code)},
		{Key: "status", Value: string(essay.WorkAccepted)},
	})
}

func (db *DB) findWork(ctx context.Context, filter bson.D) (*essay.Work, error) {
	return findOne(ctx, db.works, filter, store.WorkNotFound, (*workDoc).work)
}

// WorksOf returns a page of a contest's works ordered by SubmittedAt then
// ID, and how many match. A limit outside 1..1000 reads as the default 200
// (below 1) or 1000 (above).
func (db *DB) WorksOf(ctx context.Context, contestID string, f store.WorkFilter) ([]*essay.Work, int, error) {
	filter := bson.D{{Key: "contestId", Value: contestID}}
	if f.Status != "" {
		filter = append(filter, bson.E{Key: "status", Value: string(f.Status)})
	}
	if f.Category != "" {
		filter = append(filter, bson.E{Key: "category", Value: string(f.Category)})
	}
	if f.MinRound > 0 {
		filter = append(filter, bson.E{Key: "round", Value: bson.M{"$gte": f.MinRound}})
	}
	total, err := db.works.CountDocuments(ctx, filter)
	if err != nil {
		return nil, 0, storeError(err, nil)
	}
	limit := f.Limit
	if limit < 1 {
		limit = defaultWorksLimit
	}
	opts := options.Find().
		SetSort(bson.D{{Key: "submittedAt", Value: 1}, {Key: "_id", Value: 1}}).
		SetSkip(int64(max(f.Offset, 0))).
		SetLimit(int64(min(limit, maxWorksLimit)))
	cursor, err := db.works.Find(ctx, filter, opts)
	works, err := collect(ctx, cursor, err, (*workDoc).work)
	if err != nil {
		return nil, 0, err
	}
	return works, int(total), nil
}

// WorksOfAuthor returns the works an account submitted in a contest, in
// submission order.
func (db *DB) WorksOfAuthor(ctx context.Context, contestID, authorID string) ([]*essay.Work, error) {
	filter := bson.D{{Key: "contestId", Value: contestID}, {Key: "authorId", Value: authorID}}
	opts := options.Find().SetSort(bson.D{{Key: "submittedAt", Value: 1}, {Key: "_id", Value: 1}})
	cursor, err := db.works.Find(ctx, filter, opts)
	return collect(ctx, cursor, err, (*workDoc).work)
}
