// Package storetest is the behaviour contract every storage engine passes:
// the same inputs give the same outputs and the same error codes on SQLite,
// on MongoDB and on the MongoDB-wire test server. An adapter's test calls Run
// with a function that opens a fresh, empty store.
package storetest

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"hoithi/server/store"
)

// Options describe the engine under test.
type Options struct {
	// Engine names the engine in subtest output and the summary line.
	Engine string
	// Atomic is false for an engine without single-document atomicity under
	// concurrency (FerretDB v1): the cases racing goroutines are skipped.
	Atomic bool
}

// contractCase is one behaviour of the store. needsAtomic marks cases that
// race goroutines against one record and so cannot pass on a non-atomic
// engine.
type contractCase struct {
	name        string
	needsAtomic bool
	run         func(t *testing.T, s store.Store)
}

// tally counts subtest outcomes for the summary line, which makes the result
// of both engines comparable at a glance in `make test` output.
type tally struct {
	mu                      sync.Mutex
	passed, failed, skipped int
}

func (c *tally) record(t *testing.T) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case t.Skipped():
		c.skipped++
	case t.Failed():
		c.failed++
	default:
		c.passed++
	}
}

// Run runs every contract case as a subtest of t, each on its own store from
// open, and prints "contract <engine>: N passed, M failed, K skipped" when t
// ends. open must return an empty store and register its own cleanup.
func Run(t *testing.T, open func(t *testing.T) store.Store, opt Options) {
	cases := slices.Concat(
		userCases(),
		userListCases(),
		usersBatchCases(),
		unitCases(),
		tokenCases(),
		contestCases(),
		contestVersionCases(),
		metaCases(),
		leaseCases(),
		heartbeatCases(),
		counterCases(),
		snapshotCases(),
		searchCases(),
		probeCases(),
		messageCases(),
		// Quiz.
		questionCases(),
		roundCases(),
		roundVersionCases(),
		roundVersionProbeCases(),
		participationCases(),
		participationListCases(),
		standingCases(),
		standingSwapCases(),
		// Essay.
		workCases(),
		workListCases(),
		identityCases(),
		essayRoundCases(),
		essayRoundVersionCases(),
		seatCases(),
		scoreCases(),
		auditCases(),
	)
	counts := &tally{}
	t.Cleanup(func() {
		fmt.Printf("contract %s: %d passed, %d failed, %d skipped\n",
			opt.Engine, counts.passed, counts.failed, counts.skipped)
	})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// Registered first so it runs last, after the store's own
			// cleanup: a failure while closing counts against the case.
			t.Cleanup(func() { counts.record(t) })
			if c.needsAtomic && !opt.Atomic {
				t.Skip("FerretDB v1 has no single-document atomicity")
			}
			c.run(t, open(t))
		})
	}
}
