package sqlite

import (
	"encoding/json"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// A standing line is written byte for byte as json.Marshal writes it.
func TestEncodeStandingIsJSONMarshal(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 123e6, time.UTC)
	pred, miss := int64(1234), int64(0)
	full := quiz.Standing{RoundID: "r1", Rank: 3, UserID: "u1", FullName: "Nguyễn Thị Ánh", UnitPath: "/vn/hcm/q1/", AttemptNo: 2, Attempts: 3,
		Score: 18, Correct: 18, Total: 20, DurationMs: 361_250, StartedAt: at, SubmittedAt: at.Add(6 * time.Minute), Prediction: &pred,
		PredictionError: &miss, Prize: "nhat", PrizeName: "Giải Nhất", PredictionDecided: true,
		Flags: []quiz.Flag{
			{Kind: quiz.FlagQuickSubmit, AttemptNo: 2, Reason: contests.T("Nộp bài sau %.1f giây", "Submitted after %.1f s", 4.5)},
			{Kind: quiz.FlagSamePerson, Reason: contests.T("Trùng họ tên", "Same name"), Others: []string{"a", "b"}},
		}}
	cases := map[string]quiz.Standing{
		"every field":    full,
		"the least":      {},
		"negative error": {Rank: -1, DurationMs: -5, PredictionError: &[]int64{-3}[0]},
		"text to escape": {FullName: "Lê \"Tí\" <b>&</b> \\ \n\t\x01 \u2028\u2029 \xff\xfe", UnitPath: "/x/\u00e9/", Prize: "<>",
			Flags: []quiz.Flag{{Kind: "k&", Reason: contests.Msg{VI: "\u2028", EN: "\x7f"}, Others: []string{"\"", ""}}}},
		"empty lists":    {Flags: []quiz.Flag{}},
		"empty others":   {Flags: []quiz.Flag{{Kind: quiz.FlagTooFast, Others: []string{}}}},
		"local instant":  {StartedAt: time.Date(2026, 3, 2, 16, 0, 0, 5, time.FixedZone("ICT", 7*3600))},
		"year past 9999": {StartedAt: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		"no fraction":    {SubmittedAt: time.Date(2026, 3, 2, 16, 0, 0, 0, time.UTC)},
	}
	for name, s := range cases {
		t.Run(name, func(t *testing.T) {
			want, wantErr := json.Marshal(s)
			got, err := encodeStanding(&s)
			if (err != nil) != (wantErr != nil) {
				t.Fatalf("error %v, json.Marshal's %v", err, wantErr)
			}
			if err == nil && got != string(want) {
				t.Fatalf("wrote\n%s\njson.Marshal writes\n%s", got, want)
			}
		})
	}
}
