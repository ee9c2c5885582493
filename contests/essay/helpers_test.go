package essay

import (
	"slices"
	"testing"

	"hoithi/contests/contesttest"
)

// wantFields asserts err names exactly the given fields, in order.
func wantFields(t *testing.T, err error, want ...string) {
	t.Helper()
	if got := contesttest.InvalidFields(t, err); !slices.Equal(got, want) {
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
