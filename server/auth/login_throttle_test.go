package auth

import (
	"testing"
	"time"
)

func TestBackoffWait(t *testing.T) {
	b := Backoff{Free: 3, Base: 2 * time.Second, Max: 10 * time.Second}
	last := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		n     int
		after time.Duration
		want  time.Duration
	}{
		{0, 0, 0}, {2, 0, 0}, // free
		{3, 0, 2 * time.Second}, {3, time.Second, time.Second}, {3, 2 * time.Second, 0},
		{4, 0, 4 * time.Second}, {5, 0, 8 * time.Second},
		{6, 0, 10 * time.Second}, {60, 0, 10 * time.Second}, // capped
	} {
		if got := b.Wait(tc.n, last, last.Add(tc.after)); got != tc.want {
			t.Errorf("Wait(%d failures, %v after) = %v, want %v", tc.n, tc.after, got, tc.want)
		}
	}
}

func TestMemoryLoginCountersForgetAfterQuiet(t *testing.T) {
	m := NewMemoryLoginCounters(time.Hour)
	now := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	ctx := t.Context()
	for range 3 {
		_ = m.Fail(ctx, "k", now)
	}
	if n, last, _ := m.Failures(ctx, "k", now.Add(59*time.Minute)); n != 3 || !last.Equal(now) {
		t.Fatalf("Failures = %d, %v", n, last)
	}
	if n, _, _ := m.Failures(ctx, "k", now.Add(time.Hour)); n != 0 {
		t.Fatalf("after an hour of quiet: %d", n)
	}
	_ = m.Fail(ctx, "k", now.Add(2*time.Hour))
	if n, _, _ := m.Failures(ctx, "k", now.Add(2*time.Hour)); n != 1 {
		t.Fatalf("a failure after the quiet period starts over: %d", n)
	}
	_ = m.Reset(ctx, "k")
	if n, _, _ := m.Failures(ctx, "k", now.Add(2*time.Hour)); n != 0 {
		t.Fatalf("after Reset: %d", n)
	}
}
