package api

import (
	"bytes"
	"context"
	"log/slog"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"hoithi/server/store"
	"hoithi/server/store/sqlite"
)

// lockedBuffer collects log lines written from the handler goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// makeReadOnly makes path unwritable even for root (who ignores file
// modes): the immutable attribute for root, mode 0444 for anyone else.
func makeReadOnly(t *testing.T, path string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(path, 0o444); err != nil {
			t.Fatal(err)
		}
		return
	}
	if out, err := exec.Command("chattr", "+i", path).CombinedOutput(); err != nil {
		t.Skipf("running as root and cannot make %s immutable (chattr: %v %s): no way to make it read-only here", path, err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", path).Run() })
}

// TestReadyzFailsOnReadOnlyDatabase restores a database file that the
// server cannot write (as after a careless restore): it opens and answers
// reads, but /readyz must say 503 and the log must say why.
func TestReadyzFailsOnReadOnlyDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hoithi.db")
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	makeReadOnly(t, path)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	st, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("a read-only database should still open (SQLite falls back to read-only): %v", err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Ping(ctx); err != nil {
		t.Fatalf("ping should pass on a read-only file (that is the trap): %v", err)
	}
	e, logs := readyEnv(t, st, Readiness{})
	r := e.do("GET", "/readyz", nil, "")
	if r.Status != 503 || r.Body["status"] != "unavailable" {
		t.Fatalf("readyz on a read-only database: %d %s", r.Status, r.Raw)
	}
	if !strings.Contains(logs.String(), "store refuses writes") || !strings.Contains(logs.String(), "readonly") {
		t.Fatalf("log does not say why:\n%s", logs)
	}
}

// readyEnv is an app on st (no seed data: the store may refuse writes)
// whose log lands in the returned buffer.
func readyEnv(t *testing.T, st store.Store, r Readiness) (*env, *lockedBuffer) {
	e := &env{t: t, store: st, now: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	logs := &lockedBuffer{}
	e.app = New(Deps{Store: st, Now: func() time.Time { return e.now },
		Log: slog.New(slog.NewTextHandler(logs, nil)), Readiness: r})
	return e, logs
}

// probeCountingStore counts write probes.
type probeCountingStore struct {
	store.Store
	probes int
}

func (c *probeCountingStore) ProbeWrite(ctx context.Context) error {
	c.probes++
	return c.Store.ProbeWrite(ctx)
}

// TestReadyzProbesAtMostOncePerInterval: a proxy checking every second
// costs one write per interval, yet a store that stops answering is seen at
// once (Ping runs on every call).
func TestReadyzProbesAtMostOncePerInterval(t *testing.T) {
	st := &probeCountingStore{Store: engines[0].open(t)}
	e, _ := readyEnv(t, st, Readiness{ProbeEvery: 5 * time.Second})
	for range 4 {
		if r := e.do("GET", "/readyz", nil, ""); r.Status != 200 {
			t.Fatalf("readyz: %d %s", r.Status, r.Raw)
		}
		e.now = e.now.Add(time.Second)
	}
	if st.probes != 1 {
		t.Fatalf("%d write probes in 4 s, want 1", st.probes)
	}
	e.now = e.now.Add(time.Second)
	e.do("GET", "/readyz", nil, "")
	if st.probes != 2 {
		t.Fatalf("%d write probes after 5 s, want 2", st.probes)
	}
	st.Close()
	if r := e.do("GET", "/readyz", nil, ""); r.Status != 503 {
		t.Fatalf("readyz right after the store closed: %d", r.Status)
	}
}

// TestReadyzDiskThreshold: a minimum above the free space makes the instance
// not ready, with the reason logged; the verdict is cached between probes
// and re-checked once ProbeEvery has passed.
func TestReadyzDiskThreshold(t *testing.T) {
	dir := t.TempDir()
	st := engines[0].open(t)
	e, logs := readyEnv(t, st, Readiness{DataDir: dir, MinFreeBytes: math.MaxUint64 >> 1, ProbeEvery: 5 * time.Second})
	if r := e.do("GET", "/readyz", nil, ""); r.Status != 503 {
		t.Fatalf("readyz with the disk below its minimum: %d %s", r.Status, r.Raw)
	}
	if !strings.Contains(logs.String(), "disk almost full") || !strings.Contains(logs.String(), dir) {
		t.Fatalf("log does not say why:\n%s", logs)
	}
	free, err := freeBytes(dir)
	if err != nil || free == 0 {
		t.Fatalf("free space of %s: %d %v", dir, free, err)
	}
	e2, _ := readyEnv(t, st, Readiness{DataDir: dir, MinFreeBytes: free / 2, ProbeEvery: 5 * time.Second})
	if r := e2.do("GET", "/readyz", nil, ""); r.Status != 200 {
		t.Fatalf("readyz with room on the disk: %d %s", r.Status, r.Raw)
	}
}

// TestRestoreProcedureAsWritten follows docs/deploy.md's restore steps for
// the single node (stop, delete hoithi.db and its -wal/-shm, put the backup
// in place, start) and checks that /readyz then passes honestly: the write
// probe succeeds on the restored file and the backup's data is there.
func TestRestoreProcedureAsWritten(t *testing.T) {
	dir, backup := t.TempDir(), t.TempDir()
	path := filepath.Join(dir, "hoithi.db")
	open := func() store.Store {
		st, err := sqlite.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	st := open()
	newEnv(t, st, Limits{})            // seeds the units: the data the backup must bring back
	if err := st.Close(); err != nil { // "stop": a clean close checkpoints the WAL
		t.Fatal(err)
	}
	copyFile(t, path, filepath.Join(backup, "hoithi.db"))
	st = open()
	must(t, st.ProbeWrite(context.Background())) // life goes on after the backup
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	copyFile(t, filepath.Join(backup, "hoithi.db"), path)
	st = open()
	t.Cleanup(func() { st.Close() })
	e2, logs := readyEnv(t, st, Readiness{DataDir: dir, MinFreeBytes: 1 << 20})
	if r := e2.do("GET", "/readyz", nil, ""); r.Status != 200 {
		t.Fatalf("readyz after the restore: %d %s\n%s", r.Status, r.Raw, logs)
	}
	if _, err := st.UnitByCode(context.Background(), "W1"); err != nil {
		t.Fatalf("the backup's unit is missing after the restore: %v", err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
