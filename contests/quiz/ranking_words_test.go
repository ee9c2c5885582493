package quiz

import (
	"testing"

	"hoithi/contests/contesttest"
)

func TestRankSaysWhichKeyDecided(t *testing.T) {
	// The complaint: 03:31 ranked below 03:35 — because the
	// prediction decided first.
	entries := []Entry{
		{UserID: "a", Score: 10, PredictionError: i64(2), DurationMs: 215_000},
		{UserID: "b", Score: 10, PredictionError: i64(5), DurationMs: 211_000},
		{UserID: "c", Score: 10, PredictionError: i64(5), DurationMs: 230_000},
		{UserID: "d", Score: 9, PredictionError: i64(0), DurationMs: 100_000},
		{UserID: "e", Score: 9, PredictionError: i64(0), DurationMs: 100_000},
		{UserID: "f", Score: 3, PredictionError: i64(9), DurationMs: 90_000},
	}
	ranked, err := Rank(entries, RuleQuangNam())
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		user    string
		rank    int
		decided RankKey
		showPr  bool
	}{
		{"a", 1, "", true},
		{"b", 2, KeyPredictionErrorAsc, true},
		{"c", 3, KeyDurationAsc, false},
		{"d", 4, KeyScoreDesc, false},
		{"e", 4, "", false},
		{"f", 6, KeyScoreDesc, false},
	}
	for i, w := range want {
		r := ranked[i]
		if r.UserID != w.user || r.Rank != w.rank || r.DecidedBy != w.decided || PredictionBrokeTie(ranked, i) != w.showPr {
			t.Errorf("row %d: %s rank %d decided by %q, prediction shown %v; want %+v", i, r.UserID, r.Rank, r.DecidedBy, PredictionBrokeTie(ranked, i), w)
		}
	}
}

func TestDescribeRule(t *testing.T) {
	got := RankRule{Keys: []RankKey{KeyCorrectDesc, KeyPredictionErrorAsc, KeyDurationAsc}}.Describe()
	if got.VI != "Xếp hạng theo: số câu đúng, rồi sai số dự đoán, rồi thời gian làm bài" ||
		got.EN != "Ranked by: correct answers, then prediction error, then time used" {
		t.Errorf("%+v", got)
	}
	if got := RuleVCNET().Describe(); got.VI != "Chỉ xếp hạng người trả lời đúng tất cả. Xếp hạng theo: sai số dự đoán, rồi thời điểm nộp bài" {
		t.Errorf("%+v", got)
	}
	for _, k := range []RankKey{KeyScoreDesc, KeyCorrectDesc, KeyPredictionErrorAsc, KeyDurationAsc, KeySubmittedAsc, KeyStartedAsc, KeyPerfectAttemptsDesc} {
		if l := k.label(); l.VI == string(k) || l.EN == string(k) {
			t.Errorf("key %s has no words", k)
		}
	}
}

func TestNames(t *testing.T) {
	for in, want := range map[string]string{
		"Nguyễn Văn An": "Nguyễn V. A.", "  trần   thị  bích ngọc ": "trần T. B. N.", "Hà": "Hà", "": "",
		"Lê Ánh": "Lê Á.",
	} {
		if got := ShortName(in); got != want {
			t.Errorf("ShortName(%q) = %q, want %q", in, got, want)
		}
	}
	cases := []struct {
		d        NameDisplay
		loggedIn bool
		want     string
	}{
		{NamesDefault, false, "Nguyễn V. A."}, {NamesDefault, true, "Nguyễn Văn An"},
		{NamesFull, false, "Nguyễn Văn An"}, {NamesShort, true, "Nguyễn V. A."},
	}
	for _, c := range cases {
		if got := c.d.Show("Nguyễn Văn An", c.loggedIn); got != c.want {
			t.Errorf("%q logged in %v: %q", c.d, c.loggedIn, got)
		}
	}
	if NameDisplay("initials").Valid() || contesttest.InvalidFields(t, Settings{PublicNames: "x"}.Validate())[0] != "settings.publicNames" {
		t.Error("unknown name display accepted")
	}
}
