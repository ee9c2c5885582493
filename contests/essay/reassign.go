package essay

import (
	"cmp"
	"slices"

	"hoithi/contests"
)

// Reassign replaces a judge who recused from a work (or was removed) with
// the least-loaded eligible judge of the panel not already on it, ties
// drawn from seed. It returns a new assignment (current is not modified)
// and the replacement's ID. The caller records the recusal as a declared
// conflict (JudgeRef.Conflicts) so later draws keep it.
func (p Pool) Reassign(current Assignment, workID, recusingJudgeID string, seed uint64) (Assignment, string, error) {
	ix, w, err := p.indexFor(current, workID)
	if err != nil {
		return nil, "", err
	}
	if !slices.Contains(current[workID], recusingJudgeID) {
		return nil, "", contests.Invalid(contests.Field("judgeId", contests.T("Giám khảo %s không được phân công chấm bài %s", "Judge %s is not assigned to work %s", recusingJudgeID, workID)))
	}
	exclude := ix.indexes(current[workID])
	pick, err := ix.pickExtra(current, w, exclude, false, seed)
	if err != nil {
		return nil, "", err
	}
	next := cloneAssignment(current)
	judges := slices.DeleteFunc(slices.Clone(current[workID]), func(id string) bool { return id == recusingJudgeID })
	next[workID] = sortedWith(judges, pick)
	return next, pick, nil
}

// AssignThird adds a third judge to a work whose scores disagree: the
// least-loaded eligible judge of the panel not already on the work.
func (p Pool) AssignThird(current Assignment, workID string, seed uint64) (Assignment, string, error) {
	ix, w, err := p.indexFor(current, workID)
	if err != nil {
		return nil, "", err
	}
	pick, err := ix.pickExtra(current, w, ix.indexes(current[workID]), false, seed)
	if err != nil {
		return nil, "", err
	}
	next := cloneAssignment(current)
	next[workID] = sortedWith(slices.Clone(current[workID]), pick)
	return next, pick, nil
}

// PickHead chooses the head judge who decides a discrepancy under the
// head_judge policy: an eligible head of the work's panel, preferring one
// who has not scored the work, then the least loaded. The decision is a
// separate act from scoring, so the assignment is not changed.
func (p Pool) PickHead(current Assignment, workID string, seed uint64) (string, error) {
	ix, w, err := p.indexFor(current, workID)
	if err != nil {
		return "", err
	}
	return ix.pickExtra(current, w, nil, true, seed)
}

func (p Pool) indexFor(current Assignment, workID string) (*poolIndex, WorkRef, error) {
	ix, err := p.index()
	if err != nil {
		return nil, WorkRef{}, err
	}
	w, ok := ix.works[workID]
	if !ok {
		return nil, WorkRef{}, contests.NotFound("bài dự thi "+workID, "work "+workID)
	}
	return ix, w, nil
}

// pickExtra returns the judge to add to w: eligible, not excluded, a head
// when headOnly (heads already on the work come last), least loaded in
// current, ties drawn from seed.
func (ix *poolIndex) pickExtra(current Assignment, w WorkRef, exclude []int, headOnly bool, seed uint64) (string, error) {
	loads := make([]int, len(ix.judges))
	for _, judges := range current {
		for _, j := range ix.indexes(judges) {
			loads[j]++
		}
	}
	candidates := ix.eligible[w.ID]
	if headOnly {
		candidates = slices.DeleteFunc(slices.Clone(candidates), func(j int) bool { return !ix.judges[j].Head })
	}
	ordered := leastLoaded(newRand(seed), candidates, loads, exclude)
	if headOnly {
		onWork := ix.indexes(current[w.ID])
		slices.SortStableFunc(ordered, func(a, b int) int {
			return cmp.Compare(boolRank(slices.Contains(onWork, a)), boolRank(slices.Contains(onWork, b)))
		})
	}
	if len(ordered) == 0 {
		if headOnly {
			return "", contests.Invalid(contests.Field("works."+w.ID, contests.T("Tiểu ban của bài %s không có trưởng tiểu ban nào được chấm bài này", "The panel of work %s has no head judge free of conflict with it", w.ID)))
		}
		return "", contests.Invalid(contests.Field("works."+w.ID, contests.T("Không còn giám khảo nào trong tiểu ban có thể chấm bài %s", "No other judge of the panel may score work %s", w.ID)))
	}
	return ix.judges[ordered[0]].ID, nil
}

// indexes maps judge IDs to indexes, skipping judges no longer in the pool.
func (ix *poolIndex) indexes(ids []string) []int {
	out := make([]int, 0, len(ids))
	for _, id := range ids {
		if i, ok := ix.judgeAt[id]; ok {
			out = append(out, i)
		}
	}
	return out
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

func cloneAssignment(a Assignment) Assignment {
	out := make(Assignment, len(a))
	for id, judges := range a {
		out[id] = slices.Clone(judges)
	}
	return out
}

func sortedWith(ids []string, id string) []string {
	ids = append(ids, id)
	slices.Sort(ids)
	return ids
}
