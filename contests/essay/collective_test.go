package essay

import (
	"maps"
	"testing"
)

func TestCollective(t *testing.T) {
	tiers := ABCTiers(10)
	entrants := []Entrant{
		// Ward w1: one B work written by two of its members, one unplaced.
		{WorkID: "a", AuthorID: "p1", UnitPath: "/p/w1/c1/", Tier: "B"},
		{WorkID: "a", AuthorID: "p2", UnitPath: "/p/w1/c2/", Tier: "B"},
		{WorkID: "b", AuthorID: "p3", UnitPath: "/p/w1/"},
		// Ward w2: many works, best is C — not qualified.
		{WorkID: "c", AuthorID: "p4", UnitPath: "/p/w2/c1/", Tier: "C"},
		{WorkID: "d", AuthorID: "p5", UnitPath: "/p/w2/c1/", Tier: "KK"},
		{WorkID: "e", AuthorID: "p6", UnitPath: "/p/w2/c2/"},
		{WorkID: "f", AuthorID: "p7", UnitPath: "/p/w2/c3/"},
		// Ward w3: an A work, co-written with a member of w2.
		{WorkID: "g", AuthorID: "p8", UnitPath: "/p/w3/c1/", Tier: "A"},
		{WorkID: "g", AuthorID: "p9", UnitPath: "/p/w2/c4/", Tier: "A"},
		// An author of the province itself, shallower than the level.
		{WorkID: "h", AuthorID: "p10", UnitPath: "/p/", Tier: "B"},
		{WorkID: "i", AuthorID: "p11"}, // unit unknown: not tallied
	}
	got, err := Collective(entrants, tiers, "B", 2)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		unit      string
		works     int
		byTier    map[string]int
		qualified bool
	}
	want := []row{
		{"/p/w2/", 5, map[string]int{"A": 1, "C": 1, "KK": 1}, true}, // g's co-author makes w2 qualify
		{"/p/w3/", 1, map[string]int{"A": 1}, true},
		{"/p/w1/", 2, map[string]int{"B": 1}, true},
		{"/p/", 1, map[string]int{"B": 1}, true},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d tallies: %+v", len(got), got)
	}
	for i, w := range want {
		g := got[i]
		if g.UnitPath != w.unit || g.Works != w.works || !maps.Equal(g.ByTier, w.byTier) || g.Qualified != w.qualified {
			t.Errorf("tally %d = %+v, want %+v", i, g, w)
		}
	}

	// At the chi bộ level, w2/c1 has C and KK only: not qualified, listed
	// after every qualified unit.
	got, _ = Collective(entrants, tiers, "B", 3)
	last := got[len(got)-1]
	if last.Qualified {
		t.Fatalf("last tally should be unqualified: %+v", got)
	}
	for _, g := range got {
		if g.UnitPath == "/p/w2/c1/" && (g.Qualified || g.Works != 2) {
			t.Fatalf("/p/w2/c1/ = %+v", g)
		}
	}

	_, err = Collective(entrants, tiers, "S", 0)
	wantFields(t, err, "minTier", "depth")
}

func TestTruncatePath(t *testing.T) {
	for _, tc := range []struct {
		path  string
		depth int
		want  string
	}{{"/p/w1/c1/", 1, "/p/"}, {"/p/w1/c1/", 2, "/p/w1/"}, {"/p/w1/c1/", 3, "/p/w1/c1/"}, {"/p/", 2, "/p/"}} {
		if got := truncatePath(tc.path, tc.depth); got != tc.want {
			t.Errorf("truncatePath(%q, %d) = %q, want %q", tc.path, tc.depth, got, tc.want)
		}
	}
}
