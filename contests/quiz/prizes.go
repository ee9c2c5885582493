package quiz

import (
	"fmt"
	"slices"
	"strings"

	"hoithi/contests"
)

// Tier is one prize level: Count prizes named Name. Tiers are given best
// first.
type Tier struct {
	Key   string `json:"key"`
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// WeeklyTiers returns the usual weekly prizes (docs/domain.md §2): 1 Nhất, 2 Nhì,
// 3 Ba, 10 Khuyến khích.
func WeeklyTiers() []Tier {
	return []Tier{
		{Key: "nhat", Name: "Giải Nhất", Count: 1},
		{Key: "nhi", Name: "Giải Nhì", Count: 2},
		{Key: "ba", Name: "Giải Ba", Count: 3},
		{Key: "kk", Name: "Giải Khuyến khích", Count: 10},
	}
}

// TiePolicy decides a tie at a tier's last place.
type TiePolicy string

const (
	// TieStrict gives exactly Count prizes: a tie at the boundary is settled
	// by the ranking's order (its keys, then the user ID).
	TieStrict TiePolicy = "strict"
	// TieShare gives the tier to everyone sharing the boundary rank; the
	// following tiers shrink by as many places.
	TieShare TiePolicy = "share"
)

// AllocateOptions are a contest's prize rules. The zero value is strict
// with nobody excluded.
type AllocateOptions struct {
	TiePolicy TiePolicy `json:"tiePolicy,omitempty"`
	// Excluded holds people who may not win here, typically those who
	// already won in this contest under "one prize per person": the next in
	// rank takes their place.
	Excluded map[string]bool `json:"excluded,omitempty"`
	// OnlyHighest is the "only the highest prize" rule for overall prizes,
	// which rank above weekly ones: people in Excluded stay eligible, and
	// winners among them are flagged PriorPrize so the organizer withdraws
	// or keeps the earlier, lower prize as the rules say.
	OnlyHighest bool `json:"onlyHighest,omitempty"`
}

// Winner is one prize given: the tier, and the ranked entry whose figures
// are the reason.
type Winner struct {
	Tier     string `json:"tier"`
	TierName string `json:"tierName"`
	Ranked
	// TiedAtBoundary: the winner's rank is shared across the tier's nominal
	// boundary; under strict the order by user ID decided, under share the
	// whole tied group got the tier.
	TiedAtBoundary bool `json:"tiedAtBoundary,omitempty"`
	// PriorPrize: the winner was in Excluded (only with OnlyHighest).
	PriorPrize bool `json:"priorPrize,omitempty"`
}

// ValidateTiers checks tiers: each with a unique key, a name and a count of
// 0..10000. Errors are CodeInvalid naming "tiers[i].key" etc.
func ValidateTiers(tiers []Tier) error {
	var es contests.Errors
	if len(tiers) == 0 {
		es.Add("tiers", contests.T("Cần ít nhất một hạng giải", "At least one prize tier is required"))
	}
	for i, t := range tiers {
		key := strings.TrimSpace(t.Key)
		switch {
		case key == "":
			es.Add(fmt.Sprintf("tiers[%d].key", i), contests.T("Thiếu mã giải", "Tier key is required"))
		case slices.ContainsFunc(tiers[:i], func(o Tier) bool { return strings.TrimSpace(o.Key) == key }):
			es.Add(fmt.Sprintf("tiers[%d].key", i), contests.T("Mã giải %q bị trùng", "Tier key %q is repeated", key))
		}
		if contests.NFC(t.Name) == "" {
			es.Add(fmt.Sprintf("tiers[%d].name", i), contests.T("Thiếu tên giải", "Tier name is required"))
		}
		if t.Count < 0 || t.Count > 10000 {
			es.Add(fmt.Sprintf("tiers[%d].count", i), contests.T("Số giải phải từ 0 đến 10000", "Count must be between 0 and 10000"))
		}
	}
	return es.Err()
}

// Allocate gives prizes down a ranking (as returned by Rank, best first).
// Winners come out in ranking order, tier by tier. With one prize per person
// the caller passes earlier winners in opts.Excluded; each person appears at
// most once in a ranking, so one allocation never gives anyone two prizes.
func Allocate(ranked []Ranked, tiers []Tier, opts AllocateOptions) ([]Winner, error) {
	return allocate(rankedSlice(ranked), tiers, opts)
}

// allocate is Allocate down any ranking (a slice or a compact Ranking).
func allocate(ranked rankedLines, tiers []Tier, opts AllocateOptions) ([]Winner, error) {
	if err := ValidateTiers(tiers); err != nil {
		return nil, err
	}
	policy := opts.TiePolicy
	if policy == "" {
		policy = TieStrict
	}
	if policy != TieStrict && policy != TieShare {
		return nil, contests.Invalid(contests.Field("tiePolicy",
			contests.T("Cách xử lý đồng hạng %q không hợp lệ (strict, share)", "Unknown tie policy %q (strict, share)", string(policy))))
	}
	// The places that may win, as positions in ranked: a national
	// ranking is too large to copy.
	places := make([]int32, 0, ranked.len())
	for i := range ranked.len() {
		if i > 0 && ranked.rankAt(i) < ranked.rankAt(i-1) {
			return nil, contests.Internal(fmt.Errorf("quiz: ranking out of order at %d", i))
		}
		if opts.Excluded[ranked.userAt(i)] && !opts.OnlyHighest {
			continue
		}
		places = append(places, int32(i))
	}
	eligible := eligibleLines{ranked, places}
	var winners []Winner
	pos, quota := 0, 0 // next eligible place; places given so far by the tiers' counts
	for _, t := range tiers {
		quota += t.Count
		start, nominalEnd := pos, min(pos+t.Count, eligible.len())
		if policy == TieShare {
			// Earlier ties ate into this tier: it ends where the counts say.
			nominalEnd = min(quota, eligible.len())
		}
		end := max(start, nominalEnd)
		if policy == TieShare && end > start {
			for end < eligible.len() && eligible.rank(end) == eligible.rank(end-1) {
				end++
			}
		}
		for i := start; i < end; i++ {
			r := eligible.line(i)
			tied := (start > 0 && eligible.rank(start-1) == r.Rank) ||
				(nominalEnd > start && nominalEnd < eligible.len() &&
					eligible.rank(nominalEnd-1) == r.Rank && eligible.rank(nominalEnd) == r.Rank)
			winners = append(winners, Winner{
				Tier: t.Key, TierName: t.Name, Ranked: r,
				TiedAtBoundary: tied, PriorPrize: opts.Excluded[r.UserID],
			})
		}
		pos = end
	}
	return winners, nil
}

// eligibleLines are the lines of a ranking that may win, by their places.
type eligibleLines struct {
	ranked rankedLines
	places []int32
}

func (e eligibleLines) len() int          { return len(e.places) }
func (e eligibleLines) line(i int) Ranked { return e.ranked.at(int(e.places[i])) }
func (e eligibleLines) rank(i int) int    { return e.ranked.rankAt(int(e.places[i])) }

// rankedLines is a ranking's lines, best first, as a slice of Ranked or
// kept compact (Ranking).
type rankedLines interface {
	len() int
	at(i int) Ranked
	rankAt(i int) int
	userAt(i int) string
	decidedBy(i int) RankKey
}

// rankedSlice is a ranking held as Ranked values.
type rankedSlice []Ranked

func (s rankedSlice) len() int                { return len(s) }
func (s rankedSlice) at(i int) Ranked         { return s[i] }
func (s rankedSlice) rankAt(i int) int        { return s[i].Rank }
func (s rankedSlice) userAt(i int) string     { return s[i].UserID }
func (s rankedSlice) decidedBy(i int) RankKey { return s[i].DecidedBy }
