package essay

import (
	"math"
	"slices"

	"hoithi/contests"
)

// ScoreKind says why a judge scored a work.
type ScoreKind string

const (
	ScoreRegular ScoreKind = "regular" // an independent score of an assigned judge ("" too)
	ScoreThird   ScoreKind = "third"   // the extra judge's score after a discrepancy
	ScoreHead    ScoreKind = "head"    // the head judge's deciding score
)

// JudgeScore is one judge's total for a work (see ValidateScore).
type JudgeScore struct {
	JudgeID string    `json:"judgeId"`
	Total   float64   `json:"total"`
	Kind    ScoreKind `json:"kind,omitempty"`
}

// Policy decides a work's final score from its judges' totals.
type Policy string

const (
	// PolicyAverage always averages the regular scores; no discrepancy.
	PolicyAverage Policy = "average"
	// PolicyThirdJudgeStands: a gap ≥ threshold calls a third judge, whose
	// score becomes final (official marking rules: gap ≥ 20/100).
	PolicyThirdJudgeStands Policy = "third_judge_stands"
	// PolicyMajorityOrAverage: a gap ≥ threshold calls a third judge; if
	// two of the scores are equal that score is final, else the average of
	// all of them (literature exams: gap > 1.5/10).
	PolicyMajorityOrAverage Policy = "majority_or_average"
	// PolicyHeadJudge: a gap ≥ threshold goes to the panel's head judge,
	// whose score becomes final.
	PolicyHeadJudge Policy = "head_judge"
	// PolicyTwoClosest: a gap ≥ threshold calls a third judge; the final
	// score is the average of the two closest of the three scores (on a
	// tie between two pairs, the higher pair: the benefit of the doubt
	// goes to the author).
	PolicyTwoClosest Policy = "two_closest_average"
	// PolicyAverageAll: a gap ≥ threshold calls a third judge; the final
	// score is the average of all three scores.
	PolicyAverageAll Policy = "average_all"
)

// Policies lists every policy.
var Policies = []Policy{PolicyAverage, PolicyThirdJudgeStands, PolicyTwoClosest, PolicyAverageAll, PolicyHeadJudge, PolicyMajorityOrAverage}

// UsualPolicies are the discrepancy rules a round form offers, in the order
// Vietnamese marking rules name them: the third judge's score is final; the
// average of the two closest scores; the average of all three; the head
// judge decides. PolicyMajorityOrAverage and PolicyAverage stay accepted
// for rounds made by scripts.
var UsualPolicies = []Policy{PolicyThirdJudgeStands, PolicyTwoClosest, PolicyAverageAll, PolicyHeadJudge}

// Outcome is where a work stands. Final is nil while a third or head
// judge's score is awaited.
type Outcome struct {
	Final      *float64 `json:"final"`
	NeedsThird bool     `json:"needsThird"`
	NeedsHead  bool     `json:"needsHead"`
	// Gap is the highest minus the lowest regular score: the discrepancy
	// flag of score sheets.
	Gap float64 `json:"gap"`
}

// Aggregate applies policy to the scores of one work, given once every
// assigned judge has scored. Until then the caller shows the work as
// pending; Aggregate cannot know how many judges were assigned.
//
// A discrepancy is a gap ≥ threshold (both on the rubric's scale). A rule
// written "gap > 1.5" is threshold 1.75 on a 0.25 step. Without a
// discrepancy the final score is the average of the regular scores, and a
// third or head score given anyway (a judge later narrowed the gap) is
// ignored, as are kinds the policy does not use. Averages are not rounded
// to the step: contest rules differ, and display rounding belongs to the
// score sheet. Errors: no regular score, more than one third or head score,
// an unknown kind or policy, a threshold ≤ 0 for a discrepancy policy.
func Aggregate(scores []JudgeScore, policy Policy, threshold float64) (Outcome, error) {
	var regular []float64
	var third, head []float64
	for _, s := range scores {
		if math.IsNaN(s.Total) || math.IsInf(s.Total, 0) {
			return Outcome{}, aggregateError("scores", contests.T("Điểm của giám khảo %s không hợp lệ", "Judge %s's score is not a number", s.JudgeID))
		}
		switch s.Kind {
		case ScoreRegular, "":
			regular = append(regular, s.Total)
		case ScoreThird:
			third = append(third, s.Total)
		case ScoreHead:
			head = append(head, s.Total)
		default:
			return Outcome{}, aggregateError("scores", contests.T("Loại điểm %q không hợp lệ", "Unknown score kind %q", s.Kind))
		}
	}
	switch {
	case len(regular) == 0:
		return Outcome{}, aggregateError("scores", contests.T("Bài chưa có điểm của giám khảo nào", "The work has no judge's score yet"))
	case len(third) > 1 || len(head) > 1:
		return Outcome{}, aggregateError("scores", contests.T("Mỗi bài chỉ có một giám khảo thứ ba và một trưởng tiểu ban quyết định", "A work has at most one third judge and one head judge decision"))
	}
	lo, hi := regular[0], regular[0]
	for _, v := range regular {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	out := Outcome{Gap: roundScore(hi - lo)}
	if !slices.Contains(Policies, policy) {
		return Outcome{}, aggregateError("policy", contests.T("Cách xử lý chênh lệch %q không hợp lệ", "Unknown discrepancy policy %q", policy))
	}
	if policy != PolicyAverage && !(threshold > 0) {
		return Outcome{}, aggregateError("threshold", contests.T("Ngưỡng chênh lệch phải lớn hơn 0", "The discrepancy threshold must be positive"))
	}
	discrepancy := policy != PolicyAverage && out.Gap >= roundScore(threshold)
	switch {
	case !discrepancy:
		out.Final = ptr(mean(regular))
	case policy == PolicyHeadJudge && len(head) == 0:
		out.NeedsHead = true
	case policy == PolicyHeadJudge:
		out.Final = ptr(roundScore(head[0]))
	case len(third) == 0:
		out.NeedsThird = true
	case policy == PolicyThirdJudgeStands:
		out.Final = ptr(roundScore(third[0]))
	case policy == PolicyTwoClosest:
		out.Final = ptr(twoClosestMean(append(regular, third[0])))
	case policy == PolicyAverageAll:
		out.Final = ptr(mean(append(regular, third[0])))
	default: // PolicyMajorityOrAverage
		out.Final = ptr(majorityOrMean(append(regular, third[0])))
	}
	return out, nil
}

// majorityOrMean returns the score given most often if it was given at
// least twice and by more judges than any other score, else the mean.
func majorityOrMean(values []float64) float64 {
	counts := map[float64]int{}
	for _, v := range values {
		counts[roundScore(v)]++
	}
	best, bestCount, unique := 0.0, 0, false
	for v, n := range counts {
		switch {
		case n > bestCount:
			best, bestCount, unique = v, n, true
		case n == bestCount:
			unique = false
		}
	}
	if bestCount >= 2 && unique {
		return best
	}
	return mean(values)
}

// twoClosestMean averages the two scores nearest each other; of two pairs
// equally near, the higher one.
func twoClosestMean(values []float64) float64 {
	sorted := slices.Clone(values)
	slices.Sort(sorted)
	best := 0
	for i := 1; i+1 < len(sorted); i++ {
		if roundScore(sorted[i+1]-sorted[i]) <= roundScore(sorted[best+1]-sorted[best]) {
			best = i
		}
	}
	return mean(sorted[best : best+2])
}

func mean(values []float64) float64 {
	sum := 0.0
	for _, v := range values {
		sum += v
	}
	return roundScore(sum / float64(len(values)))
}

func ptr(v float64) *float64 { return &v }

func aggregateError(field string, msg contests.Msg) error {
	return contests.Invalid(contests.Field(field, msg))
}
