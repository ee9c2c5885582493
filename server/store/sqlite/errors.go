package sqlite

import (
	"database/sql"
	"errors"
	"regexp"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"hoithi/contests"
)

// uniqueFields names, for each unique column, the input field a caller must
// change and the words telling the user so. The key is what SQLite reports:
// "UNIQUE constraint failed: <table>.<column>".
var uniqueFields = map[string]contests.FieldError{
	"users.phone_key": contests.Field("phone", contests.T(
		"Số điện thoại này đã được dùng cho một tài khoản khác",
		"This phone number is already used by another account")),
	"users.cccd_key": contests.Field("cccd", contests.T(
		"Số CCCD này đã được dùng cho một tài khoản khác",
		"This citizen ID is already used by another account")),
	"users.id":            contests.Field("id", contests.T("Mã tài khoản đã tồn tại", "Account ID already exists")),
	"units.code":          contests.Field("code", contests.T("Mã đơn vị đã tồn tại", "Unit code already exists")),
	"units.id":            contests.Field("id", contests.T("Mã định danh đơn vị đã tồn tại", "Unit ID already exists")),
	"refresh_tokens.hash": contests.Field("hash", contests.T("Phiên đăng nhập đã tồn tại", "Session token already exists")),
	"contests.slug":       contests.Field("slug", contests.T("Đường dẫn rút gọn này đã được dùng", "This short link is already taken")),
	"contests.id":         contests.Field("id", contests.T("Mã cuộc thi đã tồn tại", "Contest ID already exists")),
}

var constraintColumn = regexp.MustCompile(`constraint failed: ([A-Za-z0-9_]+\.[A-Za-z0-9_]+)`)

// Not-found errors of each aggregate, named the way users read them. They
// are functions so that every failure gets its own *contests.Error.
func userNotFound() error    { return contests.NotFound("người dùng", "user") }
func unitNotFound() error    { return contests.NotFound("đơn vị", "unit") }
func tokenNotFound() error   { return contests.NotFound("phiên đăng nhập", "refresh token") }
func contestNotFound() error { return contests.NotFound("cuộc thi", "contest") }

// storeError turns a driver error into the *contests.Error the store port
// promises: a missing row becomes notFound(), a unique violation a conflict
// naming the field, anything else CodeInternal with the cause kept for logs.
func storeError(err error, notFound func() error) error {
	if err == nil {
		return nil
	}
	var ce *contests.Error
	if errors.As(err, &ce) {
		return ce
	}
	if errors.Is(err, sql.ErrNoRows) && notFound != nil {
		return notFound()
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
	field := contests.Field("", contests.T("Giá trị đã tồn tại", "Value already exists"))
	if m := constraintColumn.FindStringSubmatch(se.Error()); m != nil {
		if f, ok := uniqueFields[m[1]]; ok {
			field = f
		} else {
			_, field.Field, _ = strings.Cut(m[1], ".") // the column, not the table
		}
	}
	e := contests.E(contests.CodeConflict, contests.T("Dữ liệu bị trùng", "Duplicate value"), field)
	e.Err = err
	return e
}
