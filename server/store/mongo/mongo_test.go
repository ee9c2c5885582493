package mongo

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"

	"hoithi/server/store"
	"hoithi/server/store/mongo/ferrettest"
	"hoithi/server/store/storetest"
)

// target is the server every test of this binary uses: the MongoDB at
// MONGODB_URI when set, else one FerretDB started by TestMain (starting one
// per test would dominate the run time).
var target struct {
	uri    string
	engine string
	atomic bool
}

func TestMain(m *testing.M) {
	os.Exit(ferrettest.Main(m, func(uri string, ferret bool) {
		// FerretDB v1 is not atomic under concurrency (docs/mongodb.md).
		target.uri, target.engine, target.atomic = uri, "mongodb", !ferret
		if ferret {
			target.engine = "ferretdb"
		}
	}))
}

// testOptions let the tests use FerretDB, which production refuses.
var testOptions = Options{AllowNonAtomic: true}

var databaseSeq atomic.Int64

// freshDatabaseName is unique within the run and across runs sharing one
// real MongoDB, and short enough for MongoDB's 63-byte limit.
func freshDatabaseName() string {
	return fmt.Sprintf("hoithi_test_%d_%d_%d", os.Getpid(), time.Now().UnixMilli()%1_000_000, databaseSeq.Add(1))
}

// openFresh opens a store on a new, empty database that is dropped when
// the test ends.
func openFresh(t *testing.T) *DB {
	t.Helper()
	name := freshDatabaseName()
	db, err := Open(t.Context(), target.uri, name, testOptions)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		// t.Context() is already cancelled when cleanups run.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := db.client.Database(name).Drop(ctx); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openFresh(t) },
		storetest.Options{Engine: target.engine, Atomic: target.atomic})
}

// wantIndexes fails the test when a collection of database lacks one of the
// indexes the store declares for it.
func wantIndexes(t *testing.T, database *mongo.Database, colls ...string) {
	t.Helper()
	for _, coll := range colls {
		names, err := indexNames(t.Context(), database.Collection(coll))
		if err != nil {
			t.Fatal(err)
		}
		for _, def := range indexes {
			if def.collection == coll && !names[def.name] {
				t.Errorf("%s lacks index %s (has %v)", coll, def.name, names)
			}
		}
	}
}
