package api

import (
	"context"
	"io"
	"os"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/server/docfile"
)

// preparedFile opens a stored work's file as judges and the next level get
// it: a Word file with its properties emptied (they name whoever created
// and last saved it), any other kind as stored (its metadata was removed at
// upload). The copy is made in a temporary file, never in memory; Close
// removes it. A file that cannot be prepared (stored before the archive
// check existed, or damaged since): CodeInvalid naming "file".
func preparedFile(ctx context.Context, blobs judgeBlobs, f essay.StoredFile) (io.ReadCloser, int64, error) {
	rc, size, err := blobs.Open(ctx, f.BlobID)
	if err != nil {
		return nil, 0, err
	}
	if f.Kind != essay.FileDOCX {
		return rc, size, nil
	}
	defer rc.Close()
	src, ok := rc.(interface {
		io.ReaderAt
		io.Reader
	})
	if !ok { // GridFS streams: the zip reader needs random access
		spool, err := tempCopy(rc, size)
		if err != nil {
			return nil, 0, err
		}
		defer spool.Close()
		src = spool
	}
	out, err := newTempFile()
	if err != nil {
		return nil, 0, err
	}
	if err := docfile.StripDocxProperties(src, size, out, docfile.DefaultLimits()); err != nil {
		out.Close()
		return nil, 0, err
	}
	n, err := out.Seek(0, io.SeekCurrent)
	if err == nil {
		_, err = out.Seek(0, io.SeekStart)
	}
	if err != nil {
		out.Close()
		return nil, 0, contests.Internal(err)
	}
	return out, n, nil
}

// tempFile is a temporary file removed when closed.
type tempFile struct{ *os.File }

func newTempFile() (*tempFile, error) {
	f, err := os.CreateTemp("", "hoithi-file-*")
	if err != nil {
		return nil, contests.Internal(err)
	}
	return &tempFile{f}, nil
}

func (t *tempFile) Close() error {
	err := t.File.Close()
	os.Remove(t.File.Name())
	return err
}

// tempCopy copies size bytes of r into a temporary file.
func tempCopy(r io.Reader, size int64) (*tempFile, error) {
	t, err := newTempFile()
	if err != nil {
		return nil, err
	}
	if _, err := io.CopyN(t, r, size); err != nil {
		t.Close()
		return nil, contests.Internal(err)
	}
	return t, nil
}
