package auth

import (
	"errors"
	"strings"
	"testing"
	"time"

	"hoithi/contests"
)

// TestHashQueueBoundsWorkersAndLine holds the only slot, fills the line,
// and checks that the next request is refused at once with a Retry-After,
// while those in line are served once the slot frees.
func TestHashQueueBoundsWorkersAndLine(t *testing.T) {
	q := newHashQueue(1, 2)
	release := make(chan struct{})
	held := make(chan struct{})
	done := make(chan error, 3)
	go func() { done <- q.run(func() { close(held); <-release }) }()
	<-held
	for range 2 {
		go func() { done <- q.run(func() {}) }()
	}
	deadline := time.Now().Add(10 * time.Second)
	for q.waiting.Load() < 2 {
		if time.Now().After(deadline) {
			t.Fatal("the two requests never queued")
		}
		time.Sleep(time.Millisecond)
	}
	ran := false
	err := q.run(func() { ran = true })
	var busy *BusyError
	if !errors.As(err, &busy) || ran {
		t.Fatalf("a request beyond the line: err %v, ran %v; want a BusyError without hashing", err, ran)
	}
	if busy.RetryAfter < time.Second {
		t.Fatalf("Retry-After %s, want at least a second", busy.RetryAfter)
	}
	if contests.ErrorCode(err) != contests.CodeBusy || !strings.Contains(err.Error(), "busy") {
		t.Fatalf("busy error maps to %q (%v)", contests.ErrorCode(err), err)
	}
	close(release)
	for range 3 {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("a queued request failed: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("queued requests were not served after the slot freed")
		}
	}
}

func TestNeedsRehash(t *testing.T) {
	h, err := HashPassword("mật khẩu")
	if err != nil {
		t.Fatal(err)
	}
	old := strings.Replace(h, "m=7168,t=5,p=1", "m=19456,t=2,p=1", 1)
	for hash, want := range map[string]bool{h: false, old: true, "$bcrypt$x": true} {
		if got := NeedsRehash(hash); got != want {
			t.Errorf("NeedsRehash(%.40s) = %v, want %v", hash, got, want)
		}
	}
	if _, err := CheckPassword(strings.Replace(h, "m=7168", "m=4194304", 1), "mật khẩu"); err == nil {
		t.Error("a hash asking for 4 GiB must be refused, not computed")
	}
}

// TestHashQueueWaitIsBounded: on a starved machine the line moves slowly;
// a request that waited too long is refused instead of waiting on.
func TestHashQueueWaitIsBounded(t *testing.T) {
	q := newHashQueue(1, 10)
	q.waitFor = 50 * time.Millisecond
	release := make(chan struct{})
	held := make(chan struct{})
	go q.run(func() { close(held); <-release })
	<-held
	defer close(release)
	ran := false
	err := q.run(func() { ran = true })
	var busy *BusyError
	if !errors.As(err, &busy) || ran {
		t.Fatalf("after the longest wait: err %v, ran %v; want a BusyError", err, ran)
	}
	if q.waiting.Load() != 0 {
		t.Fatalf("%d still counted in line", q.waiting.Load())
	}
}
