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
