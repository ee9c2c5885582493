package store

import "hoithi/contests"

// Every record written under a version check (a quiz participation, an
// essay work, an audit chain's next entry) is changed by reading it,
// changing the copy and writing it back only over the version read. A write
// that loses to a concurrent change reads again and retries, within one
// budget for the whole server.

// Retries is that budget: how many times one change is tried before the
// caller gets Busy. A lost write means another request changed the same
// record in the same instant — one person on two phones, two secretaries on
// one work, two instances appending to one audit chain — so a few always
// suffice; running out means something is wrong, and the caller says so
// rather than spinning.
const Retries = 8

// Busy is the error of a change that lost Retries times in a row.
func Busy() error {
	return contests.E(contests.CodeConflict, contests.T("Hệ thống đang bận, vui lòng thử lại", "Busy, please try again"))
}

// Retry calls attempt until it reports it is done (again false), at most
// Retries times, and returns its error; after the last lost attempt, Busy.
// attempt reports again=true only when its write lost to a concurrent change.
func Retry(attempt func() (again bool, err error)) error {
	for range Retries {
		again, err := attempt()
		if !again {
			return err
		}
	}
	return Busy()
}
