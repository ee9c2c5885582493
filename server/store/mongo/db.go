// Package mongo is the scale-out storage engine: MongoDB (a replica set in
// production) through the official v2 driver. It implements store.Store and
// passes the storetest contract.
//
// It is written for the subset of MongoDB that FerretDB v1 also serves (see
// docs/mongodb.md): no transactions, every invariant held by one
// single-document conditional update or by a unique index, no aggregation
// beyond what both servers compute alike.
package mongo

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"go.mongodb.org/mongo-driver/v2/mongo/readconcern"
	"go.mongodb.org/mongo-driver/v2/mongo/readpref"
	"go.mongodb.org/mongo-driver/v2/mongo/writeconcern"

	"hoithi/contests"
	"hoithi/server/store"
)

// defaultOperationTimeout bounds every operation the client runs when the
// caller's context has no deadline of its own (a request's context has
// none). The driver sends the time left as maxTimeMS with each command, the
// getMore of a cursor included, so the server itself stops a query whose
// caller gave up. 30 s outlasts a replica-set election (about 12 s from a
// primary's failure to a new primary) so that a write retried across the
// election still succeeds. A timeoutMS in the URI wins.
const defaultOperationTimeout = 30 * time.Second

// defaultStartTimeout bounds what Open does before serving: reaching the
// server, checking it and building the missing indexes. It is separate from
// the per-operation timeout because building an index on a large
// collection can take minutes, and a start that gives up halfway would only
// begin again.
const defaultStartTimeout = 10 * time.Minute

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
	// standingHeadsCollection holds, per round, which generation of
	// quiz_standings is the published table (see quiz_standings.go).
	standingHeadsCollection = "quiz_standing_heads"
	// countersCollection holds one sequence per contest's question bank (see
	// nextQuestionSeqs): creation order must survive several server instances.
	countersCollection = "quiz_counters"

	worksCollection       = "essay_works"
	identitiesCollection  = "essay_identities"
	essayRoundsCollection = "essay_rounds"
	seatsCollection       = "essay_seats"
	scoresCollection      = "essay_scores"
	auditCollection       = "audit_log"

	metaCollection   = "server_meta"
	leasesCollection = "leases"
	// rateCountersCollection holds the shared counters (counters.go).
	rateCountersCollection = "rate_counters"
	// snapshotsCollection holds statistics snapshots (snapshots.go).
	snapshotsCollection = "stats_snapshots"
)

// DB is a connected database.
type DB struct {
	// NumberedRounds answers the round calls of the port over the
	// quiz_rounds and essay_rounds collections (numbered.go).
	store.NumberedRounds

	client   *mongo.Client
	users    *mongo.Collection
	units    *mongo.Collection
	tokens   *mongo.Collection
	contests *mongo.Collection

	questions      *mongo.Collection
	rounds         *mongo.Collection
	participations *mongo.Collection
	standings      *mongo.Collection
	standingHeads  *mongo.Collection
	counters       *mongo.Collection

	works       *mongo.Collection
	identities  *mongo.Collection
	essayRounds *mongo.Collection
	seats       *mongo.Collection
	scores      *mongo.Collection
	auditLog    *mongo.Collection

	meta         *mongo.Collection
	leases       *mongo.Collection
	rateCounters *mongo.Collection
	snapshots    *mongo.Collection
	failedLogins *mongo.Collection
}

var _ store.Store = (*DB)(nil)

// Options tune Open; the zero value is what production wants.
type Options struct {
	// OperationTimeout bounds one operation (0: defaultOperationTimeout).
	OperationTimeout time.Duration
	// StartTimeout bounds Open itself (0: defaultStartTimeout).
	StartTimeout time.Duration
	// AllowNonAtomic lets Open serve on a server that does not apply a
	// single-document update atomically (FerretDB v1): development and
	// tests only, never a contest (see checkAtomic).
	AllowNonAtomic bool
}

// Open connects to the server at uri, checks that it answers and that it
// applies single-document updates atomically, and creates the indexes of
// database dbName that are missing. Opening an existing database again
// changes nothing.
//
// Unless the URI says otherwise, writes wait for a majority of the replica
// set ("w=majority": an acknowledged answer survives the loss of the
// primary) and reads see majority-committed data ("readConcernLevel=
// majority": nothing a failover could roll back is shown or acted on).
func Open(ctx context.Context, uri, dbName string, o Options) (*DB, error) {
	if dbName == "" {
		return nil, errors.New("mongo: empty database name")
	}
	opts := options.Client().ApplyURI(uri)
	if opts.Timeout == nil {
		opts.SetTimeout(cmp.Or(o.OperationTimeout, defaultOperationTimeout))
	}
	if opts.WriteConcern == nil {
		opts.SetWriteConcern(writeconcern.Majority())
	}
	if opts.ReadConcern == nil {
		opts.SetReadConcern(readconcern.Majority())
	}
	// A deadline on the context wins over the client's operation timeout,
	// so index builds get the start-up budget (see defaultStartTimeout).
	ctx, cancel := context.WithTimeout(ctx, cmp.Or(o.StartTimeout, defaultStartTimeout))
	defer cancel()
	client, err := mongo.Connect(opts)
	if err != nil {
		return nil, fmt.Errorf("mongo: connect: %w", err)
	}
	if err := client.Ping(ctx, readpref.Primary()); err != nil {
		disconnect(client)
		return nil, fmt.Errorf("mongo: ping: %w", err)
	}
	ferret, err := checkAtomic(ctx, client, o.AllowNonAtomic)
	if err != nil {
		disconnect(client)
		return nil, err
	}
	database := client.Database(dbName)
	if err := ensureIndexes(ctx, database, !ferret); err != nil {
		disconnect(client)
		return nil, fmt.Errorf("mongo: indexes: %w", err)
	}
	db := &DB{
		client:   client,
		users:    database.Collection(usersCollection),
		units:    database.Collection(unitsCollection),
		tokens:   database.Collection(refreshTokensCollection),
		contests: database.Collection(contestsCollection),

		questions:      database.Collection(questionsCollection),
		rounds:         database.Collection(roundsCollection),
		participations: database.Collection(participationsCollection),
		standings:      database.Collection(standingsCollection),
		standingHeads:  database.Collection(standingHeadsCollection),
		counters:       database.Collection(countersCollection),

		works:       database.Collection(worksCollection),
		identities:  database.Collection(identitiesCollection),
		essayRounds: database.Collection(essayRoundsCollection),
		seats:       database.Collection(seatsCollection),
		scores:      database.Collection(scoresCollection),
		auditLog:    database.Collection(auditCollection),

		meta:         database.Collection(metaCollection),
		leases:       database.Collection(leasesCollection),
		rateCounters: database.Collection(rateCountersCollection),
		snapshots:    database.Collection(snapshotsCollection),
		failedLogins: database.Collection(failedLoginsCollection),
	}
	db.NumberedRounds = store.NumberedRounds{QuizRounds: quizRoundStore(db), EssayRounds: essayRoundStore(db)}
	return db, nil
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

// findOne decodes the one document of coll matching filter into D and
// converts it with domain; none is notFound() (CodeNotFound).
func findOne[D, T any](ctx context.Context, coll *mongo.Collection, filter bson.D, notFound func() error, domain func(*D) T) (T, error) {
	var doc D
	if err := coll.FindOne(ctx, filter).Decode(&doc); err != nil {
		var none T
		return none, storeError(err, notFound)
	}
	return domain(&doc), nil
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
