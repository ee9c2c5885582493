package quiz

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"hoithi/contests"
	"hoithi/contests/contesttest"
)

// ranking builds a Ranked list from "user:rank" pairs.
func ranking(pairs ...string) []Ranked {
	out := make([]Ranked, len(pairs))
	for i, p := range pairs {
		user, rank, _ := strings.Cut(p, ":")
		n, _ := strconv.Atoi(rank)
		out[i] = Ranked{Rank: n, Entry: Entry{UserID: user, UnitPath: "/p/" + user + "/"}}
	}
	return out
}

// awards renders winners as "user=tier", with "*" when tied at a boundary
// and "+" for a prior prize.
func awards(ws []Winner) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = fmt.Sprintf("%s=%s", w.UserID, w.Tier)
		if w.TiedAtBoundary {
			out[i] += "*"
		}
		if w.PriorPrize {
			out[i] += "+"
		}
	}
	return out
}

func TestAllocate(t *testing.T) {
	three := []Tier{{"nhat", "Giải Nhất", 1}, {"nhi", "Giải Nhì", 2}, {"ba", "Giải Ba", 3}}
	small := []Tier{{"nhat", "Giải Nhất", 1}, {"nhi", "Giải Nhì", 1}, {"ba", "Giải Ba", 2}}
	tieAtNhi := ranking("a:1", "b:2", "c:2", "d:2", "e:5", "f:6", "g:7", "h:8")
	tieAtTop := ranking("a:1", "b:1", "c:1", "d:4", "e:5")
	cases := []struct {
		name   string
		ranked []Ranked
		tiers  []Tier
		opts   AllocateOptions
		want   []string
	}{
		{"strict splits the tie by ranked order", tieAtNhi, three, AllocateOptions{},
			[]string{"a=nhat", "b=nhi*", "c=nhi*", "d=ba*", "e=ba", "f=ba"}},
		{"share gives the tied group the tier, Ba shrinks", tieAtNhi, three, AllocateOptions{TiePolicy: TieShare},
			[]string{"a=nhat", "b=nhi*", "c=nhi*", "d=nhi*", "e=ba", "f=ba"}},
		{"share: a tie on top can swallow the next tier", tieAtTop, small, AllocateOptions{TiePolicy: TieShare},
			[]string{"a=nhat*", "b=nhat*", "c=nhat*", "d=ba"}},
		{"strict with the same tie", tieAtTop, small, AllocateOptions{TiePolicy: TieStrict},
			[]string{"a=nhat*", "b=nhi*", "c=ba*", "d=ba"}},
		{"share: the last tier grows too", ranking("a:1", "b:2", "c:2", "d:4"), []Tier{{"nhat", "Nhất", 1}, {"nhi", "Nhì", 1}}, AllocateOptions{TiePolicy: TieShare},
			[]string{"a=nhat", "b=nhi*", "c=nhi*"}},
		{"one prize per person: next in rank takes it", ranking("a:1", "b:2", "c:3", "d:4"), small,
			AllocateOptions{Excluded: map[string]bool{"b": true}}, []string{"a=nhat", "c=nhi", "d=ba"}},
		{"excluded member of a tie leaves no tie", ranking("a:1", "b:2", "c:2", "d:4"), small,
			AllocateOptions{Excluded: map[string]bool{"b": true}, TiePolicy: TieShare}, []string{"a=nhat", "c=nhi", "d=ba"}},
		{"only the highest: earlier winners stay eligible, flagged", ranking("a:1", "b:2", "c:3"), small,
			AllocateOptions{Excluded: map[string]bool{"a": true}, OnlyHighest: true}, []string{"a=nhat+", "b=nhi", "c=ba"}},
		{"fewer people than prizes", ranking("a:1", "b:2"), WeeklyTiers(), AllocateOptions{}, []string{"a=nhat", "b=nhi"}},
		{"nobody", nil, WeeklyTiers(), AllocateOptions{TiePolicy: TieShare}, []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Allocate(c.ranked, c.tiers, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if a := awards(got); !slices.Equal(a, c.want) {
				t.Errorf("awards = %v, want %v", a, c.want)
			}
		})
	}
}

func TestAllocateCarriesTheReason(t *testing.T) {
	r := ranking("a:1", "b:2", "c:3")
	r[1].Score, r[1].DurationMs = 9, 45_000
	ws, err := Allocate(r, WeeklyTiers(), AllocateOptions{Excluded: map[string]bool{"a": true}})
	if err != nil {
		t.Fatal(err)
	}
	w := ws[0]
	if w.Tier != "nhat" || w.TierName != "Giải Nhất" || w.Rank != 2 || w.UserID != "b" || w.Score != 9 || w.DurationMs != 45_000 || w.UnitPath != "/p/b/" {
		t.Errorf("winner = %+v", w)
	}
}

func TestAllocateErrors(t *testing.T) {
	cases := []struct {
		name   string
		tiers  []Tier
		opts   AllocateOptions
		fields []string
	}{
		{"no tiers", nil, AllocateOptions{}, []string{"tiers"}},
		{"bad tiers", []Tier{{"nhat", "Nhất", 1}, {" nhat ", "", -1}, {"", "KK", 10001}},
			AllocateOptions{}, []string{"tiers[1].key", "tiers[1].name", "tiers[1].count", "tiers[2].key", "tiers[2].count"}},
		{"bad policy", WeeklyTiers(), AllocateOptions{TiePolicy: "random"}, []string{"tiePolicy"}},
	}
	for _, c := range cases {
		_, err := Allocate(ranking("a:1"), c.tiers, c.opts)
		if got := contesttest.InvalidFields(t, err); !slices.Equal(got, c.fields) {
			t.Errorf("%s: fields %v, want %v", c.name, got, c.fields)
		}
	}
	if _, err := Allocate(ranking("a:2", "b:1"), WeeklyTiers(), AllocateOptions{}); contests.ErrorCode(err) != contests.CodeInternal {
		t.Errorf("unsorted ranking: %v", err)
	}
}

// TestRankThenAllocate runs the whole chain on a VCNET-style week.
func TestRankThenAllocate(t *testing.T) {
	target := int64(1000)
	people := map[string][]AttemptSummary{
		"lan":  {{AttemptNo: 1, Correct: 20, Total: 20, Score: 20, SubmittedAt: at(50), Prediction: i64(990)}},
		"minh": {{AttemptNo: 1, Correct: 20, Total: 20, Score: 20, SubmittedAt: at(40), Prediction: i64(1010)}},
		"hoa":  {{AttemptNo: 1, Correct: 19, Total: 20, Score: 19, SubmittedAt: at(10), Prediction: i64(1000)}},
		"tuan": {{AttemptNo: 1, Correct: 20, Total: 20, Score: 20, SubmittedAt: at(90), Prediction: i64(1001)}},
	}
	var entries []Entry
	for _, user := range []string{"hoa", "lan", "minh", "tuan"} {
		e, err := RoundEntry(user, "/p/"+user+"/", people[user], PolicyBest, &target)
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
	}
	ranked, err := Rank(entries, RuleVCNET())
	if err != nil {
		t.Fatal(err)
	}
	ws, _ := Allocate(ranked, []Tier{{"nhat", "Nhất", 1}, {"nhi", "Nhì", 1}, {"ba", "Ba", 1}}, AllocateOptions{})
	// tuan is 1 away; minh and lan 10 away, minh submitted first; hoa is
	// closest but not all-correct.
	if got, want := awards(ws), []string{"tuan=nhat", "minh=nhi", "lan=ba"}; !slices.Equal(got, want) {
		t.Errorf("awards = %v, want %v", got, want)
	}
}
