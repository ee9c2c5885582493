package storetest

import (
	"slices"
	"testing"

	"hoithi/server/store"
)

// EssayStore is what the essay contract exercises: the shared ports plus
// the essay aggregates. It stays separate from store.Store until both
// engines implement the essay ports; then the lead folds them into
// store.Store.
type EssayStore interface {
	store.Store
	store.Essay
}

// essayCase is one essay behaviour; needsAtomic as in contractCase.
type essayCase = suiteCase[EssayStore]

// RunEssay runs every essay contract case as a subtest of t, each on its
// own store from open, and prints "contract-essay <engine>: N passed, M
// failed, K skipped" when t ends. open must return an empty store and
// register its own cleanup.
func RunEssay(t *testing.T, open func(t *testing.T) EssayStore, opt Options) {
	cases := slices.Concat(
		workCases(),
		workListCases(),
		identityCases(),
		essayRoundCases(),
		essayRoundVersionCases(),
		seatCases(),
		scoreCases(),
		auditCases(),
	)
	runCases(t, "contract-essay", cases, open, opt)
}
