package quiz

import (
	"reflect"
	"testing"
	"time"
)

func linesFixture() (*Round, []Ranked, []Winner, map[string][]Flag) {
	target := int64(40)
	r := &Round{ID: "r1", Policy: PolicyBest, Rule: RuleQuangNam(), Tiers: WeeklyTiers(), TargetValue: &target, SeedReveal: "cd"}
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	var ranked []Ranked
	for i, user := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		pred, miss := int64(40+i%3), int64(i%3)
		rk := Ranked{Rank: 1 + i, Entry: Entry{UserID: user, UnitPath: "/p/", AttemptNo: 1, Score: 10 - i/2, Total: 10, DurationMs: int64(1000 * i),
			StartedAt: t0, SubmittedAt: t0.Add(time.Duration(i) * time.Second), Prediction: &pred, PredictionError: &miss}}
		if i%2 == 1 {
			rk.DecidedBy = KeyPredictionErrorAsc // the prediction placed b, d and f: their neighbours show theirs too
		}
		ranked = append(ranked, rk)
	}
	winners := []Winner{{Tier: "nhat", TierName: "Giải Nhất", Ranked: ranked[0]}, {Tier: "nhi", TierName: "Giải Nhì", Ranked: ranked[3]}}
	flags := map[string][]Flag{"c": {{Kind: FlagSharedDevice, Others: []string{"d"}}}}
	return r, ranked, winners, flags
}

// Lines made a batch at a time are the lines made at once, whatever the
// batch size (the prediction shown across a batch's edge included).
func TestStandingLinesInBatches(t *testing.T) {
	r, ranked, winners, flags := linesFixture()
	want := StandingsOf(r.ID, ranked, winners, flags)
	if !want[2].PredictionDecided || want[6].PredictionDecided || want[0].Prize != "nhat" || want[3].PrizeName != "Giải Nhì" || len(want[2].Flags) != 1 {
		t.Fatalf("fixture lines %+v", want)
	}
	for _, size := range []int{1, 2, 3, 7, 50} {
		lines := NewStandingLines(r.ID, ranked, winners, func(u string) []Flag { return flags[u] })
		var got []Standing
		buf := make([]Standing, size)
		for {
			batch := lines.Next(buf)
			if len(batch) == 0 {
				break
			}
			got = append(got, batch...)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("batches of %d:\n%+v\nwant\n%+v", size, got, want)
		}
	}
}

// The digest hashed a line at a time is ResultsDigest; SameRound tells
// whether a round read again still has the rules the lines were hashed with.
func TestResultsHasher(t *testing.T) {
	r, ranked, winners, flags := linesFixture()
	rows := StandingsOf(r.ID, ranked, winners, flags)
	for _, n := range []int{0, 1, len(rows)} {
		d := NewResultsHasher(r)
		for i := range rows[:n] {
			d.Add(&rows[i])
		}
		want := ResultsDigest(r, rows[:n])
		if got := d.Sum(); got != want || d.Sum() != want {
			t.Fatalf("%d lines: %s, then %s, want %s", n, got, d.Sum(), want)
		}
	}
	d := NewResultsHasher(r)
	same := *r
	same.Title, same.Status = "đã sửa tên", RoundResults // not part of the digest
	if !d.SameRound(&same) {
		t.Fatal("a change outside the digest is the same round")
	}
	other := int64(41)
	for name, change := range map[string]func(*Round){
		"target":    func(x *Round) { x.TargetValue = &other },
		"no target": func(x *Round) { x.TargetValue = nil },
		"tiers":     func(x *Round) { x.Tiers = x.Tiers[:1] },
		"exclusion": func(x *Round) { x.Exclusions = []Exclusion{{UserID: "c", Reason: "hai tài khoản"}} },
		"reveal":    func(x *Round) { x.SeedReveal = "" },
		"rule":      func(x *Round) { x.Rule = RuleBinhTan() },
		"integrity": func(x *Round) { x.Integrity.VoidTooFast = true },
	} {
		x := *r
		change(&x)
		if d.SameRound(&x) {
			t.Errorf("%s changed: not the same round", name)
		}
	}
}
