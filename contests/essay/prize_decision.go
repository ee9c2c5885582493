package essay

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"hoithi/contests"
)

// The special prizes the rules compute from the prize winners (special.go).
const (
	SpecialYoungest = "youngest"
	SpecialOldest   = "oldest"
)

// SpecialTierNames label the special prizes.
var SpecialTierNames = map[string]string{
	SpecialYoungest: "Giải tác giả nhỏ tuổi nhất",
	SpecialOldest:   "Giải tác giả cao tuổi nhất",
}

// Adjustment is the organizer's change to a proposed prize list: the work
// gets tier Tier, or loses its prize when Tier is "".
type Adjustment struct {
	WorkID string `json:"workId"`
	Tier   string `json:"tier"`
}

// AdjustAwards applies the organizer's adjustments to the proposed awards
// (AwardPrizes), names every award's tier from tiers, and orders them as
// AwardPrizes does. Only works with a final score in results may get a
// prize. Errors name "adjust[i].workId" or "adjust[i].tier".
func AdjustAwards(proposed []Award, results []Result, adjust []Adjustment, tiers []Tier) ([]Award, error) {
	final := map[string]Result{}
	for _, r := range results {
		final[r.WorkID] = r
	}
	names := map[string]string{}
	for _, t := range tiers {
		names[t.Key] = t.Name
	}
	awards := slices.Clone(proposed)
	var es contests.Errors
	for i, a := range adjust {
		res, ok := final[a.WorkID]
		switch {
		case !ok:
			es.Add(fmt.Sprintf("adjust[%d].workId", i), contests.T("Bài này không có điểm cuối cùng ở vòng chấm", "This work has no final score in the round"))
			continue
		case a.Tier != "" && names[a.Tier] == "":
			es.Add(fmt.Sprintf("adjust[%d].tier", i), contests.T("Không có hạng giải %q", "There is no tier %q", a.Tier))
			continue
		}
		awards = slices.DeleteFunc(awards, func(x Award) bool { return x.WorkID == a.WorkID && !x.Special })
		if a.Tier != "" {
			awards = append(awards, Award{WorkID: a.WorkID, Category: res.Category, Tier: a.Tier, Final: res.Final, Adjusted: true})
		}
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	rank := tierRank(tiers)
	for i := range awards {
		if !awards[i].Special {
			awards[i].TierName = names[awards[i].Tier]
		}
	}
	slices.SortStableFunc(awards, func(a, b Award) int {
		return cmp.Or(cmp.Compare(a.Category, b.Category), cmp.Compare(rank[a.Tier], rank[b.Tier]),
			cmp.Compare(b.Final, a.Final), cmp.Compare(a.WorkID, b.WorkID))
	})
	return awards, nil
}

// WithSpecials appends the special prizes of the given winners (Youngest,
// Oldest) to awards.
func WithSpecials(awards []Award, youngest, oldest []Entrant) []Award {
	add := func(es []Entrant, key string) {
		for _, e := range es {
			awards = append(awards, Award{WorkID: e.WorkID, Category: e.Category, Tier: key, Final: e.Final,
				TierName: SpecialTierNames[key], Special: true})
		}
	}
	add(youngest, SpecialYoungest)
	add(oldest, SpecialOldest)
	return awards
}

// PrizesDecided reports whether the round's prize list has been decided.
func (r *Round) PrizesDecided() bool { return len(r.Awards) > 0 }

// DecidePrizes records the prize list of a closed round at now. A list
// already decided is changed only with a reason (it goes to the audit
// log): a second click never silently replaces a decision. It returns
// whether an earlier decision was replaced.
// Errors: CodeConflict when the round is not closed, or when it was decided
// and reason is blank (field "reason").
func (r *Round) DecidePrizes(awards []Award, reason string, now time.Time) (bool, error) {
	if r.Status != RoundClosed {
		return false, contests.E(contests.CodeConflict, contests.T("Vòng chấm chưa kết thúc", "The round is not closed"))
	}
	replaced := r.PrizesDecided()
	if replaced && strings.TrimSpace(reason) == "" {
		msg := contests.T("Giải đã được quyết định; muốn thay đổi phải ghi lý do", "The prizes are decided; a change needs a reason")
		return false, contests.E(contests.CodeConflict, msg, contests.Field("reason", msg))
	}
	r.Awards, r.UpdatedAt = slices.Clone(awards), now.UTC()
	return replaced, nil
}

// TierLabel names a tier key of the usual plans (PlaceTiers, ABCTiers) and
// the special prizes, for awards decided before names were kept with them;
// an unknown key is returned as "Giải <key>".
func TierLabel(key string) string {
	for _, t := range append(PlaceTiers(), ABCTiers(100)...) {
		if t.Key == key {
			return t.Name
		}
	}
	if n, ok := SpecialTierNames[key]; ok {
		return n
	}
	return "Giải " + key
}

// CategoryLabel names a category of cats, or of the national and ward
// presets; never the bare key when a name is known.
func CategoryLabel(cats []Category, key CategoryKey) string {
	for _, list := range [][]Category{cats, WardCategories(), DefaultCategories()} {
		if c, ok := FindCategory(list, key); ok {
			return c.Name
		}
	}
	return string(key)
}
