package mongo

import (
	"context"
	"fmt"
	"math"
	"slices"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests/audit"
	"hoithi/server/store"
)

// defaultAuditLimit is the page AuditEntries returns when the caller gives
// no positive limit.
const defaultAuditLimit = 1000

// auditKey is the _id of entry seq of chain: the Seq zero-padded to the 20
// digits of the largest uint64, so one chain's keys sort in Seq order.
func auditKey(chain string, seq uint64) string { return fmt.Sprintf("%s|%020d", chain, seq) }

// AppendAudit stores e as entry e.Seq of chain. Two instances appending at
// once both computed the same Seq from the same head; the unique _id (and
// the (chain, seq) index) lets exactly one insert through and the other
// gets CodeConflict, re-reads the head and re-hashes.
func (db *DB) AppendAudit(ctx context.Context, chain string, e audit.Entry) error {
	_, err := db.auditLog.InsertOne(ctx, toAuditDoc(chain, &e))
	if isDuplicateKey(err) {
		ce := store.Duplicate(indexConflict(auditCollection, "audit_log_chain_seq"))
		ce.Err = err
		return ce
	}
	return storeError(err, nil)
}

// LastAudit returns the chain's last entry → CodeNotFound when empty.
func (db *DB) LastAudit(ctx context.Context, chain string) (*audit.Entry, error) {
	var doc auditDoc
	opts := options.FindOne().SetSort(bson.D{{Key: "seq", Value: -1}})
	if err := db.auditLog.FindOne(ctx, bson.D{{Key: "chain", Value: chain}}, opts).Decode(&doc); err != nil {
		return nil, storeError(err, store.AuditNotFound)
	}
	e := doc.entry()
	return &e, nil
}

// AuditEntries returns up to limit entries with Seq > after, in Seq order
// (defaultAuditLimit when limit < 1): a page of a verification walk.
func (db *DB) AuditEntries(ctx context.Context, chain string, after uint64, limit int) ([]audit.Entry, error) {
	if limit < 1 {
		limit = defaultAuditLimit
	}
	if after >= math.MaxInt64 {
		return []audit.Entry{}, nil // Seq is stored as int64: nothing lies beyond
	}
	filter := bson.D{{Key: "chain", Value: chain}, {Key: "seq", Value: bson.M{"$gt": int64(after)}}}
	opts := options.Find().SetSort(bson.D{{Key: "seq", Value: 1}}).SetLimit(int64(limit))
	cursor, err := db.auditLog.Find(ctx, filter, opts)
	return collect(ctx, cursor, err, (*auditDoc).entry)
}

// chainGroup is one group of AuditChains' pipeline.
type chainGroup struct {
	Chain string `bson:"_id"`
}

// AuditChains lists every chain name, sorted. It groups by chain rather
// than running distinct, which FerretDB v1 refuses once the client sends
// maxTimeMS (see defaultOperationTimeout). Sorting by chain first lets
// MongoDB answer from the (chain, seq) index, one key per chain.
func (db *DB) AuditChains(ctx context.Context) ([]string, error) {
	pipeline := mongo.Pipeline{
		{{Key: "$sort", Value: bson.D{{Key: "chain", Value: 1}}}},
		{{Key: "$group", Value: bson.D{{Key: "_id", Value: "$chain"}}}},
	}
	cursor, err := db.auditLog.Aggregate(ctx, pipeline)
	chains, err := collect(ctx, cursor, err, func(g *chainGroup) string { return g.Chain })
	if err != nil {
		return nil, err
	}
	slices.Sort(chains) // $group keeps no order
	return chains, nil
}
