package api

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
)

// Readiness configures what /readyz checks besides the store answering.
type Readiness struct {
	// DataDir is the directory whose file system must keep MinFreeBytes
	// free (the SQLite file, its WAL, uploaded files); "" checks no disk.
	DataDir      string
	MinFreeBytes uint64
	// ProbeEvery spaces the write probes and disk checks: between two, the
	// last verdict is answered, so a proxy checking every second costs one
	// tiny write per ProbeEvery. Default 5 s.
	ProbeEvery time.Duration
}

// readiness caches the verdict of the last write probe and disk check. It
// is per process on purpose: each instance reports its own disk and its own
// path to the database, which is what a load balancer asks about.
type readiness struct {
	mu      sync.Mutex
	checked time.Time
	reason  string // "" when ready
}

// healthz says the process is alive; it touches nothing else.
func (s *Server) healthz(c *fiber.Ctx) error {
	return c.JSON(liveStatus{Status: "ok", Version: s.Version})
}

// readyz says the instance can serve: the store answers (checked on every
// call, it is cheap), accepts a write, and the data directory's disk has
// room (both checked at most once per ProbeEvery). A load balancer stops
// sending traffic to an instance that lost its database or its disk, and the
// log says which.
func (s *Server) readyz(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), 2*time.Second)
	defer cancel()
	reason := ""
	if err := s.Store.Ping(ctx); err != nil {
		reason = "store unreachable: " + err.Error()
	} else {
		reason = s.probe(ctx)
	}
	if reason != "" {
		s.Log.Warn("not ready", "reason", reason)
		return c.Status(fiber.StatusServiceUnavailable).JSON(readyStatus{Status: "unavailable"})
	}
	return c.JSON(readyStatus{Status: "ready"})
}

// probe runs the write probe and the disk check unless they ran less than
// ProbeEvery ago, and returns why the instance is not ready ("" if it is).
// The lock makes concurrent readiness calls wait for one probe, not start many.
func (s *Server) probe(ctx context.Context) string {
	r := &s.ready
	r.mu.Lock()
	defer r.mu.Unlock()
	now := s.Now()
	every := s.Readiness.ProbeEvery
	if every <= 0 {
		every = 5 * time.Second
	}
	if d := now.Sub(r.checked); !r.checked.IsZero() && d >= 0 && d < every {
		return r.reason
	}
	r.checked, r.reason = now, s.checkWriteAndDisk(ctx)
	return r.reason
}

func (s *Server) checkWriteAndDisk(ctx context.Context) string {
	if err := s.Store.ProbeWrite(ctx); err != nil {
		return "store refuses writes: " + err.Error()
	}
	if dir, want := s.Readiness.DataDir, s.Readiness.MinFreeBytes; dir != "" && want > 0 {
		free, err := freeBytes(dir)
		if err != nil {
			return fmt.Sprintf("cannot read free space of %s: %v", dir, err)
		}
		if free < want {
			return fmt.Sprintf("disk almost full: %d MiB free under %s, below the %d MiB minimum (MIN_FREE_DISK_MB)",
				free>>20, dir, want>>20)
		}
	}
	return ""
}
