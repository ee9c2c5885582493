package quiz

import (
	"cmp"
	"slices"
	"strings"

	"hoithi/contests"
)

// UnitStats is one unit of the statistics tree: its own people plus every
// descendant's, against its headcount and its participation target.
type UnitStats struct {
	ID   string `json:"id"`
	Code string `json:"code"`
	Name string `json:"name"`
	Kind string `json:"kind"`
	Path string `json:"path"`
	// Headcount is the unit's own headcount, else the sum of its children's
	// (each resolved the same way), so no headcount counts twice.
	Headcount int `json:"headcount"`
	// Target is the unit's own participation target, else the sum of its
	// children's, resolved like Headcount.
	Target int `json:"target"`
	Counts
	// HeadcountPct is People / Headcount × 100 to two decimals; 0 when the
	// headcount is unknown.
	HeadcountPct float64 `json:"headcountPct"`
	// TargetPct is People / Target × 100 to two decimals; 0 when the target
	// is unknown.
	TargetPct float64      `json:"targetPct"`
	Children  []*UnitStats `json:"children,omitempty"`
	groups    groupTallies
	activity  activity
}

// UnitBreakdown is a unit's (its subtree's) share of a round's figures:
// its people by registration answers, and its attempts by day, hour and
// score, each defined as RoundStats' own, so the whole tree's add up to
// the round's (plus what is unplaced).
type UnitBreakdown struct {
	Breakdown
	ByDay  []DayCount   `json:"byDay"`
	ByHour []HourCount  `json:"byHour"`
	Scores []ScoreCount `json:"scores"`
}

// Breakdown splits the unit's people (its subtree's) by registration
// answers, day, hour and score.
func (u *UnitStats) Breakdown() UnitBreakdown {
	return UnitBreakdown{Breakdown: u.groups.breakdown(),
		ByDay: u.activity.byDay(), ByHour: u.activity.byHour(), Scores: u.activity.byScore()}
}

// Shallow returns a copy of u with its descendants down to depth levels
// (0: none), for an answer that must stay small on a national tree.
func (u *UnitStats) Shallow(depth int) *UnitStats {
	c := *u
	c.Children = nil
	if depth > 0 {
		for _, ch := range u.Children {
			c.Children = append(c.Children, ch.Shallow(depth-1))
		}
	}
	return &c
}

// buildUnitTree links units into a tree (a child only under a parent whose
// path its own extends, so a malformed path cannot make a cycle), places the
// people counted per unit path on the deepest unit of the path that exists,
// and rolls counts up. It returns the roots, children ordered by name then
// code, and what could not be placed.
func buildUnitTree(units []contests.Unit, byPath map[string]*pathTally) ([]*UnitStats, *pathTally) {
	byID := make(map[string]*UnitStats, len(units))
	var order []*UnitStats
	for _, u := range units {
		if _, dup := byID[u.ID]; dup || u.ID == "" {
			continue
		}
		n := &UnitStats{ID: u.ID, Code: u.Code, Name: u.Name, Kind: u.Kind, Path: u.Path, Headcount: u.Headcount, Target: u.Target}
		byID[u.ID] = n
		order = append(order, n)
	}
	var roots []*UnitStats
	for _, n := range order {
		ids := contests.AncestorIDs(n.Path)
		if len(ids) >= 2 {
			if parent, ok := byID[ids[len(ids)-2]]; ok && n.Path == contests.ChildPath(parent.Path, n.ID) {
				parent.Children = append(parent.Children, n)
				continue
			}
		}
		roots = append(roots, n)
	}
	unplaced := &pathTally{}
	for path, t := range byPath {
		if n := deepestUnit(path, byID); n != nil {
			n.Add(t.Counts)
			n.groups.merge(t.groups)
			n.activity.merge(&t.activity)
		} else {
			unplaced.Add(t.Counts)
			unplaced.groups.merge(t.groups)
			unplaced.activity.merge(&t.activity)
		}
	}
	sortUnits(roots)
	for _, r := range roots {
		rollUp(r)
	}
	if roots == nil {
		roots = []*UnitStats{}
	}
	return roots, unplaced
}

// deepestUnit finds the unit a person of path belongs to: the path's own
// unit, else its nearest ancestor still in the tree.
func deepestUnit(path string, byID map[string]*UnitStats) *UnitStats {
	ids := contests.AncestorIDs(path)
	for i := len(ids) - 1; i >= 0; i-- {
		if n, ok := byID[ids[i]]; ok && strings.HasPrefix(path, n.Path) {
			return n
		}
	}
	return nil
}

func sortUnits(list []*UnitStats) {
	slices.SortFunc(list, func(a, b *UnitStats) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.Code, b.Code), strings.Compare(a.ID, b.ID))
	})
}

// rollUp adds every descendant's counts to n, resolves its headcount and
// target and their rates.
func rollUp(n *UnitStats) {
	sortUnits(n.Children)
	childHeadcount, childTarget := 0, 0
	for _, c := range n.Children {
		rollUp(c)
		n.Add(c.Counts)
		n.groups.merge(c.groups)
		n.activity.merge(&c.activity)
		childHeadcount += c.Headcount
		childTarget += c.Target
	}
	if n.Headcount <= 0 {
		n.Headcount = childHeadcount
	}
	if n.Target <= 0 {
		n.Target = childTarget
	}
	n.HeadcountPct = ratePct(n.People, n.Headcount)
	n.TargetPct = ratePct(n.People, n.Target)
}

// ratePct is people / of × 100 to two decimals, 0 when of is unknown.
func ratePct(people, of int) float64 {
	if of <= 0 {
		return 0
	}
	return round2(float64(people) * 100 / float64(of))
}
