package storetest

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/server/store"
)

func workID(w *essay.Work) string { return w.ID }

// byWorkListing is the order WorksOf promises: submission time as stored
// (milliseconds), then ID.
func byWorkListing(a, b *essay.Work) int {
	return cmp.Or(a.SubmittedAt.Truncate(time.Millisecond).Compare(b.SubmittedAt.Truncate(time.Millisecond)),
		cmp.Compare(a.ID, b.ID))
}

// matching returns the works f selects, in listing order, ignoring paging.
func matching(works []*essay.Work, f store.WorkFilter) []*essay.Work {
	var out []*essay.Work
	for _, w := range works {
		if (f.Status == "" || w.Status == f.Status) && (f.Category == "" || w.Category == f.Category) && w.Round >= f.MinRound {
			out = append(out, w)
		}
	}
	slices.SortFunc(out, byWorkListing)
	return out
}

// seedWorkListing stores works of one contest covering every filter: three
// statuses, two categories, rounds 0 to 2, two submitted in the same
// millisecond (so the ID decides) and created out of order; and a work of
// another contest that no listing of the first may show.
func seedWorkListing(t *testing.T, s store.Store, contest string) []*essay.Work {
	t.Helper()
	specs := []struct {
		minutes  int
		status   essay.WorkStatus
		category essay.CategoryKey
		round    int
	}{
		{30, essay.WorkAccepted, essay.CatNewspaperPrint, 2},
		{10, essay.WorkSubmitted, essay.CatNewspaperPrint, 0},
		{20, essay.WorkAccepted, essay.CatTV, 1},
		{10, essay.WorkAccepted, essay.CatTV, 2}, // same instant as the second
		{40, essay.WorkRejected, essay.CatTV, 0},
		{5, essay.WorkAccepted, essay.CatNewspaperPrint, 1},
		{50, essay.WorkWithdrawn, essay.CatNewspaperPrint, 0},
	}
	var works []*essay.Work
	for i, sp := range specs {
		w := NewWork(contest, store.NewID(), "BN-"+string(rune('A'+i)), baseTime.Add(time.Duration(sp.minutes)*time.Minute))
		w.Status, w.Category, w.Round = sp.status, sp.category, sp.round
		if sp.status == essay.WorkAccepted {
			w.Code = "CODE-" + string(rune('A'+i))
		}
		must(t, s.CreateWork(t.Context(), w))
		works = append(works, w)
	}
	must(t, s.CreateWork(t.Context(), NewWork(store.NewID(), store.NewID(), "BN-A", baseTime)))
	return works
}

func workListCases() []contractCase {
	return []contractCase{
		{name: "works/list filters, orders by submission then ID, counts and pages", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			contest := store.NewID()
			works := seedWorkListing(t, s, contest)
			filters := map[string]store.WorkFilter{
				"no filter":                       {},
				"accepted":                        {Status: essay.WorkAccepted},
				"tv":                              {Category: essay.CatTV},
				"reached round 2":                 {MinRound: 2},
				"reached round 1":                 {MinRound: 1},
				"accepted print reaching round 1": {Status: essay.WorkAccepted, Category: essay.CatNewspaperPrint, MinRound: 1},
				"none matching":                   {Status: essay.WorkWithdrawn, Category: essay.CatTV},
			}
			for name, f := range filters {
				want := matching(works, f)
				got, total, err := s.WorksOf(ctx, contest, f)
				must(t, err)
				if total != len(want) {
					t.Errorf("%s: total = %d, want %d", name, total, len(want))
				}
				if !slices.Equal(IDs(got, workID), IDs(want, workID)) {
					t.Errorf("%s: works = %v, want %v", name, IDs(got, workID), IDs(want, workID))
					continue
				}
				sameStored(t, "WorksOf "+name, got, want)
			}

			all := matching(works, store.WorkFilter{})
			for _, page := range []struct{ limit, offset, from, to int }{
				{2, 0, 0, 2}, {2, 2, 2, 4}, {3, 6, 6, 7}, {3, 9, 7, 7},
			} {
				got, total, err := s.WorksOf(ctx, contest, store.WorkFilter{Limit: page.limit, Offset: page.offset})
				must(t, err)
				if total != len(all) {
					t.Errorf("page %+v: total = %d, want every match, %d", page, total, len(all))
				}
				if want := IDs(all[page.from:page.to], workID); !slices.Equal(IDs(got, workID), want) {
					t.Errorf("page limit %d offset %d = %v, want %v", page.limit, page.offset, IDs(got, workID), want)
				}
			}

			got, total, err := s.WorksOf(ctx, store.NewID(), store.WorkFilter{})
			must(t, err)
			if len(got) != 0 || total != 0 {
				t.Errorf("WorksOf a contest without works = %d works, total %d; want none", len(got), total)
			}
		}},
		{name: "works/of an author lists every status in that contest only", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			contest, author := store.NewID(), store.NewID()
			var want []*essay.Work
			for i, status := range []essay.WorkStatus{essay.WorkSubmitted, essay.WorkWithdrawn, essay.WorkRejected} {
				w := NewWork(contest, author, "BN-00"+string(rune('1'+i)), baseTime.Add(time.Duration(3-i)*time.Hour))
				w.Status = status
				must(t, s.CreateWork(ctx, w))
				want = append(want, w)
			}
			must(t, s.CreateWork(ctx, NewWork(contest, store.NewID(), "BN-0009", baseTime))) // another author
			must(t, s.CreateWork(ctx, NewWork(store.NewID(), author, "BN-0001", baseTime)))  // another contest

			got, err := s.WorksOfAuthor(ctx, contest, author)
			must(t, err)
			// The port promises no order: compare by ID.
			slices.SortFunc(got, func(a, b *essay.Work) int { return cmp.Compare(a.ID, b.ID) })
			slices.SortFunc(want, func(a, b *essay.Work) int { return cmp.Compare(a.ID, b.ID) })
			if !slices.Equal(IDs(got, workID), IDs(want, workID)) {
				t.Fatalf("WorksOfAuthor = %v, want %v", IDs(got, workID), IDs(want, workID))
			}
			sameStored(t, "WorksOfAuthor", got, want)

			got, err = s.WorksOfAuthor(ctx, contest, store.NewID())
			must(t, err)
			if len(got) != 0 {
				t.Errorf("WorksOfAuthor of an account without works = %v, want none", IDs(got, workID))
			}
		}},
	}
}

func identityCases() []contractCase {
	return []contractCase{
		{name: "identities/put inserts and replaces, get round-trips", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			w := NewWork(store.NewID(), store.NewID(), "BN-0001", baseTime)
			id := NewIdentity(w)
			must(t, s.PutIdentity(ctx, id))
			got, err := s.Identity(ctx, w.ID)
			must(t, err)
			sameStored(t, "Identity", got, id)

			changed := *id
			changed.Author.FullName, changed.Author.Phone, changed.Author.BankAccount = "Lê Văn Mới", "0987654321", ""
			changed.Coauthors = nil
			changed.UpdatedAt = id.UpdatedAt.Add(time.Hour)
			must(t, s.PutIdentity(ctx, &changed))
			got, err = s.Identity(ctx, w.ID)
			must(t, err)
			sameStored(t, "replaced Identity", got, &changed)

			_, err = s.Identity(ctx, store.NewID())
			wantCode(t, err, contests.CodeNotFound)
		}},
		{name: "identities/no work read carries any of the identity", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			contest := store.NewID()
			w := NewWork(contest, store.NewID(), "BN-0001", baseTime)
			must(t, s.CreateWork(ctx, w))
			must(t, s.PutIdentity(ctx, NewIdentity(w)))
			accepted := acceptedWork(w, "K7M-4QX-9TB")
			must(t, s.PutWork(ctx, accepted))
			must(t, s.PutIdentity(ctx, NewIdentity(accepted))) // written again after the work

			reads := map[string]any{}
			var err error
			reads["Work"], err = s.Work(ctx, w.ID)
			must(t, err)
			reads["WorkByCode"], err = s.WorkByCode(ctx, contest, "K7M-4QX-9TB")
			must(t, err)
			reads["WorksOf"], _, err = s.WorksOf(ctx, contest, store.WorkFilter{})
			must(t, err)
			reads["WorksOfAuthor"], err = s.WorksOfAuthor(ctx, contest, w.AuthorID)
			must(t, err)
			for name, v := range reads {
				b, err := json.Marshal(v)
				must(t, err)
				for _, secret := range []string{"BÍ MẬT", "bimat.vn", "sealed:", "Nguyễn Thị"} {
					if strings.Contains(string(b), secret) {
						t.Errorf("%s returned identity data %q: %s", name, secret, b)
					}
				}
			}
			sameStored(t, "Work beside its identity", reads["Work"], accepted)
		}},
	}
}
