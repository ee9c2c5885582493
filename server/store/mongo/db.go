// Package mongo is the scale-out storage engine: MongoDB (a replica set in
// production) through the official v2 driver. It implements store.Store and
// passes the storetest contract.
//
// It is written for the subset of MongoDB that FerretDB v1 also serves (see
// MONGO_COMPAT.md): no transactions, every invariant held by one
// single-document conditional update or by a unique index, no aggregation
// beyond what both servers compute alike.
package mongo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"go.mongodb.org/mongo-driver/v2/mongo/readpref"

	"hoithi/contests"
	"hoithi/server/store"
)

// defaultOperationTimeout bounds every operation the client runs (it sends
// maxTimeMS), so a query abandoned by its HTTP request cannot keep the server
// busy. A timeoutMS in the URI wins.
const defaultOperationTimeout = 10 * time.Second

// closeTimeout bounds Close: a vanished server must not hang shutdown.
const closeTimeout = 10 * time.Second

// Collection names.
const (
	usersCollection         = "users"
	unitsCollection         = "units"
	refreshTokensCollection = "refresh_tokens"
	contestsCollection      = "contests"

	questionsCollection      = "quiz_questions"
	roundsCollection         = "quiz_rounds"
	participationsCollection = "quiz_participations"
	standingsCollection      = "quiz_standings"
	// countersCollection holds one sequence per contest's question bank (see
	// nextQuestionSeqs): creation order must survive several server instances.
	countersCollection = "quiz_counters"

	worksCollection       = "essay_works"
	identitiesCollection  = "essay_identities"
	essayRoundsCollection = "essay_rounds"
	seatsCollection       = "essay_seats"
	scoresCollection      = "essay_scores"
	auditCollection       = "audit_log"
)

// DB is a connected database.
type DB struct {
	client   *mongo.Client
	users    *mongo.Collection
	units    *mongo.Collection
	tokens   *mongo.Collection
	contests *mongo.Collection

	questions      *mongo.Collection
	rounds         *mongo.Collection
	participations *mongo.Collection
	standings      *mongo.Collection
	counters       *mongo.Collection

	works       *mongo.Collection
	identities  *mongo.Collection
	essayRounds *mongo.Collection
	seats       *mongo.Collection
	scores      *mongo.Collection
	auditLog    *mongo.Collection
}

var _ store.Store = (*DB)(nil)

// Open connects to the server at uri, checks that it answers and creates the
// indexes of database dbName that are missing. Opening an existing database
// again changes nothing.
func Open(ctx context.Context, uri, dbName string) (*DB, error) {
	if dbName == "" {
		return nil, errors.New("mongo: empty database name")
	}
	opts := options.Client().ApplyURI(uri)
	if opts.Timeout == nil {
		opts.SetTimeout(defaultOperationTimeout)
	}
	client, err := mongo.Connect(opts)
	if err != nil {
		return nil, fmt.Errorf("mongo: connect: %w", err)
	}
	if err := client.Ping(ctx, readpref.Primary()); err != nil {
		disconnect(client)
		return nil, fmt.Errorf("mongo: ping: %w", err)
	}
	database := client.Database(dbName)
	if err := ensureIndexes(ctx, database); err != nil {
		disconnect(client)
		return nil, fmt.Errorf("mongo: indexes: %w", err)
	}
	return &DB{
		client:   client,
		users:    database.Collection(usersCollection),
		units:    database.Collection(unitsCollection),
		tokens:   database.Collection(refreshTokensCollection),
		contests: database.Collection(contestsCollection),

		questions:      database.Collection(questionsCollection),
		rounds:         database.Collection(roundsCollection),
		participations: database.Collection(participationsCollection),
		standings:      database.Collection(standingsCollection),
		counters:       database.Collection(countersCollection),

		works:       database.Collection(worksCollection),
		identities:  database.Collection(identitiesCollection),
		essayRounds: database.Collection(essayRoundsCollection),
		seats:       database.Collection(seatsCollection),
		scores:      database.Collection(scoresCollection),
		auditLog:    database.Collection(auditCollection),
	}, nil
}

// Ping reports whether the primary answers (for /readyz).
func (db *DB) Ping(ctx context.Context) error {
	if err := db.client.Ping(ctx, readpref.Primary()); err != nil {
		return contests.Internal(err)
	}
	return nil
}

// Close disconnects the client, waiting at most closeTimeout for operations
// in flight.
func (db *DB) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
	defer cancel()
	return db.client.Disconnect(ctx)
}

// disconnect releases a client that failed to open; its error adds nothing
// to the one being returned.
func disconnect(client *mongo.Client) {
	ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
	defer cancel()
	_ = client.Disconnect(ctx)
}

// subtree matches every path starting with prefix, as a range the path
// indexes serve; a regex prefix would not use them on every server. Paths
// are ASCII, so "\uffff" sorts after every continuation of the prefix.
func subtree(prefix string) bson.M {
	return bson.M{"$gte": prefix, "$lt": prefix + "\uffff"}
}

// updatedOne turns the result of an update by _id into the port's errors:
// no document matched means the record does not exist.
func updatedOne(res *mongo.UpdateResult, err error, notFound func() error) error {
	if err != nil {
		return storeError(err, nil)
	}
	if res.MatchedCount == 0 {
		return notFound()
	}
	return nil
}

// collect decodes every document of cursor into D and converts it with
// domain. The result is never nil, so an empty list encodes as [] in JSON.
func collect[D, T any](ctx context.Context, cursor *mongo.Cursor, err error, domain func(*D) T) ([]T, error) {
	if err != nil {
		return nil, storeError(err, nil)
	}
	var docs []D
	if err := cursor.All(ctx, &docs); err != nil {
		return nil, storeError(err, nil)
	}
	out := make([]T, len(docs))
	for i := range docs {
		out[i] = domain(&docs[i])
	}
	return out, nil
}

// DropDatabase removes the whole database: tests use it to clean up after
// themselves; nothing in the server calls it.
func (db *DB) DropDatabase(ctx context.Context) error {
	return db.users.Database().Drop(ctx)
}
