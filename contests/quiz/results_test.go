package quiz

import "testing"

func TestResultsBuilderRemarksRanksAndExcludes(t *testing.T) {
	r := roundFixture()
	r.Prediction = Prediction{Enabled: true, Text: "?", Target: TargetParticipants}
	r.Rule = RankRule{Keys: []RankKey{KeyScoreDesc, KeyPredictionErrorAsc, KeyDurationAsc}}
	r.Tiers = []Tier{{Key: "nhat", Name: "Giải Nhất", Count: 1}}
	paper, key := paperFixture(t)
	play := func(user string, answer string, finish bool, predict int64) *Participation {
		p := &Participation{RoundID: r.ID, UserID: user, UnitPath: "/p/"}
		p.Start(r, user+"-1", paper, key, at(0))
		for i, q := range []string{"q1", "q2", "q3"} {
			p.SaveAnswer(1, q, []string{answer}, int64(i+1), at(10))
		}
		p.SavePrediction(1, predict, 1, at(11))
		if finish {
			p.Submit(1, key, at(60), r.Policy)
		}
		return p
	}
	// a answers A (right at play time), b answers B, c answers B and never
	// submits. Then the key is fixed: B is right.
	records := []*Participation{play("a", "A", true, 3), play("b", "B", true, 9), play("c", "B", false, 3)}
	fixed := AnswerKey{"q1": {"B"}, "q2": {"B"}, "q3": {"B"}}
	rb := NewResultsBuilder(r, fixed)
	for _, p := range records {
		if err := rb.Add(p); err != nil {
			t.Fatal(err)
		}
	}
	out, err := rb.Finish(map[string]bool{"c": true})
	if err != nil {
		t.Fatal(err)
	}
	if out.Summary.Participants != 3 || out.Summary.Attempts != 3 || *out.Target != 3 {
		t.Fatalf("summary %+v target %v", out.Summary, *out.Target)
	}
	var order []string
	for _, rk := range out.Ranking.All() {
		order = append(order, rk.UserID)
	}
	// b and c have 3 right under the fixed key; c predicted 3 (error 0) and
	// ran to the deadline, b predicted 9; a has 0.
	if len(order) != 3 || order[0] != "c" || order[1] != "b" || order[2] != "a" {
		t.Fatalf("ranking %v", order)
	}
	if len(out.Winners) != 1 || out.Winners[0].UserID != "b" {
		t.Fatalf("excluded c must leave the prize to b: %+v", out.Winners)
	}
}

// TestResultsVoidAndReviewExclusions: under the hard rule a 3-question
// paper submitted in 5 s (under 2 s a question) does not count at all —
// neither ranked nor in the round's figures (the prediction target) — and a
// person excluded at the prize review is not ranked but did take part.
func TestResultsVoidAndReviewExclusions(t *testing.T) {
	r := roundFixture()
	r.Rule = RankRule{Keys: []RankKey{KeyScoreDesc, KeyDurationAsc}}
	r.Tiers = []Tier{{Key: "nhat", Name: "Giải Nhất", Count: 1}}
	r.Integrity = Integrity{VoidTooFast: true}
	paper, key := paperFixture(t)
	play := func(user string, seconds int) *Participation {
		p := &Participation{RoundID: r.ID, UserID: user, UnitPath: "/p/"}
		p.Start(r, user+"-1", paper, key, at(0))
		for i, q := range []string{"q1", "q2", "q3"} {
			p.SaveAnswer(1, q, key[q], int64(i+1), at(1))
		}
		p.Submit(1, key, at(float64(seconds)), r.Policy)
		return p
	}
	if err := r.Exclude("cheat", "Dùng hai tài khoản để dự thi", "btc", at(0)); err != nil {
		t.Fatal(err)
	}
	rb := NewResultsBuilder(r, key)
	for _, p := range []*Participation{play("bot", 5), play("cheat", 20), play("slow", 90), play("fair", 30)} {
		if err := rb.Add(p); err != nil {
			t.Fatal(err)
		}
	}
	out, err := rb.Finish(nil)
	if err != nil {
		t.Fatal(err)
	}
	if ranked := out.Ranking.All(); len(ranked) != 2 || ranked[0].UserID != "fair" || ranked[1].UserID != "slow" || out.Winners[0].UserID != "fair" {
		t.Fatalf("ranked %+v", ranked)
	}
	if out.Summary.Participants != 3 {
		t.Fatalf("summary %+v", out.Summary)
	}
	if r.Exclude("cheat", "Dùng hai tài khoản để dự thi", "btc", at(0)) == nil || r.Exclude("x", "ngắn", "btc", at(0)) == nil {
		t.Fatal("a second exclusion and a short reason are refused")
	}
}
