package blob

import (
	"context"
	"errors"
	"io"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"hoithi/contests"
)

// BucketName is the GridFS bucket holding the blobs: collections
// blobs.files and blobs.chunks.
const BucketName = "blobs"

const (
	// chunkBytes is the GridFS default chunk size; it is also all of an
	// upload that is in memory at a time.
	chunkBytes = int(mongo.DefaultGridFSChunkSize)
	// cleanupTimeout bounds removing the chunks of a failed upload, which
	// runs even when the request's context is already cancelled.
	cleanupTimeout = 30 * time.Second
	// downloadLifetime is how long an open download may stream when the
	// caller's context has no deadline. Without one the driver would apply
	// the client-wide operation timeout (seconds) to the whole stream and
	// cut a large video short on a slow phone.
	downloadLifetime = 6 * time.Hour
)

// GridFS keeps blobs in the GridFS bucket "blobs" of a MongoDB database,
// so every server instance sharing the database sees every file.
//
// Put writes the GridFS chunks and files documents itself rather than
// through the driver's upload stream: that stream buffers 16 MiB per upload
// and its bucket is not safe for concurrent first writes. The layout is
// standard GridFS (mongofiles and the driver's bucket read it); Open and
// Delete use the driver's bucket.
type GridFS struct {
	bucket *mongo.GridFSBucket
	files  *mongo.Collection
	chunks *mongo.Collection

	indexMu    sync.Mutex
	indexReady bool
}

var _ Store = (*GridFS)(nil)

// NewGridFS returns a store in db's bucket "blobs". The bucket's indexes
// are created by the first Put.
func NewGridFS(db *mongo.Database) *GridFS {
	return &GridFS{
		bucket: db.GridFSBucket(options.GridFSBucket().SetName(BucketName)),
		files:  db.Collection(BucketName + ".files"),
		chunks: db.Collection(BucketName + ".chunks"),
	}
}

// chunkDoc and fileDoc are the GridFS documents (GridFS specification).
type chunkDoc struct {
	ID      bson.ObjectID `bson:"_id"`
	FilesID string        `bson:"files_id"`
	N       int32         `bson:"n"`
	Data    bson.Binary   `bson:"data"`
}

type fileDoc struct {
	ID         string        `bson:"_id"`
	Length     int64         `bson:"length"`
	ChunkSize  int32         `bson:"chunkSize"`
	UploadDate bson.DateTime `bson:"uploadDate"`
	Filename   string        `bson:"filename"`
	Metadata   fileMetadata  `bson:"metadata"`
}

type fileMetadata struct {
	SHA256 string `bson:"sha256"`
}

// Put streams r into chunks of 255 KiB and writes the files document last,
// so a blob becomes visible only when complete; on any error its chunks are
// removed.
func (g *GridFS) Put(ctx context.Context, r io.Reader, maxBytes int64) (string, int64, string, error) {
	if err := checkMax(maxBytes); err != nil {
		return "", 0, "", err
	}
	if err := g.ensureIndexes(ctx); err != nil {
		return "", 0, "", contests.Internal(err)
	}
	id, err := newID()
	if err != nil {
		return "", 0, "", contests.Internal(err)
	}
	src := newSource(ctx, r, maxBytes)
	if err := g.writeChunks(ctx, id, src); err != nil {
		g.discard(ctx, id)
		return "", 0, "", err
	}
	doc := fileDoc{ID: id, Length: src.n, ChunkSize: int32(chunkBytes), UploadDate: bson.NewDateTimeFromTime(time.Now()),
		Filename: id, Metadata: fileMetadata{SHA256: src.hexSum()}}
	if _, err := g.files.InsertOne(ctx, doc); err != nil {
		g.discard(ctx, id)
		return "", 0, "", contests.Internal(err)
	}
	return id, src.n, doc.Metadata.SHA256, nil
}

func (g *GridFS) writeChunks(ctx context.Context, id string, src *source) error {
	buf := make([]byte, chunkBytes)
	for n := int32(0); ; n++ {
		k, err := io.ReadFull(src, buf)
		last := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !last {
			return err
		}
		if k > 0 {
			chunk := chunkDoc{ID: bson.NewObjectID(), FilesID: id, N: n, Data: bson.Binary{Data: buf[:k]}}
			if _, err := g.chunks.InsertOne(ctx, chunk); err != nil {
				return contests.Internal(err)
			}
		}
		if last {
			return nil
		}
	}
}

// discard deletes what a failed upload wrote: its chunks, and its files
// document in case the insert that reported failure (a timeout) went
// through. It must run even when the failure is ctx's cancellation, hence
// a context of its own.
func (g *GridFS) discard(ctx context.Context, id string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
	defer cancel()
	_, _ = g.files.DeleteOne(ctx, bson.D{{Key: "_id", Value: id}})
	_, _ = g.chunks.DeleteMany(ctx, bson.D{{Key: "files_id", Value: id}})
}

// ensureIndexes creates the indexes the GridFS specification asks for (the
// same keys the driver would create, so neither duplicates the other); a
// failure is retried by the next Put.
func (g *GridFS) ensureIndexes(ctx context.Context) error {
	g.indexMu.Lock()
	defer g.indexMu.Unlock()
	if g.indexReady {
		return nil
	}
	_, err := g.files.Indexes().CreateOne(ctx, mongo.IndexModel{
		Keys: bson.D{{Key: "filename", Value: int32(1)}, {Key: "uploadDate", Value: int32(1)}},
	})
	if err != nil {
		return err
	}
	_, err = g.chunks.Indexes().CreateOne(ctx, mongo.IndexModel{
		Keys:    bson.D{{Key: "files_id", Value: int32(1)}, {Key: "n", Value: int32(1)}},
		Options: options.Index().SetUnique(true),
	})
	if err != nil {
		return err
	}
	g.indexReady = true
	return nil
}

// Open streams the blob chunk by chunk. The stream lives as long as ctx
// (or downloadLifetime when ctx has no deadline); Close releases it.
func (g *GridFS) Open(ctx context.Context, id string) (io.ReadCloser, int64, error) {
	if !validID(id) {
		return nil, 0, errNotFound()
	}
	cancel := context.CancelFunc(func() {})
	if _, ok := ctx.Deadline(); !ok {
		ctx, cancel = context.WithTimeout(ctx, downloadLifetime)
	}
	ds, err := g.bucket.OpenDownloadStream(ctx, id)
	if errors.Is(err, mongo.ErrFileNotFound) {
		cancel()
		return nil, 0, errNotFound()
	}
	if err != nil {
		cancel()
		return nil, 0, contests.Internal(err)
	}
	return &download{GridFSDownloadStream: ds, cancel: cancel}, ds.GetFile().Length, nil
}

type download struct {
	*mongo.GridFSDownloadStream
	cancel context.CancelFunc
}

func (d *download) Close() error {
	defer d.cancel()
	return d.GridFSDownloadStream.Close()
}

// Delete removes the files document, then the chunks.
func (g *GridFS) Delete(ctx context.Context, id string) error {
	if !validID(id) {
		return errNotFound()
	}
	err := g.bucket.Delete(ctx, id)
	if errors.Is(err, mongo.ErrFileNotFound) {
		return errNotFound()
	}
	if err != nil {
		return contests.Internal(err)
	}
	return nil
}
