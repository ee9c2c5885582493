//go:build unix

package sqlite

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const lockHelperEnv = "HOITHI_SQLITE_LOCK_HELPER"

func TestOpenLocksTheFile(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "hoithi.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if second, err := Open(ctx, path); err == nil {
		second.Close()
		t.Fatal("a second Open of an open database succeeded")
	} else if want := "another Hội Thi process is using " + path; !strings.Contains(err.Error(), want) {
		t.Fatalf("second Open: %v, want it to say %q", err, want)
	}
	// Another process is refused too: flock is what other processes see.
	out, err := helperProcess(t, path)
	if err == nil || !strings.Contains(out, "another Hội Thi process is using") {
		t.Fatalf("Open from another process: %v, output %q; want a refusal", err, out)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if out, err := helperProcess(t, path); err != nil {
		t.Fatalf("Open from another process after Close: %v: %s", err, out)
	}
	again, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	if err := again.Close(); err != nil {
		t.Fatal(err)
	}
}

// A failed Open (here: a schema from the future) must not keep the lock.
func TestFailedOpenReleasesTheLock(t *testing.T) {
	path := futureSchema(t)
	if out, err := helperProcess(t, path); !strings.Contains(out, "newer") {
		t.Fatalf("Open after a failed Open: %v %q, want the schema refusal rather than the lock's", err, out)
	}
}

// helperProcess runs TestLockHelperProcess in a child process, which opens
// path and exits.
func helperProcess(t *testing.T, path string) (string, error) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^TestLockHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), lockHelperEnv+"="+path)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestLockHelperProcess is the other process of TestOpenLocksTheFile; run
// directly it does nothing.
func TestLockHelperProcess(t *testing.T) {
	path := os.Getenv(lockHelperEnv)
	if path == "" {
		return
	}
	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
}
