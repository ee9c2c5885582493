package essay

import (
	"testing"
	"time"

	"hoithi/contests"
)

func TestAdjustAwards(t *testing.T) {
	tiers := PlaceTiers()
	results := []Result{{"w1", "cl", 90}, {"w2", "cl", 85}, {"w3", "cl", 80}, {"w4", "cl", 70}}
	plan := PrizePlan{Tiers: tiers, Quotas: map[CategoryKey]map[string]int{"cl": {"nhat": 1, "nhi": 1, "ba": 1}}}
	proposed, err := AwardPrizes(results, plan)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		adjust []Adjustment
		want   []string // work:tier in order
		field  string
	}{
		{"no change names the tiers", nil, []string{"w1:nhat:Giải Nhất", "w2:nhi:Giải Nhì", "w3:ba:Giải Ba"}, ""},
		{"a prize taken away", []Adjustment{{"w2", ""}}, []string{"w1:nhat:Giải Nhất", "w3:ba:Giải Ba"}, ""},
		{"a work without a prize gets one", []Adjustment{{"w4", "kk"}}, []string{"w1:nhat:Giải Nhất", "w2:nhi:Giải Nhì", "w3:ba:Giải Ba", "w4:kk:Giải Khuyến khích"}, ""},
		{"two works swap", []Adjustment{{"w1", "nhi"}, {"w2", "nhat"}}, []string{"w2:nhat:Giải Nhất", "w1:nhi:Giải Nhì", "w3:ba:Giải Ba"}, ""},
		{"unknown work", []Adjustment{{"w9", "nhat"}}, nil, "adjust[0].workId"},
		{"unknown tier", []Adjustment{{"w4", "vang"}}, nil, "adjust[0].tier"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := AdjustAwards(proposed, results, tc.adjust, tiers)
			if tc.field != "" {
				wantFields(t, err, tc.field)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var line []string
			for _, a := range got {
				line = append(line, a.WorkID+":"+a.Tier+":"+a.TierName)
			}
			if len(line) != len(tc.want) {
				t.Fatalf("got %v, want %v", line, tc.want)
			}
			for i := range line {
				if line[i] != tc.want[i] {
					t.Fatalf("got %v, want %v", line, tc.want)
				}
			}
		})
	}
}

func TestDecidePrizesNeverSilentlyReplaces(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	r := &Round{Status: RoundScoring}
	awards := []Award{{WorkID: "w1", Tier: "nhat"}}
	if _, err := r.DecidePrizes(awards, "", now); contests.ErrorCode(err) != contests.CodeConflict {
		t.Fatalf("a round being scored: %v", err)
	}
	r.Status = RoundClosed
	if replaced, err := r.DecidePrizes(awards, "", now); err != nil || replaced || !r.PrizesDecided() {
		t.Fatalf("first decision: %v %v", replaced, err)
	}
	if _, err := r.DecidePrizes(nil, "  ", now); contests.ErrorCode(err) != contests.CodeConflict || len(r.Awards) != 1 {
		t.Fatalf("a second decision without a reason must be refused and keep the list: %v %v", err, r.Awards)
	}
	other := []Award{{WorkID: "w2", Tier: "nhat"}}
	if replaced, err := r.DecidePrizes(other, "Bài w1 vi phạm bản quyền", now); err != nil || !replaced || r.Awards[0].WorkID != "w2" {
		t.Fatalf("change with a reason: %v %v %v", replaced, err, r.Awards)
	}
}

func TestWithSpecials(t *testing.T) {
	got := WithSpecials([]Award{{WorkID: "w1", Tier: "nhat"}}, []Entrant{{WorkID: "w2", Category: "cl", Final: 80}}, []Entrant{{WorkID: "w1", Category: "cl", Final: 90}})
	if len(got) != 3 || got[1].Tier != SpecialYoungest || !got[1].Special || got[2].TierName != "Giải tác giả cao tuổi nhất" {
		t.Fatalf("%+v", got)
	}
}
