package store

import (
	"errors"

	"hoithi/contests"
)

// Contests, quiz rounds and judging rounds carry a version number (1 when
// created). UpdateContest, UpdateRound and UpdateEssayRound write only over
// the version the caller read and then set the caller's copy to the new
// version; a copy read before another change was stored fails with Stale.
// Without this, two organizers (or an organizer and a results computation
// running on another instance) would each replace the whole document and
// the later write would silently undo the earlier one.

// errStale marks the cause of a Stale error, so IsStale can tell it from
// other conflicts (a taken number, a taken slug).
var errStale = errors.New("stale version")

// Stale is the CodeConflict an update gets when the stored document changed
// since the caller read it. Its message is written for the person who
// pressed "save": reload and edit again.
func Stale() error {
	e := contests.E(contests.CodeConflict,
		contests.T("Đã có người khác sửa mục này, hãy tải lại.", "Someone else has changed this item; reload it."))
	e.Err = errStale
	return e
}

// IsStale reports whether err is a Stale error.
func IsStale(err error) bool { return errors.Is(err, errStale) }

// FirstVersion is what a document gets when created, and what a document
// stored before versions existed counts as.
const FirstVersion = 1
