package essay

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"hoithi/contests"
)

// Tier is a prize level, listed best first in a plan.
type Tier struct {
	Key  string `json:"key"`
	Name string `json:"name"`
	// MinScore is the tier's score band (A ≥ 9 on the 10-point scale); 0
	// means no band: the quota alone decides.
	MinScore float64 `json:"minScore,omitempty"`
}

// ABCTiers returns the A/B/C/KK tiers with the bands of docs/domain.md §3 — A ≥ 9,
// B ≥ 8, C ≥ 7, KK ≥ 6 on the 10-point scale — scaled to scale (90/80/70/60
// on the 100-point one).
func ABCTiers(scale float64) []Tier {
	return []Tier{
		{Key: "A", Name: "Giải A", MinScore: 0.9 * scale},
		{Key: "B", Name: "Giải B", MinScore: 0.8 * scale},
		{Key: "C", Name: "Giải C", MinScore: 0.7 * scale},
		{Key: "KK", Name: "Giải Khuyến khích", MinScore: 0.6 * scale},
	}
}

// PlaceTiers returns Nhất/Nhì/Ba/Khuyến khích without bands.
func PlaceTiers() []Tier {
	return []Tier{
		{Key: "nhat", Name: "Giải Nhất"},
		{Key: "nhi", Name: "Giải Nhì"},
		{Key: "ba", Name: "Giải Ba"},
		{Key: "kk", Name: "Giải Khuyến khích"},
	}
}

// PrizePlan is how many prizes of each tier each category gives (national
// 2024: A/B/C/KK = 3/6/10/20 per category). A category absent from Quotas
// gives no prize.
type PrizePlan struct {
	Tiers  []Tier                         `json:"tiers"`
	Quotas map[CategoryKey]map[string]int `json:"quotas"`
}

// ValidatePrizePlan checks tier keys are unique, bands do not rise from one
// tier to the next, and quotas are non-negative and name known tiers.
func ValidatePrizePlan(p PrizePlan) error {
	var es contests.Errors
	if len(p.Tiers) == 0 {
		es.Add("tiers", contests.T("Cần ít nhất một hạng giải", "At least one prize tier is required"))
	}
	known := map[string]bool{}
	for i, t := range p.Tiers {
		field := fmt.Sprintf("tiers[%d]", i)
		switch {
		case t.Key == "" || known[t.Key]:
			es.Add(field+".key", contests.T("Mã hạng giải %q trống hoặc bị trùng", "Tier key %q is empty or repeated", t.Key))
		case contests.NFC(t.Name) == "":
			es.Add(field+".name", contests.T("Thiếu tên hạng giải", "Tier name is required"))
		case t.MinScore < 0 || math.IsNaN(t.MinScore):
			es.Add(field+".minScore", contests.T("Điểm sàn không được âm", "The minimum score must not be negative"))
		case i > 0 && t.MinScore > p.Tiers[i-1].MinScore:
			es.Add(field+".minScore", contests.T("Điểm sàn của giải %s không được cao hơn giải trên", "The band of %s must not be above the tier before it", t.Name))
		}
		known[t.Key] = true
	}
	for _, cat := range slices.Sorted(maps.Keys(p.Quotas)) {
		for _, tier := range slices.Sorted(maps.Keys(p.Quotas[cat])) {
			field := fmt.Sprintf("quotas.%s.%s", cat, tier)
			if !known[tier] {
				es.Add(field, contests.T("Không có hạng giải %q", "There is no tier %q", tier))
			} else if p.Quotas[cat][tier] < 0 {
				es.Add(field, contests.T("Số giải không được âm", "A quota must not be negative"))
			}
		}
	}
	return es.Err()
}

// Award is a prize given to a work.
type Award struct {
	WorkID   string      `json:"workId"`
	Category CategoryKey `json:"category"`
	Tier     string      `json:"tier"`
	Final    float64     `json:"final"`
	// OverQuota marks an award beyond the tier's quota, given because the
	// work tied with the last one within it.
	OverQuota bool `json:"overQuota,omitempty"`
	// TierName is the tier's label at decision time ("Giải Nhất"), kept so
	// screens and exports never show the key.
	TierName string `json:"tierName,omitempty"`
	// Adjusted marks a prize the organizer changed from the proposal.
	Adjusted bool `json:"adjusted,omitempty"`
	// Special marks a special prize (youngest or oldest prize-winning
	// author): Tier is then a SpecialTier key.
	Special bool `json:"special,omitempty"`
}

// AwardPrizes gives each category's prizes, best tier first: a tier takes
// the best remaining works that reach its band, up to its quota. Works the
// band leaves out fall to the next tier; unfilled places stay empty (a
// weak year gives fewer A prizes, it does not promote C works). Equal
// scores get equal prizes: works tied with the last one within a quota
// share the tier and are flagged OverQuota, so the organizer sees the extra
// cost; the next tier's quota is unchanged. Awards are ordered by category,
// tier, score (highest first) and work ID.
func AwardPrizes(results []Result, plan PrizePlan) ([]Award, error) {
	if err := ValidatePrizePlan(plan); err != nil {
		return nil, err
	}
	ranked, err := rankResults(results)
	if err != nil {
		return nil, err
	}
	var awards []Award
	for _, group := range byCategory(ranked) {
		quotas := plan.Quotas[group[0].Category]
		for _, tier := range plan.Tiers {
			quota := quotas[tier.Key]
			if quota == 0 || len(group) == 0 {
				continue
			}
			inBand := atLeast(group, tier.MinScore)
			if len(inBand) == 0 {
				continue
			}
			won, _ := cutWithTies(inBand, quota)
			for i, r := range won {
				awards = append(awards, Award{WorkID: r.WorkID, Category: r.Category, Tier: tier.Key, Final: r.Final, OverQuota: i >= quota})
			}
			group = group[len(won):]
		}
	}
	return awards, nil
}

// tierRank returns the position of each tier key (0 = best).
func tierRank(tiers []Tier) map[string]int {
	rank := make(map[string]int, len(tiers))
	for i, t := range tiers {
		rank[t.Key] = i
	}
	return rank
}
