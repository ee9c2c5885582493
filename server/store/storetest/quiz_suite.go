package storetest

import (
	"fmt"
	"testing"

	"hoithi/server/store"
)

// QuizStore is what the quiz contract exercises: the shared ports plus the
// quiz aggregates. It stays separate from store.Store until both engines
// implement the quiz ports; then the lead folds them into store.Store.
type QuizStore interface {
	store.Store
	store.Questions
	store.Rounds
	store.Participations
	store.Standings
}

// quizCase is one quiz behaviour; needsAtomic as in contractCase.
type quizCase struct {
	name        string
	needsAtomic bool
	run         func(t *testing.T, s QuizStore)
}

// RunQuiz runs every quiz contract case as a subtest of t, each on its own
// store from open, and prints "contract-quiz <engine>: N passed, M failed,
// K skipped" when t ends. open must return an empty store and register its
// own cleanup.
func RunQuiz(t *testing.T, open func(t *testing.T) QuizStore, opt Options) {
	counts := &tally{}
	t.Cleanup(func() {
		fmt.Printf("contract-quiz %s: %d passed, %d failed, %d skipped\n",
			opt.Engine, counts.passed, counts.failed, counts.skipped)
	})
	var cases []quizCase
	cases = append(cases, questionCases()...)
	cases = append(cases, roundCases()...)
	cases = append(cases, participationCases()...)
	cases = append(cases, participationListCases()...)
	cases = append(cases, standingCases()...)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Cleanup(func() { counts.record(t) }) // runs after the store's cleanup, see Run
			if c.needsAtomic && !opt.Atomic {
				t.Skip("FerretDB v1 has no single-document atomicity")
			}
			c.run(t, open(t))
		})
	}
}
