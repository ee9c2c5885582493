package storetest

import (
	"fmt"
	"testing"

	"hoithi/server/store"
)

func metaCases() []contractCase {
	return []contractCase{
		{name: "meta/the first value recorded stays", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			got, err := s.RecordMeta(ctx, "fingerprint.data_key", "aaa")
			must(t, err)
			if got != "aaa" {
				t.Fatalf("first record = %q, want %q", got, "aaa")
			}
			got, err = s.RecordMeta(ctx, "fingerprint.data_key", "bbb")
			must(t, err)
			if got != "aaa" {
				t.Fatalf("second record = %q, want the first value %q", got, "aaa")
			}
			got, err = s.RecordMeta(ctx, "fingerprint.jwt_secret", "ccc")
			must(t, err)
			if got != "ccc" {
				t.Fatalf("another key = %q, want %q", got, "ccc")
			}
		}},
		{name: "meta/racing first records agree on one value", needsAtomic: true, run: func(t *testing.T, s store.Store) {
			const n = 12
			got := race(t, n, func(i int) (string, error) {
				return s.RecordMeta(t.Context(), "race", fmt.Sprint("v", i))
			})
			for i := range n {
				if got[i] != got[0] {
					t.Fatalf("racing records returned %q and %q, want one value", got[0], got[i])
				}
			}
		}},
	}
}
