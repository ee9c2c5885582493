package essay

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"testing"

	"hoithi/contests"
)

func TestUnitConflict(t *testing.T) {
	const root = "/p/"
	tests := []struct {
		name        string
		judge, work string
		root        string
		conflict    bool
	}{
		{"same unit", "/p/w1/", "/p/w1/", root, true},
		{"judge's ward contains the work's chi bộ", "/p/w1/", "/p/w1/c3/", root, true},
		{"judge's chi bộ inside the work's ward", "/p/w1/c3/", "/p/w1/", root, true},
		{"different chi bộ of one ward", "/p/w1/c2/", "/p/w1/c3/", root, false},
		{"different wards", "/p/w1/", "/p/w2/c1/", root, false},
		{"judge at the contest's root scores any ward", "/p/", "/p/w1/c1/", root, false},
		{"work from the root unit, judge in a ward", "/p/w1/", "/p/", root, false},
		{"judge and author both at the root unit", "/p/", "/p/", root, true},
		{"judge above the root", "/", "/p/w1/", root, false},
		{"no root: any ancestor line conflicts", "/p/", "/p/w1/", "", true},
		{"path prefix is by whole segment", "/p/w1/", "/p/w10/", root, false},
		{"unknown unit", "", "/p/w1/", root, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := UnitConflict(tc.judge, tc.work, tc.root); got != tc.conflict {
				t.Fatalf("UnitConflict(%q, %q, %q) = %v, want %v", tc.judge, tc.work, tc.root, got, tc.conflict)
			}
		})
	}
}

// province builds a pool: works spread over wards w1..w4 in two
// categories, judges of the magazine and video panels, some in wards.
func province(works int) Pool {
	p := Pool{RootPath: "/p/"}
	for i := range works {
		cat := CatMagazine
		if i%3 == 2 {
			cat = CatVideo
		}
		p.Works = append(p.Works, WorkRef{ID: fmt.Sprintf("W%03d", i), UnitPath: fmt.Sprintf("/p/w%d/c%d/", i%4+1, i%2), Category: cat})
	}
	p.Judges = []JudgeRef{
		{ID: "J1", UnitPath: "/p/", Categories: []CategoryKey{CatMagazine}, Head: true},
		{ID: "J2", UnitPath: "/p/w1/", Categories: []CategoryKey{CatMagazine}},
		{ID: "J3", UnitPath: "/p/w2/c0/", Categories: []CategoryKey{CatMagazine}, Conflicts: []string{"W000", "W003"}},
		{ID: "J4", UnitPath: "/p/btg/", Categories: []CategoryKey{CatMagazine}},
		{ID: "J5", UnitPath: "/p/w3/", Categories: []CategoryKey{CatVideo}},
		{ID: "J6", UnitPath: "/p/btg/", Categories: []CategoryKey{CatVideo}, Head: true},
		{ID: "J7", UnitPath: "/p/w4/", Categories: []CategoryKey{CatVideo, CatMagazine}},
	}
	return p
}

// checkRules asserts every work has perWork distinct judges of its panel,
// none in conflict, and returns the judges' loads.
func checkRules(t *testing.T, p Pool, a Assignment, perWork int) map[string]int {
	t.Helper()
	judges := map[string]JudgeRef{}
	for _, j := range p.Judges {
		judges[j.ID] = j
	}
	loads := map[string]int{}
	for _, w := range p.Works {
		got := a[w.ID]
		if len(got) != perWork || len(slices.Compact(slices.Sorted(slices.Values(got)))) != perWork {
			t.Fatalf("work %s judges %v, want %d distinct", w.ID, got, perWork)
		}
		for _, id := range got {
			j := judges[id]
			if !slices.Contains(j.Categories, w.Category) || slices.Contains(j.Conflicts, w.ID) || UnitConflict(j.UnitPath, w.UnitPath, p.RootPath) {
				t.Fatalf("judge %s (%s) may not score work %s (%s, %s)", id, j.UnitPath, w.ID, w.UnitPath, w.Category)
			}
			loads[id]++
		}
	}
	if len(a) != len(p.Works) {
		t.Fatalf("assignment has %d works, pool %d", len(a), len(p.Works))
	}
	return loads
}

// assertNoEasierJudge checks the balance guarantee where conflicts make
// max−min ≤ 1 impossible: no work of a judge could go to an eligible judge
// with two or more fewer works.
func assertNoEasierJudge(t *testing.T, p Pool, a Assignment, loads map[string]int) {
	t.Helper()
	for _, w := range p.Works {
		for _, heavy := range a[w.ID] {
			for _, j := range p.Judges {
				eligible := slices.Contains(j.Categories, w.Category) && !slices.Contains(j.Conflicts, w.ID) &&
					!UnitConflict(j.UnitPath, w.UnitPath, p.RootPath) && !slices.Contains(a[w.ID], j.ID)
				if eligible && loads[heavy]-loads[j.ID] >= 2 {
					t.Fatalf("work %s could move from %s (%d works) to %s (%d works)", w.ID, heavy, loads[heavy], j.ID, loads[j.ID])
				}
			}
		}
	}
}

func spread(loads map[string]int, ids ...string) int {
	lo, hi := loads[ids[0]], loads[ids[0]]
	for _, id := range ids {
		lo, hi = min(lo, loads[id]), max(hi, loads[id])
	}
	return hi - lo
}

func TestAssignFollowsRulesAndBalances(t *testing.T) {
	j8 := JudgeRef{ID: "J8", UnitPath: "/p/btg/", Categories: []CategoryKey{CatVideo}}
	for _, tc := range []struct {
		works, perWork int
		seed           uint64
		extra          []JudgeRef
	}{{12, 2, 1, nil}, {60, 2, 7, nil}, {61, 3, 42, []JudgeRef{j8}}, {5, 1, 0, nil}} {
		t.Run(fmt.Sprintf("%d works × %d judges, seed %d", tc.works, tc.perWork, tc.seed), func(t *testing.T) {
			p := province(tc.works)
			p.Judges = append(p.Judges, tc.extra...)
			a, err := p.Assign(tc.perWork, tc.seed)
			if err != nil {
				t.Fatal(err)
			}
			loads := checkRules(t, p, a, tc.perWork)
			// J7 sits on both panels, so balance is checked over each
			// panel's own judges.
			if s := spread(loads, "J1", "J2", "J3", "J4"); s > 1 {
				t.Errorf("magazine loads %v spread %d", loads, s)
			}
			if tc.extra == nil {
				if s := spread(loads, "J5", "J6"); s > 1 {
					t.Errorf("video loads %v spread %d", loads, s)
				}
			}
			assertNoEasierJudge(t, p, a, loads)
		})
	}
}

func TestAssignBalancesEvenlyWithoutConflicts(t *testing.T) {
	p := Pool{}
	for i := range 10 {
		p.Works = append(p.Works, WorkRef{ID: fmt.Sprint("w", i), Category: CatRadio})
	}
	for i := range 4 {
		p.Judges = append(p.Judges, JudgeRef{ID: fmt.Sprint("j", i), Categories: []CategoryKey{CatRadio}})
	}
	a, err := p.Assign(2, 99)
	if err != nil {
		t.Fatal(err)
	}
	loads := checkRules(t, p, a, 2)
	// 20 seats over 4 judges: exactly 5 each.
	for id, n := range loads {
		if n != 5 {
			t.Fatalf("judge %s has %d works, want 5 (loads %v)", id, n, loads)
		}
	}
}

func TestAssignIsReproducibleFromSeed(t *testing.T) {
	p := province(40)
	a1, _ := p.Assign(2, 2025)
	// The same pool in another order gives the same assignment.
	shuffled := Pool{RootPath: p.RootPath, Works: slices.Clone(p.Works), Judges: slices.Clone(p.Judges)}
	slices.Reverse(shuffled.Works)
	slices.Reverse(shuffled.Judges)
	a2, _ := shuffled.Assign(2, 2025)
	if !maps.EqualFunc(a1, a2, slices.Equal) {
		t.Fatal("same seed, different assignment")
	}
	a3, _ := p.Assign(2, 2026)
	if maps.EqualFunc(a1, a3, slices.Equal) {
		t.Fatal("another seed should draw another assignment")
	}
}

func TestAssignImpossible(t *testing.T) {
	p := province(8)
	// W002 and W005 are video works; video has J5, J6, J7 but J5 is in
	// w3 (W002 is from /p/w3/c0/) and J7 declared a conflict on W005.
	p.Judges[6].Conflicts = []string{"W005"}
	p.Judges[5].Conflicts = []string{"W002"}
	_, err := p.Assign(2, 1)
	wantFields(t, err, "works.W002")

	_, err = p.Assign(3, 1) // the video panel has only 3 judges
	wantFields(t, err, "works.W002", "works.W005")

	_, err = p.Assign(0, 1)
	wantFields(t, err, "perWork")

	p.Judges = append(p.Judges, JudgeRef{ID: "J1"})
	_, err = p.Assign(2, 1)
	wantFields(t, err, "judges")
}

func TestReassign(t *testing.T) {
	p := province(30)
	current, err := p.Assign(2, 5)
	if err != nil {
		t.Fatal(err)
	}
	before := checkRules(t, p, current, 2)
	work := "W004" // magazine, from /p/w1/c0/: J2 may not score it
	leaving := current[work][0]
	next, replacement, err := p.Reassign(current, work, leaving, 11)
	if err != nil {
		t.Fatal(err)
	}
	if replacement == leaving || slices.Contains(current[work], replacement) || replacement == "J2" {
		t.Fatalf("replacement %s for %s on %v", replacement, leaving, current[work])
	}
	if !slices.Contains(next[work], replacement) || slices.Contains(next[work], leaving) || len(next[work]) != 2 {
		t.Fatalf("next[%s] = %v", work, next[work])
	}
	if !slices.Contains(current[work], leaving) {
		t.Fatal("Reassign modified the current assignment")
	}
	// The least-loaded eligible judge was chosen.
	for _, j := range []string{"J1", "J3", "J4", "J7"} {
		if j != leaving && !slices.Contains(current[work], j) && before[j] < before[replacement] {
			t.Fatalf("picked %s (load %d) over %s (load %d)", replacement, before[replacement], j, before[j])
		}
	}
	again, _, _ := p.Reassign(current, work, leaving, 11)
	if !maps.EqualFunc(next, again, slices.Equal) {
		t.Fatal("Reassign is not reproducible")
	}

	_, _, err = p.Reassign(current, work, "J6", 1) // a video judge not on it
	wantFields(t, err, "judgeId")
	var ce *contests.Error
	if _, _, err = p.Reassign(current, "nope", leaving, 1); !errors.As(err, &ce) || ce.Code != contests.CodeNotFound {
		t.Fatalf("unknown work: %v", err)
	}
}

func TestReassignWithNobodyLeft(t *testing.T) {
	p := Pool{Works: []WorkRef{{ID: "w", Category: CatTV}}, Judges: []JudgeRef{
		{ID: "a", Categories: []CategoryKey{CatTV}}, {ID: "b", Categories: []CategoryKey{CatTV}},
	}}
	current := Assignment{"w": {"a", "b"}}
	_, _, err := p.Reassign(current, "w", "a", 1)
	wantFields(t, err, "works.w")
	_, _, err = p.AssignThird(current, "w", 1)
	wantFields(t, err, "works.w")
}

func TestAssignThirdAndPickHead(t *testing.T) {
	p := Pool{RootPath: "/p/", Works: []WorkRef{{ID: "w", UnitPath: "/p/w1/", Category: CatTV}, {ID: "x", UnitPath: "/p/w2/", Category: CatTV}},
		Judges: []JudgeRef{
			{ID: "a", Categories: []CategoryKey{CatTV}, Head: true},
			{ID: "b", Categories: []CategoryKey{CatTV}},
			{ID: "c", Categories: []CategoryKey{CatTV}, UnitPath: "/p/w1/"}, // own unit of w
			{ID: "d", Categories: []CategoryKey{CatTV}},
			{ID: "e", Categories: []CategoryKey{CatTV}},
			{ID: "h", Categories: []CategoryKey{CatTV}, Head: true},
		}}
	current := Assignment{"w": {"a", "b"}, "x": {"d", "h"}}
	next, third, err := p.AssignThird(current, "w", 3)
	if err != nil {
		t.Fatal(err)
	}
	// c conflicts, d and h already carry a work: e is the only idle one.
	if third != "e" || !slices.Equal(next["w"], []string{"a", "b", "e"}) {
		t.Fatalf("third = %s, next = %v", third, next["w"])
	}
	// For w, head a scored it, head h did not: h decides.
	if head, err := p.PickHead(current, "w", 3); err != nil || head != "h" {
		t.Fatalf("PickHead(w) = %s, %v; want h", head, err)
	}
	// For x, only a is a head not on it.
	if head, err := p.PickHead(current, "x", 3); err != nil || head != "a" {
		t.Fatalf("PickHead(x) = %s, %v; want a", head, err)
	}
	// With h in conflict and a on the work, a head who scored it decides.
	p.Judges[5].Conflicts = []string{"w"}
	if head, err := p.PickHead(current, "w", 3); err != nil || head != "a" {
		t.Fatalf("PickHead(w) = %s, %v; want a", head, err)
	}
	p.Judges[0].Head = false
	_, err = p.PickHead(current, "w", 3)
	wantFields(t, err, "works.w")
}
