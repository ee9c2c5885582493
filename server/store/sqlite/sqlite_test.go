package sqlite

import (
	"context"
	"database/sql"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"hoithi/contests"
	"hoithi/server/store"
	"hoithi/server/store/storetest"
)

func openTemp(t *testing.T) store.Store {
	t.Helper()
	db, err := Open(t.Context(), filepath.Join(t.TempDir(), "hoithi.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

func TestContract(t *testing.T) {
	storetest.Run(t, openTemp, storetest.Options{Engine: "sqlite", Atomic: true})
}

func TestReopenKeepsSchemaAndData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "hoithi.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("first Open: %v", err)
	}
	unit := storetest.NewUnit("T01", "Tỉnh Gia Lai", nil)
	if err := db.CreateUnit(ctx, unit); err != nil {
		t.Fatalf("CreateUnit: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	db, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("second Open of a migrated file: %v", err)
	}
	defer db.Close()
	got, err := db.UnitByCode(ctx, "T01")
	if err != nil || got.ID != unit.ID {
		t.Fatalf("unit after reopening = %+v, %v; want ID %s", got, err, unit.ID)
	}
	var applied, newest int
	if err := db.reader.QueryRowContext(ctx, `SELECT count(*), max(version) FROM schema_migrations`).Scan(&applied, &newest); err != nil {
		t.Fatal(err)
	}
	if applied != len(migrations) || newest != migrations[len(migrations)-1].version {
		t.Errorf("schema_migrations holds %d rows up to %d, want %d up to %d",
			applied, newest, len(migrations), migrations[len(migrations)-1].version)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) { futureSchema(t) }

// futureSchema makes a database file whose schema is newer than this
// server's, checks that Open refuses it and returns its path.
func futureSchema(t *testing.T) (path string) {
	t.Helper()
	ctx := t.Context()
	path = filepath.Join(t.TempDir(), "hoithi.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.writer.ExecContext(ctx, `INSERT INTO schema_migrations VALUES (9999, 'from the future', 0)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("Open of a newer schema: err = %v, want a refusal", err)
	}
	return path
}

func TestMigrationOrderIsChecked(t *testing.T) {
	tests := []struct {
		name    string
		ms      []migration
		wantErr bool
	}{
		{"increasing", []migration{{version: 1}, {version: 2}, {version: 5}}, false},
		{"repeated version", []migration{{version: 1}, {version: 1}}, true},
		{"decreasing", []migration{{version: 2}, {version: 1}}, true},
		{"none", nil, true},
	}
	for _, tc := range tests {
		if err := checkMigrationOrder(tc.ms); (err != nil) != tc.wantErr {
			t.Errorf("%s: err = %v, want error %v", tc.name, err, tc.wantErr)
		}
	}
	if err := checkMigrationOrder(migrations); err != nil {
		t.Errorf("shipped migrations: %v", err)
	}
}

func TestPragmasOnEveryConnection(t *testing.T) {
	db := openTemp(t).(*DB)
	ctx := t.Context()
	common := map[string]string{"journal_mode": "wal", "synchronous": "1" /* NORMAL */, "busy_timeout": "5000", "foreign_keys": "1"}
	tests := []struct {
		pool      string
		db        *sql.DB
		conns     int // held at once, so fresh pool members are checked too
		queryOnly string
	}{
		{"writer", db.writer, 1, "0"},
		{"reader", db.reader, 3, "1"},
	}
	for _, tc := range tests {
		held := make([]*sql.Conn, tc.conns)
		for i := range held {
			conn, err := tc.db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			held[i] = conn
		}
		for i, conn := range held {
			want := maps.Clone(common)
			want["query_only"] = tc.queryOnly
			for pragma, value := range want {
				var got string
				if err := conn.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
					t.Fatalf("%s PRAGMA %s: %v", tc.pool, pragma, err)
				}
				if got != value {
					t.Errorf("%s connection %d: %s = %q, want %q", tc.pool, i, pragma, got, value)
				}
			}
		}
		for _, conn := range held {
			conn.Close()
		}
	}
	if n := db.writer.Stats().MaxOpenConnections; n != 1 {
		t.Errorf("writer MaxOpenConnections = %d, want 1", n)
	}
}

func TestReaderCannotWrite(t *testing.T) {
	db := openTemp(t).(*DB)
	_, err := db.reader.ExecContext(t.Context(), `INSERT INTO units (id, code, name, name_fold, kind, parent_id, path, headcount)
		VALUES ('x', 'X', 'x', 'x', 'ward', '', '/x/', 0)`)
	if err == nil {
		t.Fatal("insert through the reader pool succeeded; readers must be query-only")
	}
}

func TestUnexpectedErrorsAreInternal(t *testing.T) {
	db := openTemp(t).(*DB)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := db.UserByID(ctx, "anything")
	if code := contests.ErrorCode(err); code != contests.CodeInternal {
		t.Fatalf("lookup with a cancelled context: code %q (%v), want internal", code, err)
	}
}
