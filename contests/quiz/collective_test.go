package quiz

import (
	"fmt"
	"maps"
	"slices"
	"testing"

	"hoithi/contests"
	"hoithi/contests/contesttest"
)

func unit(path, code string, headcount int) contests.Unit {
	ids := contests.AncestorIDs(path)
	return contests.Unit{ID: ids[len(ids)-1], Code: code, Name: "Đơn vị " + code, Path: path, Headcount: headcount}
}

// collectiveTree: a province with four wards; W1 has its own headcount (its
// school's is not added again), W2 only through its descendants, W3 none.
func collectiveTree() []contests.Unit {
	return []contests.Unit{
		unit("/P/", "P", 5000),
		unit("/P/W1/", "W1", 200),
		unit("/P/W1/S1/", "S1", 50),
		unit("/P/W2/", "W2", 0),
		unit("/P/W2/T1/", "T1", 30),
		unit("/P/W2/T2/", "T2", 0),
		unit("/P/W2/T2/X/", "X", 20),
		unit("/P/W3/", "W3", 0),
		unit("/P/W4/", "W4", 100),
	}
}

func prizesAt(pairs ...string) []Winner {
	var out []Winner
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, Winner{Tier: pairs[i+1], Ranked: Ranked{Entry: Entry{UserID: fmt.Sprint(i), UnitPath: pairs[i]}}})
	}
	return out
}

// standing renders "unit rank score".
func standing(s []UnitStanding) []string {
	out := make([]string, len(s))
	for i, u := range s {
		out[i] = fmt.Sprintf("%s #%d %g", u.UnitID, u.Rank, u.Score)
	}
	return out
}

func TestCollective(t *testing.T) {
	participants := map[string]int{"P": 1000, "W1": 100, "S1": 50, "T1": 10, "X": 15, "W3": 7, "W4": 60, "GONE": 5}
	winners := prizesAt(
		"/P/W1/S1/", "nhat", "/P/W1/", "ba", "/P/W1/S1/", "ba",
		"/P/W2/T2/X/", "nhi", "/P/W3/", "kk", "/P/", "nhat", "/Q/", "nhat",
	)
	quangNam := map[string]int{"nhat": 10, "nhi": 8, "ba": 6}
	cases := []struct {
		name string
		rule CollectiveRule
		want []string
	}{
		// W1 150/200 = 75% + 10 + 6 + 6 = 97; W4 60%; W2 25/50 = 50% + 8;
		// W3 has no headcount: rate 0, and Khuyến khích earns no points here.
		{"Quảng Nam formula", CollectiveRule{Formula: CollectiveRatePlusPrizes, Level: 2, PrizePoints: quangNam},
			[]string{"W1 #1 97", "W4 #2 60", "W2 #3 58", "W3 #4 0"}},
		{"most participants", CollectiveRule{Formula: CollectiveMostParticipants, Level: 2},
			[]string{"W1 #1 150", "W4 #2 60", "W2 #3 25", "W3 #4 7"}},
		{"whole province", CollectiveRule{Formula: CollectiveMostParticipants, Level: 1},
			[]string{"P #1 1242"}},
		{"a level nobody is at", CollectiveRule{Formula: CollectiveMostParticipants, Level: 9}, []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Collective(collectiveTree(), participants, winners, c.rule)
			if err != nil {
				t.Fatal(err)
			}
			if s := standing(got); !slices.Equal(s, c.want) {
				t.Errorf("standings = %v, want %v", s, c.want)
			}
		})
	}

	got, _ := Collective(collectiveTree(), participants, winners, cases[0].rule)
	w1, w2, w3 := got[0], got[2], got[3]
	if w1.Participants != 150 || w1.Headcount != 200 || w1.RatePct != 75 || w1.PrizePoints != 22 ||
		!maps.Equal(w1.Prizes, map[string]int{"nhat": 1, "ba": 2}) || w1.Name != "Đơn vị W1" || w1.Path != "/P/W1/" {
		t.Errorf("W1 = %+v", w1)
	}
	if w2.Headcount != 50 || w2.RatePct != 50 {
		t.Errorf("W2 headcount from descendants = %+v", w2)
	}
	if w3.Headcount != 0 || w3.RatePct != 0 || w3.Prizes["kk"] != 1 {
		t.Errorf("W3 without headcount = %+v", w3)
	}
}

func TestCollectiveTiesAndExactness(t *testing.T) {
	units := []contests.Unit{
		unit("/P/", "P", 0),
		unit("/P/b/", "B", 3),
		unit("/P/a/", "A", 3),
		unit("/P/c/", "C", 10000),
		unit("/P/d/", "D", 100),
	}
	rate := CollectiveRule{Formula: CollectiveRatePlusPrizes, Level: 2}
	// a and b: 1/3 = 33.333…%; c: 33.33% displays the same but is less;
	// d: 150/100 is 150% unless capped.
	parts := map[string]int{"a": 1, "b": 1, "c": 3333, "d": 150}
	got, err := Collective(units, parts, nil, rate)
	if err != nil {
		t.Fatal(err)
	}
	if s, want := standing(got), []string{"d #1 150", "a #2 33.33", "b #2 33.33", "c #4 33.33"}; !slices.Equal(s, want) {
		t.Errorf("standings = %v, want %v", s, want)
	}
	rate.CapRateAt100 = true
	capped, _ := Collective(units, parts, nil, rate)
	if capped[0].UnitID != "d" || capped[0].RatePct != 100 {
		t.Errorf("capped = %+v", capped[0])
	}
	// Reversed input order: same standings.
	rev := slices.Clone(units)
	slices.Reverse(rev)
	again, _ := Collective(rev, parts, nil, rate)
	if !slices.Equal(standing(again), standing(capped)) {
		t.Errorf("unit order changed the standings: %v", standing(again))
	}
}

func TestCollectiveMalformedPathsDoNotLoop(t *testing.T) {
	// x claims to sit under itself; y and z claim each other as parent.
	units := []contests.Unit{
		{ID: "x", Code: "x", Path: "/x/x/"},
		{ID: "y", Code: "y", Path: "/z/y/"},
		{ID: "z", Code: "z", Path: "/y/z/"},
	}
	got, err := Collective(units, map[string]int{"x": 1}, nil, CollectiveRule{Formula: CollectiveRatePlusPrizes, Level: 2})
	if err != nil || len(got) != 3 || got[0].Headcount != 0 {
		t.Errorf("got %+v, %v", got, err)
	}
}

func TestCollectiveErrors(t *testing.T) {
	ok := CollectiveRule{Formula: CollectiveMostParticipants, Level: 1}
	cases := []struct {
		name   string
		units  []contests.Unit
		parts  map[string]int
		rule   CollectiveRule
		fields []string
	}{
		{"bad rule", nil, nil, CollectiveRule{Formula: "biggest", Level: 0, PrizePoints: map[string]int{"nhat": -1}},
			[]string{"formula", "level", "prizePoints.nhat"}},
		{"duplicate unit", []contests.Unit{unit("/a/", "A", 1), unit("/a/", "A", 1)}, nil, ok, []string{"units"}},
		{"negative count", []contests.Unit{unit("/a/", "A", 1)}, map[string]int{"a": -2}, ok, []string{"participants"}},
	}
	for _, c := range cases {
		_, err := Collective(c.units, c.parts, nil, c.rule)
		if got := contesttest.InvalidFields(t, err); !slices.Equal(got, c.fields) {
			t.Errorf("%s: fields %v, want %v", c.name, got, c.fields)
		}
	}
}

func TestCollectiveRuleFor(t *testing.T) {
	own := &CollectiveRule{Formula: CollectiveRatePlusPrizes, Level: 4, PrizePoints: map[string]int{"nhat": 10}}
	cases := []struct {
		name     string
		settings Settings
		formula  string
		want     CollectiveRule
	}{
		{"default: most participants one level below the owner", Settings{}, "", CollectiveRule{Formula: CollectiveMostParticipants, Level: 3}},
		{"asked formula on the default", Settings{}, "participation_rate", CollectiveRule{Formula: CollectiveRatePlusPrizes, Level: 3}},
		{"the contest's own rule", Settings{Collective: own}, "", *own},
		{"asked formula keeps the contest's level and points", Settings{Collective: own}, "most_participants",
			CollectiveRule{Formula: CollectiveMostParticipants, Level: 4, PrizePoints: map[string]int{"nhat": 10}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := c.settings.CollectiveRuleFor(2, c.formula)
			if got.Formula != c.want.Formula || got.Level != c.want.Level || len(got.PrizePoints) != len(c.want.PrizePoints) || got.PrizePoints["nhat"] != c.want.PrizePoints["nhat"] {
				t.Fatalf("got %+v, want %+v", got, c.want)
			}
		})
	}
	if own.Formula != CollectiveRatePlusPrizes {
		t.Fatal("the contest's rule was changed in place")
	}
}
