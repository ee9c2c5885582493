// Package blob keeps uploaded files (essays, recordings, videos) outside the
// database: on the filesystem for the single-node engine, in GridFS when the
// platform runs on MongoDB. Uploads are streamed through a size limit and a
// SHA-256 hash, so a 1 GB video never sits in memory and an oversized one is
// cut off as soon as it passes the limit.
package blob

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"

	"hoithi/contests"
)

// Store keeps blobs by a random id.
type Store interface {
	// Put streams r into a new blob and returns its id, its size and the
	// hex SHA-256 of its content. More than maxBytes bytes: a CodeTooLarge
	// error naming the field "file", returned as soon as the limit is
	// passed. An upload interrupted by r: CodeInvalid naming "file"
	// (errors of type *contests.Error from r pass through unchanged).
	// Storage failures: CodeInternal. On any error nothing is kept.
	Put(ctx context.Context, r io.Reader, maxBytes int64) (id string, size int64, sha256hex string, err error)
	// Open returns the blob's content and size; the caller closes it. An
	// unknown or malformed id: CodeNotFound.
	Open(ctx context.Context, id string) (io.ReadCloser, int64, error)
	// Delete removes the blob. An unknown or malformed id: CodeNotFound.
	Delete(ctx context.Context, id string) error
}

// idBytes is the entropy of an id: 128 bits, unguessable, so an id in a URL
// is no way in to someone else's file.
const idBytes = 16

// newID returns a random id of 32 lower-case hex digits: URL-safe, and safe
// as a file name on case-insensitive filesystems too.
func newID() (string, error) {
	b := make([]byte, idBytes)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// validID reports whether id has the shape newID makes. Every store checks
// it before touching storage: an id is also a path component for FS, and
// "../" must never reach the filesystem.
func validID(id string) bool {
	if len(id) != 2*idBytes {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func errNotFound() error { return contests.NotFound("tệp", "File") }

func errTooLarge(maxBytes int64) error {
	limit := humanBytes(maxBytes)
	return contests.E(contests.CodeTooLarge,
		contests.T("Tệp vượt quá dung lượng cho phép (%s)", "The file is larger than allowed (%s)", limit),
		contests.Field("file", contests.T("Tệp lớn hơn %s", "The file is larger than %s", limit)))
}

// interrupted turns a failure of the uploader's stream into a message the
// uploader can act on; our own errors (a limit enforced upstream) keep
// their meaning.
func interrupted(cause error) error {
	var ce *contests.Error
	if errors.As(cause, &ce) {
		return cause
	}
	e := contests.Invalid(contests.Field("file", contests.T("Tải tệp lên bị gián đoạn, vui lòng thử lại", "The upload was interrupted, please try again")))
	e.Err = cause
	return e
}

func humanBytes(n int64) string {
	const kib, mib = 1 << 10, 1 << 20
	switch {
	case n >= mib && n%mib == 0:
		return fmt.Sprintf("%d MB", n/mib)
	case n >= mib:
		return fmt.Sprintf("%.1f MB", float64(n)/mib)
	case n >= kib:
		return fmt.Sprintf("%d KB", (n+kib-1)/kib)
	default:
		return fmt.Sprintf("%d byte", n)
	}
}

// source wraps an upload: it hashes and counts what passes, fails with a
// too-large error on the first byte past the limit (reading at most one
// byte more than allowed), tells the uploader's own read errors apart from
// storage errors, and stops when ctx is cancelled.
type source struct {
	ctx      context.Context
	r        io.Reader
	maxBytes int64
	n        int64
	sum      hash.Hash
}

func newSource(ctx context.Context, r io.Reader, maxBytes int64) *source {
	return &source{ctx: ctx, r: r, maxBytes: maxBytes, sum: sha256.New()}
}

func (s *source) Read(p []byte) (int, error) {
	if err := s.ctx.Err(); err != nil {
		return 0, err
	}
	if room := s.maxBytes - s.n + 1; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := s.r.Read(p)
	if s.n+int64(n) > s.maxBytes {
		return 0, errTooLarge(s.maxBytes)
	}
	s.n += int64(n)
	s.sum.Write(p[:n])
	if err != nil && err != io.EOF {
		return n, interrupted(err)
	}
	return n, err
}

// hexSum is the SHA-256 of everything read so far.
func (s *source) hexSum() string { return hex.EncodeToString(s.sum.Sum(nil)) }

func checkMax(maxBytes int64) error {
	if maxBytes <= 0 {
		return contests.Internal(fmt.Errorf("blob: maxBytes must be positive, got %d", maxBytes))
	}
	return nil
}
