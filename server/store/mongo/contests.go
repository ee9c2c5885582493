package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests"
	"hoithi/server/store"
)

// CreateContest inserts c at version 1 → CodeConflict on field "slug".
func (db *DB) CreateContest(ctx context.Context, c *contests.Contest) error {
	doc := toContestDoc(c)
	doc.Version = store.FirstVersion
	err := insertOne(ctx, db.contests, doc)
	if err == nil {
		c.Version = doc.Version
	}
	return err
}

// UpdateContest replaces every field but ID and CreatedAt if the stored
// contest is still at c.Version (one conditional update), then sets
// c.Version to the new version → CodeNotFound; store.Stale when another
// change was stored since c was read; CodeConflict on "slug" when the new
// slug is taken.
func (db *DB) UpdateContest(ctx context.Context, c *contests.Contest) error {
	doc := toContestDoc(c)
	set := bson.D{
		{Key: "slug", Value: doc.Slug},
		{Key: "kind", Value: doc.Kind},
		{Key: "title", Value: doc.Title},
		{Key: "description", Value: doc.Description},
		{Key: "bannerUrl", Value: doc.BannerURL},
		{Key: "ownerUnitId", Value: doc.OwnerUnitID},
		{Key: "ownerUnitPath", Value: doc.OwnerUnitPath},
		{Key: "eligibleUnitPath", Value: doc.EligibleUnitPath},
		{Key: "status", Value: doc.Status},
		{Key: "settings", Value: doc.Settings},
		{Key: "version", Value: c.Version + 1},
	}
	update := datedUpdate(set,
		instant{"startsAt", doc.StartsAt}, instant{"endsAt", doc.EndsAt}, instant{"updatedAt", doc.UpdatedAt})
	res, err := db.contests.UpdateOne(ctx, versionFilter(c.ID, c.Version), update)
	if err != nil {
		return updateError(ctx, db.contests, err, doc, c.ID, store.ContestNotFound)
	}
	if err := versioned(ctx, db.contests, c.ID, res.MatchedCount, store.ContestNotFound); err != nil {
		return err
	}
	c.Version++
	return nil
}

// ContestByID → CodeNotFound.
func (db *DB) ContestByID(ctx context.Context, id string) (*contests.Contest, error) {
	return db.findContest(ctx, bson.D{{Key: "_id", Value: id}})
}

// ContestBySlug → CodeNotFound.
func (db *DB) ContestBySlug(ctx context.Context, slug string) (*contests.Contest, error) {
	return db.findContest(ctx, bson.D{{Key: "slug", Value: slug}})
}

func (db *DB) findContest(ctx context.Context, filter bson.D) (*contests.Contest, error) {
	return findOne(ctx, db.contests, filter, store.ContestNotFound, (*contestDoc).contest)
}

// ListContests returns the contests owned within unitPath ("" for all),
// newest first (then by ID, descending, as on SQLite); publishedOnly hides
// drafts (closed contests stay listed: their results are still read).
func (db *DB) ListContests(ctx context.Context, unitPath string, publishedOnly bool) ([]*contests.Contest, error) {
	filter := bson.D{}
	if unitPath != "" {
		filter = append(filter, bson.E{Key: "ownerUnitPath", Value: subtree(unitPath)})
	}
	return db.newestContests(ctx, filter, publishedOnly)
}

// ContestsOwnedAt returns the contests owned exactly at one of ownerPaths,
// newest first (then by ID, descending, as on SQLite); publishedOnly hides
// drafts.
func (db *DB) ContestsOwnedAt(ctx context.Context, ownerPaths []string, publishedOnly bool) ([]*contests.Contest, error) {
	if len(ownerPaths) == 0 {
		return nil, nil
	}
	filter := bson.D{{Key: "ownerUnitPath", Value: bson.M{"$in": ownerPaths}}}
	return db.newestContests(ctx, filter, publishedOnly)
}

// newestContests returns the contests filter selects, newest first (then by
// ID, descending, as on SQLite); publishedOnly hides drafts (closed contests
// stay listed: their results are still read).
func (db *DB) newestContests(ctx context.Context, filter bson.D, publishedOnly bool) ([]*contests.Contest, error) {
	if publishedOnly {
		filter = append(filter, bson.E{Key: "status", Value: bson.M{"$ne": string(contests.ContestDraft)}})
	}
	opts := options.Find().SetSort(bson.D{{Key: "createdAt", Value: -1}, {Key: "_id", Value: -1}})
	cursor, err := db.contests.Find(ctx, filter, opts)
	return collect(ctx, cursor, err, (*contestDoc).contest)
}
