package mongo

import (
	"context"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/server/store"
)

// failedLoginsCollection holds the failed logins of every instance
// (store.FailedLogins), each deleted by the server a week after it through
// a TTL index on expiresAt (FerretDB has none: there they stay, and the
// view still reads only the newest).
const failedLoginsCollection = "failed_logins"

// failedLoginKept is how long a failed login stays listed.
const failedLoginKept = 7 * 24 * time.Hour

type failedLoginDoc struct {
	ID        string    `bson:"_id"`
	At        time.Time `bson:"at"`
	Account   string    `bson:"account"`
	UnitPath  string    `bson:"unitPath"`
	Client    string    `bson:"client"`
	Throttled bool      `bson:"throttled,omitempty"`
	ExpiresAt time.Time `bson:"expiresAt"`
}

var _ store.FailedLogins = (*DB)(nil)

// RecordFailedLogin inserts one failure.
func (db *DB) RecordFailedLogin(ctx context.Context, f store.FailedLogin) error {
	at := storedTime(f.At)
	_, err := db.failedLogins.InsertOne(ctx, failedLoginDoc{ID: store.NewID(), At: at, Account: f.Account, UnitPath: f.UnitPath,
		Client: f.Client, Throttled: f.Throttled, ExpiresAt: at.Add(failedLoginKept)})
	return storeError(err, nil)
}

// RecentFailedLogins reads the newest failures under paths (see the port).
func (db *DB) RecentFailedLogins(ctx context.Context, paths []string, limit int) ([]store.FailedLogin, error) {
	filter := bson.D{}
	if !slices.Contains(paths, "/") {
		var under bson.A
		for _, p := range paths {
			if p != "" {
				under = append(under, bson.D{{Key: "unitPath", Value: subtree(p)}})
			}
		}
		if len(under) == 0 {
			return []store.FailedLogin{}, nil
		}
		filter = bson.D{{Key: "$or", Value: under}}
	}
	cursor, err := db.failedLogins.Find(ctx, filter, options.Find().SetSort(bson.D{{Key: "at", Value: -1}, {Key: "_id", Value: -1}}).SetLimit(int64(limit)))
	return collect(ctx, cursor, err, func(d *failedLoginDoc) store.FailedLogin {
		return store.FailedLogin{At: d.At.UTC(), Account: d.Account, UnitPath: d.UnitPath, Client: d.Client, Throttled: d.Throttled}
	})
}
