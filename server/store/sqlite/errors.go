package sqlite

import (
	"database/sql"
	"errors"
	"regexp"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"hoithi/contests"
	"hoithi/server/store"
)

// uniqueFields names, for each unique column, the input field a caller must
// change and the words telling the user so. The key is what SQLite reports:
// "UNIQUE constraint failed: <table>.<column>".
var uniqueFields = map[string]contests.FieldError{
	"users.phone_key":     store.Taken(store.KeyUserPhone),
	"users.cccd_key":      store.Taken(store.KeyUserCCCD),
	"users.id":            store.Taken(store.KeyUserID),
	"units.code":          store.Taken(store.KeyUnitCode),
	"units.id":            store.Taken(store.KeyUnitID),
	"refresh_tokens.hash": store.Taken(store.KeyTokenHash),
	"contests.slug":       store.Taken(store.KeyContestSlug),
	"contests.id":         store.Taken(store.KeyContestID),
}

var constraintColumn = regexp.MustCompile(`constraint failed: ([A-Za-z0-9_]+\.[A-Za-z0-9_]+)`)

// storeError turns a driver error into the *contests.Error the store port
// promises: a missing row becomes notFound(), a unique violation a conflict
// naming the field, anything else CodeInternal with the cause kept for logs.
func storeError(err error, notFound func() error) error {
	if mapped, known := store.KnownError(err, sql.ErrNoRows, notFound); known {
		return mapped
	}
	if conflict := uniqueConflict(err); conflict != nil {
		return conflict
	}
	return contests.Internal(err)
}

// uniqueConflict returns a CodeConflict error for a UNIQUE or PRIMARY KEY
// violation, nil for any other error.
func uniqueConflict(err error) *contests.Error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return nil
	}
	if se.Code() != sqlite3.SQLITE_CONSTRAINT_UNIQUE && se.Code() != sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY {
		return nil
	}
	field := store.ValueTaken()
	if m := constraintColumn.FindStringSubmatch(se.Error()); m != nil {
		if f, ok := uniqueFields[m[1]]; ok {
			field = f
		} else {
			_, field.Field, _ = strings.Cut(m[1], ".") // the column, not the table
		}
	}
	e := store.Duplicate(field)
	e.Err = err
	return e
}
