package storetest

import (
	"context"
	"sync"
	"testing"

	"hoithi/contests"
	"hoithi/contests/essay"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// Contests, quiz rounds and judging rounds are written only over the version
// their writer read (store/versions.go). Each kind gets the same cases: a
// stale copy is refused with store.Stale and changes nothing, and of many
// writers racing with one read copy exactly one wins.

// versioned is one kind of versioned record T, seen through the calls the
// cases need: its store's get and update (method expressions such as
// store.Store.Round), and a record's ID and where it keeps the text the
// cases rewrite (a title or name) and its version.
type versioned[T any] struct {
	kind   string
	create func(t *testing.T, s store.Store) *T // stores a new record
	get    func(s store.Store, ctx context.Context, id string) (*T, error)
	update func(s store.Store, ctx context.Context, rec *T) error
	fields func(rec *T) (id string, title *string, version *int64)
}

// read returns the stored record's title and version.
func (v versioned[T]) read(t *testing.T, s store.Store, id string) (string, int64) {
	t.Helper()
	rec, err := v.get(s, t.Context(), id)
	must(t, err)
	_, title, version := v.fields(rec)
	return *title, *version
}

// rewrite loads the record, sets its title and the version its writer read,
// and updates it: the new version, or the store's refusal.
func (v versioned[T]) rewrite(ctx context.Context, s store.Store, id, title string, read int64) (int64, error) {
	rec, err := v.get(s, ctx, id)
	if err != nil {
		return 0, err
	}
	_, t, version := v.fields(rec)
	*t, *version = title, read
	err = v.update(s, ctx, rec)
	return *version, err
}

func versionCases[T any](v versioned[T]) []contractCase {
	return []contractCase{
		{name: v.kind + "/stale update is refused and changes nothing", run: func(t *testing.T, s store.Store) {
			id, _, _ := v.fields(v.create(t, s))
			_, read := v.read(t, s, id)
			if read != store.FirstVersion {
				t.Fatalf("a new %s is at version %d, want %d", v.kind, read, store.FirstVersion)
			}
			next, err := v.rewrite(t.Context(), s, id, "Sửa lần một", read)
			must(t, err)
			if next != read+1 {
				t.Fatalf("version after an update = %d, want %d", next, read+1)
			}
			// A second editor still holds the copy read before the first saved.
			_, err = v.rewrite(t.Context(), s, id, "Sửa trên bản cũ", read)
			wantCode(t, err, contests.CodeConflict)
			if !store.IsStale(err) {
				t.Fatalf("stale update: %v, want store.Stale", err)
			}
			title, version := v.read(t, s, id)
			if title != "Sửa lần một" || version != next {
				t.Fatalf("after a refused update: %q at version %d, want %q at %d", title, version, "Sửa lần một", next)
			}
			// Reloaded, the second editor saves.
			if _, err := v.rewrite(t.Context(), s, id, "Sửa sau khi tải lại", version); err != nil {
				t.Fatalf("update over the current version: %v", err)
			}
		}},
		{name: v.kind + "/racing updates from one read: exactly one wins", needsAtomic: true, run: func(t *testing.T, s store.Store) {
			id, _, _ := v.fields(v.create(t, s))
			_, read := v.read(t, s, id)
			const writers = 16
			var wg sync.WaitGroup
			errs := make([]error, writers)
			for i := range writers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, errs[i] = v.rewrite(t.Context(), s, id, "Người sửa", read)
				}()
			}
			wg.Wait()
			won := 0
			for _, err := range errs {
				switch {
				case err == nil:
					won++
				case !store.IsStale(err):
					t.Errorf("racing update: %v, want success or store.Stale", err)
				}
			}
			_, version := v.read(t, s, id)
			if won != 1 || version != read+1 {
				t.Fatalf("%d of %d racing updates won, version %d; want exactly one, version %d", won, writers, version, read+1)
			}
		}},
	}
}

func contestVersionCases() []contractCase {
	return versionCases(versioned[contests.Contest]{
		kind: "contests/version",
		create: func(t *testing.T, s store.Store) *contests.Contest {
			c := NewContest(store.NewID(), NewUnit("T01", "Tỉnh Gia Lai", nil), baseTime)
			must(t, s.CreateContest(t.Context(), c))
			return c
		},
		get:    store.Store.ContestByID,
		update: store.Store.UpdateContest,
		fields: func(c *contests.Contest) (string, *string, *int64) { return c.ID, &c.Title, &c.Version },
	})
}

func roundVersionCases() []contractCase {
	return versionCases(versioned[quiz.Round]{
		kind: "rounds/version",
		create: func(t *testing.T, s store.Store) *quiz.Round {
			r := NewQuizRound(store.NewID(), 1, baseTime)
			must(t, s.CreateRound(t.Context(), r))
			return r
		},
		get:    store.Store.Round,
		update: store.Store.UpdateRound,
		fields: func(r *quiz.Round) (string, *string, *int64) { return r.ID, &r.Title, &r.Version },
	})
}

// roundVersionProbeCases: RoundVersion tells the version alone, as Round
// would (play checks its cached rounds with it).
func roundVersionProbeCases() []contractCase {
	return []contractCase{{name: "rounds/version alone, as stored", run: func(t *testing.T, s store.Store) {
		ctx := t.Context()
		r := NewQuizRound(store.NewID(), 1, baseTime)
		must(t, s.CreateRound(ctx, r))
		v, err := s.RoundVersion(ctx, r.ID)
		must(t, err)
		if v != store.FirstVersion {
			t.Fatalf("RoundVersion of a new round = %d, want %d", v, store.FirstVersion)
		}
		r.Title = "Đã đóng sớm"
		must(t, s.UpdateRound(ctx, r))
		if v, err = s.RoundVersion(ctx, r.ID); err != nil || v != r.Version || v != store.FirstVersion+1 {
			t.Fatalf("RoundVersion after an update = %d, %v; want %d", v, err, r.Version)
		}
		_, err = s.RoundVersion(ctx, store.NewID())
		wantCode(t, err, contests.CodeNotFound)
	}}}
}

func essayRoundVersionCases() []contractCase {
	return versionCases(versioned[essay.Round]{
		kind: "essay-rounds/version",
		create: func(t *testing.T, s store.Store) *essay.Round {
			r := NewEssayRound(store.NewID(), 1)
			must(t, s.CreateEssayRound(t.Context(), r))
			return r
		},
		get:    store.Store.EssayRound,
		update: store.Store.UpdateEssayRound,
		fields: func(r *essay.Round) (string, *string, *int64) { return r.ID, &r.Name, &r.Version },
	})
}
