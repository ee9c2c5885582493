package essay

import (
	"slices"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func authorsOf(es []Entrant) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.AuthorID + "/" + e.WorkID
	}
	return out
}

func TestAgeOn(t *testing.T) {
	tests := []struct {
		birth, on time.Time
		want      int
	}{
		{day(2000, 5, 10), day(2025, 5, 9), 24},
		{day(2000, 5, 10), day(2025, 5, 10), 25},
		{day(2004, 2, 29), day(2025, 2, 28), 20},
		{day(2004, 2, 29), day(2025, 3, 1), 21},
		// A birth date read in Hanoi time is still the same calendar date.
		{time.Date(2000, 5, 10, 7, 0, 0, 0, time.FixedZone("ICT", 7*3600)), day(2025, 5, 10), 25},
	}
	for _, tc := range tests {
		if got := AgeOn(tc.birth, tc.on); got != tc.want {
			t.Errorf("AgeOn(%v, %v) = %d, want %d", tc.birth, tc.on, got, tc.want)
		}
	}
}

func TestYoungestAndOldest(t *testing.T) {
	sub := func(h int) time.Time { return day(2025, 4, 1).Add(time.Duration(h) * time.Hour) }
	tests := []struct {
		name     string
		entrants []Entrant
		youngest []string
		oldest   []string
	}{
		{"clear winners", []Entrant{
			{WorkID: "w1", AuthorID: "a", BirthDate: day(1950, 1, 1), SubmittedAt: sub(1)},
			{WorkID: "w2", AuthorID: "b", BirthDate: day(2008, 6, 1), SubmittedAt: sub(2)},
			{WorkID: "w3", AuthorID: "c", BirthDate: day(1980, 1, 1), SubmittedAt: sub(3)},
		}, []string{"b/w2"}, []string{"a/w1"}},
		{"same birth date: the earlier submission wins", []Entrant{
			{WorkID: "w1", AuthorID: "a", BirthDate: day(2008, 6, 1), SubmittedAt: sub(5)},
			{WorkID: "w2", AuthorID: "b", BirthDate: day(2008, 6, 1), SubmittedAt: sub(2)},
		}, []string{"b/w2"}, []string{"b/w2"}},
		{"same birth date and instant: all tied win", []Entrant{
			{WorkID: "w1", AuthorID: "a", BirthDate: day(2008, 6, 1), SubmittedAt: sub(2)},
			{WorkID: "w2", AuthorID: "b", BirthDate: day(2008, 6, 1), SubmittedAt: sub(2)},
			{WorkID: "w3", AuthorID: "c", BirthDate: day(1990, 6, 1), SubmittedAt: sub(2)},
		}, []string{"a/w1", "b/w2"}, []string{"c/w3"}},
		{"one person with two works counts once, with the earliest", []Entrant{
			{WorkID: "w9", AuthorID: "a", BirthDate: day(2008, 6, 1), SubmittedAt: sub(9)},
			{WorkID: "w1", AuthorID: "a", BirthDate: day(2008, 6, 1), SubmittedAt: sub(1)},
			{WorkID: "w5", AuthorID: "b", BirthDate: day(2008, 6, 1), SubmittedAt: sub(5)},
		}, []string{"a/w1"}, []string{"a/w1"}},
		{"unknown birth dates are skipped", []Entrant{
			{WorkID: "w1", AuthorID: "a", SubmittedAt: sub(1)},
			{WorkID: "w2", AuthorID: "b", BirthDate: day(1970, 1, 1), SubmittedAt: sub(2)},
		}, []string{"b/w2"}, []string{"b/w2"}},
		{"nobody", nil, []string{}, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := authorsOf(Youngest(tc.entrants)); !slices.Equal(got, tc.youngest) {
				t.Errorf("Youngest = %v, want %v", got, tc.youngest)
			}
			if got := authorsOf(Oldest(tc.entrants)); !slices.Equal(got, tc.oldest) {
				t.Errorf("Oldest = %v, want %v", got, tc.oldest)
			}
		})
	}
}

func TestYouth(t *testing.T) {
	on := day(2025, 9, 1)
	entrants := []Entrant{
		{WorkID: "w1", AuthorID: "a", BirthDate: day(2005, 9, 1), Final: 8},    // 20 on the day
		{WorkID: "w2", AuthorID: "b", BirthDate: day(2005, 9, 2), Final: 9},    // 19
		{WorkID: "w3", AuthorID: "c", BirthDate: day(1990, 1, 1), Final: 9.5},  // too old
		{WorkID: "w4", AuthorID: "d", BirthDate: day(2007, 1, 1), Final: 8},    // 18, tied with a
		{WorkID: "w5", AuthorID: "b", BirthDate: day(2005, 9, 2), Final: 6},    // b's weaker work
		{WorkID: "w6", AuthorID: "e", Final: 10},                               // no birth date
		{WorkID: "w7", AuthorID: "f", BirthDate: day(2006, 1, 1), Final: 7.25}, // 19
	}
	tests := []struct {
		name   string
		maxAge int
		quota  int
		want   []string
	}{
		{"all under 20 inclusive", 20, 0, []string{"b/w2", "a/w1", "d/w4", "f/w7"}},
		{"quota 2 with a tie at the boundary", 20, 2, []string{"b/w2", "a/w1", "d/w4"}},
		{"quota 1", 20, 1, []string{"b/w2"}},
		{"under 18 inclusive", 18, 0, []string{"d/w4"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Youth(entrants, tc.maxAge, on, tc.quota)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(authorsOf(got), tc.want) {
				t.Fatalf("Youth = %v, want %v", authorsOf(got), tc.want)
			}
		})
	}
	_, err := Youth(entrants, 0, on, -1)
	wantFields(t, err, "maxAge", "quota")
}
