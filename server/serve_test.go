package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestShutdownFinishesRequestsInFlight stops the server while logins (each
// an argon2 hash, queued two at a time) are running: every one of them must
// still get its answer.
func TestShutdownFinishesRequestsInFlight(t *testing.T) {
	c := config{Port: 0, DataDir: t.TempDir(), LogLevel: "error", Demo: true}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- serve(ctx, c, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("server did not start: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("server did not start in time")
	}
	base := "http://" + strings.Replace(addr, "[::]", "127.0.0.1", 1)
	if r, err := http.Get(base + "/readyz"); err != nil || r.StatusCode != 200 {
		t.Fatalf("readyz: %v %v", r, err)
	}
	const n = 16
	// Open the n connections first, so each login is read as soon as it is
	// sent: a request the server never received is not "in flight".
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: n, MaxConnsPerHost: n}}
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if r, err := client.Get(base + "/healthz"); err == nil {
				r.Body.Close()
			}
		}()
	}
	wg.Wait()
	statuses := make([]int, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Distinct unknown accounts: each costs a full hash (see
			// auth.CheckNobody) and none reaches the per-account limit.
			body := fmt.Sprintf(`{"login":"09020000%02d","password":"wrong-password"}`, i)
			r, err := client.Post(base+"/api/v1/auth/login", "application/json", strings.NewReader(body))
			if err != nil {
				errs[i] = err
				return
			}
			defer r.Body.Close()
			var out map[string]any
			errs[i] = json.NewDecoder(r.Body).Decode(&out)
			statuses[i] = r.StatusCode
		}()
	}
	// Every login is now read and waiting for one of the argon2 slots
	// (two at a time, tens of milliseconds each): the last ones are still
	// hashing when the shutdown begins.
	time.Sleep(60 * time.Millisecond)
	cancel()
	wg.Wait()
	for i := range n {
		if errs[i] != nil || statuses[i] != 401 {
			t.Errorf("login %d: status %d, err %v — cut off by the shutdown", i, statuses[i], errs[i])
		}
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("server did not stop")
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Fatal("server still answers after shutdown")
	}
}
