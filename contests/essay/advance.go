package essay

import (
	"cmp"
	"math"
	"slices"

	"hoithi/contests"
)

// Result is a work's final score in a round.
type Result struct {
	WorkID   string      `json:"workId"`
	Category CategoryKey `json:"category"`
	Final    float64     `json:"final"`
}

// AdvanceMode says which limit decides who goes on to the next round.
type AdvanceMode string

const (
	AdvanceTopN     AdvanceMode = "top_n"     // the best TopN of each category
	AdvanceMinScore AdvanceMode = "min_score" // every work scoring ≥ MinScore
	AdvanceBoth     AdvanceMode = "both"      // the best TopN, and only those ≥ MinScore
)

// AdvanceRule is a round's advancement rule, applied per category.
type AdvanceRule struct {
	Mode     AdvanceMode `json:"mode"`
	TopN     int         `json:"topN,omitempty"`
	MinScore float64     `json:"minScore,omitempty"`
}

// Advance returns the works that go on to the next round, per category,
// ordered by category, then score (highest first), then work ID — the order
// every listing of a round uses, so reruns print the same sheet. Works tied
// with the TopN-th work's score all advance: judges scored them equal, and
// the next round can absorb a few more works, whereas dropping some of a
// tie would need a rule the contest does not have.
func Advance(results []Result, rule AdvanceRule) ([]Result, error) {
	var es contests.Errors
	useTop := rule.Mode == AdvanceTopN || rule.Mode == AdvanceBoth
	useMin := rule.Mode == AdvanceMinScore || rule.Mode == AdvanceBoth
	if !useTop && !useMin {
		es.Add("mode", contests.T("Cách chọn bài vào vòng sau phải là top_n, min_score hoặc both", "The advancement mode must be top_n, min_score or both"))
	}
	if useTop && rule.TopN < 1 {
		es.Add("topN", contests.T("Số bài vào vòng sau phải lớn hơn 0", "The number of works advancing must be positive"))
	}
	if useMin && (rule.MinScore < 0 || math.IsNaN(rule.MinScore)) {
		es.Add("minScore", contests.T("Điểm sàn không được âm", "The minimum score must not be negative"))
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	ranked, err := rankResults(results)
	if err != nil {
		return nil, err
	}
	var out []Result
	for _, group := range byCategory(ranked) {
		if useMin {
			group = atLeast(group, rule.MinScore)
		}
		if useTop {
			group, _ = cutWithTies(group, rule.TopN)
		}
		out = append(out, group...)
	}
	return out, nil
}

// ForwardRule is the upper level's quota for works sent up (docs/domain.md §3:
// HVCTQG 2025 takes up to 200 works, only ≥ 70/100). Zero TopN means no
// cap; MinScore 0 means no threshold. Both limits apply together, across
// all categories.
type ForwardRule struct {
	TopN     int     `json:"topN,omitempty"`
	MinScore float64 `json:"minScore,omitempty"`
}

// Forwarding is the outcome of SelectForForwarding.
type Forwarding struct {
	// Selected are forwarded, best first.
	Selected []Result `json:"selected"`
	// TiedAtCap are works tied on the score at the cap that do not all
	// fit: the cap is the upper level's and cannot be exceeded, so none of
	// them is picked by the software; the organizer chooses which to add
	// up to the cap (re-judging, or a rule of their own).
	TiedAtCap []Result `json:"tiedAtCap,omitempty"`
}

// SelectForForwarding picks the works to send to the upper level.
func SelectForForwarding(results []Result, rule ForwardRule) (Forwarding, error) {
	var es contests.Errors
	if rule.TopN < 0 {
		es.Add("topN", contests.T("Số bài gửi lên không được âm", "The number of works forwarded must not be negative"))
	}
	if rule.MinScore < 0 || math.IsNaN(rule.MinScore) {
		es.Add("minScore", contests.T("Điểm sàn không được âm", "The minimum score must not be negative"))
	}
	if err := es.Err(); err != nil {
		return Forwarding{}, err
	}
	ranked, err := rankResults(results)
	if err != nil {
		return Forwarding{}, err
	}
	slices.SortStableFunc(ranked, byScoreThenID)
	eligible := atLeast(ranked, rule.MinScore)
	if rule.TopN == 0 || len(eligible) <= rule.TopN {
		return Forwarding{Selected: eligible}, nil
	}
	withTies, tieStart := cutWithTies(eligible, rule.TopN)
	if len(withTies) == rule.TopN {
		return Forwarding{Selected: withTies}, nil
	}
	return Forwarding{Selected: withTies[:tieStart], TiedAtCap: withTies[tieStart:]}, nil
}

// rankResults validates results and sorts them by category, then score
// (highest first), then work ID. Scores are rounded to 1e-6 so that equal
// averages compare equal.
func rankResults(results []Result) ([]Result, error) {
	seen := map[string]bool{}
	out := make([]Result, len(results))
	for i, r := range results {
		if r.WorkID == "" || seen[r.WorkID] || math.IsNaN(r.Final) || math.IsInf(r.Final, 0) {
			return nil, contests.Invalid(contests.Field("results", contests.T("Kết quả của bài %q trống, trùng hoặc điểm không hợp lệ", "The result of work %q is empty, repeated or not a number", r.WorkID)))
		}
		seen[r.WorkID] = true
		r.Final = roundScore(r.Final)
		out[i] = r
	}
	slices.SortFunc(out, func(a, b Result) int {
		return cmp.Or(cmp.Compare(a.Category, b.Category), byScoreThenID(a, b))
	})
	return out, nil
}

func byScoreThenID(a, b Result) int {
	return cmp.Or(cmp.Compare(b.Final, a.Final), cmp.Compare(a.WorkID, b.WorkID))
}

// byCategory splits results sorted by category into one slice per category.
func byCategory(sorted []Result) [][]Result {
	var groups [][]Result
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j].Category == sorted[i].Category {
			j++
		}
		groups = append(groups, sorted[i:j])
		i = j
	}
	return groups
}

// atLeast keeps the prefix of results (sorted best first) scoring ≥ min.
func atLeast(sorted []Result, min float64) []Result {
	n := 0
	for n < len(sorted) && sorted[n].Final >= roundScore(min) {
		n++
	}
	return sorted[:n]
}

// cutWithTies returns the first n of sorted plus every work tied with the
// n-th, and the index where the tied group at the boundary starts.
func cutWithTies(sorted []Result, n int) ([]Result, int) {
	if n >= len(sorted) {
		return sorted, len(sorted)
	}
	boundary := sorted[n-1].Final
	end := n
	for end < len(sorted) && sorted[end].Final == boundary {
		end++
	}
	start := n - 1
	for start > 0 && sorted[start-1].Final == boundary {
		start--
	}
	return sorted[:end], start
}
