package storetest

import (
	"fmt"
	"sync"
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
			got := make([]string, n)
			errs := make([]error, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					got[i], errs[i] = s.RecordMeta(t.Context(), "race", fmt.Sprint("v", i))
				}()
			}
			wg.Wait()
			for i := range n {
				must(t, errs[i])
				if got[i] != got[0] {
					t.Fatalf("racing records returned %q and %q, want one value", got[0], got[i])
				}
			}
		}},
	}
}
