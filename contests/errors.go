package contests

import (
	"errors"
	"fmt"
)

// Code classifies an error for callers: the API maps each code to one HTTP
// status, the stores return them so both engines fail the same way.
type Code string

const (
	CodeInvalid      Code = "invalid"
	CodeUnauthorized Code = "unauthorized"
	CodeForbidden    Code = "forbidden"
	CodeNotFound     Code = "not_found"
	CodeConflict     Code = "conflict"
	CodeTooLate      Code = "too_late"
	CodeRateLimited  Code = "rate_limited"
	CodeTooLarge     Code = "too_large"
	// CodeBusy: the server is saturated (a login storm); retry shortly.
	CodeBusy     Code = "busy"
	CodeInternal Code = "internal"
)

// Msg is a user-facing message in Vietnamese with its English fallback.
// Messages travel with the error instead of living in a catalog so that a rule
// and the words explaining it are written in one place.
type Msg struct {
	VI string `json:"vi"`
	EN string `json:"en"`
}

// T builds a Msg, formatting both languages with the same arguments.
func T(vi, en string, args ...any) Msg {
	if len(args) == 0 {
		return Msg{VI: vi, EN: en}
	}
	return Msg{VI: fmt.Sprintf(vi, args...), EN: fmt.Sprintf(en, args...)}
}

// In returns the message in the language asked for ("en" or Vietnamese).
func (m Msg) In(lang string) string {
	if lang == "en" && m.EN != "" {
		return m.EN
	}
	return m.VI
}

// FieldError names one bad input: a JSON field ("phone"), or a place in an
// uploaded file ("row 12, column C").
type FieldError struct {
	Field string `json:"field"`
	Msg   Msg    `json:"msg"`
}

// Error is the one error type of the application.
type Error struct {
	Code   Code
	Msg    Msg
	Fields []FieldError
	Err    error // cause, logged but never shown to users
}

func (e *Error) Error() string {
	s := string(e.Code) + ": " + e.Msg.EN
	for _, f := range e.Fields {
		s += "; " + f.Field + ": " + f.Msg.EN
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// E builds an *Error.
func E(code Code, msg Msg, fields ...FieldError) *Error {
	return &Error{Code: code, Msg: msg, Fields: fields}
}

// Field builds a FieldError.
func Field(field string, msg Msg) FieldError { return FieldError{Field: field, Msg: msg} }

// Invalid returns a CodeInvalid error listing every bad field.
func Invalid(fields ...FieldError) *Error {
	return E(CodeInvalid, T("Dữ liệu không hợp lệ", "Invalid input"), fields...)
}

// NotFound returns a CodeNotFound error for the named thing.
func NotFound(vi, en string) *Error {
	return E(CodeNotFound, Msg{VI: "Không tìm thấy " + vi, EN: en + " not found"})
}

// Internal wraps an unexpected cause; its text never reaches users.
func Internal(cause error) *Error {
	return &Error{Code: CodeInternal, Msg: T("Lỗi hệ thống, vui lòng thử lại sau", "Internal error, please try again later"), Err: cause}
}

// ErrorCode returns the Code of err, CodeInternal for foreign errors and ""
// for nil.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// Errors collects field errors while validating an input.
type Errors []FieldError

// Add records a bad field.
func (es *Errors) Add(field string, msg Msg) { *es = append(*es, Field(field, msg)) }

// Err returns nil when nothing was added, else an Invalid error.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return Invalid(es...)
}
