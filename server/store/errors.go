package store

import (
	"errors"

	"hoithi/contests"
)

// KnownError is where each engine's storeError starts, so that both keep the
// port's promise the same way: nil stays nil, a *contests.Error passes
// unchanged, and the driver's "nothing matched" (noRows: sql.ErrNoRows,
// mongo.ErrNoDocuments) becomes notFound() when the caller gave one. known is
// false for any other error; the engine classifies that one itself (its
// unique-key conflicts, then contests.Internal).
func KnownError(err, noRows error, notFound func() error) (mapped error, known bool) {
	if err == nil {
		return nil, true
	}
	var ce *contests.Error
	if errors.As(err, &ce) {
		return ce, true
	}
	if errors.Is(err, noRows) && notFound != nil {
		return notFound(), true
	}
	return nil, false
}
