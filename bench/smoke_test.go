package bench

import (
	"context"
	"testing"
	"time"
)

// smoke runs one bench with cfg, small, in this process, and fails the test
// on its error or when it takes over two minutes.
func smoke[C, R any](t *testing.T, run func(context.Context, C) (R, error), cfg C) R {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	rep, err := run(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}
