package storetest

import (
	"testing"
	"time"

	"hoithi/server/store"
)

func heartbeatCases() []contractCase {
	return []contractCase{
		{name: "heartbeats/the latest beat stays, never moved back", run: func(t *testing.T, s store.Store) {
			ctx, now := t.Context(), baseTime.Truncate(time.Millisecond) // what both engines keep
			last, err := s.LastBeat(ctx, "heartbeat:test")
			must(t, err)
			if !last.IsZero() {
				t.Fatalf("a new deployment has a beat: %v", last)
			}
			must(t, s.Beat(ctx, "heartbeat:test", now))
			must(t, s.Beat(ctx, "heartbeat:test", now.Add(5*time.Second)))
			must(t, s.Beat(ctx, "heartbeat:test", now.Add(2*time.Second))) // a lagging instance
			last, err = s.LastBeat(ctx, "heartbeat:test")
			must(t, err)
			if !last.Equal(now.Add(5 * time.Second)) {
				t.Fatalf("last beat %v, want %v", last, now.Add(5*time.Second))
			}
			other, err := s.LastBeat(ctx, "heartbeat:other")
			must(t, err)
			if !other.IsZero() {
				t.Fatalf("another name shares the beat: %v", other)
			}
		}},
	}
}
