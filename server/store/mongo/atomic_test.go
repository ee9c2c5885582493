package mongo

import (
	"context"
	"errors"
	"testing"
)

// Open refuses FerretDB unless told it is for development, and serves a
// real MongoDB without being told.
func TestOpenRefusesAServerWithoutAtomicity(t *testing.T) {
	db, err := Open(t.Context(), target.uri, freshDatabaseName(), Options{})
	switch target.engine {
	case "ferretdb":
		if !errors.Is(err, ErrNonAtomic) {
			t.Fatalf("Open on FerretDB without AllowNonAtomic: %v, want ErrNonAtomic", err)
		}
	default:
		if err != nil {
			t.Fatalf("Open on MongoDB: %v", err)
		}
		t.Cleanup(func() { db.DropDatabase(context.Background()); db.Close() })
	}
}
