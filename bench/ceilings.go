package bench

import (
	"context"
	"database/sql"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gofiber/fiber/v2"
)

// fiberCeiling is what the machine gives a Fiber app that does nothing:
// the same client and concurrency against a constant answer, in requests
// per second. No server can beat it on this machine.
func fiberCeiling(ctx context.Context, concurrency int, d time.Duration) (float64, error) {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Get("/ping", func(c *fiber.Ctx) error { return c.SendString("ok") })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	served := make(chan error, 1)
	go func() { served <- app.Listener(ln) }()
	defer func() {
		app.ShutdownWithTimeout(5 * time.Second)
		<-served
	}()
	c := newClient(ln.Addr().String(), concurrency+8)
	defer c.close()
	var ok atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(d)
	for range concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil && time.Now().Before(deadline) {
				if c.do("GET", "/ping", "", nil).ok() {
					ok.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	return round1(float64(ok.Load()) / time.Since(start).Seconds()), ctx.Err()
}

// sqliteCeilingPayload is the size of the value each ceiling write stores,
// the order of a participation record early in a round.
const sqliteCeilingPayload = 2048

// sqliteCeiling is how many single-row writes per second SQLite takes with
// the store's settings (modernc driver, WAL, synchronous=NORMAL, one writer
// connection, one autocommit UPDATE per write) on this disk.
func sqliteCeiling(ctx context.Context, dir string, d time.Duration) (float64, error) {
	db, err := sql.Open("sqlite", filepath.Join(dir, "ceiling.db")+
		"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(5000)")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	const rows = 1000
	if _, err := db.ExecContext(ctx, `CREATE TABLE kv (id INTEGER PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL) STRICT`); err != nil {
		return 0, err
	}
	payload := strings.Repeat("x", sqliteCeilingPayload)
	if _, err := db.ExecContext(ctx, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < ?)
		INSERT INTO kv SELECT i, 0, ? FROM n`, rows, payload); err != nil {
		return 0, err
	}
	stmt, err := db.PrepareContext(ctx, `UPDATE kv SET version = version + 1, data = ? WHERE id = ?`)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	start := time.Now()
	deadline := start.Add(d)
	n := 0
	for ; ctx.Err() == nil && time.Now().Before(deadline); n++ {
		if _, err := stmt.ExecContext(ctx, payload, 1+n%rows); err != nil {
			return 0, err
		}
	}
	return round1(float64(n) / time.Since(start).Seconds()), ctx.Err()
}
