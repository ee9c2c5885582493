package quiz

import (
	"fmt"
	"testing"
	"time"

	"hoithi/contests"
)

// BenchmarkAccumulator500k measures one statistics snapshot of a
// province-size round: 500,000 records over 2,000 grass-roots units, two
// finalized attempts each. Run with -benchmem: B/op is what a snapshot
// allocates, the figure that decides whether a national round fits.
func BenchmarkAccumulator500k(b *testing.B) {
	const people, wards, perWard = 500_000, 100, 20
	var units []contests.Unit
	units = append(units, contests.Unit{ID: "p", Code: "P", Name: "Tỉnh", Path: "/p/"})
	var paths []string
	for w := range wards {
		wid := fmt.Sprintf("w%d", w)
		units = append(units, contests.Unit{ID: wid, Code: wid, Name: wid, Path: "/p/" + wid + "/"})
		for g := range perWard {
			gid := fmt.Sprintf("%s-%d", wid, g)
			path := "/p/" + wid + "/" + gid + "/"
			units = append(units, contests.Unit{ID: gid, Code: gid, Name: gid, Path: path})
			paths = append(paths, path)
		}
	}
	opens := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	recs := make([]Participation, 1000)
	for i := range recs {
		at := func(no, score int, after time.Duration) Attempt {
			return Attempt{No: no, Status: AttemptSubmitted, Score: score, Correct: score, Total: 20, SubmittedAt: opens.Add(after)}
		}
		recs[i] = Participation{UserID: fmt.Sprint(i), Attempts: []Attempt{
			at(1, i%21, time.Duration(i)*7*time.Minute), at(2, (i*7)%21, time.Duration(i)*11*time.Minute)}}
	}
	who := Person{Occupation: "party_member", Gender: contests.Gender("female"), BirthDate: time.Date(1980, 5, 1, 0, 0, 0, 0, time.UTC)}
	b.ReportAllocs()
	for b.Loop() {
		acc := NewAccumulator(opens.Add(7 * 24 * time.Hour))
		for i := range people {
			p := &recs[i%len(recs)]
			p.UnitPath = paths[i%len(paths)]
			acc.Add(p, who)
		}
		if st := acc.Result(units); st.People != people {
			b.Fatalf("people = %d", st.People)
		}
	}
}
