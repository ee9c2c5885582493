package essay

import (
	"fmt"
	"math"
	"testing"
)

func regular(totals ...float64) []JudgeScore {
	out := make([]JudgeScore, len(totals))
	for i, v := range totals {
		out[i] = JudgeScore{JudgeID: fmt.Sprint("j", i), Total: v}
	}
	return out
}

func with(scores []JudgeScore, kind ScoreKind, total float64) []JudgeScore {
	return append(scores, JudgeScore{JudgeID: "extra-" + string(kind), Total: total, Kind: kind})
}

func TestAggregate(t *testing.T) {
	const none = -1.0 // Final is nil
	tests := []struct {
		name       string
		scores     []JudgeScore
		policy     Policy
		threshold  float64
		final      float64
		needsThird bool
		needsHead  bool
		gap        float64
	}{
		{"average ignores any gap", regular(90, 50), PolicyAverage, 0, 70, false, false, 40},
		{"average of three regular judges", regular(7, 8, 8.5), PolicyAverage, 0, 7.833333, false, false, 1.5},
		{"average ignores extra scores", with(regular(80, 60), ScoreThird, 100), PolicyAverage, 20, 70, false, false, 20},
		{"single judge", regular(6.25), PolicyThirdJudgeStands, 1.5, 6.25, false, false, 0},

		{"third: gap below threshold averages", regular(85, 65.5), PolicyThirdJudgeStands, 20, 75.25, false, false, 19.5},
		{"third: gap equal to threshold needs a third", regular(85, 65), PolicyThirdJudgeStands, 20, none, true, false, 20},
		{"third: the third judge's score stands", with(regular(85, 65), ScoreThird, 68), PolicyThirdJudgeStands, 20, 68, false, false, 20},
		{"third: an unneeded third score is ignored", with(regular(85, 80), ScoreThird, 40), PolicyThirdJudgeStands, 20, 82.5, false, false, 5},
		{"third: a head score does not settle it", with(regular(85, 60), ScoreHead, 70), PolicyThirdJudgeStands, 20, none, true, false, 25},
		{"third: float gap exactly at threshold", regular(0.3, 0.1), PolicyThirdJudgeStands, 0.2, none, true, false, 0.2},

		{"majority: two of three match", with(regular(8, 6), ScoreThird, 6), PolicyMajorityOrAverage, 1.75, 6, false, false, 2},
		{"majority: third matches the other", with(regular(8, 6), ScoreThird, 8), PolicyMajorityOrAverage, 1.75, 8, false, false, 2},
		{"majority: none match, average of three", with(regular(8, 6), ScoreThird, 7.25), PolicyMajorityOrAverage, 1.75, 7.083333, false, false, 2},
		{"majority: waits for the third", regular(8, 6), PolicyMajorityOrAverage, 1.75, none, true, false, 2},
		{"majority: gap 1.5 is not above 1.5", regular(8, 6.5), PolicyMajorityOrAverage, 1.75, 7.25, false, false, 1.5},

		{"two closest: waits for the third", regular(80, 50), PolicyTwoClosest, 20, none, true, false, 30},
		{"two closest: third near the high score", with(regular(80, 50), ScoreThird, 76), PolicyTwoClosest, 20, 78, false, false, 30},
		{"two closest: third near the low score", with(regular(80, 50), ScoreThird, 55), PolicyTwoClosest, 20, 52.5, false, false, 30},
		{"two closest: equal distances take the higher pair", with(regular(80, 50), ScoreThird, 65), PolicyTwoClosest, 20, 72.5, false, false, 30},
		{"two closest: small gap averages the two", regular(80, 70), PolicyTwoClosest, 20, 75, false, false, 10},

		{"all three: waits for the third", regular(80, 50), PolicyAverageAll, 20, none, true, false, 30},
		{"all three: average of the three", with(regular(80, 50), ScoreThird, 71), PolicyAverageAll, 20, 67, false, false, 30},
		{"all three: small gap averages the two", regular(8.5, 8), PolicyAverageAll, 1.5, 8.25, false, false, 0.5},

		{"head: gap needs the head", regular(9, 7), PolicyHeadJudge, 1.5, none, false, true, 2},
		{"head: a third score does not settle it", with(regular(9, 7), ScoreThird, 8), PolicyHeadJudge, 1.5, none, false, true, 2},
		{"head: the head's score stands", with(regular(9, 7), ScoreHead, 7.5), PolicyHeadJudge, 1.5, 7.5, false, false, 2},
		{"head: small gap averages", regular(9, 8), PolicyHeadJudge, 1.5, 8.5, false, false, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Aggregate(tc.scores, tc.policy, tc.threshold)
			if err != nil {
				t.Fatal(err)
			}
			final := none
			if got.Final != nil {
				final = *got.Final
			}
			if math.Abs(final-tc.final) > 1e-6 || got.NeedsThird != tc.needsThird || got.NeedsHead != tc.needsHead || math.Abs(got.Gap-tc.gap) > 1e-9 {
				t.Fatalf("Aggregate = {final %v third %v head %v gap %v}, want {%v %v %v %v}",
					final, got.NeedsThird, got.NeedsHead, got.Gap, tc.final, tc.needsThird, tc.needsHead, tc.gap)
			}
		})
	}
}

func TestAggregateRejects(t *testing.T) {
	tests := []struct {
		name      string
		scores    []JudgeScore
		policy    Policy
		threshold float64
		field     string
	}{
		{"no regular score", with(nil, ScoreThird, 5), PolicyThirdJudgeStands, 1, "scores"},
		{"two third scores", with(with(regular(1, 9), ScoreThird, 5), ScoreThird, 6), PolicyThirdJudgeStands, 1, "scores"},
		{"unknown kind", with(regular(5), "fourth", 5), PolicyAverage, 0, "scores"},
		{"NaN score", regular(math.NaN()), PolicyAverage, 0, "scores"},
		{"unknown policy", regular(5), "median", 1, "policy"},
		{"zero threshold", regular(5, 6), PolicyHeadJudge, 0, "threshold"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Aggregate(tc.scores, tc.policy, tc.threshold)
			wantFields(t, err, tc.field)
		})
	}
}
