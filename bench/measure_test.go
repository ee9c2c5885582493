package bench

import (
	"encoding/json"
	"testing"
)

func TestParseCounter(t *testing.T) {
	text := []byte(`# HELP hoithi_quiz_record_writes_total Quiz participation record writes by outcome.
# TYPE hoithi_quiz_record_writes_total counter
hoithi_quiz_record_writes_total{outcome="conflict"} 3
hoithi_quiz_record_writes_total{outcome="ok"} 1.234e+06
hoithi_quiz_record_writes_total_extra{outcome="ok"} 7
`)
	cases := []struct {
		sample string
		want   float64
		found  bool
	}{
		{recordWritesMetric, 1_234_000, true},
		{`hoithi_quiz_record_writes_total{outcome="conflict"}`, 3, true},
		{`hoithi_missing_total`, 0, false},
	}
	for _, tc := range cases {
		got, found, err := parseCounter(text, tc.sample)
		if err != nil || found != tc.found || got != tc.want {
			t.Errorf("%s: got %v found %v err %v, want %v %v", tc.sample, got, found, err, tc.want, tc.found)
		}
	}
}

func TestAppendAnswerIsTheAPIsJSON(t *testing.T) {
	for _, opt := range []string{"A", `quote"d`, "Đáp án"} {
		var got struct {
			Options []string `json:"options"`
			Seq     int64    `json:"seq"`
		}
		b := appendAnswer(nil, opt, 17)
		if err := json.Unmarshal(b, &got); err != nil || len(got.Options) != 1 || got.Options[0] != opt || got.Seq != 17 {
			t.Fatalf("%s → %+v, %v", b, got, err)
		}
	}
}
