package essay

import (
	"cmp"
	"slices"

	"hoithi/contests"
)

// UnitTally is one unit's showing for the collective prize.
type UnitTally struct {
	UnitPath string `json:"unitPath"`
	// Works counts distinct works with at least one author in the unit
	// (its subtree): a work by two members counts once.
	Works int `json:"works"`
	// ByTier counts prize-winning works per tier key.
	ByTier map[string]int `json:"byTier"`
	// Qualified is true when a member has a work at minTier or better:
	// the national rule admits only units with a B-or-better work.
	Qualified bool `json:"qualified"`
}

// Collective tallies entrants (every work's authors, prize or not) by unit
// at a given depth of the unit tree (1 = the root level, 2 = its children:
// wards of a province): an author's unit counts for its ancestor at that
// depth, and an author whose unit is shallower counts for their own unit.
// The tallies come qualified first, then by prizes, best tier first (more
// A, then more B, ...), then by works sent, then by path — the order in
// which a jury reads them. tiers is the prize plan's tier list; minTier
// one of its keys.
func Collective(entrants []Entrant, tiers []Tier, minTier string, depth int) ([]UnitTally, error) {
	rank := tierRank(tiers)
	var es contests.Errors
	if _, ok := rank[minTier]; !ok {
		es.Add("minTier", contests.T("Không có hạng giải %q", "There is no tier %q", minTier))
	}
	if depth < 1 {
		es.Add("depth", contests.T("Cấp đơn vị phải từ 1 trở lên", "The unit level must be 1 or more"))
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	type key struct{ unit, work string }
	counted := map[key]bool{}
	tallies := map[string]*UnitTally{}
	for _, e := range entrants {
		if e.UnitPath == "" {
			continue
		}
		unit := truncatePath(e.UnitPath, depth)
		if counted[key{unit, e.WorkID}] {
			continue
		}
		counted[key{unit, e.WorkID}] = true
		t := tallies[unit]
		if t == nil {
			t = &UnitTally{UnitPath: unit, ByTier: map[string]int{}}
			tallies[unit] = t
		}
		t.Works++
		if r, ok := rank[e.Tier]; ok {
			t.ByTier[e.Tier]++
			t.Qualified = t.Qualified || r <= rank[minTier]
		}
	}
	out := make([]UnitTally, 0, len(tallies))
	for _, t := range tallies {
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b UnitTally) int {
		if c := cmp.Compare(boolRank(!a.Qualified), boolRank(!b.Qualified)); c != 0 {
			return c
		}
		for _, t := range tiers {
			if c := cmp.Compare(b.ByTier[t.Key], a.ByTier[t.Key]); c != 0 {
				return c
			}
		}
		return cmp.Or(cmp.Compare(b.Works, a.Works), cmp.Compare(a.UnitPath, b.UnitPath))
	})
	return out, nil
}

// truncatePath returns the path of the ancestor at depth (1 = root), or
// path itself when it is not that deep.
func truncatePath(path string, depth int) string {
	ids := contests.AncestorIDs(path)
	if len(ids) <= depth {
		return path
	}
	out := ""
	for _, id := range ids[:depth] {
		out = contests.ChildPath(out, id)
	}
	return out
}
