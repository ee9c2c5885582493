package storetest

import (
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/server/store"
)

// reloadWork reads w back, failing the test when it cannot.
func reloadWork(t *testing.T, s store.Store, id string) *essay.Work {
	t.Helper()
	got, err := s.Work(t.Context(), id)
	must(t, err)
	return got
}

func workCases() []contractCase {
	return []contractCase{
		{name: "works/create and get round-trip every field", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			contest := store.NewID()
			plain := NewWork(contest, store.NewID(), "BN-0001", baseTime)
			forwarded := forwardedWork(contest, "BN-0002", "K7M-4QX-9TB", baseTime.Add(time.Minute))
			for _, w := range []*essay.Work{plain, forwarded} {
				must(t, s.CreateWork(ctx, w))
			}
			gotPlain := reloadWork(t, s, plain.ID)
			sameStored(t, "Work", gotPlain, plain)
			if gotPlain.Origin != nil || gotPlain.Code != "" || len(gotPlain.Warnings) != 0 {
				t.Errorf("a plain work read back with origin %v, code %q, warnings %v; want none", gotPlain.Origin, gotPlain.Code, gotPlain.Warnings)
			}
			sameStored(t, "forwarded Work", reloadWork(t, s, forwarded.ID), forwarded)

			_, err := s.Work(ctx, store.NewID())
			wantCode(t, err, contests.CodeNotFound)
		}},
		{name: "works/taken receipt or ID in a contest is a conflict", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			contest := store.NewID()
			first := NewWork(contest, store.NewID(), "BN-0001", baseTime)
			must(t, s.CreateWork(ctx, first))

			twin := NewWork(contest, store.NewID(), "BN-0001", baseTime.Add(time.Minute))
			wantConflict(t, s.CreateWork(ctx, twin), "receipt")
			_, err := s.Work(ctx, twin.ID)
			wantCode(t, err, contests.CodeNotFound)

			// Receipts are numbered per contest: another contest may reuse one.
			elsewhere := NewWork(store.NewID(), store.NewID(), "BN-0001", baseTime)
			must(t, s.CreateWork(ctx, elsewhere))
			sameStored(t, "Work of another contest", reloadWork(t, s, elsewhere.ID), elsewhere)

			again := NewWork(contest, store.NewID(), "BN-0003", baseTime)
			again.ID = first.ID
			wantConflict(t, s.CreateWork(ctx, again), "id")
			sameStored(t, "Work after a refused create", reloadWork(t, s, first.ID), first)
		}},
		{name: "works/put follows the version chain and refuses stale versions", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			w := NewWork(store.NewID(), store.NewID(), "BN-0001", baseTime)
			must(t, s.CreateWork(ctx, w))

			v2 := acceptedWork(w, "K7M-4QX-9TB")
			must(t, s.PutWork(ctx, v2))
			sameStored(t, "Work v2", reloadWork(t, s, w.ID), v2)

			// Version 3 unsets what version 2 set: no warnings, back to no round.
			v3 := *v2
			v3.Version, v3.Warnings, v3.Round, v3.Title = 3, nil, 0, "Tiêu đề đã sửa"
			must(t, s.PutWork(ctx, &v3))
			sameStored(t, "Work v3", reloadWork(t, s, w.ID), &v3)

			// Another writer that read version 2 (or guessed a version ahead)
			// loses, and leaves version 3 as it was.
			for _, version := range []int64{3, 2, 5} {
				stale := *v2
				stale.Version, stale.Title = version, "Ghi đè"
				wantCode(t, s.PutWork(ctx, &stale), contests.CodeConflict)
			}
			sameStored(t, "Work after stale writes", reloadWork(t, s, w.ID), &v3)

			unknown := acceptedWork(NewWork(w.ContestID, store.NewID(), "BN-0009", baseTime), "ZZZ-ZZZ-ZZZ")
			wantCode(t, s.PutWork(ctx, unknown), contests.CodeNotFound)
		}},
		{name: "works/taken code in a contest is a code conflict; no code never collides", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			contest := store.NewID()
			var works []*essay.Work
			for i, receipt := range []string{"BN-0001", "BN-0002", "BN-0003", "BN-0004"} {
				w := NewWork(contest, store.NewID(), receipt, baseTime.Add(time.Duration(i)*time.Minute))
				must(t, s.CreateWork(ctx, w)) // none has a code yet
				works = append(works, w)
			}
			first := acceptedWork(works[0], "K7M-4QX-9TB")
			must(t, s.PutWork(ctx, first))

			clash := acceptedWork(works[1], "K7M-4QX-9TB")
			wantConflict(t, s.PutWork(ctx, clash), "code")
			sameStored(t, "Work after a refused code", reloadWork(t, s, works[1].ID), works[1])
			must(t, s.PutWork(ctx, acceptedWork(works[1], "P3R-8WN-2HD")))

			// Rejected and withdrawn works keep no code, however many there are.
			for i, status := range []essay.WorkStatus{essay.WorkRejected, essay.WorkWithdrawn} {
				w := *works[2+i]
				w.Status, w.Version, w.RejectReason = status, 2, "Vượt quá số từ cho phép"
				must(t, s.PutWork(ctx, &w))
				sameStored(t, "Work without a code", reloadWork(t, s, w.ID), &w)
			}

			// Codes are drawn per contest: another contest may hold the same.
			other := NewWork(store.NewID(), store.NewID(), "BN-0001", baseTime)
			must(t, s.CreateWork(ctx, other))
			must(t, s.PutWork(ctx, acceptedWork(other, "K7M-4QX-9TB")))
		}},
		{name: "works/by code finds the accepted work of that contest only", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			contest, other := store.NewID(), store.NewID()
			w := NewWork(contest, store.NewID(), "BN-0001", baseTime)
			must(t, s.CreateWork(ctx, w))
			must(t, s.CreateWork(ctx, NewWork(contest, store.NewID(), "BN-0002", baseTime)))
			accepted := acceptedWork(w, "K7M-4QX-9TB")
			must(t, s.PutWork(ctx, accepted))
			twin := forwardedWork(other, "BN-0001", "K7M-4QX-9TB", baseTime)
			must(t, s.CreateWork(ctx, twin))

			got, err := s.WorkByCode(ctx, contest, "K7M-4QX-9TB")
			must(t, err)
			sameStored(t, "WorkByCode", got, accepted)
			got, err = s.WorkByCode(ctx, other, "K7M-4QX-9TB")
			must(t, err)
			sameStored(t, "WorkByCode in the other contest", got, twin)

			for _, lookup := range []struct{ contest, code string }{
				{contest, "P3R-8WN-2HD"}, // no such code
				{contest, ""},            // the submitted work has no code: "" finds nothing
				{store.NewID(), "K7M-4QX-9TB"},
			} {
				_, err := s.WorkByCode(ctx, lookup.contest, lookup.code)
				wantCode(t, err, contests.CodeNotFound)
			}

			// Withdrawn after acceptance, the work keeps its code but judges
			// can no longer reach it by that code.
			withdrawn := *accepted
			withdrawn.Status, withdrawn.Version = essay.WorkWithdrawn, accepted.Version+1
			must(t, s.PutWork(ctx, &withdrawn))
			_, err = s.WorkByCode(ctx, contest, "K7M-4QX-9TB")
			wantCode(t, err, contests.CodeNotFound)
		}},
	}
}
