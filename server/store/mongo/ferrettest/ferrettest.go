// Package ferrettest starts an in-process MongoDB-wire server (FerretDB v1
// with its SQLite backend) in a temporary directory, so the Mongo adapter can
// be tested on a machine without MongoDB. It is slow and not atomic under
// concurrency (see docs/mongodb.md): use it for behaviour, never for speed.
package ferrettest

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// Server is a running FerretDB.
type Server struct {
	URI    string
	cancel context.CancelFunc
	done   chan error
}

// Start runs FerretDB on 127.0.0.1 with its data under dir.
func Start(dir string) (*Server, error) {
	data := filepath.Join(dir, "ferretdb")
	if err := os.MkdirAll(data, 0o700); err != nil {
		return nil, err
	}
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: "127.0.0.1:0"},
		Handler:   "sqlite",
		SQLiteURL: "file:" + data + "/",
		Logger:    slog.New(slog.DiscardHandler),
	})
	if err != nil {
		return nil, fmt.Errorf("ferretdb: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{cancel: cancel, done: make(chan error, 1)}
	go func() { s.done <- f.Run(ctx) }()
	s.URI = f.MongoDBURI()
	return s, nil
}

// Stop shuts the server down and waits for it (at most 10 s).
func (s *Server) Stop() {
	s.cancel()
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
	}
}

// Main runs a test binary's tests (m.Run) against the MongoDB at
// MONGODB_URI when set, else against one FerretDB started for the whole
// run in a temporary directory (one per test would dominate the run time).
// use is told the server's URI and whether it is FerretDB, which is not
// atomic under concurrency. For TestMain: os.Exit(ferrettest.Main(m, use)).
func Main(m interface{ Run() int }, use func(uri string, ferret bool)) int {
	if uri := os.Getenv("MONGODB_URI"); uri != "" {
		use(uri, false)
		return m.Run()
	}
	dir, err := os.MkdirTemp("", "hoithi-ferretdb-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "temp dir:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	srv, err := Start(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "start FerretDB:", err)
		return 1
	}
	defer srv.Stop()
	use(srv.URI, true)
	return m.Run()
}
