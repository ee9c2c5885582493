package essay

import "testing"

func TestStandingsJoinSeatsAndSheets(t *testing.T) {
	seat := func(w, j string, kind ScoreKind, recused bool) Seat {
		return Seat{RoundID: "r", WorkID: w, JudgeID: j, Kind: kind, Recused: recused}
	}
	sheet := func(w, j string, total float64, status ScoreStatus) Score {
		return Score{RoundID: "r", WorkID: w, JudgeID: j, Total: total, Status: status}
	}
	seats := []Seat{
		seat("w1", "j1", ScoreRegular, false), seat("w1", "j2", ScoreRegular, false), // decided: 90 and 60, gap 30
		seat("w2", "j1", ScoreRegular, false), seat("w2", "j3", ScoreRegular, false), // j3 only has a draft
		seat("w3", "j2", ScoreRegular, true), seat("w3", "j3", ScoreRegular, false), // j2 recused
		seat("w1", "j3", ScoreThird, false), // third judge seated, not scored yet
	}
	sheets := []Score{
		sheet("w1", "j1", 90, ScoreSubmitted), sheet("w1", "j2", 60, ScoreSubmitted),
		sheet("w2", "j1", 80, ScoreSubmitted), sheet("w2", "j3", 70, ScoreDraft),
		sheet("w3", "j2", 10, ScoreSubmitted), sheet("w3", "j3", 75, ScoreSubmitted),
	}
	got, err := Standings(seats, sheets, PolicyThirdJudgeStands, 20)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].WorkID != "w1" || got[1].WorkID != "w2" || got[2].WorkID != "w3" {
		t.Fatalf("works %+v", got)
	}
	if got[0].Outcome != nil || len(got[0].Pending) != 1 || got[0].Pending[0] != "j3" {
		t.Fatalf("w1 waits for its third judge: %+v", got[0])
	}
	if got[1].Outcome != nil || got[1].Pending[0] != "j3" {
		t.Fatalf("a draft is pending: %+v", got[1])
	}
	if got[2].Outcome == nil || *got[2].Outcome.Final != 75 || len(got[2].Scores) != 1 {
		t.Fatalf("a recused judge's sheet does not count: %+v", got[2])
	}
	// Once the third judge scores, the third judge's score stands.
	sheets = append(sheets, sheet("w1", "j3", 70, ScoreSubmitted))
	got, _ = Standings(seats, sheets, PolicyThirdJudgeStands, 20)
	if got[0].Outcome == nil || *got[0].Outcome.Final != 70 {
		t.Fatalf("third judge: %+v", got[0].Outcome)
	}
}
