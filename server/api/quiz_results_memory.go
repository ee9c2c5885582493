package api

import (
	"runtime"
	"runtime/debug"
	"sync"
)

// Computing a national round's results holds ~150 MB of compact lines,
// names and same-person index at its largest (500,000 people), while
// decoding every record and writing every line makes garbage fast. With
// the default GOGC the Go heap grows to twice what is live, and the freed
// half stays resident a while: ~340 MB of runtime memory for ~150 MB
// live. While results are computed, the runtime's soft memory limit is
// lowered to what the process held before plus a budget for the round
// (resultsBudget): the collector then runs when the heap nears it instead
// of at 2×, and the scavenger returns the freed pages.
//
// Why this is safe: the limit is soft (the runtime caps the collector at
// about half the CPU when it cannot stay under it, so a misjudged budget
// costs time, never a failure); it is only ever lowered below what was set
// (an operator's GOMEMLIMIT stays if lower) and put back when the last
// computation in the process ends; the budget grows with each computation
// running at once. Requests served meanwhile share the limit: the budget's
// fixed part is their room; past it they cost more collections until the
// computation ends. It tunes this process's collector only: no state is
// shared, so any number of instances may each do it. The cost: more
// collections while the same-person index and the lines are live. On the
// 500,000-person bench (`server bench results`, a shared 2-core machine):
// peak resident 404 MB → 279 MB; 29.7 s → 26.9 s, within the noise of the
// shared machine: the extra collections did not show in the time.

// resultsBudget is the memory allowed to a computation of people records
// above what the process held before: ~290 B a person are live at the
// largest (measured), the rest is room for garbage between collections.
func resultsBudget(people int) int64 {
	return 32<<20 + int64(people)*300
}

// memoryLimiter lowers the runtime's memory limit while computations run.
type memoryLimiter struct {
	mu      sync.Mutex
	set     func(int64) int64 // debug.SetMemoryLimit
	held    func() int64      // what the process holds now (after a collection)
	running int
	budget  int64 // of the computations running
	base    int64 // held when the first of them started
	before  int64 // the limit before the first started
}

var resultsMemory = &memoryLimiter{set: debug.SetMemoryLimit, held: heldAfterGC}

// hold lowers the limit for a computation of people records until release.
func (m *memoryLimiter) hold(people int) (release func()) {
	budget := resultsBudget(people)
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.running == 0 {
		m.base, m.before = m.held(), m.set(-1)
	}
	m.running++
	m.budget += budget
	m.apply()
	var once sync.Once
	return func() {
		once.Do(func() {
			m.mu.Lock()
			defer m.mu.Unlock()
			m.running--
			m.budget -= budget
			if m.running == 0 {
				m.set(m.before)
				return
			}
			m.apply()
		})
	}
}

// apply sets the limit for the computations running, never above the one
// set before them.
func (m *memoryLimiter) apply() {
	m.set(min(m.before, m.base+m.budget))
}

// heldAfterGC is the Go memory the process holds once garbage is
// collected: the live heap and the runtime's own (stacks, metadata).
func heldAfterGC() int64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc + ms.Sys - ms.HeapSys)
}
