package blob

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/server/store/mongo/ferrettest"
)

// mongoURI is the server the GridFS tests use: MONGODB_URI when set, else
// a FerretDB started once for this test binary by TestMain.
var mongoURI string

func TestMain(m *testing.M) {
	os.Exit(ferrettest.Main(m, func(uri string, _ bool) { mongoURI = uri }))
}

var databaseSeq atomic.Int64

// freshDatabase returns an empty database dropped when the test ends.
func freshDatabase(t *testing.T) *mongo.Database {
	t.Helper()
	client, err := mongo.Connect(options.Client().ApplyURI(mongoURI).SetTimeout(30 * time.Second))
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	name := fmt.Sprintf("hoithi_blob_%d_%d_%d", os.Getpid(), time.Now().UnixMilli()%1_000_000, databaseSeq.Add(1))
	db := client.Database(name)
	t.Cleanup(func() {
		// t.Context() is already cancelled when cleanups run.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := db.Drop(ctx); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
		_ = client.Disconnect(ctx)
	})
	return db
}

func countDocs(t *testing.T, c *mongo.Collection) int {
	t.Helper()
	n, err := c.CountDocuments(t.Context(), bson.D{})
	if err != nil {
		t.Fatalf("count %s: %v", c.Name(), err)
	}
	return int(n)
}

func TestGridFS(t *testing.T) {
	runStoreTests(t, func(t *testing.T) harness {
		s := NewGridFS(freshDatabase(t))
		return harness{store: s, stored: func(t *testing.T) int { return countDocs(t, s.files) + countDocs(t, s.chunks) }}
	})
}

// TestGridFSLayout checks Put writes standard GridFS documents: what
// mongofiles or another GridFS client expects to find.
func TestGridFSLayout(t *testing.T) {
	s := NewGridFS(freshDatabase(t))
	data := randomBytes(2*chunkBytes+10, 9)
	id, _, sum, err := s.Put(t.Context(), bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Length    int64  `bson:"length"`
		ChunkSize int32  `bson:"chunkSize"`
		Filename  string `bson:"filename"`
		Metadata  struct {
			SHA256 string `bson:"sha256"`
		} `bson:"metadata"`
	}
	if err := s.files.FindOne(t.Context(), bson.D{{Key: "_id", Value: id}}).Decode(&file); err != nil {
		t.Fatalf("files document: %v", err)
	}
	if file.Length != int64(len(data)) || file.ChunkSize != int32(chunkBytes) || file.Filename != id || file.Metadata.SHA256 != sum {
		t.Errorf("files document %+v", file)
	}
	if n := countDocs(t, s.chunks); n != 3 {
		t.Errorf("%d chunks, want 3", n)
	}
}
