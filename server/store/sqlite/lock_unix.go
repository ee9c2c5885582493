//go:build unix

package sqlite

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockFile takes an exclusive advisory lock on <db>.lock for the life of the
// DB. The participation cache (participation_cache.go) is coherent only if
// every write to the file goes through this process: the lock turns that
// assumption into a checked fact, so a second server, a `seed` or an
// `import` on a running server's data directory fails at Open instead of
// leaving the first server serving stale records.
//
// flock belongs to the open file description, so it is released when the
// file is closed or the process dies (no stale lock after a crash), and a
// second Open of the same path in the same process is refused too.
func lockFile(dbPath string) (*os.File, error) {
	path := dbPath + ".lock"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open lock file: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("sqlite: another Hội Thi process is using %s (lock %s is held)", dbPath, path)
		}
		return nil, fmt.Errorf("sqlite: lock %s: %w", path, err)
	}
	return f, nil
}

// unlockFile releases what lockFile took. The file itself stays: removing it
// would let a process that opened the old inode and one that creates a new
// one both believe they hold the lock.
func unlockFile(f *os.File) error {
	if f == nil {
		return nil
	}
	return f.Close() // closing the last descriptor drops the flock
}
