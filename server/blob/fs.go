package blob

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"hoithi/contests"
)

// FS keeps blobs as files under one directory, as dir/aa/bb/<id> where aa
// and bb are the id's first two pairs of hex digits: a contest's tens of
// thousands of files then spread over 65,536 directories instead of
// crowding one.
type FS struct {
	dir string
}

var _ Store = (*FS)(nil)

// copyBufferBytes is how much of an upload is in memory at a time.
const copyBufferBytes = 64 << 10

// NewFS returns a store under dir, creating it (0700) if needed.
func NewFS(dir string) (*FS, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("blob: %w", err)
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		return nil, fmt.Errorf("blob: %w", err)
	}
	return &FS{dir: abs}, nil
}

func (s *FS) path(id string) string {
	return filepath.Join(s.dir, id[0:2], id[2:4], id)
}

// Put writes the upload to a temporary file beside its final place and
// renames it once complete and synced: a reader, a crash or a failed upload
// never sees half a file under an id.
func (s *FS) Put(ctx context.Context, r io.Reader, maxBytes int64) (string, int64, string, error) {
	if err := checkMax(maxBytes); err != nil {
		return "", 0, "", err
	}
	id, err := newID()
	if err != nil {
		return "", 0, "", contests.Internal(err)
	}
	final := s.path(id)
	if err := os.MkdirAll(filepath.Dir(final), 0o700); err != nil {
		return "", 0, "", contests.Internal(err)
	}
	// CreateTemp makes the file 0600: uploads hold personal data.
	tmp, err := os.CreateTemp(filepath.Dir(final), ".upload-*")
	if err != nil {
		return "", 0, "", contests.Internal(err)
	}
	committed := false
	defer func() {
		if !committed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	src := newSource(ctx, r, maxBytes)
	if err := copyUpload(tmp, src); err != nil {
		return "", 0, "", err
	}
	if err := tmp.Sync(); err != nil {
		return "", 0, "", contests.Internal(err)
	}
	if err := tmp.Close(); err != nil {
		return "", 0, "", contests.Internal(err)
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		return "", 0, "", contests.Internal(err)
	}
	committed = true
	return id, src.n, src.hexSum(), nil
}

// copyUpload copies src to dst, telling the upload's errors (returned as
// they are) from the disk's (internal).
func copyUpload(dst io.Writer, src *source) error {
	buf := make([]byte, copyBufferBytes)
	for {
		n, readErr := src.Read(buf)
		if n > 0 {
			if _, err := dst.Write(buf[:n]); err != nil {
				return contests.Internal(err)
			}
		}
		if readErr == io.EOF {
			return nil
		}
		if readErr != nil {
			return readErr
		}
	}
}

// Open returns the blob as an *os.File, which is also an io.ReadSeeker for
// range requests.
func (s *FS) Open(_ context.Context, id string) (io.ReadCloser, int64, error) {
	if !validID(id) {
		return nil, 0, errNotFound()
	}
	f, err := os.Open(s.path(id))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, 0, errNotFound()
	}
	if err != nil {
		return nil, 0, contests.Internal(err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, contests.Internal(err)
	}
	return f, info.Size(), nil
}

// Delete removes the blob's file; its (possibly now empty) directories stay,
// since another upload may be creating a file in them at this moment.
func (s *FS) Delete(_ context.Context, id string) error {
	if !validID(id) {
		return errNotFound()
	}
	err := os.Remove(s.path(id))
	if errors.Is(err, fs.ErrNotExist) {
		return errNotFound()
	}
	if err != nil {
		return contests.Internal(err)
	}
	return nil
}
