package quiz

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"hoithi/contests/contesttest"
)

// placing renders a ranking as "user:rank" in output order.
func placing(r []Ranked) []string {
	out := make([]string, len(r))
	for i, e := range r {
		out[i] = fmt.Sprintf("%s:%d", e.UserID, e.Rank)
	}
	return out
}

func TestRankExamples(t *testing.T) {
	cases := []struct {
		name    string
		rule    RankRule
		entries []Entry
		want    []string
	}{
		{
			// All-correct only → closest prediction → earliest submission.
			name: "VCNET",
			rule: RuleVCNET(),
			entries: []Entry{
				{UserID: "u1", AllCorrect: true, PredictionError: i64(10), SubmittedAt: at(100)},
				{UserID: "u2", AllCorrect: true, PredictionError: i64(3), SubmittedAt: at(200)},
				{UserID: "u3", AllCorrect: false, PredictionError: i64(0), SubmittedAt: at(1)}, // filtered out
				{UserID: "u4", AllCorrect: true, PredictionError: i64(3), SubmittedAt: at(150)},
				{UserID: "u5", AllCorrect: true, SubmittedAt: at(2)}, // no prediction: last
				// 0.4 ms after u4: equal at store precision, so tied.
				{UserID: "u6", AllCorrect: true, PredictionError: i64(3), SubmittedAt: at(150).Add(400 * time.Microsecond)},
			},
			want: []string{"u4:1", "u6:1", "u2:3", "u1:4", "u5:5"},
		},
		{
			// Score → closest prediction → shortest duration → earlier start
			// → more perfect attempts.
			name: "Quảng Nam",
			rule: RuleQuangNam(),
			entries: []Entry{
				{UserID: "a", Score: 10, PredictionError: i64(5), DurationMs: 60_000, StartedAt: at(0), PerfectAttempts: 1},
				{UserID: "b", Score: 10, PredictionError: i64(2), DurationMs: 90_000, StartedAt: at(0)},
				{UserID: "c", Score: 10, PredictionError: i64(5), DurationMs: 50_000, StartedAt: at(9)},
				{UserID: "d", Score: 10, PredictionError: i64(5), DurationMs: 60_000, StartedAt: at(-10)},
				{UserID: "e", Score: 10, PredictionError: i64(5), DurationMs: 60_000, StartedAt: at(0), PerfectAttempts: 3},
				{UserID: "f", Score: 9, PredictionError: i64(0), DurationMs: 1_000, StartedAt: at(0)},
				{UserID: "g", Score: 10, DurationMs: 1_000, StartedAt: at(0)},
			},
			want: []string{"b:1", "c:2", "d:3", "e:4", "a:5", "g:6", "f:7"},
		},
		{
			// Score → shortest duration → earliest start; predictions play no part.
			name: "Bình Tân",
			rule: RuleBinhTan(),
			entries: []Entry{
				{UserID: "a", Score: 10, DurationMs: 60_000, StartedAt: at(5), PredictionError: i64(0)},
				{UserID: "e", Score: 10, DurationMs: 60_000, StartedAt: at(3), PredictionError: i64(50)},
				{UserID: "b", Score: 10, DurationMs: 60_000, StartedAt: at(3), PredictionError: i64(1)},
				{UserID: "c", Score: 10, DurationMs: 45_000, StartedAt: at(9)},
				{UserID: "d", Score: 9, DurationMs: 10_000, StartedAt: at(0)},
			},
			want: []string{"c:1", "b:2", "e:2", "a:4", "d:5"},
		},
		{
			name: "correct then submission",
			rule: RankRule{Keys: []RankKey{KeyCorrectDesc, KeySubmittedAsc}},
			entries: []Entry{
				{UserID: "x", Correct: 7, Score: 100, SubmittedAt: at(1)},
				{UserID: "y", Correct: 8, Score: 1, SubmittedAt: at(9)},
				{UserID: "z", Correct: 8, Score: 1, SubmittedAt: at(5)},
			},
			want: []string{"z:1", "y:2", "x:3"},
		},
		{
			name:    "all-correct filter can leave nobody",
			rule:    RankRule{Keys: []RankKey{KeyScoreDesc}, AllCorrectOnly: true},
			entries: []Entry{{UserID: "x", Score: 9}},
			want:    []string{},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Rank(c.entries, c.rule)
			if err != nil {
				t.Fatal(err)
			}
			if p := placing(got); !slices.Equal(p, c.want) {
				t.Errorf("ranking = %v, want %v", p, c.want)
			}
			reversed := slices.Clone(c.entries)
			slices.Reverse(reversed)
			again, _ := Rank(reversed, c.rule)
			if !slices.Equal(placing(again), placing(got)) {
				t.Errorf("input order changed the ranking: %v", placing(again))
			}
		})
	}
}

func TestRankRuleValidate(t *testing.T) {
	cases := []struct {
		rule   RankRule
		fields []string
	}{
		{RuleVCNET(), nil},
		{RankRule{}, []string{"keys"}},
		{RankRule{Keys: []RankKey{KeyScoreDesc, "age_asc", KeyScoreDesc}}, []string{"keys[1]", "keys[2]"}},
	}
	for _, c := range cases {
		if got := contesttest.InvalidFields(t, c.rule.Validate()); !slices.Equal(got, c.fields) {
			t.Errorf("%+v: fields %v, want %v", c.rule, got, c.fields)
		}
		if _, err := Rank(nil, c.rule); (err == nil) != (c.fields == nil) {
			t.Errorf("%+v: Rank err %v", c.rule, err)
		}
	}
	if _, err := Rank([]Entry{{UserID: "a"}, {UserID: "a"}}, RuleBinhTan()); !slices.Equal(contesttest.InvalidFields(t, err), []string{"entries"}) {
		t.Errorf("duplicate user: %v", err)
	}
}
