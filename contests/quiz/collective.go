package quiz

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"math/big"
	"slices"

	"hoithi/contests"
)

// CollectiveFormula is how units compete for collective prizes.
type CollectiveFormula string

const (
	// CollectiveMostParticipants: the unit with the most participants wins.
	CollectiveMostParticipants CollectiveFormula = "most_participants"
	// CollectiveRatePlusPrizes: participation rate in percent (participants
	// / headcount × 100) plus points per prize won by members (Quảng Nam:
	// 10/8/6 per Nhất/Nhì/Ba).
	CollectiveRatePlusPrizes CollectiveFormula = "participation_rate"
)

// CollectiveRule configures a collective ranking.
type CollectiveRule struct {
	Formula CollectiveFormula `json:"formula"`
	// Level is the depth of the competing units (contests.Depth: 1 for the
	// roots of the tree, 2 for their children, …). Counts and prizes of
	// deeper units add up to their ancestor at this level.
	Level int `json:"level"`
	// PrizePoints gives points per prize won by a member, by tier key.
	PrizePoints map[string]int `json:"prizePoints,omitempty"`
	// CapRateAt100 stops a stale headcount from giving a rate over 100%.
	CapRateAt100 bool `json:"capRateAt100,omitempty"`
}

// UnitStanding is one unit's place in a collective ranking. RatePct and
// Score are rounded to two decimals for display; the ranking itself compares
// exact fractions, so rounding never decides a prize.
type UnitStanding struct {
	Rank         int            `json:"rank"`
	UnitID       string         `json:"unitId"`
	Code         string         `json:"code"`
	Name         string         `json:"name"`
	Path         string         `json:"path"`
	Participants int            `json:"participants"`
	Headcount    int            `json:"headcount"`
	RatePct      float64        `json:"ratePct"`
	Prizes       map[string]int `json:"prizes,omitempty"`
	PrizePoints  int            `json:"prizePoints"`
	Score        float64        `json:"score"`
	exact        *big.Rat
}

// Collective ranks the units at rule.Level. participants counts people by
// the unit they belong to (any depth; unknown unit IDs are ignored); winners
// are the prizes given to people, placed by their UnitPath. A unit's
// headcount is its own when set, else the sum of its children's (each
// resolved the same way), so a headcount is never counted twice. A unit
// with no headcount has rate 0. Equal scores share a rank and are listed by
// unit code, then ID.
func Collective(units []contests.Unit, participants map[string]int, winners []Winner, rule CollectiveRule) ([]UnitStanding, error) {
	if err := rule.validate(); err != nil {
		return nil, err
	}
	byID := make(map[string]contests.Unit, len(units))
	children := map[string][]string{}
	for _, u := range units {
		if _, dup := byID[u.ID]; dup || u.ID == "" {
			return nil, contests.Invalid(contests.Field("units", contests.T("Mã đơn vị %q trống hoặc bị trùng", "Unit ID %q is empty or repeated", u.ID)))
		}
		byID[u.ID] = u
	}
	// Children are linked only when their path extends the parent's, so
	// depth strictly grows and a malformed path cannot make a cycle.
	for _, u := range units {
		if ids := contests.AncestorIDs(u.Path); len(ids) >= 2 {
			if parent, ok := byID[ids[len(ids)-2]]; ok && u.Path == contests.ChildPath(parent.Path, u.ID) {
				children[parent.ID] = append(children[parent.ID], u.ID)
			}
		}
	}
	standings := map[string]*UnitStanding{}
	var order []*UnitStanding
	for _, u := range units {
		if contests.Depth(u.Path) == rule.Level {
			s := &UnitStanding{UnitID: u.ID, Code: u.Code, Name: u.Name, Path: u.Path, Headcount: headcount(u.ID, byID, children)}
			standings[u.ID] = s
			order = append(order, s)
		}
	}
	// atLevel finds the competing unit a path belongs to.
	atLevel := func(path string) *UnitStanding {
		ids := contests.AncestorIDs(path)
		if len(ids) < rule.Level {
			return nil
		}
		return standings[ids[rule.Level-1]]
	}
	for _, id := range slices.Sorted(maps.Keys(participants)) { // sorted: the same error every time
		n := participants[id]
		if n < 0 {
			return nil, contests.Invalid(contests.Field("participants", contests.T("Số người dự thi của đơn vị %q bị âm", "Participant count of unit %q is negative", id)))
		}
		if u, ok := byID[id]; ok {
			if s := atLevel(u.Path); s != nil {
				s.Participants += n
			}
		}
	}
	for _, w := range winners {
		if s := atLevel(w.UnitPath); s != nil {
			if s.Prizes == nil {
				s.Prizes = map[string]int{}
			}
			s.Prizes[w.Tier]++
			s.PrizePoints += rule.PrizePoints[w.Tier]
		}
	}
	for _, s := range order {
		s.exact = rule.score(s)
		score, _ := s.exact.Float64()
		s.Score = round2(score)
	}
	slices.SortFunc(order, func(a, b *UnitStanding) int {
		if c := b.exact.Cmp(a.exact); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.UnitID, b.UnitID))
	})
	out := make([]UnitStanding, len(order))
	for i, s := range order {
		s.Rank = i + 1
		if i > 0 && order[i-1].exact.Cmp(s.exact) == 0 {
			s.Rank = out[i-1].Rank
		}
		out[i] = *s
	}
	return out, nil
}

func (r CollectiveRule) validate() error {
	var es contests.Errors
	if r.Formula != CollectiveMostParticipants && r.Formula != CollectiveRatePlusPrizes {
		es.Add("formula", contests.T("Cách xếp giải tập thể %q không hợp lệ (most_participants, participation_rate)",
			"Unknown collective formula %q (most_participants, participation_rate)", string(r.Formula)))
	}
	if r.Level < 1 {
		es.Add("level", contests.T("Cấp đơn vị xét giải phải từ 1 trở lên", "Level must be at least 1"))
	}
	for key, p := range r.PrizePoints {
		if p < 0 {
			es.Add(fmt.Sprintf("prizePoints.%s", key), contests.T("Điểm thưởng không được âm", "Points must not be negative"))
		}
	}
	return es.Err()
}

// score computes the unit's exact score and fills RatePct.
func (r CollectiveRule) score(s *UnitStanding) *big.Rat {
	if r.Formula == CollectiveMostParticipants {
		return new(big.Rat).SetInt64(int64(s.Participants))
	}
	rate := new(big.Rat) // headcount 0: rate 0, never a division by zero
	if s.Headcount > 0 {
		rate.SetFrac64(int64(s.Participants)*100, int64(s.Headcount))
	}
	if hundred := big.NewRat(100, 1); r.CapRateAt100 && rate.Cmp(hundred) > 0 {
		rate = hundred
	}
	f, _ := rate.Float64()
	s.RatePct = round2(f)
	return rate.Add(rate, new(big.Rat).SetInt64(int64(s.PrizePoints)))
}

// headcount is the unit's own headcount, else the sum of its children's.
func headcount(id string, byID map[string]contests.Unit, children map[string][]string) int {
	if h := byID[id].Headcount; h > 0 {
		return h
	}
	sum := 0
	for _, c := range children[id] {
		sum += headcount(c, byID, children)
	}
	return sum
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// CollectiveRuleFor is the rule a collective ranking uses: the contest's
// own (Settings.Collective), else the most participants among the units one
// level below the owner (at ownerDepth+1); a non-empty formula asked for
// replaces the formula, and the rule is validated by Collective.
func (s Settings) CollectiveRuleFor(ownerDepth int, formula string) CollectiveRule {
	rule := CollectiveRule{Formula: CollectiveMostParticipants, Level: ownerDepth + 1}
	if s.Collective != nil {
		rule = *s.Collective
	}
	if formula != "" {
		rule.Formula = CollectiveFormula(formula)
	}
	return rule
}
