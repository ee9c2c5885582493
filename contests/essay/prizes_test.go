package essay

import (
	"fmt"
	"slices"
	"testing"
)

func awardsOf(as []Award) []string {
	out := make([]string, len(as))
	for i, a := range as {
		mark := ""
		if a.OverQuota {
			mark = "+"
		}
		out[i] = fmt.Sprintf("%s:%s%s", a.WorkID, a.Tier, mark)
	}
	return out
}

func TestAwardPrizes(t *testing.T) {
	results := []Result{
		{"m1", CatMagazine, 9.5}, {"m2", CatMagazine, 9}, {"m3", CatMagazine, 9}, {"m4", CatMagazine, 8.75},
		{"m5", CatMagazine, 8}, {"m6", CatMagazine, 7.5}, {"m7", CatMagazine, 6.25}, {"m8", CatMagazine, 5.5},
		{"v1", CatVideo, 8.5}, {"v2", CatVideo, 6},
		{"t1", CatTV, 9.75},
	}
	quota := func(a, b, c, kk int) map[string]int { return map[string]int{"A": a, "B": b, "C": c, "KK": kk} }
	tests := []struct {
		name string
		plan PrizePlan
		want []string
	}{
		{"banded A/B/C/KK: a tie at the A quota shares A", PrizePlan{Tiers: ABCTiers(10), Quotas: map[CategoryKey]map[string]int{
			CatMagazine: quota(2, 2, 2, 2), CatVideo: quota(1, 1, 1, 1),
		}}, []string{"m1:A", "m2:A", "m3:A+", "m4:B", "m5:B", "m6:C", "m7:KK", "v1:B", "v2:KK"}},
		{"empty A places stay empty; a work below A with no B place falls to C", PrizePlan{Tiers: ABCTiers(10), Quotas: map[CategoryKey]map[string]int{
			CatVideo: quota(3, 0, 3, 3),
		}}, []string{"v1:C", "v2:KK"}},
		{"places without bands follow the quota only", PrizePlan{Tiers: PlaceTiers(), Quotas: map[CategoryKey]map[string]int{
			CatMagazine: {"nhat": 1, "nhi": 1, "ba": 2, "kk": 1},
		}}, []string{"m1:nhat", "m2:nhi", "m3:nhi+", "m4:ba", "m5:ba", "m6:kk"}},
		{"categories without quotas get nothing", PrizePlan{Tiers: ABCTiers(10), Quotas: map[CategoryKey]map[string]int{
			CatTV: quota(1, 0, 0, 0),
		}}, []string{"t1:A"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := AwardPrizes(results, tc.plan)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(awardsOf(got), tc.want) {
				t.Fatalf("AwardPrizes = %v, want %v", awardsOf(got), tc.want)
			}
		})
	}
}

func TestABCTiersScale(t *testing.T) {
	got := ABCTiers(100)
	want := []float64{90, 80, 70, 60}
	for i, tier := range got {
		if tier.MinScore != want[i] {
			t.Errorf("tier %s band %v, want %v", tier.Key, tier.MinScore, want[i])
		}
	}
}

func TestValidatePrizePlan(t *testing.T) {
	tests := []struct {
		name   string
		plan   PrizePlan
		fields []string
	}{
		{"no tiers", PrizePlan{}, []string{"tiers"}},
		{"repeated tier", PrizePlan{Tiers: []Tier{{Key: "A", Name: "A"}, {Key: "A", Name: "A2"}}}, []string{"tiers[1].key"}},
		{"band rising", PrizePlan{Tiers: []Tier{{Key: "A", Name: "A", MinScore: 8}, {Key: "B", Name: "B", MinScore: 9}}}, []string{"tiers[1].minScore"}},
		{"bad quotas", PrizePlan{Tiers: ABCTiers(10), Quotas: map[CategoryKey]map[string]int{
			CatTV: {"A": -1, "Z": 1},
		}}, []string{"quotas.tv.A", "quotas.tv.Z"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantFields(t, ValidatePrizePlan(tc.plan), tc.fields...)
		})
	}
}
