package blob

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestFS(t *testing.T) {
	runStoreTests(t, func(t *testing.T) harness {
		dir := t.TempDir()
		s, err := NewFS(dir)
		if err != nil {
			t.Fatal(err)
		}
		return harness{store: s, stored: func(t *testing.T) int { return len(regularFiles(t, dir)) }}
	})
}

func TestFSLayoutAndPermissions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "not", "yet", "there")
	s, err := NewFS(dir)
	if err != nil {
		t.Fatalf("NewFS on a missing directory: %v", err)
	}
	id := putBytes(t, s, []byte("bài dự thi"))
	files := regularFiles(t, dir)
	want := filepath.Join(id[0:2], id[2:4], id)
	if len(files) != 1 || files[0] != want {
		t.Fatalf("files %v, want just %s", files, want)
	}
	info, err := os.Stat(filepath.Join(dir, want))
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("blob file mode %o, want 600: uploads hold personal data", perm)
	}
	if got := readBlob(t, s, id, int64(len("bài dự thi"))); !bytes.Equal(got, []byte("bài dự thi")) {
		t.Errorf("read back %q", got)
	}
}

// regularFiles lists every file under dir (temporary ones included), as
// paths relative to dir.
func regularFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			out = append(out, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
