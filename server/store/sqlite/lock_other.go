//go:build !unix

package sqlite

import "os"

// lockFile is a no-op where flock does not exist (Windows): there the rule
// "one server process per data directory" is the operator's to keep, as
// the participation cache assumes it (see lock_unix.go).
func lockFile(string) (*os.File, error) { return nil, nil }

func unlockFile(f *os.File) error {
	if f == nil {
		return nil
	}
	return f.Close()
}
