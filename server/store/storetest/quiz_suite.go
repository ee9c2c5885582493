package storetest

import (
	"slices"
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
type quizCase = suiteCase[QuizStore]

// RunQuiz runs every quiz contract case as a subtest of t, each on its own
// store from open, and prints "contract-quiz <engine>: N passed, M failed,
// K skipped" when t ends. open must return an empty store and register its
// own cleanup.
func RunQuiz(t *testing.T, open func(t *testing.T) QuizStore, opt Options) {
	cases := slices.Concat(
		questionCases(),
		roundCases(),
		roundVersionCases(),
		roundVersionProbeCases(),
		participationCases(),
		participationListCases(),
		standingCases(),
		standingSwapCases(),
	)
	runCases(t, "contract-quiz", cases, open, opt)
}
