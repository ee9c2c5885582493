// Package jobs runs long work that a request starts but must not wait for:
// computing a national round's results reads half a million records and
// writes a new standings table, minutes of work behind a proxy that gives
// up on a request after two.
//
// A job is known by its kind and key (one results job per round). Its state
// lives in the store, not in this process, so every instance answers the
// same about it, and one runs at a time per kind and key under a store
// lease (one conditional write, no transaction):
//
//   - Start takes the lease and runs the work in the background on this
//     instance, or — a second click, on any instance — answers with the job
//     already running;
//   - while it runs, a heartbeat renews the lease and stores the progress;
//   - when it ends, the outcome (done with its result, or failed with a
//     message for the person) is stored and the lease released;
//   - an instance that dies mid-job stops renewing: its lease and its state
//     age past hold, the job reads as interrupted, and the next Start runs
//     it again. Work run twice must therefore give the same outcome, as the
//     same data gives the same standings.
package jobs

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync"
	"time"

	"hoithi/contests"
	"hoithi/server/store"
)

// Store is what jobs need of the database: leases, and the snapshots their
// state is kept in.
type Store interface {
	store.Leases
	store.Snapshots
}

// Status is where a job is.
type Status string

const (
	Running Status = "running"
	Done    Status = "done"
	Failed  Status = "failed"
)

// Job is a job's state as stored.
type Job struct {
	ID         string          `json:"id"`
	Status     Status          `json:"status"`
	Progress   int             `json:"progress"` // percent, 0–100
	By         string          `json:"by,omitempty"`
	StartedAt  time.Time       `json:"startedAt"`
	UpdatedAt  time.Time       `json:"updatedAt"`
	FinishedAt time.Time       `json:"finishedAt,omitzero"`
	Error      *contests.Msg   `json:"error,omitempty"`
	Result     json.RawMessage `json:"result,omitempty"`
}

// Work is the job itself. It reports its progress in percent (called as
// often as it likes; the state is stored every beat) and returns its result,
// stored as JSON, or an error: a *contests.Error's message is shown to the
// person, any other is logged and shown as an internal error.
type Work func(ctx context.Context, progress func(percent int)) (any, error)

// Timings of the heartbeat. A lease is held for hold and renewed every
// beat: a live instance never loses it, a dead one's frees itself after
// hold. They are about processes, so they use the process clock, never the
// contest's.
const (
	defaultHold = 90 * time.Second
	defaultBeat = 2 * time.Second
)

var (
	errInterrupted = contests.T(
		"Việc tính bị gián đoạn (máy chủ khởi động lại); hãy bấm tính lại",
		"The computation was interrupted (a server restarted); start it again")
	errInternal = contests.T(
		"Lỗi máy chủ khi tính; hãy thử lại, nếu vẫn lỗi hãy báo quản trị viên",
		"A server error stopped the computation; try again, and tell the administrator if it persists")
	// ErrNone is the answer of Get for a job never started.
	ErrNone = contests.E(contests.CodeNotFound, contests.T("Chưa có lần tính nào", "Not computed yet"))
)

// Runner starts and reports jobs. Its only process state is the set of
// jobs this instance runs, to end them when it stops; what any instance
// answers comes from the store.
type Runner struct {
	st   Store
	log  *slog.Logger
	hold time.Duration
	beat time.Duration

	base   context.Context
	stop   context.CancelFunc
	active sync.WaitGroup
}

// New returns a Runner on st.
func New(st Store, log *slog.Logger) *Runner {
	base, stop := context.WithCancel(context.Background())
	return &Runner{st: st, log: log, hold: defaultHold, beat: defaultBeat, base: base, stop: stop}
}

// Stop ends the jobs this instance runs (each is stored as interrupted)
// and waits for them, at most until ctx ends.
func (r *Runner) Stop(ctx context.Context) {
	r.stop()
	done := make(chan struct{})
	go func() { r.active.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
	}
}

func leaseName(kind, key string) string { return "job:" + kind + ":" + key }
func stateKind(kind string) string      { return "job:" + kind }

// Get returns the state of the last job of kind and key → ErrNone when
// there is none. A running job whose heartbeat stopped reads as failed.
func (r *Runner) Get(ctx context.Context, kind, key string) (Job, error) {
	data, _, err := r.st.Snapshot(ctx, stateKind(kind), key)
	if contests.ErrorCode(err) == contests.CodeNotFound {
		return Job{}, ErrNone
	}
	if err != nil {
		return Job{}, err
	}
	var j Job
	if err := json.Unmarshal(data, &j); err != nil {
		return Job{}, contests.Internal(err)
	}
	if j.Status == Running && time.Since(j.UpdatedAt) > r.hold {
		j.Status, j.Error, j.FinishedAt = Failed, &errInterrupted, j.UpdatedAt
	}
	return j, nil
}

func (r *Runner) put(ctx context.Context, kind, key string, j Job) error {
	data, err := json.Marshal(j)
	if err != nil {
		return contests.Internal(err)
	}
	return r.st.PutSnapshot(ctx, stateKind(kind), key, data, j.UpdatedAt)
}

// Start runs work as the job of kind and key in the background, unless
// one is running on any instance: then it returns that one, and started
// is false.
func (r *Runner) Start(ctx context.Context, kind, key, by string, work Work) (j Job, started bool, err error) {
	owner := store.NewID()
	j, took, err := r.take(ctx, kind, key, by, owner)
	if err != nil || !took {
		return j, false, err
	}
	r.active.Add(1)
	go func() {
		defer r.active.Done()
		r.run(kind, key, owner, j, work)
	}()
	return j, true, nil
}

// Run runs work as the job of kind and key and waits for it, after
// waiting at most wait for one already running (then busy). For work a
// request must see done before it answers (a short recomputation after an
// exclusion) that must still never overlap the background job.
func (r *Runner) Run(ctx context.Context, kind, key, by string, wait time.Duration, busy error, work Work) (Job, error) {
	owner := store.NewID()
	deadline := time.Now().Add(wait)
	for {
		j, took, err := r.take(ctx, kind, key, by, owner)
		if err != nil {
			return j, err
		}
		if took {
			return r.run(kind, key, owner, j, work), nil
		}
		if time.Now().After(deadline) {
			return j, busy
		}
		select {
		case <-ctx.Done():
			return j, contests.Internal(ctx.Err())
		case <-time.After(r.beat / 4):
		}
	}
}

// take takes the job's lease for owner and stores a new running job, or
// returns the running job of the lease's holder.
func (r *Runner) take(ctx context.Context, kind, key, by, owner string) (Job, bool, error) {
	now := time.Now()
	ok, err := r.st.TakeLease(ctx, leaseName(kind, key), owner, now, now.Add(r.hold))
	if err != nil {
		return Job{}, false, err
	}
	if !ok {
		// The holder stores its job right after taking the lease; until
		// then the stored state is the previous job's.
		for range 20 {
			if j, err := r.Get(ctx, kind, key); err == nil && j.Status == Running {
				return j, false, nil
			}
			time.Sleep(r.beat / 20)
		}
		// The holder has not said yet which job it runs (or the store did
		// not answer): a running job with no name, which the caller
		// follows like any other.
		return Job{Status: Running, StartedAt: now, UpdatedAt: now}, false, nil
	}
	j := Job{ID: store.NewID(), Status: Running, By: by, StartedAt: now, UpdatedAt: now}
	if err := r.put(ctx, kind, key, j); err != nil {
		r.release(kind, key, owner)
		return Job{}, false, err
	}
	return j, true, nil
}
