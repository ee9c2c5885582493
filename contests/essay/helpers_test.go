package essay

import (
	"errors"
	"slices"
	"testing"

	"hoithi/contests"
)

// fieldsOf returns the field names of an Invalid error, nil for nil, and
// fails the test for any other error.
func fieldsOf(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ce *contests.Error
	if !errors.As(err, &ce) || ce.Code != contests.CodeInvalid {
		t.Fatalf("want a CodeInvalid error, got %v", err)
	}
	var out []string
	for _, f := range ce.Fields {
		if f.Msg.VI == "" || f.Msg.EN == "" {
			t.Errorf("field %s has an untranslated message %+v", f.Field, f.Msg)
		}
		out = append(out, f.Field)
	}
	return out
}

// wantFields asserts err names exactly the given fields, in order.
func wantFields(t *testing.T, err error, want ...string) {
	t.Helper()
	if got := fieldsOf(t, err); !slices.Equal(got, want) {
		t.Fatalf("error fields = %q, want %q (err: %v)", got, want, err)
	}
}

func mustCategory(t *testing.T, key CategoryKey) Category {
	t.Helper()
	c, ok := FindCategory(DefaultCategories(), key)
	if !ok {
		t.Fatalf("no default category %s", key)
	}
	return c
}
