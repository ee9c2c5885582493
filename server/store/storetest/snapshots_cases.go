package storetest

import (
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/server/store"
)

func snapshotCases() []contractCase {
	return []contractCase{
		{name: "snapshots/the newest stored snapshot is read back", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			_, _, err := s.Snapshot(ctx, "round", "r1")
			wantCode(t, err, contests.CodeNotFound)
			must(t, s.PutSnapshot(ctx, "round", "r1", []byte(`{"people":3}`), baseTime))
			must(t, s.PutSnapshot(ctx, "round", "r1", []byte(`{"people":5}`), baseTime.Add(time.Minute)))
			// A slower computation that started earlier finishes late.
			must(t, s.PutSnapshot(ctx, "round", "r1", []byte(`{"people":4}`), baseTime.Add(30*time.Second)))
			data, at, err := s.Snapshot(ctx, "round", "r1")
			must(t, err)
			if string(data) != `{"people":5}` || !sameInstant(at, baseTime.Add(time.Minute)) {
				t.Fatalf("snapshot = %s at %v, want the newest", data, at)
			}
			must(t, s.PutSnapshot(ctx, "contest", "r1", []byte(`{"people":9}`), baseTime))
			if data, _, _ := s.Snapshot(ctx, "round", "r1"); string(data) != `{"people":5}` {
				t.Fatalf("another kind replaced the round's snapshot: %s", data)
			}
		}},
	}
}
