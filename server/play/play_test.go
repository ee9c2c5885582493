package play

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// fakeStore serves one contest with one round and keeps participation
// records in a map under the store's version rule. Methods play does not
// call are left to the nil embedded Store (they would panic).
type fakeStore struct {
	Store
	loads     atomic.Int32  // Round calls
	block     chan struct{} // when set, Round waits for it
	missing   bool          // Round → not found
	mu        sync.Mutex
	round     quiz.Round
	recs      map[string]*quiz.Participation
	conflicts int // the next PutParticipation calls that lose a race
	puts      int
}

func newFakeStore() *fakeStore {
	return &fakeStore{recs: map[string]*quiz.Participation{},
		round: quiz.Round{ID: "r1", ContestID: "c1", Status: quiz.RoundPublished, Blueprint: quiz.Blueprint{Fixed: []string{"q1"}}}}
}

func (f *fakeStore) Round(ctx context.Context, id string) (*quiz.Round, error) {
	f.loads.Add(1)
	if f.block != nil {
		<-f.block
	}
	if f.missing || id != f.round.ID {
		return nil, contests.NotFound("đợt thi", "round")
	}
	r := f.round
	return &r, nil
}

func (f *fakeStore) RoundVersion(ctx context.Context, id string) (int64, error) {
	if f.missing || id != f.round.ID {
		return 0, contests.NotFound("đợt thi", "round")
	}
	return f.round.Version, nil
}

func (f *fakeStore) ContestByID(ctx context.Context, id string) (*contests.Contest, error) {
	return &contests.Contest{ID: id, Kind: contests.KindQuiz}, nil
}

func (f *fakeStore) Questions(ctx context.Context, contestID string) ([]quiz.Question, error) {
	return []quiz.Question{{ID: "q1", Text: "Câu 1", Options: []quiz.Option{{ID: "A", Text: "một"}, {ID: "B", Text: "hai"}}, Correct: []string{"A"}}}, nil
}

func (f *fakeStore) Participation(ctx context.Context, roundID, userID string) (*quiz.Participation, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.recs[roundID+"/"+userID]
	if p == nil {
		return nil, contests.NotFound("lượt tham gia", "participation")
	}
	cp := *p
	return &cp, nil
}

func (f *fakeStore) PutParticipation(ctx context.Context, p *quiz.Participation) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.puts++
	if f.conflicts > 0 {
		f.conflicts--
		return contests.E(contests.CodeConflict, contests.T("xung đột", "conflict"))
	}
	key := p.RoundID + "/" + p.UserID
	if old := f.recs[key]; old != nil && old.Version != p.Version-1 || old == nil && p.Version != 1 {
		return contests.E(contests.CodeConflict, contests.T("xung đột", "conflict"))
	}
	cp := *p
	f.recs[key] = &cp
	return nil
}

func TestRoundCacheLoadsOnceForAHerd(t *testing.T) {
	f := newFakeStore()
	f.block = make(chan struct{})
	c := NewRoundCache(f, time.Hour, false)
	var wg sync.WaitGroup
	got := make([]*Round, 20)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := c.Get(t.Context(), "r1")
			if err != nil {
				t.Error(err)
			}
			got[i] = r
		}()
	}
	for f.loads.Load() == 0 {
		time.Sleep(time.Millisecond) // wait until the first request is loading
	}
	close(f.block)
	wg.Wait()
	if n := f.loads.Load(); n != 1 {
		t.Fatalf("%d loads for one round asked 20 times at once", n)
	}
	for _, r := range got {
		if r != got[0] || r.Plan == nil || r.Round.ID != "r1" || r.Contest.ID != "c1" {
			t.Fatalf("shared entry: %+v", r)
		}
	}
}

func TestRoundCacheForgetsAndExpires(t *testing.T) {
	f := newFakeStore()
	c := NewRoundCache(f, time.Hour, false)
	get := func() *Round {
		t.Helper()
		r, err := c.Get(t.Context(), "r1")
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	get()
	get()
	if f.loads.Load() != 1 {
		t.Fatalf("a second read loaded again")
	}
	f.round.Title = "Tuần 1 (sửa)"
	c.Forget("r1")
	if r := get(); r.Round.Title != "Tuần 1 (sửa)" || f.loads.Load() != 2 {
		t.Fatalf("after Forget: %q, %d loads", r.Round.Title, f.loads.Load())
	}
	c.ForgetContest("other")
	get()
	if f.loads.Load() != 2 {
		t.Fatalf("forgetting another contest dropped this round")
	}
	c.ForgetContest("c1")
	get()
	if f.loads.Load() != 3 {
		t.Fatalf("forgetting the round's contest kept it")
	}
	expiring := NewRoundCache(f, 0, false)
	expiring.Get(t.Context(), "r1")
	time.Sleep(time.Millisecond)
	expiring.Get(t.Context(), "r1")
	if f.loads.Load() != 5 {
		t.Fatalf("an entry older than its ttl was trusted: %d loads", f.loads.Load())
	}
}

func TestRoundCacheKeepsNoFailure(t *testing.T) {
	f := newFakeStore()
	f.missing = true
	c := NewRoundCache(f, time.Hour, false)
	if _, err := c.Get(t.Context(), "r1"); contests.ErrorCode(err) != contests.CodeNotFound {
		t.Fatalf("missing round: %v", err)
	}
	f.missing = false
	if r, err := c.Get(t.Context(), "r1"); err != nil || r.Round.ID != "r1" {
		t.Fatalf("the failure was kept: %v", err)
	}
	if _, err := NewRoundCache(nil, time.Hour, false).Get(t.Context(), "r1"); contests.ErrorCode(err) != contests.CodeNotFound {
		t.Fatalf("no store: %v", err)
	}
}

func TestMutate(t *testing.T) {
	init := func() *quiz.Participation { return &quiz.Participation{RoundID: "r1", UserID: "u1"} }
	touch := func(p *quiz.Participation) (bool, error) { p.UnitPath += "x"; return true, nil }
	for _, tc := range []struct {
		name      string
		conflicts int
		init      func() *quiz.Participation
		fn        func(*quiz.Participation) (bool, error)
		wantErr   contests.Code
		wantPuts  int
		wantOK    int
		wantLost  int
		wantStore string // UnitPath stored, "-" for no record
	}{
		{name: "first write creates the record", init: init, fn: touch, wantPuts: 1, wantOK: 1, wantStore: "x"},
		{name: "no record and no init", fn: touch, wantErr: contests.CodeNotFound, wantStore: "-"},
		{name: "unchanged writes nothing", init: init, fn: func(*quiz.Participation) (bool, error) { return false, nil }, wantStore: "-"},
		{name: "lost races are retried", conflicts: store.Retries - 1, init: init, fn: touch, wantPuts: store.Retries, wantOK: 1, wantLost: store.Retries - 1, wantStore: "x"},
		{name: "the budget runs out", conflicts: store.Retries, init: init, fn: touch, wantErr: contests.CodeConflict, wantPuts: store.Retries, wantLost: store.Retries, wantStore: "-"},
		{name: "a change saved with its error", init: init, fn: func(p *quiz.Participation) (bool, error) {
			p.UnitPath = "expired"
			return true, contests.E(contests.CodeConflict, contests.T("hết lượt", "no attempts left"))
		}, wantErr: contests.CodeConflict, wantPuts: 1, wantOK: 1, wantStore: "expired"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeStore()
			f.conflicts = tc.conflicts
			var ok, lost int
			s := New(f, Options{OnWrite: func(o string) {
				if o == "ok" {
					ok++
				} else {
					lost++
				}
			}})
			p, err := s.Mutate(t.Context(), "r1", "u1", tc.init, tc.fn)
			if contests.ErrorCode(err) != tc.wantErr && !(tc.wantErr == "" && err == nil) {
				t.Fatalf("err = %v, want %q", err, tc.wantErr)
			}
			if tc.wantErr == "" && p == nil {
				t.Fatal("no record returned")
			}
			if f.puts != tc.wantPuts || ok != tc.wantOK || lost != tc.wantLost {
				t.Fatalf("puts %d ok %d lost %d, want %d %d %d", f.puts, ok, lost, tc.wantPuts, tc.wantOK, tc.wantLost)
			}
			stored := "-"
			if rec := f.recs["r1/u1"]; rec != nil {
				stored = rec.UnitPath
			}
			if stored != tc.wantStore {
				t.Fatalf("stored %q, want %q", stored, tc.wantStore)
			}
		})
	}
}

func TestRetryBudgetIsBusy(t *testing.T) {
	calls := 0
	err := store.Retry(func() (bool, error) { calls++; return true, nil })
	if calls != store.Retries || contests.ErrorCode(err) != contests.CodeConflict {
		t.Fatalf("%d calls, err %v", calls, err)
	}
	calls = 0
	want := errors.New("boom")
	if err := store.Retry(func() (bool, error) { calls++; return false, want }); err != want || calls != 1 {
		t.Fatalf("a plain error is returned at once: %d calls, %v", calls, err)
	}
}
