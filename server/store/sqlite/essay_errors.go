package sqlite

import (
	"maps"

	"hoithi/contests"
	"hoithi/server/store"
)

// essayUniqueFields name the input field behind each essay unique key.
// SQLite reports a composite key by its first column; the schema puts the
// guarded field first (receipt, code) where contest_id would be ambiguous,
// so "essay_rounds.contest_id" is the (contest, round number) key and
// "audit_log.chain" the (chain, seq) key.
var essayUniqueFields = map[string]contests.FieldError{
	"essay_works.id":          store.Taken(store.KeyWorkID),
	"essay_works.receipt":     store.Taken(store.KeyWorkReceipt),
	"essay_works.code":        store.Taken(store.KeyWorkCode),
	"essay_rounds.id":         store.Taken(store.KeyEssayRoundID),
	"essay_rounds.contest_id": store.Taken(store.KeyEssayRoundNo),
	"audit_log.chain":         store.Taken(store.KeyAuditSeq),
}

// Joined to the engine-wide table at start-up, as the quiz keys are.
func init() { maps.Copy(uniqueFields, essayUniqueFields) }

// workConflict answers a write based on a stale version: someone else
// changed the work since the caller read it, so the caller reloads.
func workConflict() error { return store.StaleWork() }

// scoreConflict answers a score write based on a stale version, or a first
// version racing another first version of the same sheet.
func scoreConflict() error { return store.StaleScore() }
