// Package contesttest holds what the tests of the contest packages share:
// reading a refusal the way the person refused would.
package contesttest

import (
	"errors"
	"testing"

	"hoithi/contests"
)

// InvalidFields returns the fields a CodeInvalid error names, in order (nil
// for nil), and fails the test for any other error. Every field's message
// must be in both languages: a refusal always explains itself.
func InvalidFields(t testing.TB, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ce *contests.Error
	if !errors.As(err, &ce) || ce.Code != contests.CodeInvalid {
		t.Fatalf("want a CodeInvalid *contests.Error, got %v", err)
	}
	var out []string
	for _, f := range ce.Fields {
		if f.Msg.VI == "" || f.Msg.EN == "" {
			t.Errorf("field %s lacks a message in both languages: %+v", f.Field, f.Msg)
		}
		out = append(out, f.Field)
	}
	return out
}
