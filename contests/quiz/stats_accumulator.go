package quiz

import (
	"slices"
	"time"

	"hoithi/contests"
)

// Accumulator computes RoundStats from participation records streamed one
// at a time, so a round of a million records never sits in memory: what it
// keeps is counters per unit path, each with its days, hours and scores.
//
// A plain Accumulator (NewAccumulator) takes each record as a new person:
// the records of one round, where a person has exactly one. A distinct
// Accumulator (NewDistinctAccumulator) merges the records of one person
// (several rounds of a contest) into one, at the cost of a small entry per
// person until Result.
type Accumulator struct {
	ageOn  time.Time
	merged map[string]*contribution // distinct mode only
	people tallies                  // plain mode: person-level counters
}

// NewAccumulator returns an accumulator for the records of one round; ages
// are taken on the Vietnamese date of ageOn (the round's closing instant).
func NewAccumulator(ageOn time.Time) *Accumulator {
	return &Accumulator{ageOn: ageOn, people: newTallies()}
}

// NewDistinctAccumulator returns an accumulator where a person seen in
// several records counts once: at the unit and with the answers of the last
// record added, their attempts summed, all-correct when any attempt was.
func NewDistinctAccumulator(ageOn time.Time) *Accumulator {
	a := NewAccumulator(ageOn)
	a.merged = map[string]*contribution{}
	return a
}

// contribution is what one person adds to the person-level counters.
type contribution struct {
	unitPath string
	slots    [3]int // occupation, age band, gender (indexes into groupTallies)
	started  bool
	attempts int
	perfect  bool
	best     int
	// marks are the finalized attempts, tallied by day, hour and score
	// where the person is finally counted (the unit of their last record).
	marks []attemptMark
}

func (c *contribution) counts() Counts {
	if c.attempts == 0 {
		return Counts{}
	}
	n := Counts{People: 1, Attempts: c.attempts}
	if c.perfect {
		n.AllCorrect = 1
	}
	return n
}

// Add counts one record. who may be the zero Person (an account since
// deleted): the record's unit is used and the answers count as unknown. The
// record's unit path (frozen when the person started) wins over the
// person's current one, so a move after the round changes no week's report.
func (a *Accumulator) Add(p *Participation, who Person) {
	c := &contribution{unitPath: p.UnitPath, started: len(p.Attempts) > 0,
		slots: [3]int{occupationSlot(who.Occupation), ageSlot(AgeBand(who.BirthDate, a.ageOn)), genderSlot(who.Gender)}}
	if c.unitPath == "" {
		c.unitPath = who.UnitPath
	}
	for i := range p.Attempts {
		at := &p.Attempts[i]
		if !at.Final() {
			continue
		}
		if c.attempts == 0 || at.Score > c.best {
			c.best = at.Score
		}
		c.attempts++
		c.perfect = c.perfect || (at.Total > 0 && at.Correct == at.Total)
		c.marks = append(c.marks, markOf(at))
	}
	if a.merged == nil {
		a.people.apply(c)
		return
	}
	old, ok := a.merged[p.UserID]
	if !ok {
		a.merged[p.UserID] = c
		return
	}
	if c.attempts > 0 && (old.attempts == 0 || c.best > old.best) {
		old.best = c.best
	}
	old.unitPath, old.slots = c.unitPath, c.slots
	old.started = old.started || c.started
	old.attempts += c.attempts
	old.perfect = old.perfect || c.perfect
	old.marks = append(old.marks, c.marks...)
}

// Result returns the statistics so far, with the unit tree built from units
// (typically the contest's eligible subtree). It may be called again after
// more records are added.
func (a *Accumulator) Result(units []contests.Unit) RoundStats {
	t := &a.people
	if a.merged != nil {
		fresh := newTallies()
		for _, c := range a.merged {
			fresh.apply(c)
		}
		t = &fresh
	}
	s := RoundStats{Started: t.started, Counts: t.total, Breakdown: t.groups.breakdown()}
	var unplaced *pathTally
	s.Units, unplaced = buildUnitTree(units, t.byPath)
	s.Unplaced, s.unplaced = unplaced.Counts, &unplaced.groups
	s.ByDay, s.ByHour, s.Scores = t.activity.byDay(), t.activity.byHour(), t.activity.byScore()
	return s
}

// tallies are the person-level counters.
type tallies struct {
	started  int
	total    Counts
	groups   groupTallies
	byPath   map[string]*pathTally // by the person's unit path
	activity activity              // round-wide
}

// pathTally counts the people of one unit path.
type pathTally struct {
	Counts
	groups   groupTallies
	activity activity
}

func newTallies() tallies {
	return tallies{byPath: map[string]*pathTally{}}
}

func (t *tallies) apply(c *contribution) {
	if c.started {
		t.started++
	}
	n := c.counts()
	if n.People == 0 {
		return // started, nothing finalized yet
	}
	t.total.Add(n)
	t.groups.add(c.slots, n)
	pt := t.byPath[c.unitPath]
	if pt == nil {
		pt = &pathTally{}
		t.byPath[c.unitPath] = pt
	}
	pt.Add(n)
	pt.groups.add(c.slots, n)
	t.activity.addPerson(c.marks, c.best)
	pt.activity.addPerson(c.marks, c.best)
}

// groupTallies holds the counts of every breakdown key side by side:
// occupations, then age bands, then genders. nil means all zero, so units
// without people cost nothing.
type groupTallies []Counts

var (
	occupationKeys = OccupationKeys()
	groupSlots     = len(occupationKeys) + len(AgeBands) + len(Genders)
)

func occupationSlot(o contests.Occupation) int {
	if i := slices.Index(occupationKeys, string(o)); i >= 0 {
		return i
	}
	return len(occupationKeys) - 1 // unknown
}

func ageSlot(band string) int { return len(occupationKeys) + slices.Index(AgeBands, band) }

func genderSlot(g contests.Gender) int {
	i := slices.Index(Genders, string(g))
	if i < 0 {
		i = len(Genders) - 1 // unknown
	}
	return len(occupationKeys) + len(AgeBands) + i
}

func (g *groupTallies) add(slots [3]int, n Counts) {
	if *g == nil {
		*g = make(groupTallies, groupSlots)
	}
	for _, s := range slots {
		(*g)[s].Add(n)
	}
}

func (g *groupTallies) merge(o groupTallies) {
	if o == nil {
		return
	}
	if *g == nil {
		*g = make(groupTallies, groupSlots)
	}
	for i := range o {
		(*g)[i].Add(o[i])
	}
}

func (g groupTallies) breakdown() Breakdown {
	at := func(i int) Counts {
		if g == nil {
			return Counts{}
		}
		return g[i]
	}
	list := func(keys []string, offset int) []GroupCount {
		out := make([]GroupCount, len(keys))
		for i, k := range keys {
			out[i] = GroupCount{Key: k, Counts: at(offset + i)}
		}
		return out
	}
	return Breakdown{
		ByOccupation: list(occupationKeys, 0),
		ByAgeBand:    list(AgeBands, len(occupationKeys)),
		ByGender:     list(Genders, len(occupationKeys)+len(AgeBands)),
	}
}
