package main

import (
	"context"
	"testing"

	"hoithi/contests/quiz"
)

// TestSeedDemoUnitHeadReportsForKhuPho1: the demo's tổ trưởng of Khu phố 1
// sees the ward's contest for report, and the statistics of the past round
// are Khu phố 1's seeded participants, counted here from the plays.
func TestSeedDemoUnitHeadReportsForKhuPho1(t *testing.T) {
	ctx := context.Background()
	st, deps, plays := seedTempDemo(t)
	kp1, err := st.UnitByCode(ctx, "AB-KP1")
	if err != nil {
		t.Fatal(err)
	}
	head := demoAccount(t, st, 3)
	if len(head.Grants) != 1 || head.Grants[0].UnitID != kp1.ID {
		t.Fatalf("the unit head %+v", head)
	}
	get := getAs(t, deps, head)
	var list struct {
		Contests []struct {
			ID, Slug, Access string
			ReportUnit       struct{ ID, Name string }
		}
	}
	get("/api/v1/org/contests", &list)
	if len(list.Contests) != 1 || list.Contests[0].Slug != "demo" || list.Contests[0].Access != "report" ||
		list.Contests[0].ReportUnit.ID != kp1.ID || list.Contests[0].ReportUnit.Name != "Khu phố 1" {
		t.Fatalf("contests %+v", list.Contests)
	}
	rounds, err := st.RoundsOf(ctx, list.Contests[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var want quiz.Counts
	for _, p := range plays {
		if p.unitPath == kp1.Path {
			want.Add(countPlay(p))
		}
	}
	var stats struct {
		Scope struct{ Access, UnitID string }
		Stats quiz.Counts
	}
	get("/api/v1/org/rounds/"+rounds[0].ID+"/stats", &stats)
	if stats.Scope.Access != "report" || stats.Scope.UnitID != kp1.ID || stats.Stats != want || want.People == 0 {
		t.Errorf("stats %+v, want %+v", stats, want)
	}
}

// countPlay counts one seeded participant's week.
func countPlay(p demoPlay) quiz.Counts {
	var c quiz.Counts
	for _, a := range p.attempts {
		if a.Status == quiz.AttemptInProgress {
			continue
		}
		c.People, c.Attempts = 1, c.Attempts+1
		if a.Total > 0 && a.Correct == a.Total {
			c.AllCorrect = 1
		}
	}
	return c
}
