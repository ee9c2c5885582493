package essay

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"

	"hoithi/contests"
)

// WorkRef is what assignment needs to know of a work: never its author.
type WorkRef struct {
	ID       string      `json:"id"`
	UnitPath string      `json:"unitPath"` // the author's unit (contests.Unit.Path)
	Category CategoryKey `json:"category"`
}

// JudgeRef is a judge of a round.
type JudgeRef struct {
	ID       string `json:"id"`
	UnitPath string `json:"unitPath"`
	// Categories are the panels (tiểu ban) the judge sits on.
	Categories []CategoryKey `json:"categories"`
	// Conflicts are work IDs the judge declared a conflict on or recused
	// from; the caller adds the recused work here after Reassign.
	Conflicts []string `json:"conflicts,omitempty"`
	// Head marks the head of a panel (trưởng tiểu ban), who decides
	// discrepancies under the head_judge policy.
	Head bool `json:"head,omitempty"`
}

// Assignment maps a work ID to the IDs of its judges, sorted.
type Assignment map[string][]string

// Pool is the works and judges of one round.
type Pool struct {
	Works  []WorkRef  `json:"works"`
	Judges []JudgeRef `json:"judges"`
	// RootPath is the unit path of the contest's owner (e.g. the province).
	// Every unit of the contest lies under it, so sharing it — or any unit
	// above it — is not a conflict; see UnitConflict.
	RootPath string `json:"rootPath"`
}

// UnitConflict reports whether a judge of judgeUnit must not score a work
// from workUnit ("own unit", docs/domain.md §3). The exact rule, on unit paths:
//   - the same unit is always a conflict;
//   - otherwise the units conflict when one contains the other (one path is
//     a prefix of the other: a ward official judging a work from one of the
//     ward's chi bộ, or a chi bộ member judging the ward's own work),
//     unless the containing unit is rootPath or above it: a provincial
//     judge whose unit is the province itself may score works from any
//     ward, or no province could judge its own contest;
//   - siblings and cousins (different branches) never conflict;
//   - an empty path is unknown and conflicts with nothing.
func UnitConflict(judgeUnit, workUnit, rootPath string) bool {
	if judgeUnit == "" || workUnit == "" {
		return false
	}
	if judgeUnit == workUnit {
		return true
	}
	outer, inner := judgeUnit, workUnit
	if len(outer) > len(inner) {
		outer, inner = inner, outer
	}
	return strings.HasPrefix(inner, outer) && !strings.HasPrefix(rootPath, outer)
}

// poolIndex is a validated Pool with judges sorted by ID and the eligible
// judges of every work precomputed.
type poolIndex struct {
	works    map[string]WorkRef
	workIDs  []string // sorted
	judges   []JudgeRef
	judgeAt  map[string]int
	eligible map[string][]int // work ID → judge indexes, ascending
}

func (p Pool) index() (*poolIndex, error) {
	var es contests.Errors
	ix := &poolIndex{works: map[string]WorkRef{}, judgeAt: map[string]int{}, eligible: map[string][]int{}}
	for _, w := range p.Works {
		if w.ID == "" || ix.works[w.ID].ID != "" {
			es.Add("works", contests.T("Mã bài %q trống hoặc bị trùng", "Work ID %q is empty or repeated", w.ID))
			continue
		}
		ix.works[w.ID] = w
		ix.workIDs = append(ix.workIDs, w.ID)
	}
	ix.judges = slices.Clone(p.Judges)
	slices.SortFunc(ix.judges, func(a, b JudgeRef) int { return cmp.Compare(a.ID, b.ID) })
	for i, j := range ix.judges {
		if _, dup := ix.judgeAt[j.ID]; j.ID == "" || dup {
			es.Add("judges", contests.T("Mã giám khảo %q trống hoặc bị trùng", "Judge ID %q is empty or repeated", j.ID))
		}
		ix.judgeAt[j.ID] = i
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	slices.Sort(ix.workIDs)
	for _, id := range ix.workIDs {
		w := ix.works[id]
		for i, j := range ix.judges {
			if slices.Contains(j.Categories, w.Category) && !slices.Contains(j.Conflicts, w.ID) &&
				!UnitConflict(j.UnitPath, w.UnitPath, p.RootPath) {
				ix.eligible[id] = append(ix.eligible[id], i)
			}
		}
	}
	return ix, nil
}

// newRand returns the round's generator. The second PCG word is a fixed
// constant so that one uint64 seed, stored with the round, replays it.
func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)) }

// Assign gives every work perWork distinct judges from its category's
// panel, none in conflict with it (UnitConflict, declared Conflicts). Loads
// are balanced: each work takes the least-loaded eligible judges (ties
// drawn at random, so pairs of co-judges vary), the most constrained works
// go first, and a final pass moves works from any judge two or more above
// another eligible one, so max−min ≤ 1 whenever conflicts allow it. The
// same pool, perWork and seed always give the same assignment. Works with
// fewer than perWork eligible judges are all reported, each as
// "works.<id>".
func (p Pool) Assign(perWork int, seed uint64) (Assignment, error) {
	if perWork < 1 {
		return nil, contests.Invalid(contests.Field("perWork", contests.T("Mỗi bài cần ít nhất 1 giám khảo", "Each work needs at least 1 judge")))
	}
	ix, err := p.index()
	if err != nil {
		return nil, err
	}
	var es contests.Errors
	for _, id := range ix.workIDs {
		if n := len(ix.eligible[id]); n < perWork {
			es.Add("works."+id, contests.T("Bài %s chỉ có %d giám khảo hợp lệ (cùng tiểu ban, không xung đột), cần %d", "Work %s has only %d eligible judges (same panel, no conflict); %d needed", id, n, perWork))
		}
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	rng := newRand(seed)
	order := slices.Clone(ix.workIDs)
	rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
	slices.SortStableFunc(order, func(a, b string) int { return cmp.Compare(len(ix.eligible[a]), len(ix.eligible[b])) })

	loads := make([]int, len(ix.judges))
	chosen := map[string][]int{}
	for _, id := range order {
		picks := leastLoaded(rng, ix.eligible[id], loads, nil)[:perWork]
		for _, j := range picks {
			loads[j]++
		}
		chosen[id] = picks
	}
	rebalance(ix, order, chosen, loads)
	return ix.assignment(chosen), nil
}

// leastLoaded returns candidates (minus exclude) shuffled, then stably
// ordered by load, so equal loads are in random order.
func leastLoaded(rng *rand.Rand, candidates, loads, exclude []int) []int {
	out := make([]int, 0, len(candidates))
	for _, c := range candidates {
		if !slices.Contains(exclude, c) {
			out = append(out, c)
		}
	}
	rng.Shuffle(len(out), func(a, b int) { out[a], out[b] = out[b], out[a] })
	slices.SortStableFunc(out, func(a, b int) int { return cmp.Compare(loads[a], loads[b]) })
	return out
}

// rebalance moves a work from a judge to an eligible judge with at least
// two fewer works until no such move exists. Each move lowers Σ load², so
// it ends; order fixes which move is made first, keeping it reproducible.
func rebalance(ix *poolIndex, order []string, chosen map[string][]int, loads []int) {
	for moved := true; moved; {
		moved = false
		for _, id := range order {
			picks := chosen[id]
			for k, heavy := range picks {
				for _, light := range ix.eligible[id] {
					if loads[heavy]-loads[light] >= 2 && !slices.Contains(picks, light) {
						picks[k] = light
						loads[heavy]--
						loads[light]++
						heavy = light
						moved = true
					}
				}
			}
		}
	}
}

func (ix *poolIndex) assignment(chosen map[string][]int) Assignment {
	out := make(Assignment, len(chosen))
	for id, picks := range chosen {
		ids := make([]string, len(picks))
		for i, j := range picks {
			ids[i] = ix.judges[j].ID
		}
		slices.Sort(ids)
		out[id] = ids
	}
	return out
}
