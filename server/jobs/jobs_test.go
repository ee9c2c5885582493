package jobs

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/server/store/sqlite"
)

// The jobs run on the real embedded store: what two Runners on one store
// see is what two instances on one database see.

func openStore(t *testing.T) Store {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "jobs.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// fast is a Runner with a heartbeat quick enough for tests.
func fast(st Store) *Runner {
	r := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	r.hold, r.beat = 2*time.Second, 20*time.Millisecond
	return r
}

// waitFor polls the job until it is no longer running.
func waitFor(t *testing.T, r *Runner, kind, key string) Job {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		j, err := r.Get(context.Background(), kind, key)
		if err != nil {
			t.Fatal(err)
		}
		if j.Status != Running {
			return j
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the job did not end")
	return Job{}
}

// gate is work that reports 40 %, then waits to be let go.
type gate struct {
	runs    atomic.Int32
	release chan struct{}
	result  any
	err     error
}

func newGate() *gate { return &gate{release: make(chan struct{}), result: map[string]int{"people": 7}} }

func (g *gate) work(ctx context.Context, progress func(int)) (any, error) {
	g.runs.Add(1)
	progress(40)
	select {
	case <-g.release:
		return g.result, g.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func TestAClickOnEachInstanceRunsOneJob(t *testing.T) {
	st := openStore(t)
	a, b := fast(st), fast(st)
	ctx := context.Background()
	g := newGate()
	first, started, err := a.Start(ctx, "results", "r1", "org1", g.work)
	if err != nil || !started || first.Status != Running {
		t.Fatalf("first click: %+v started=%v err=%v", first, started, err)
	}
	for _, r := range []*Runner{a, b} {
		again, started, err := r.Start(ctx, "results", "r1", "org2", g.work)
		if err != nil || started || again.ID != first.ID || again.By != "org1" {
			t.Fatalf("second click: %+v started=%v err=%v; want job %s of org1", again, started, err, first.ID)
		}
	}
	// Progress is stored by the heartbeat and seen from the other instance.
	deadline := time.Now().Add(5 * time.Second)
	for {
		j, err := b.Get(ctx, "results", "r1")
		if err != nil {
			t.Fatal(err)
		}
		if j.Progress == 40 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("progress seen from the other instance: %d, want 40", j.Progress)
		}
		time.Sleep(10 * time.Millisecond)
	}
	close(g.release)
	done := waitFor(t, b, "results", "r1")
	if done.Status != Done || done.Progress != 100 || string(done.Result) != `{"people":7}` || done.FinishedAt.IsZero() || done.ID != first.ID {
		t.Fatalf("done: %+v", done)
	}
	if n := g.runs.Load(); n != 1 {
		t.Fatalf("the work ran %d times, want 1", n)
	}
	// Once done, a click computes again (a key fixed meanwhile changes
	// the results): a new job.
	g2 := newGate()
	close(g2.release)
	next, started, err := b.Start(ctx, "results", "r1", "org2", g2.work)
	if err != nil || !started || next.ID == first.ID {
		t.Fatalf("click after done: %+v started=%v err=%v", next, started, err)
	}
	if waitFor(t, a, "results", "r1").Status != Done || g2.runs.Load() != 1 {
		t.Fatal("the second job did not run once")
	}
}

func TestAFailedJobSaysWhyInTheLanguageOfTheError(t *testing.T) {
	st := openStore(t)
	r := fast(st)
	ctx := context.Background()
	cases := []struct {
		name string
		work Work
		want contests.Msg
	}{
		{"a rule", func(context.Context, func(int)) (any, error) {
			return nil, contests.E(contests.CodeTooLate, contests.T("Đợt thi chưa đóng", "The round is not closed"))
		}, contests.T("Đợt thi chưa đóng", "The round is not closed")},
		{"a fault", func(context.Context, func(int)) (any, error) {
			return nil, errors.New("disk on fire")
		}, errInternal},
		{"a panic", func(context.Context, func(int)) (any, error) {
			var m map[string]int
			m["x"]++
			return nil, nil
		}, errInternal},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			key := string(rune('a' + i))
			if _, _, err := r.Start(ctx, "results", key, "org", c.work); err != nil {
				t.Fatal(err)
			}
			j := waitFor(t, r, "results", key)
			if j.Status != Failed || j.Error == nil || *j.Error != c.want || j.Result != nil {
				t.Fatalf("got %+v (error %v), want failed with %v", j, j.Error, c.want)
			}
		})
	}
}

func TestAStoppingInstanceLeavesItsJobInterruptedAndFree(t *testing.T) {
	st := openStore(t)
	a, b := fast(st), fast(st)
	ctx := context.Background()
	g := newGate()
	if _, _, err := a.Start(ctx, "results", "r1", "org", g.work); err != nil {
		t.Fatal(err)
	}
	a.Stop(ctx)
	j, err := b.Get(ctx, "results", "r1")
	if err != nil || j.Status != Failed || *j.Error != errInterrupted {
		t.Fatalf("after stop: %+v err=%v", j, err)
	}
	g2 := newGate()
	close(g2.release)
	if _, started, err := b.Start(ctx, "results", "r1", "org", g2.work); err != nil || !started {
		t.Fatalf("the lease was not released: started=%v err=%v", started, err)
	}
	if waitFor(t, b, "results", "r1").Status != Done {
		t.Fatal("the job started again did not finish")
	}
}

// A dead instance stores nothing more: its job reads as interrupted once
// its heartbeat is older than the lease, and the next click runs it.
func TestADeadInstancesJobIsTakenOverAfterItsLease(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	dead := fast(st)
	dead.hold = 150 * time.Millisecond
	dead.beat = time.Hour // it never beats: as if the process were gone
	g := newGate()
	if _, _, err := dead.Start(ctx, "results", "r1", "org", g.work); err != nil {
		t.Fatal(err)
	}
	live := fast(st)
	live.hold = 150 * time.Millisecond
	if j, started, err := live.Start(ctx, "results", "r1", "org", g.work); err != nil || started || j.Status != Running {
		t.Fatalf("within the lease: %+v started=%v err=%v", j, started, err)
	}
	time.Sleep(300 * time.Millisecond)
	if j, err := live.Get(ctx, "results", "r1"); err != nil || j.Status != Failed || *j.Error != errInterrupted {
		t.Fatalf("after the lease: %+v err=%v", j, err)
	}
	g2 := newGate()
	g2.result = "taken over"
	live.hold = time.Minute // the live instance keeps it from now on
	taken, started, err := live.Start(ctx, "results", "r1", "org", g2.work)
	if err != nil || !started {
		t.Fatalf("take over: started=%v err=%v", started, err)
	}
	// The stalled instance wakes up: its work ends without overwriting the
	// state of the job that replaced it.
	g.result = "stalled"
	close(g.release)
	dead.Stop(ctx)
	if j, _ := live.Get(ctx, "results", "r1"); j.ID != taken.ID || j.Status != Running {
		t.Fatalf("the stalled instance overwrote the running job: %+v", j)
	}
	close(g2.release)
	if j := waitFor(t, live, "results", "r1"); j.Status != Done || j.ID != taken.ID || string(j.Result) != `"taken over"` {
		t.Fatalf("the job taken over: %+v", j)
	}
}

func TestRunWaitsForTheBackgroundJobThenRuns(t *testing.T) {
	st := openStore(t)
	r := fast(st)
	ctx := context.Background()
	g := newGate()
	bg, _, err := r.Start(ctx, "results", "r1", "org", g.work)
	if err != nil {
		t.Fatal(err)
	}
	busy := contests.E(contests.CodeConflict, contests.T("bận", "busy"))
	if _, err := r.Run(ctx, "results", "r1", "org", 50*time.Millisecond, busy, g.work); err != busy {
		t.Fatalf("Run while a job runs: %v, want busy", err)
	}
	go func() { time.Sleep(100 * time.Millisecond); close(g.release) }()
	j, err := r.Run(ctx, "results", "r1", "org", 5*time.Second, busy, func(context.Context, func(int)) (any, error) {
		return "again", nil
	})
	if err != nil || j.Status != Done || j.ID == bg.ID || string(j.Result) != `"again"` {
		t.Fatalf("Run after the job: %+v err=%v", j, err)
	}
	if got, _ := r.Get(ctx, "results", "r1"); got.ID != j.ID {
		t.Fatalf("stored job %s, want the one Run ran (%s)", got.ID, j.ID)
	}
}

func TestGetBeforeAnyJob(t *testing.T) {
	r := fast(openStore(t))
	if _, err := r.Get(context.Background(), "results", "never"); contests.ErrorCode(err) != contests.CodeNotFound {
		t.Fatalf("got %v, want not found", err)
	}
}
