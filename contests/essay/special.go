package essay

import (
	"cmp"
	"slices"
	"time"

	"hoithi/contests"
)

// Entrant is one author of one work, as the special and collective prizes
// need it; a work with co-authors gives one Entrant per person. It comes
// from the identity sheet, so it is built only after judging is over.
type Entrant struct {
	WorkID      string      `json:"workId"`
	AuthorID    string      `json:"authorId"`
	BirthDate   time.Time   `json:"birthDate"` // a calendar date; zero when unknown
	UnitPath    string      `json:"unitPath"`
	SubmittedAt time.Time   `json:"submittedAt"`
	Category    CategoryKey `json:"category"`
	Final       float64     `json:"final"`
	Tier        string      `json:"tier,omitempty"` // prize won, "" for none
}

// AgeOn returns a person's age in whole years on day on, both read as
// calendar dates in UTC (how User.BirthDate is stored). Someone born on
// 29 February turns a year older on 1 March in common years.
func AgeOn(birth, on time.Time) int {
	b, d := birth.UTC(), on.UTC()
	age := d.Year() - b.Year()
	if d.Month() < b.Month() || (d.Month() == b.Month() && d.Day() < b.Day()) {
		age--
	}
	return age
}

// Youngest returns the youngest author among entrants — pass only those
// the contest's rule makes eligible, typically authors of prize-winning
// works. Ties on birth date go to the earliest submitted work (the rule
// of thumb "who came first"); entrants still tied on the same instant all
// win. Each person counts once, with their earliest work. Entrants without
// a birth date are skipped.
func Youngest(entrants []Entrant) []Entrant {
	return extremeAge(entrants, func(a, b time.Time) int { return compareDate(b, a) })
}

// Oldest is Youngest for the oldest author, with the same tie rules.
func Oldest(entrants []Entrant) []Entrant {
	return extremeAge(entrants, compareDate)
}

// extremeAge returns the entrants first by older (negative = a wins), then
// by earliest submission.
func extremeAge(entrants []Entrant, older func(a, b time.Time) int) []Entrant {
	people := perAuthor(entrants, func(a, b Entrant) int {
		return cmp.Or(a.SubmittedAt.Compare(b.SubmittedAt), cmp.Compare(a.WorkID, b.WorkID))
	})
	people = slices.DeleteFunc(people, func(e Entrant) bool { return e.BirthDate.IsZero() })
	if len(people) == 0 {
		return nil
	}
	order := func(a, b Entrant) int {
		return cmp.Or(older(a.BirthDate, b.BirthDate), a.SubmittedAt.Compare(b.SubmittedAt))
	}
	slices.SortStableFunc(people, func(a, b Entrant) int { return cmp.Or(order(a, b), cmp.Compare(a.AuthorID, b.AuthorID)) })
	n := 1
	for n < len(people) && order(people[0], people[n]) == 0 {
		n++
	}
	return people[:n]
}

// Youth picks the "triển vọng" (promising young author) prizes: authors
// aged at most maxAge on the reference date on (the rules' date, e.g. the
// closing day), ranked by score, the best quota of them, ties with the
// last one all included; quota 0 takes every qualifying author. Each
// person counts once, with their best work. Order: score, then earlier
// submission, then author ID.
func Youth(entrants []Entrant, maxAge int, on time.Time, quota int) ([]Entrant, error) {
	var es contests.Errors
	if maxAge < 1 {
		es.Add("maxAge", contests.T("Tuổi tối đa phải lớn hơn 0", "The age limit must be positive"))
	}
	if quota < 0 {
		es.Add("quota", contests.T("Số giải không được âm", "The quota must not be negative"))
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	best := func(a, b Entrant) int {
		return cmp.Or(cmp.Compare(roundScore(b.Final), roundScore(a.Final)), a.SubmittedAt.Compare(b.SubmittedAt), cmp.Compare(a.WorkID, b.WorkID))
	}
	people := perAuthor(entrants, best)
	people = slices.DeleteFunc(people, func(e Entrant) bool {
		return e.BirthDate.IsZero() || AgeOn(e.BirthDate, on) > maxAge
	})
	slices.SortFunc(people, func(a, b Entrant) int { return cmp.Or(best(a, b), cmp.Compare(a.AuthorID, b.AuthorID)) })
	if quota == 0 || quota >= len(people) {
		return people, nil
	}
	n := quota
	for n < len(people) && roundScore(people[n].Final) == roundScore(people[quota-1].Final) {
		n++
	}
	return people[:n], nil
}

// perAuthor keeps, for each AuthorID, the entrant that sorts first by
// prefer, so a person with several works is one candidate.
func perAuthor(entrants []Entrant, prefer func(a, b Entrant) int) []Entrant {
	chosen := map[string]Entrant{}
	for _, e := range entrants {
		if cur, ok := chosen[e.AuthorID]; !ok || prefer(e, cur) < 0 {
			chosen[e.AuthorID] = e
		}
	}
	out := make([]Entrant, 0, len(chosen))
	for _, e := range chosen {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b Entrant) int { return cmp.Compare(a.AuthorID, b.AuthorID) })
	return out
}

// compareDate orders two calendar dates (UTC), older first.
func compareDate(a, b time.Time) int {
	a, b = a.UTC(), b.UTC()
	return cmp.Or(cmp.Compare(a.Year(), b.Year()), cmp.Compare(a.YearDay(), b.YearDay()))
}
