package quiz

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"hoithi/contests"
)

// statsUnits is the tree P → W1 (10 people) → A (4); P → W2 (no
// headcount) → B (5), C (none). Resolved headcounts: A 4, W1 10, B 5, C 0,
// W2 5, P 15. Targets are set elsewhere than headcounts so the two roll up
// independently: A 2, B 3, W2 6 (its own, not B's); resolved A 2, W1 2,
// B 3, C 0, W2 6, P 8.
func statsUnits() []contests.Unit {
	return []contests.Unit{
		{ID: "p", Code: "P", Name: "Tỉnh", Path: "/p/"},
		{ID: "w2", Code: "W2", Name: "Phường Rạch Giá", Path: "/p/w2/", Target: 6},
		{ID: "w1", Code: "W1", Name: "Phường An Biên", Path: "/p/w1/", Headcount: 10},
		{ID: "a", Code: "A", Name: "Khu phố 1", Path: "/p/w1/a/", Headcount: 4, Target: 2},
		{ID: "c", Code: "C", Name: "Chi bộ C", Path: "/p/w2/c/"},
		{ID: "b", Code: "B", Name: "Chi bộ B", Path: "/p/w2/b/", Headcount: 5, Target: 3},
		{ID: "b", Code: "B2", Name: "Trùng mã", Path: "/p/w2/b/"}, // a repeated ID is ignored
	}
}

// done is a final attempt with score points of total questions right,
// submitted at the UTC instant given.
func done(no, correct, total int, submitted string) Attempt {
	at, err := time.Parse(time.RFC3339, submitted)
	if err != nil {
		panic(err)
	}
	return Attempt{No: no, Status: AttemptSubmitted, Correct: correct, Total: total, Score: correct, SubmittedAt: at}
}

var inProgress = Attempt{No: 9, Status: AttemptInProgress}

func record(user, unitPath string, attempts ...Attempt) *Participation {
	return &Participation{RoundID: "r1", UserID: user, UnitPath: unitPath, Attempts: attempts}
}

func born(s string) time.Time {
	d, _ := time.Parse(time.DateOnly, s)
	return d
}

// statsRecords: seven people; counts worked out by hand in TestStats.
// Times are UTC; Vietnam is UTC+7.
func statsRecords() ([]*Participation, map[string]Person) {
	records := []*Participation{
		record("u1", "/p/w1/a/", done(1, 5, 5, "2026-11-23T09:00:00Z"), done(2, 3, 5, "2026-11-23T17:30:00Z")), // 16:00 on the 23rd, 00:30 on the 24th
		record("u2", "/p/w1/", done(1, 3, 5, "2026-11-22T01:00:00Z")),                                          // 08:00 on the 22nd
		record("u3", "/p/w2/b/", done(1, 0, 5, "2026-11-22T16:59:00Z"), inProgress),                            // 23:59 on the 22nd
		record("u4", "/p/w2/c/", inProgress),                                                                   // started only
		record("u5", "/x/zz/", done(1, 5, 5, "2026-11-23T02:00:00Z")),                                          // outside the tree
		record("u6", "/p/w2/gone/", done(1, 2, 4, "2026-11-23T03:15:00Z")),                                     // unit deleted: counts at W2
		record("u7", "", done(1, 4, 4, "2026-11-23T04:00:00Z"), done(2, 4, 4, "2026-11-23T04:30:00Z")),         // unit from the account
	}
	people := map[string]Person{
		"u1": {UserID: "u1", Occupation: contests.OccPartyMember, Gender: contests.GenderMale, BirthDate: born("1990-05-17")},  // 36
		"u2": {UserID: "u2", Occupation: contests.OccStudent, Gender: contests.GenderFemale, BirthDate: born("2010-01-01")},    // 16
		"u3": {UserID: "u3", Gender: contests.GenderFemale, BirthDate: born("1995-11-24")},                                     // 30: 31 tomorrow
		"u4": {UserID: "u4", Occupation: contests.OccCivilServant, Gender: contests.GenderMale, BirthDate: born("1995-11-23")}, // 31 today
		"u5": {UserID: "u5", Occupation: contests.OccArmedForces, Gender: "other"},
		// u6: account deleted, nothing known
		"u7": {UserID: "u7", UnitPath: "/p/w2/c/", Occupation: contests.OccCitizen, Gender: contests.GenderMale, BirthDate: born("1960-03-01")}, // 66
	}
	return records, people
}

// roundClose is 17:00 on 23 Nov 2026 in Vietnam.
var roundClose = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func TestStats(t *testing.T) {
	records, people := statsRecords()
	s := Stats(records, people, statsUnits(), roundClose)

	if s.Started != 7 || s.Counts != (Counts{People: 6, Attempts: 8, AllCorrect: 3}) {
		t.Errorf("totals: started %d, %+v; want 7, {6 8 3}", s.Started, s.Counts)
	}
	if s.Unplaced != (Counts{1, 1, 1}) {
		t.Errorf("unplaced = %+v, want u5", s.Unplaced)
	}
	type unitWant struct {
		id        string
		headcount int
		counts    Counts
		pct       float64
		target    int
		targetPct float64
	}
	for _, w := range []unitWant{
		{"a", 4, Counts{1, 2, 1}, 25, 2, 50},
		{"w1", 10, Counts{2, 3, 1}, 20, 2, 100},
		{"b", 5, Counts{1, 1, 0}, 20, 3, 33.33},
		{"c", 0, Counts{1, 2, 1}, 0, 0, 0},
		{"w2", 5, Counts{3, 4, 1}, 60, 6, 50},
		{"p", 15, Counts{5, 7, 2}, 33.33, 8, 62.5},
	} {
		u := s.Find(w.id)
		if u == nil {
			t.Errorf("unit %s missing", w.id)
			continue
		}
		if u.Headcount != w.headcount || u.Counts != w.counts || u.HeadcountPct != w.pct {
			t.Errorf("unit %s: headcount %d, %+v, %.2f%%; want %d, %+v, %.2f%%", w.id, u.Headcount, u.Counts, u.HeadcountPct, w.headcount, w.counts, w.pct)
		}
		if u.Target != w.target || u.TargetPct != w.targetPct {
			t.Errorf("unit %s: target %d, %.2f%%; want %d, %.2f%%", w.id, u.Target, u.TargetPct, w.target, w.targetPct)
		}
	}
	if len(s.Units) != 1 || s.Units[0].ID != "p" {
		t.Fatalf("roots = %v, want [p]", s.Units)
	}
	if kids := s.Units[0].Children; len(kids) != 2 || kids[0].ID != "w1" || kids[1].ID != "w2" || kids[1].Children[0].ID != "b" {
		t.Errorf("children not ordered by name: %+v", kids)
	}
	if s.Find("nope") != nil {
		t.Error("Find of an unknown unit returned a node")
	}

	wantBreakdown := Breakdown{
		ByOccupation: []GroupCount{{"party_member", Counts{1, 2, 1}}, {"youth_union", Counts{}}, {"student", Counts{1, 1, 0}},
			{"civil_servant", Counts{}}, {"armed_forces", Counts{1, 1, 1}}, {"citizen", Counts{1, 2, 1}}, {"unknown", Counts{2, 2, 0}}},
		ByAgeBand: []GroupCount{{"under_18", Counts{1, 1, 0}}, {"18_30", Counts{1, 1, 0}}, {"31_45", Counts{1, 2, 1}},
			{"46_60", Counts{}}, {"over_60", Counts{1, 2, 1}}, {"unknown", Counts{2, 2, 1}}},
		ByGender: []GroupCount{{"male", Counts{2, 4, 2}}, {"female", Counts{2, 2, 0}}, {"unknown", Counts{2, 2, 1}}},
	}
	if !reflect.DeepEqual(s.Breakdown, wantBreakdown) {
		t.Errorf("breakdown:\n got %+v\nwant %+v", s.Breakdown, wantBreakdown)
	}
	// W2's own breakdown: u6 (unknown), u3 (female), u7 (male).
	if g := s.Find("w2").Breakdown().ByGender; !reflect.DeepEqual(g, []GroupCount{{"male", Counts{1, 2, 1}}, {"female", Counts{1, 1, 0}}, {"unknown", Counts{1, 1, 0}}}) {
		t.Errorf("W2 by gender = %+v", g)
	}
	if g := s.UnplacedBreakdown().ByOccupation[4]; g != (GroupCount{"armed_forces", Counts{1, 1, 1}}) {
		t.Errorf("unplaced by occupation = %+v", g)
	}

	wantDays := []DayCount{{"2026-11-22", 2, 2}, {"2026-11-23", 5, 4}, {"2026-11-24", 1, 1}}
	if !reflect.DeepEqual(s.ByDay, wantDays) {
		t.Errorf("by day = %+v, want %+v", s.ByDay, wantDays)
	}
	wantHours := map[int]int{0: 1, 8: 1, 9: 1, 10: 1, 11: 2, 16: 1, 23: 1}
	if len(s.ByHour) != 24 {
		t.Fatalf("%d hours", len(s.ByHour))
	}
	for _, h := range s.ByHour {
		if h.Attempts != wantHours[h.Hour] {
			t.Errorf("hour %d: %d attempts, want %d", h.Hour, h.Attempts, wantHours[h.Hour])
		}
	}
	wantScores := []ScoreCount{{0, 1, 1}, {2, 1, 1}, {3, 2, 1}, {4, 2, 1}, {5, 2, 2}}
	if !reflect.DeepEqual(s.Scores, wantScores) {
		t.Errorf("scores = %+v, want %+v", s.Scores, wantScores)
	}
}

// The streaming accumulator gives what Stats gives, whatever the order, and
// Result may be asked twice.
func TestAccumulatorMatchesStats(t *testing.T) {
	records, people := statsRecords()
	want := jsonOf(t, Stats(records, people, statsUnits(), roundClose))
	acc := NewAccumulator(roundClose)
	for i := len(records) - 1; i >= 0; i-- {
		acc.Add(records[i], people[records[i].UserID])
	}
	for range 2 {
		if got := jsonOf(t, acc.Result(statsUnits())); got != want {
			t.Fatalf("accumulator:\n%s\nStats:\n%s", got, want)
		}
	}
}

// Over several rounds a person counts once, at the unit of the last record.
func TestDistinctAccumulatorMergesPeople(t *testing.T) {
	who := Person{UserID: "u1", Gender: contests.GenderFemale}
	acc := NewDistinctAccumulator(roundClose)
	acc.Add(record("u1", "/p/w1/a/", done(1, 5, 5, "2026-11-16T02:00:00Z")), who)
	acc.Add(record("u1", "/p/w2/b/", done(1, 1, 5, "2026-11-16T03:00:00Z"), done(2, 2, 5, "2026-11-23T03:00:00Z")), who)
	acc.Add(record("u2", "/p/w2/b/", inProgress), Person{})
	s := acc.Result(statsUnits())
	if s.Started != 2 || s.Counts != (Counts{1, 3, 1}) {
		t.Errorf("started %d, %+v; want 2, {1 3 1}", s.Started, s.Counts)
	}
	if a, b := s.Find("a").Counts, s.Find("b").Counts; a != (Counts{}) || b != (Counts{1, 3, 1}) {
		t.Errorf("A %+v, B %+v: want the person at B only", a, b)
	}
	if want := []DayCount{{"2026-11-16", 2, 1}, {"2026-11-23", 1, 1}}; !reflect.DeepEqual(s.ByDay, want) {
		t.Errorf("by day = %+v, want %+v", s.ByDay, want)
	}
	if want := []ScoreCount{{1, 1, 0}, {2, 1, 0}, {5, 1, 1}}; !reflect.DeepEqual(s.Scores, want) {
		t.Errorf("scores = %+v, want %+v (people by best attempt)", s.Scores, want)
	}
}

func TestStatsOfNothing(t *testing.T) {
	s := Stats(nil, nil, statsUnits(), roundClose)
	if s.Counts != (Counts{}) || s.Started != 0 || s.Find("p").HeadcountPct != 0 || s.Find("p").Headcount != 15 ||
		s.Find("p").Target != 8 || s.Find("p").TargetPct != 0 {
		t.Errorf("empty round: %+v", s)
	}
	j := jsonOf(t, s)
	for _, part := range []string{`"byDay":[]`, `"scores":[]`, `"byGender":[{"key":"male","people":0,"attempts":0,"allCorrect":0}`} {
		if !strings.Contains(j, part) {
			t.Errorf("JSON lacks %s: %s", part, j)
		}
	}
	if s := Stats(nil, nil, nil, roundClose); s.Units == nil || len(s.Units) != 0 {
		t.Errorf("no units: %+v", s.Units)
	}
}

func TestAgeBand(t *testing.T) {
	cases := []struct {
		birth, on string
		want      string
	}{
		{"2008-11-24", "2026-11-23T10:00:00Z", AgeUnder18}, // 17, 18 tomorrow
		{"2008-11-23", "2026-11-23T10:00:00Z", Age18To30},
		{"1995-11-24", "2026-11-23T10:00:00Z", Age18To30},
		{"1995-11-24", "2026-11-23T17:30:00Z", Age31To45}, // already the 24th in Vietnam
		{"1980-01-01", "2026-11-23T10:00:00Z", Age46To60},
		{"1966-01-01", "2026-11-23T10:00:00Z", Age46To60}, // 60
		{"1965-11-23", "2026-11-23T10:00:00Z", AgeOver60}, // 61
		{"2030-01-01", "2026-11-23T10:00:00Z", GroupUnknown},
		{"", "2026-11-23T10:00:00Z", GroupUnknown},
		{"1990-01-01", "", GroupUnknown},
	}
	for _, c := range cases {
		var on time.Time
		if c.on != "" {
			on, _ = time.Parse(time.RFC3339, c.on)
		}
		if got := AgeBand(born(c.birth), on); got != c.want {
			t.Errorf("AgeBand(%s, %s) = %s, want %s", c.birth, c.on, got, c.want)
		}
	}
}

func TestShallowTrimsDescendants(t *testing.T) {
	records, people := statsRecords()
	s := Stats(records, people, statsUnits(), roundClose)
	root := s.Units[0]
	one := root.Shallow(1)
	if len(one.Children) != 2 || one.Children[1].Children != nil || one.Counts != root.Counts {
		t.Errorf("Shallow(1) = %+v", one)
	}
	if len(root.Children[1].Children) != 2 {
		t.Error("Shallow changed the original tree")
	}
	if z := root.Shallow(0); z.Children != nil || z.Breakdown().ByGender[0].People != 2 {
		t.Errorf("Shallow(0) = %+v", z)
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestRecordCounts(t *testing.T) {
	cases := []struct {
		p    *Participation
		want Counts
	}{
		{record("u", "/p/"), Counts{}},
		{record("u", "/p/", inProgress), Counts{}},
		{record("u", "/p/", done(1, 2, 5, "2026-11-23T09:00:00Z"), inProgress), Counts{1, 1, 0}},
		{record("u", "/p/", done(1, 5, 5, "2026-11-23T09:00:00Z"), done(2, 1, 5, "2026-11-23T09:10:00Z")), Counts{1, 2, 1}},
		{record("u", "/p/", done(1, 0, 0, "2026-11-23T09:00:00Z")), Counts{1, 1, 0}}, // an empty paper is not "all right"
	}
	for i, c := range cases {
		if got := RecordCounts(c.p); got != c.want {
			t.Errorf("case %d: %+v, want %+v", i, got, c.want)
		}
	}
}
