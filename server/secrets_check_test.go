package main

import (
	"context"
	"strings"
	"testing"
	"time"
)

// An instance given another DATA_KEY or JWT_SECRET than the one a database
// was first started with refuses to start, naming the variable; the same
// keys start again.
func TestStartRefusesSecretsOtherThanTheFirst(t *testing.T) {
	dir := t.TempDir()
	first := config{DataDir: dir, LogLevel: "error", DataKey: strings.Repeat("a", 32), JWTSecret: strings.Repeat("j", 32)}
	startAndStop(t, first)

	for _, tc := range []struct {
		name string
		edit func(*config)
	}{
		{"DATA_KEY", func(c *config) { c.DataKey = strings.Repeat("b", 32) }},
		{"JWT_SECRET", func(c *config) { c.JWTSecret = strings.Repeat("k", 32) }},
	} {
		c := first
		tc.edit(&c)
		err := serve(t.Context(), c, nil)
		if err == nil || !strings.Contains(err.Error(), tc.name) || !strings.Contains(err.Error(), "refusing to start") {
			t.Fatalf("start with another %s: %v; want a refusal naming it", tc.name, err)
		}
	}
	startAndStop(t, first)
}

func TestSecretFingerprintIsKeyedAndHidesTheSecret(t *testing.T) {
	key := []byte(strings.Repeat("s", 32))
	fp := secretFingerprint("DATA_KEY", key)
	if strings.Contains(fp, string(key)) || len(fp) != 64 {
		t.Fatalf("fingerprint %q", fp)
	}
	if fp == secretFingerprint("JWT_SECRET", key) || fp == secretFingerprint("DATA_KEY", []byte(strings.Repeat("t", 32))) {
		t.Fatal("fingerprints of another name or another key must differ")
	}
}

// startAndStop starts the server on c and stops it once it listens.
func startAndStop(t *testing.T, c config) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- serve(ctx, c, ready) }()
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("server did not start: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("server did not start in time")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("serve: %v", err)
	}
}
