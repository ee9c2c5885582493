package quiz

import (
	"encoding/hex"
	"strings"
	"testing"
)

func TestCommitmentAndDigest(t *testing.T) {
	key := RoundKey([]byte("bí mật"), "round-1")
	c := SeedCommitment(key)
	if !CheckReveal(c, hex.EncodeToString(key)) || CheckReveal(c, hex.EncodeToString(RoundKey([]byte("bí mật"), "round-2"))) ||
		CheckReveal(c, "not hex") || CheckReveal(c, "") {
		t.Fatal("the commitment must accept its key and nothing else")
	}
	if strings.Contains(c, hex.EncodeToString(key)[:16]) {
		t.Fatal("the commitment shows the key")
	}

	r := &Round{Policy: PolicyBest, Rule: RuleBinhTan(), Tiers: WeeklyTiers()}
	rows := []Standing{{Rank: 1, UserID: "a", Score: 10, DurationMs: 100_000, Prize: "nhat"}, {Rank: 2, UserID: "b", Score: 9, DurationMs: 90_000}}
	d := ResultsDigest(r, rows)
	changed := []func(){
		func() { rows[1].Prize = "nhi" },
		func() { rows[0].DurationMs++ },
		func() { r.Exclusions = []Exclusion{{UserID: "c", Reason: "hai tài khoản"}} },
		func() { r.Rule = RuleQuangNam() },
		func() { r.SeedReveal = "00" },
	}
	for i, change := range changed {
		change()
		if next := ResultsDigest(r, rows); next == d {
			t.Errorf("change %d left the digest as it was", i)
		} else {
			d = next
		}
	}
	rows[0].FullName = "Nguyễn Văn An" // names are not what decided the results
	if ResultsDigest(r, rows) != d {
		t.Error("a name changed the digest")
	}

	want := []Standing{{Rank: 1, UserID: "a"}, {Rank: 2, UserID: "b"}}
	got := []Standing{{Rank: 1, UserID: "a", FullName: "x"}, {Rank: 2, UserID: "c"}, {Rank: 3, UserID: "d"}}
	diff := DiffStandings(want, got, 10)
	if len(diff) != 2 || !strings.HasPrefix(diff[0], "line 2:") || !strings.HasPrefix(diff[1], "line 3:") {
		t.Errorf("diff %v", diff)
	}
	if len(DiffStandings(want, got, 1)) != 1 || len(DiffStandings(want, want, 5)) != 0 {
		t.Error("diff limits")
	}
}
