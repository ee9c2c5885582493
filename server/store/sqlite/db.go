// Package sqlite is the embedded storage engine: one SQLite file in WAL mode,
// written through a single connection and read through a pool. It implements
// store.Store; the storetest suite holds its behaviour.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"hoithi/contests"
	"hoithi/server/store"
)

// DB is an open database file. The writer has exactly one connection: SQLite
// lets one writer in at a time anyway, and queueing in Go is cheaper than
// retrying on SQLITE_BUSY. Readers never block the writer under WAL, so they
// get a pool of their own.
type DB struct {
	// NumberedRounds answers the round calls of the port over the
	// quiz_rounds and essay_rounds tables (numbered.go).
	store.NumberedRounds

	writer *sql.DB
	reader *sql.DB
	lock   *os.File // <path>.lock, held exclusively while open
	stmts  *quizStatements
	// participations caches decoded records; writes commits them in
	// batches. participationOrder orders a cache fill after a read against
	// a commit and its cache update (participation_cache.go).
	participations     *participationCache
	writes             *participationWriter
	participationOrder sync.Mutex
}

var _ store.Store = (*DB)(nil)

// connPragmas apply to every connection of both pools. They live in the DSN
// because database/sql opens connections lazily: a PRAGMA run once through
// Exec would reach only whichever connection happened to serve it.
var connPragmas = []string{
	"busy_timeout(5000)",
	"foreign_keys(1)",
	"synchronous(NORMAL)",
}

// dsn builds the connection string for path. The path must not contain '?':
// the driver cuts the query string at the first one.
func dsn(path string, extra ...string) string {
	q := url.Values{}
	for _, p := range append(append([]string{}, connPragmas...), extra...) {
		q.Add("_pragma", p)
	}
	return path + "?" + q.Encode()
}

// Open opens (creating if needed) the database at path and brings its schema
// up to date. Opening the same file again is a no-op for the schema. While
// the DB is open no other Open of path succeeds, in this process or another
// ("another Hội Thi process is using <path>"): the caches rely on it.
func Open(ctx context.Context, path string) (*DB, error) {
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("sqlite: database path %q must not contain '?'", path)
	}
	lock, err := lockFile(path)
	if err != nil {
		return nil, err
	}
	db, err := open(ctx, path)
	if err != nil {
		unlockFile(lock)
		return nil, err
	}
	db.lock = lock
	return db, nil
}

func open(ctx context.Context, path string) (*DB, error) {
	// BEGIN IMMEDIATE takes the write lock at once, so a transaction never
	// fails half-way when it upgrades from reading to writing.
	writer, err := sql.Open("sqlite", dsn(path, "journal_mode(WAL)")+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("sqlite: open writer: %w", err)
	}
	writer.SetMaxOpenConns(1)
	writer.SetMaxIdleConns(1)
	writer.SetConnMaxLifetime(0)
	// The writer connects (and switches the file to WAL) before any reader
	// exists, so readers always find a WAL database.
	if err := migrate(ctx, writer); err != nil {
		writer.Close()
		return nil, err
	}
	reader, err := sql.Open("sqlite", dsn(path, "query_only(1)"))
	if err != nil {
		writer.Close()
		return nil, fmt.Errorf("sqlite: open reader: %w", err)
	}
	readers := max(4, runtime.NumCPU())
	reader.SetMaxOpenConns(readers)
	reader.SetMaxIdleConns(readers)
	stmts, err := prepareQuizStatements(ctx, writer, reader)
	if err != nil {
		reader.Close()
		writer.Close()
		return nil, fmt.Errorf("sqlite: prepare: %w", err)
	}
	db := &DB{writer: writer, reader: reader, stmts: stmts,
		participations: newParticipationCache(participationCacheBudget)}
	db.NumberedRounds = store.NumberedRounds{QuizRounds: quizRoundsTable(db), EssayRounds: essayRoundsTable(db)}
	db.writes = startParticipationWriter(db)
	if err := db.Ping(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Ping checks both pools.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.writer.PingContext(ctx); err != nil {
		return contests.Internal(fmt.Errorf("sqlite: ping writer: %w", err))
	}
	if err := db.reader.PingContext(ctx); err != nil {
		return contests.Internal(fmt.Errorf("sqlite: ping reader: %w", err))
	}
	return nil
}

// Close commits the participation writes already queued, closes the
// readers, then the writer (which checkpoints the WAL), and releases the
// lock last so a new Open finds the file complete.
func (db *DB) Close() error {
	db.writes.close()
	db.participations.clear() // a read after Close fails as it always did
	err := errors.Join(db.stmts.close(), db.reader.Close(), db.writer.Close(), unlockFile(db.lock))
	db.lock = nil
	return err
}

// migrate applies the migrations the file has not seen yet, each in its own
// transaction together with its schema_migrations row, so a crash leaves the
// schema at a known version and two processes opening one file at once
// serialize on the write lock instead of applying a step twice.
func migrate(ctx context.Context, w *sql.DB) error {
	if err := checkMigrationOrder(migrations); err != nil {
		return err
	}
	if _, err := w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at INTEGER NOT NULL
	) STRICT`); err != nil {
		return fmt.Errorf("sqlite: create schema_migrations: %w", err)
	}
	var newest sql.NullInt64
	if err := w.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&newest); err != nil {
		return fmt.Errorf("sqlite: read schema version: %w", err)
	}
	// A file migrated by a newer binary may hold columns this one would
	// silently ignore or violate: refuse rather than corrupt it.
	if known := migrations[len(migrations)-1].version; newest.Int64 > int64(known) {
		return fmt.Errorf("sqlite: database schema version %d is newer than this program's %d", newest.Int64, known)
	}
	for _, m := range migrations {
		if err := applyMigration(ctx, w, m); err != nil {
			return err
		}
	}
	return nil
}

func applyMigration(ctx context.Context, w *sql.DB, m migration) error {
	tx, err := w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: migration %d: %w", m.version, err)
	}
	defer tx.Rollback()
	var applied bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?)`, m.version).Scan(&applied); err != nil {
		return fmt.Errorf("sqlite: migration %d: %w", m.version, err)
	}
	if applied {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("sqlite: migration %d (%s): %w", m.version, m.name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, time.Now().UnixMilli()); err != nil {
		return fmt.Errorf("sqlite: migration %d: %w", m.version, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: migration %d: %w", m.version, err)
	}
	return nil
}

// checkMigrationOrder catches a mis-numbered step at start-up, before it can
// be recorded under the wrong version.
func checkMigrationOrder(ms []migration) error {
	if len(ms) == 0 {
		return errors.New("sqlite: no migrations")
	}
	for i := 1; i < len(ms); i++ {
		if ms[i].version <= ms[i-1].version {
			return fmt.Errorf("sqlite: migration %d (%s) does not follow %d", ms[i].version, ms[i].name, ms[i-1].version)
		}
	}
	return nil
}
