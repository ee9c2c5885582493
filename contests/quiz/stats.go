package quiz

import (
	"time"

	"hoithi/contests"
)

// The statistics organizers report upward every week (docs/domain.md §2): people
// against attempts, how many got every answer right, per unit against its
// target headcount, per occupation, age band and gender, per day and hour of
// submission, and the spread of scores. They are computed off the hot path
// from the participation records, streamed through an Accumulator.

// Person is what statistics need of an account: who, where and the
// registration answers the breakdowns group by.
type Person struct {
	UserID     string
	UnitPath   string
	Occupation contests.Occupation
	Gender     contests.Gender
	// BirthDate is a calendar date (stored at 00:00 UTC); zero when unknown.
	BirthDate time.Time
}

// Counts are the three figures every line of a report carries.
type Counts struct {
	// People with at least one finalized attempt.
	People int `json:"people"`
	// Attempts finalized (submitted or timed out).
	Attempts int `json:"attempts"`
	// AllCorrect: people with at least one attempt with every answer right.
	AllCorrect int `json:"allCorrect"`
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.People += o.People
	c.Attempts += o.Attempts
	c.AllCorrect += o.AllCorrect
}

// RecordCounts counts one record on its own: one person when any attempt
// is final, all-correct when any final attempt is.
func RecordCounts(p *Participation) Counts {
	var n Counts
	for i := range p.Attempts {
		a := &p.Attempts[i]
		if !a.Final() {
			continue
		}
		n.People, n.Attempts = 1, n.Attempts+1
		if a.Total > 0 && a.Correct == a.Total {
			n.AllCorrect = 1
		}
	}
	return n
}

// GroupCount is one line of a breakdown: a key (an occupation, an age band,
// a gender, or "unknown") and its counts.
type GroupCount struct {
	Key string `json:"key"`
	Counts
}

// Breakdown splits people by their registration answers. Every known key is
// listed, zeros included, in a fixed order, so charts and sheets keep their
// shape from week to week.
type Breakdown struct {
	ByOccupation []GroupCount `json:"byOccupation"`
	ByAgeBand    []GroupCount `json:"byAgeBand"`
	ByGender     []GroupCount `json:"byGender"`
}

// DayCount is one calendar day in Vietnam: attempts submitted that day and
// the people who submitted at least one.
type DayCount struct {
	Date     string `json:"date"` // 2006-01-02
	Attempts int    `json:"attempts"`
	People   int    `json:"people"`
}

// HourCount is one hour of the day (0–23, Vietnam time) over all days.
type HourCount struct {
	Hour     int `json:"hour"`
	Attempts int `json:"attempts"`
}

// ScoreCount is one score: finalized attempts with it, and people whose
// best attempt has it.
type ScoreCount struct {
	Score    int `json:"score"`
	Attempts int `json:"attempts"`
	People   int `json:"people"`
}

// RoundStats is a round's (or a whole contest's) statistics.
type RoundStats struct {
	// Started: people with any attempt, an unfinished one included.
	Started int `json:"started"`
	Counts
	Breakdown
	// Units is the unit tree (its roots) with counts rolled up to ancestors.
	Units []*UnitStats `json:"units"`
	// Unplaced counts people whose unit is not in the tree (moved out of
	// the contest's units, or a unit since deleted).
	Unplaced Counts        `json:"unplaced"`
	ByDay    []DayCount    `json:"byDay"`
	ByHour   []HourCount   `json:"byHour"`
	Scores   []ScoreCount  `json:"scores"`
	unplaced *groupTallies // the breakdown of Unplaced
}

// Age bands on the round's closing date.
const (
	AgeUnder18 = "under_18"
	Age18To30  = "18_30"
	Age31To45  = "31_45"
	Age46To60  = "46_60"
	AgeOver60  = "over_60"
	// GroupUnknown is the key of people who did not say (or whose answer
	// is no longer a known value).
	GroupUnknown = "unknown"
)

// AgeBands lists the age band keys in display order, unknown last.
var AgeBands = []string{AgeUnder18, Age18To30, Age31To45, Age46To60, AgeOver60, GroupUnknown}

// Genders lists the gender keys in display order, unknown last.
var Genders = []string{string(contests.GenderMale), string(contests.GenderFemale), GroupUnknown}

// OccupationKeys lists the occupation keys in display order, unknown last.
func OccupationKeys() []string {
	out := make([]string, 0, len(contests.Occupations)+1)
	for _, o := range contests.Occupations {
		out = append(out, string(o))
	}
	return append(out, GroupUnknown)
}

// vietnamZone is the wall clock days and hours are counted in. Vietnam has
// kept UTC+7 without daylight saving since 1975, so a fixed zone is exact
// and needs no time zone database (this package does no I/O).
var vietnamZone = time.FixedZone("ICT", 7*3600)

// AgeBand returns the band of someone born on birth (a calendar date) at the
// Vietnamese calendar date of on; GroupUnknown when either is zero or the
// birth is after it.
func AgeBand(birth, on time.Time) string {
	if birth.IsZero() || on.IsZero() {
		return GroupUnknown
	}
	by, bm, bd := birth.UTC().Date()
	y, m, d := on.In(vietnamZone).Date()
	age := y - by
	if m < bm || (m == bm && d < bd) {
		age-- // the birthday of that year has not come yet
	}
	switch {
	case age < 0:
		return GroupUnknown
	case age < 18:
		return AgeUnder18
	case age <= 30:
		return Age18To30
	case age <= 45:
		return Age31To45
	case age <= 60:
		return Age46To60
	}
	return AgeOver60
}

// Stats computes a set of records in memory: see Accumulator, which this
// feeds in distinct mode (a person in several records counts once), so
// records of several rounds may be mixed. people maps a user ID to the
// person (absent: counted with unknown answers at the record's unit); ages
// are taken on the date of ageOn (the round's closing instant).
func Stats(records []*Participation, people map[string]Person, units []contests.Unit, ageOn time.Time) RoundStats {
	acc := NewDistinctAccumulator(ageOn)
	for _, p := range records {
		acc.Add(p, people[p.UserID])
	}
	return acc.Result(units)
}

// Find returns the node of unit id in the tree, nil when absent.
func (s *RoundStats) Find(id string) *UnitStats {
	var walk func(list []*UnitStats) *UnitStats
	walk = func(list []*UnitStats) *UnitStats {
		for _, u := range list {
			if u.ID == id {
				return u
			}
			if f := walk(u.Children); f != nil {
				return f
			}
		}
		return nil
	}
	return walk(s.Units)
}

// UnplacedBreakdown splits the unplaced people by registration answers.
func (s *RoundStats) UnplacedBreakdown() Breakdown {
	if s.unplaced == nil {
		return (&groupTallies{}).breakdown()
	}
	return s.unplaced.breakdown()
}
