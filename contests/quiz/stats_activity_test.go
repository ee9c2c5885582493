package quiz

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// series is a unit's (or the round's) by-day, by-hour and score figures in
// a shape easy to write by hand and to add up: hours with no attempt and
// days or scores absent are left out.
type series struct {
	days   map[string][2]int // date → attempts, people
	hours  map[int]int
	scores map[int][2]int // score → attempts, people
}

func seriesOf(byDay []DayCount, byHour []HourCount, scores []ScoreCount) series {
	s := series{map[string][2]int{}, map[int]int{}, map[int][2]int{}}
	for _, d := range byDay {
		s.days[d.Date] = [2]int{d.Attempts, d.People}
	}
	for _, h := range byHour {
		if h.Attempts != 0 {
			s.hours[h.Hour] = h.Attempts
		}
	}
	for _, c := range scores {
		s.scores[c.Score] = [2]int{c.Attempts, c.People}
	}
	return s
}

func unitSeries(u *UnitStats) series {
	b := u.Breakdown()
	return seriesOf(b.ByDay, b.ByHour, b.Scores)
}

func (s series) add(o series) {
	for k, v := range o.days {
		s.days[k] = [2]int{s.days[k][0] + v[0], s.days[k][1] + v[1]}
	}
	for k, v := range o.hours {
		s.hours[k] += v
	}
	for k, v := range o.scores {
		s.scores[k] = [2]int{s.scores[k][0] + v[0], s.scores[k][1] + v[1]}
	}
}

// The units of statsRecords, worked out by hand (Vietnam time): u1 at A
// scores 5 on the 23rd at 16:00 and 3 on the 24th at 00:30; u2 at W1 3 on
// the 22nd at 08:00; u3 at B 0 on the 22nd at 23:59; u4 at C only started;
// u6 (unit deleted, so at W2) 2 on the 23rd at 10:15; u7 at C 4 twice on
// the 23rd at 11:00 and 11:30; u5 (unplaced) 5 on the 23rd at 09:00.
func TestUnitBreakdownByDayHourScore(t *testing.T) {
	records, people := statsRecords()
	s := Stats(records, people, statsUnits(), roundClose)
	d := func(a, p int) [2]int { return [2]int{a, p} }
	want := map[string]series{
		"a":  {map[string][2]int{"2026-11-23": d(1, 1), "2026-11-24": d(1, 1)}, map[int]int{16: 1, 0: 1}, map[int][2]int{3: d(1, 0), 5: d(1, 1)}},
		"w1": {map[string][2]int{"2026-11-22": d(1, 1), "2026-11-23": d(1, 1), "2026-11-24": d(1, 1)}, map[int]int{0: 1, 8: 1, 16: 1}, map[int][2]int{3: d(2, 1), 5: d(1, 1)}},
		"b":  {map[string][2]int{"2026-11-22": d(1, 1)}, map[int]int{23: 1}, map[int][2]int{0: d(1, 1)}},
		"c":  {map[string][2]int{"2026-11-23": d(2, 1)}, map[int]int{11: 2}, map[int][2]int{4: d(2, 1)}},
		"w2": {map[string][2]int{"2026-11-22": d(1, 1), "2026-11-23": d(3, 2)}, map[int]int{23: 1, 10: 1, 11: 2}, map[int][2]int{0: d(1, 1), 2: d(1, 1), 4: d(2, 1)}},
		"p": {map[string][2]int{"2026-11-22": d(2, 2), "2026-11-23": d(4, 3), "2026-11-24": d(1, 1)},
			map[int]int{0: 1, 8: 1, 10: 1, 11: 2, 16: 1, 23: 1}, map[int][2]int{0: d(1, 1), 2: d(1, 1), 3: d(2, 1), 4: d(2, 1), 5: d(1, 1)}},
	}
	for id, w := range want {
		if got := unitSeries(s.Find(id)); !reflect.DeepEqual(got, w) {
			t.Errorf("unit %s:\n got %+v\nwant %+v", id, got, w)
		}
	}
	// The round adds the unplaced u5 to P.
	round := want["p"]
	round.add(series{map[string][2]int{"2026-11-23": d(1, 1)}, map[int]int{9: 1}, map[int][2]int{5: d(1, 1)}})
	if got := seriesOf(s.ByDay, s.ByHour, s.Scores); !reflect.DeepEqual(got, round) {
		t.Errorf("round:\n got %+v\nwant %+v", got, round)
	}
	if b := s.Find("a").Breakdown(); len(b.ByHour) != 24 || b.ByHour[23].Hour != 23 {
		t.Errorf("byHour must list the 24 hours: %+v", b.ByHour)
	}
}

// Over many people and rounds (people moving between units, attempts
// without a time, attempts left unfinished), every unit's figures equal a
// direct count of the people finally counted in its subtree; a parent's
// are its children's plus its direct people's; the root's are the round's.
func TestUnitBreakdownMatchesDirectCount(t *testing.T) {
	paths := []string{"/p/", "/p/w1/", "/p/w1/a/", "/p/w2/", "/p/w2/b/", "/p/w2/c/", "/p/w2/gone/"}
	rng := rand.New(rand.NewPCG(7, 11))
	start := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	acc := NewDistinctAccumulator(roundClose)
	var records []*Participation
	for round := range 3 {
		for u := range 60 {
			if rng.IntN(4) == 0 {
				continue // did not play this round
			}
			p := record(fmt.Sprintf("u%d", u), paths[rng.IntN(len(paths))])
			p.RoundID = fmt.Sprintf("r%d", round)
			for no := range rng.IntN(4) {
				at := Attempt{No: no + 1, Status: AttemptSubmitted, Total: 10, Score: rng.IntN(11)}
				at.Correct = at.Score
				switch rng.IntN(8) {
				case 0:
					at.Status = AttemptInProgress
				case 1: // submitted, time unknown
				default:
					at.SubmittedAt = start.Add(time.Duration(rng.IntN(6*24*60)) * time.Minute)
				}
				p.Attempts = append(p.Attempts, at)
			}
			records = append(records, p)
			acc.Add(p, Person{UserID: p.UserID})
		}
	}
	s := acc.Result(statsUnits())

	// The direct count: each person at the unit of their last record, with
	// every finalized attempt of every record.
	type person struct {
		path  string
		final []Attempt
	}
	byUser := map[string]*person{}
	for _, p := range records {
		pp := byUser[p.UserID]
		if pp == nil {
			pp = &person{}
			byUser[p.UserID] = pp
		}
		pp.path = p.UnitPath
		for _, at := range p.Attempts {
			if at.Final() {
				pp.final = append(pp.final, at)
			}
		}
	}
	count := func(keep func(path string) bool) series {
		out := series{map[string][2]int{}, map[int]int{}, map[int][2]int{}}
		for _, pp := range byUser {
			if len(pp.final) == 0 || !keep(pp.path) {
				continue
			}
			best, days := -1, map[string]bool{}
			for _, at := range pp.final {
				best = max(best, at.Score)
				sc := out.scores[at.Score]
				out.scores[at.Score] = [2]int{sc[0] + 1, sc[1]}
				if at.SubmittedAt.IsZero() {
					continue
				}
				local := at.SubmittedAt.UTC().Add(7 * time.Hour) // Vietnam is UTC+7
				date := local.Format("2006-01-02")
				dc := out.days[date]
				if !days[date] {
					days[date] = true
					dc[1]++
				}
				out.days[date] = [2]int{dc[0] + 1, dc[1]}
				out.hours[local.Hour()]++
			}
			sc := out.scores[best]
			out.scores[best] = [2]int{sc[0], sc[1] + 1}
		}
		return out
	}
	// unitOf is where a path's people are counted: its deepest unit.
	unitOf := func(path string) string {
		if path == "/p/w2/gone/" {
			return "/p/w2/"
		}
		return path
	}
	var walk func(u *UnitStats)
	walk = func(u *UnitStats) {
		got := unitSeries(u)
		if want := count(func(path string) bool { return strings.HasPrefix(path, u.Path) }); !reflect.DeepEqual(got, want) {
			t.Errorf("unit %s:\n got %+v\nwant %+v", u.ID, got, want)
		}
		sum := count(func(path string) bool { return unitOf(path) == u.Path })
		for _, c := range u.Children {
			sum.add(unitSeries(c))
			walk(c)
		}
		if !reflect.DeepEqual(got, sum) {
			t.Errorf("unit %s is not its children plus its own people:\n got %+v\n sum %+v", u.ID, got, sum)
		}
		if n := u.Breakdown(); sumAttempts(n.Scores) != u.Attempts || sumPeople(n.Scores) != u.People {
			t.Errorf("unit %s: scores add up to %d attempts, %d people; counts %+v", u.ID, sumAttempts(n.Scores), sumPeople(n.Scores), u.Counts)
		}
	}
	walk(s.Units[0])
	if s.Unplaced != (Counts{}) {
		t.Fatalf("unplaced %+v", s.Unplaced)
	}
	root := s.Units[0].Breakdown()
	if !reflect.DeepEqual(root.ByDay, s.ByDay) || !reflect.DeepEqual(root.ByHour, s.ByHour) || !reflect.DeepEqual(root.Scores, s.Scores) {
		t.Errorf("root differs from the round:\n%+v\n%+v", root, s)
	}
	if !slices.IsSortedFunc(root.ByDay, func(a, b DayCount) int { return strings.Compare(a.Date, b.Date) }) ||
		!slices.IsSortedFunc(root.Scores, func(a, b ScoreCount) int { return a.Score - b.Score }) {
		t.Errorf("series not in order: %+v %+v", root.ByDay, root.Scores)
	}
	if len(root.ByDay) < 5 || len(root.Scores) < 8 {
		t.Errorf("the generated round is too thin to test anything: %d days, %d scores", len(root.ByDay), len(root.Scores))
	}
}

func sumAttempts(l []ScoreCount) (n int) {
	for _, c := range l {
		n += c.Attempts
	}
	return n
}

func sumPeople(l []ScoreCount) (n int) {
	for _, c := range l {
		n += c.People
	}
	return n
}
