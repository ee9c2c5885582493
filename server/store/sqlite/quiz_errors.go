package sqlite

import (
	"maps"

	"hoithi/contests"
	"hoithi/server/store"
)

// quizUniqueFields name the input field behind each quiz unique constraint.
// SQLite reports a composite key by its first column, so
// "quiz_questions.contest_id" is the (contest, question ID) key and
// "quiz_rounds.contest_id" the (contest, round number) key.
var quizUniqueFields = map[string]contests.FieldError{
	"quiz_questions.contest_id": store.Taken(store.KeyQuestionID),
	"quiz_rounds.contest_id":    store.Taken(store.KeyRoundNo),
	"quiz_rounds.id":            store.Taken(store.KeyRoundID),
}

// The quiz keys join the engine-wide table at start-up, so storeError names
// their fields like every other conflict's while errors.go stays about the
// engine rather than one aggregate.
func init() { maps.Copy(uniqueFields, quizUniqueFields) }

// participationConflict is the answer to a write based on a stale version
// (or an insert racing another): the caller reloads and applies again.
func participationConflict() error { return store.StaleParticipation() }
