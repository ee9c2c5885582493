package auth

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"hoithi/contests"
)

// A round's opening brings thousands of logins in the same seconds. Each is
// an argon2id hash, pure CPU: running more at once than there are cores only
// makes every one of them slower, and letting an unbounded crowd wait makes
// every phone time out. So hashing runs on at most Workers goroutines, at
// most Queue more requests wait for one, and the rest are refused at once
// with a BusyError (503 + Retry-After), which a phone retries a moment later.
//
// Per process on purpose: the limit protects this process's cores; N
// instances each bound their own.

// DefaultHashQueuePerWorker sizes the waiting line: 64 per core waits at
// most about 64 × 14 ms ≈ 0.9 s at the parameters below.
const DefaultHashQueuePerWorker = 64

// MaxHashWait bounds the time in line whatever the line's length: on a
// starved machine (other processes taking the cores) each hash is slower
// and the same line takes longer; past this wait the request is refused
// like one that found the line full, so every login is answered in seconds.
const MaxHashWait = 5 * time.Second

// hashQueue bounds concurrent hashing and the line waiting for it.
type hashQueue struct {
	slots    chan struct{}
	waiting  atomic.Int64
	maxWait  int64 // requests in line
	waitFor  time.Duration
	avgNanos atomic.Int64 // moving average of one hash, for Retry-After
}

var (
	queueMu sync.RWMutex
	queue   = newHashQueue(0, 0)
)

func newHashQueue(workers, waiting int) *hashQueue {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if waiting <= 0 {
		waiting = DefaultHashQueuePerWorker * workers
	}
	q := &hashQueue{slots: make(chan struct{}, workers), maxWait: int64(waiting), waitFor: MaxHashWait}
	q.avgNanos.Store(int64(15 * time.Millisecond))
	return q
}

// ConfigureHashing sets how many hashes run at once (0: one per core) and
// how many requests may wait for one (0: DefaultHashQueuePerWorker per
// worker). Call it at start-up, before serving.
func ConfigureHashing(workers, waiting int) {
	queueMu.Lock()
	defer queueMu.Unlock()
	queue = newHashQueue(workers, waiting)
}

// HashingLimits returns the workers and waiting-line bound in force.
func HashingLimits() (workers, waiting int) {
	q := currentQueue()
	return cap(q.slots), int(q.maxWait)
}

func currentQueue() *hashQueue {
	queueMu.RLock()
	defer queueMu.RUnlock()
	return queue
}

// run calls fn on a hashing slot, waiting in line if there is room, else
// returns a *BusyError without calling it.
func (q *hashQueue) run(fn func()) error {
	select {
	case q.slots <- struct{}{}:
	default:
		if q.waiting.Add(1) > q.maxWait {
			q.waiting.Add(-1)
			return &BusyError{RetryAfter: q.retryAfter()}
		}
		timer := time.NewTimer(q.waitFor)
		select {
		case q.slots <- struct{}{}:
			timer.Stop()
			q.waiting.Add(-1)
		case <-timer.C:
			busy := &BusyError{RetryAfter: q.retryAfter()}
			q.waiting.Add(-1)
			return busy
		}
	}
	defer func() { <-q.slots }()
	start := time.Now()
	fn()
	took := int64(time.Since(start))
	avg := q.avgNanos.Load()
	q.avgNanos.Store(avg + (took-avg)/16)
	return nil
}

// retryAfter is the time the line ahead needs, spread by up to as much
// again so refused phones do not all come back in the same second.
func (q *hashQueue) retryAfter() time.Duration {
	drain := time.Duration((q.waiting.Load() + int64(cap(q.slots))) * q.avgNanos.Load() / int64(cap(q.slots)))
	d := drain + time.Duration(rand.Int64N(int64(drain)+1))
	return max(time.Second, d.Round(time.Second))
}

// BusyError refuses a password hash because the line is full.
type BusyError struct {
	RetryAfter time.Duration
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("auth: password hashing busy, retry after %s", e.RetryAfter)
}

// Unwrap gives the API its answer: CodeBusy (503) with a message a citizen
// understands; the API adds the Retry-After header from RetryAfter.
func (e *BusyError) Unwrap() error {
	secs := int(e.RetryAfter / time.Second)
	return contests.E(contests.CodeBusy, contests.T(
		"Nhiều người đang đăng nhập cùng lúc, vui lòng thử lại sau %d giây",
		"Many people are logging in at once, please try again in %d seconds", secs))
}
