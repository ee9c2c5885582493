package quiz

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"hoithi/contests"
)

// Entry is one person in a ranking: the figures of their counted attempt
// (RoundEntry) or of their whole contest (Cumulative).
type Entry struct {
	UserID   string `json:"userId"`
	UnitPath string `json:"unitPath,omitempty"`
	// AttemptNo is the counted attempt of a round entry (0 when cumulative).
	AttemptNo   int       `json:"attemptNo,omitempty"`
	Rounds      int       `json:"rounds"`
	Score       int       `json:"score"`
	Correct     int       `json:"correct"`
	Total       int       `json:"total"`
	DurationMs  int64     `json:"durationMs"`
	StartedAt   time.Time `json:"startedAt"`
	SubmittedAt time.Time `json:"submittedAt"`
	Prediction  *int64    `json:"prediction,omitempty"`
	// PredictionError is |prediction − target|; nil when either is unknown.
	PredictionError *int64 `json:"predictionError,omitempty"`
	PerfectAttempts int    `json:"perfectAttempts"`
	Attempts        int    `json:"attempts"`
	// AllCorrect: the counted figures are fully correct (every round of the
	// contest, for a cumulative entry).
	AllCorrect bool `json:"allCorrect"`
}

// RankKey is one criterion of a ranking order.
type RankKey string

const (
	KeyScoreDesc           RankKey = "score_desc"
	KeyCorrectDesc         RankKey = "correct_desc"
	KeyPredictionErrorAsc  RankKey = "prediction_error_asc" // missing prediction ranks last
	KeyDurationAsc         RankKey = "duration_asc"
	KeySubmittedAsc        RankKey = "submitted_asc"
	KeyStartedAsc          RankKey = "started_asc"
	KeyPerfectAttemptsDesc RankKey = "perfect_attempts_desc"
)

// RankRule is a contest's ranking order: entries are compared key by key;
// AllCorrectOnly first drops everyone whose counted figures are not fully
// correct (VCNET's rule).
type RankRule struct {
	Keys           []RankKey `json:"keys"`
	AllCorrectOnly bool      `json:"allCorrectOnly,omitempty"`
}

// RuleVCNET: all-correct only → closest prediction → earliest submission.
func RuleVCNET() RankRule {
	return RankRule{AllCorrectOnly: true, Keys: []RankKey{KeyPredictionErrorAsc, KeySubmittedAsc}}
}

// RuleQuangNam: score → closest prediction → shortest duration → earlier
// start → more perfect attempts.
func RuleQuangNam() RankRule {
	return RankRule{Keys: []RankKey{KeyScoreDesc, KeyPredictionErrorAsc, KeyDurationAsc, KeyStartedAsc, KeyPerfectAttemptsDesc}}
}

// RuleBinhTan: score → shortest duration → earliest start.
func RuleBinhTan() RankRule {
	return RankRule{Keys: []RankKey{KeyScoreDesc, KeyDurationAsc, KeyStartedAsc}}
}

// compare returns the key's order of a and b (negative: a ranks higher).
// Instants compare at millisecond precision, what every store keeps.
func (k RankKey) compare(a, b *Entry) (int, bool) {
	switch k {
	case KeyScoreDesc:
		return b.Score - a.Score, true
	case KeyCorrectDesc:
		return b.Correct - a.Correct, true
	case KeyPredictionErrorAsc:
		switch {
		case a.PredictionError == nil && b.PredictionError == nil:
			return 0, true
		case a.PredictionError == nil:
			return 1, true
		case b.PredictionError == nil:
			return -1, true
		}
		return cmp.Compare(*a.PredictionError, *b.PredictionError), true
	case KeyDurationAsc:
		return cmp.Compare(a.DurationMs, b.DurationMs), true
	case KeySubmittedAsc:
		return cmp.Compare(ms(a.SubmittedAt), ms(b.SubmittedAt)), true
	case KeyStartedAsc:
		return cmp.Compare(ms(a.StartedAt), ms(b.StartedAt)), true
	case KeyPerfectAttemptsDesc:
		return b.PerfectAttempts - a.PerfectAttempts, true
	}
	return 0, false
}

// Validate checks the rule: at least one key, each known and listed once.
// Errors are CodeInvalid naming "keys[i]".
func (r RankRule) Validate() error {
	var es contests.Errors
	if len(r.Keys) == 0 {
		es.Add("keys", contests.T("Cần ít nhất một tiêu chí xếp hạng", "At least one ranking key is required"))
	}
	for i, k := range r.Keys {
		var zero Entry
		if _, ok := k.compare(&zero, &zero); !ok {
			es.Add(fmt.Sprintf("keys[%d]", i), contests.T("Tiêu chí xếp hạng %q không hợp lệ", "Unknown ranking key %q", string(k)))
		} else if slices.Contains(r.Keys[:i], k) {
			es.Add(fmt.Sprintf("keys[%d]", i), contests.T("Tiêu chí xếp hạng %q bị lặp", "Ranking key %q is repeated", string(k)))
		}
	}
	return es.Err()
}

// Ranked is an entry with its place. Entries equal on every key share a
// rank ("1, 2, 2, 4").
type Ranked struct {
	Rank int `json:"rank"`
	Entry
	// DecidedBy is the key that placed the entry below the one before it
	// (empty for the first and for a shared rank): what a person checking
	// the published order needs to see.
	DecidedBy RankKey `json:"decidedBy,omitempty"`
}

// PredictionBrokeTie reports whether the prediction decided the place of
// ranked[i] against a neighbour: those rows show the prediction and its
// error when the results are published.
func PredictionBrokeTie(ranked []Ranked, i int) bool {
	return predictionBrokeTie(rankedSlice(ranked), i)
}

func predictionBrokeTie(ranked rankedLines, i int) bool {
	return ranked.decidedBy(i) == KeyPredictionErrorAsc ||
		(i+1 < ranked.len() && ranked.decidedBy(i+1) == KeyPredictionErrorAsc)
}

// Rank orders entries by the rule. Among entries equal on every key the
// output is ordered by UserID, so the same data always gives the same list
// (and Allocate's strict policy the same winners). A user listed twice is
// CodeInvalid: it would be ranked against themself.
func Rank(entries []Entry, rule RankRule) ([]Ranked, error) {
	if err := rule.Validate(); err != nil {
		return nil, err
	}
	out := make([]Ranked, 0, len(entries))
	seen := make(map[string]bool, len(entries))
	for _, e := range entries {
		if seen[e.UserID] {
			return nil, contests.Invalid(contests.Field("entries",
				contests.T("Người dự thi %q xuất hiện hai lần", "Participant %q is listed twice", e.UserID)))
		}
		seen[e.UserID] = true
		out = append(out, Ranked{Entry: e})
	}
	return rankLines(out, rule)
}

// rankLines is Rank in place, for lines of distinct people: those the rule
// leaves out are dropped, the rest sorted, numbered and told what decided.
func rankLines(out []Ranked, rule RankRule) ([]Ranked, error) {
	if err := rule.Validate(); err != nil {
		return nil, err
	}
	if rule.AllCorrectOnly {
		out = slices.DeleteFunc(out, func(r Ranked) bool { return !r.AllCorrect })
	}
	// The lines are large: their order is found on their positions, then
	// each line is moved once.
	order := make([]int32, len(out))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		a, b := &out[i].Entry, &out[j].Entry
		if c := rule.compare(a, b); c != 0 {
			return c
		}
		return strings.Compare(a.UserID, b.UserID)
	})
	permute(out, order)
	for i := range out {
		out[i].Rank = i + 1
		if i == 0 {
			continue
		}
		if out[i].DecidedBy = rule.decidingKey(&out[i-1].Entry, &out[i].Entry); out[i].DecidedBy == "" {
			out[i].Rank = out[i-1].Rank
		}
	}
	return out, nil
}

// permute puts out[order[i]] at i for every i, following each cycle of
// the permutation (order is used up).
func permute[T any](out []T, order []int32) {
	for start := range order {
		if order[start] < 0 || int(order[start]) == start {
			continue
		}
		held := out[start]
		at := start
		for {
			from := int(order[at])
			order[at] = -1
			if from == start {
				out[at] = held
				break
			}
			out[at] = out[from]
			at = from
		}
	}
}

// decidingKey returns the first key on which a and b differ, "" if none.
func (r RankRule) decidingKey(a, b *Entry) RankKey {
	for _, k := range r.Keys {
		if c, _ := k.compare(a, b); c != 0 {
			return k
		}
	}
	return ""
}

func (r RankRule) compare(a, b *Entry) int {
	for _, k := range r.Keys {
		if c, _ := k.compare(a, b); c != 0 {
			return c
		}
	}
	return 0
}
