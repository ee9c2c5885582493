package quiz

import (
	"cmp"
	"errors"
	"math"
	"slices"
	"strings"
	"time"

	"hoithi/contests"
)

// A national round ranks half a million people: as Ranked values (~200
// bytes, two pointers each for the prediction) their lines alone are
// ~120 MB, held while the same-person rule reads every account. The
// results builder keeps each person as a line of ~96 bytes instead, ranks
// those with the same rules (compareLines, tested against RankKey.compare)
// and makes a Ranked only when a standing line or a prize needs it.

// line is one person's ranking line, compact: figures as 32-bit numbers,
// instants as milliseconds (what the ranking compares) plus the rest of
// their nanoseconds and their location (an index in the builder's table),
// the unit path as an index in the builder's table.
type line struct {
	user                    string
	startedMs, submittedMs  int64
	duration, prediction    int64
	startedNs, submittedNs  int32 // below the millisecond
	score, correct, total   int32
	perfect, attemptNo      int32
	attempts, rank          int32
	unit                    int32
	startedLoc, submitLoc   uint16
	decided                 uint8 // 1 + the index of the key in the rule's keys; 0: none
	allCorrect, hasForecast bool
}

// lineTables are the texts and locations the lines point into.
type lineTables struct {
	units   []string
	unitOf  map[string]int32
	locs    []*time.Location
	locOf   map[zoneKey]uint16
	tooWide bool // a figure did not fit a line (never with real rounds)
}

// zoneKey tells locations apart as time.Time's text and the ranking see
// them: its name, the zone's name and offset at the instant. (Parsing a
// stored instant makes a new fixed zone each time: by pointer they would
// all differ.)
type zoneKey struct {
	loc, zone string
	offset    int
}

var errLineTooWide = contests.Internal(errors.New("quiz: a ranking figure is out of range"))

// lineOf makes e's line.
func (tb *lineTables) lineOf(e *Entry) line {
	l := line{user: e.UserID, duration: e.DurationMs, allCorrect: e.AllCorrect, unit: tb.unit(e.UnitPath)}
	l.score, l.correct, l.total = tb.fit(e.Score), tb.fit(e.Correct), tb.fit(e.Total)
	l.perfect, l.attemptNo, l.attempts = tb.fit(e.PerfectAttempts), tb.fit(e.AttemptNo), tb.fit(e.Attempts)
	l.startedMs, l.startedNs, l.startedLoc = tb.instant(e.StartedAt)
	l.submittedMs, l.submittedNs, l.submitLoc = tb.instant(e.SubmittedAt)
	if e.Prediction != nil {
		l.prediction, l.hasForecast = *e.Prediction, true
	}
	return l
}

func (tb *lineTables) fit(v int) int32 {
	if v < math.MinInt32 || v > math.MaxInt32 {
		tb.tooWide = true
	}
	return int32(v)
}

func (tb *lineTables) unit(path string) int32 {
	if tb.unitOf == nil {
		tb.unitOf = map[string]int32{}
	}
	i, ok := tb.unitOf[path]
	if !ok {
		i = int32(len(tb.units))
		tb.units = append(tb.units, path)
		tb.unitOf[path] = i
	}
	return i
}

// instant splits t into what ms(t) gives, the nanoseconds below it and
// its location's index.
func (tb *lineTables) instant(t time.Time) (ms int64, ns int32, loc uint16) {
	ms = t.UnixMilli()
	ns = int32(t.Nanosecond() % 1e6)
	name, offset := t.Zone()
	k := zoneKey{t.Location().String(), name, offset}
	if tb.locOf == nil {
		tb.locOf = map[zoneKey]uint16{}
	}
	loc, ok := tb.locOf[k]
	if !ok {
		if len(tb.locs) > math.MaxUint16 {
			tb.tooWide = true
		}
		loc = uint16(len(tb.locs))
		tb.locs = append(tb.locs, t.Location())
		tb.locOf[k] = loc
	}
	return ms, ns, loc
}

// time is the instant split by instant.
func (tb *lineTables) time(ms int64, ns int32, loc uint16) time.Time {
	sec, milli := ms/1000, ms%1000
	if milli < 0 {
		sec, milli = sec-1, milli+1000
	}
	return time.Unix(sec, milli*1e6+int64(ns)).In(tb.locs[loc])
}

// Ranking is a ranking made by ResultsBuilder.Finish, kept compact: At
// makes one of its lines (Len of them, best first).
type Ranking struct {
	lines  []line
	tables *lineTables
	rule   RankRule
	target *int64 // the prediction target the errors are counted from
}

// Len is how many lines the ranking has.
func (rk *Ranking) Len() int {
	if rk == nil {
		return 0
	}
	return len(rk.lines)
}

// At makes the ranking's line i.
func (rk *Ranking) At(i int) Ranked {
	l := &rk.lines[i]
	tb := rk.tables
	out := Ranked{Rank: int(l.rank), Entry: Entry{UserID: l.user, UnitPath: tb.units[l.unit], AttemptNo: int(l.attemptNo),
		Rounds: 1, // a round's entry (RoundEntry) counts one round
		Score:  int(l.score), Correct: int(l.correct), Total: int(l.total), DurationMs: l.duration,
		StartedAt:       tb.time(l.startedMs, l.startedNs, l.startedLoc),
		SubmittedAt:     tb.time(l.submittedMs, l.submittedNs, l.submitLoc),
		PerfectAttempts: int(l.perfect), Attempts: int(l.attempts), AllCorrect: l.allCorrect}}
	if l.hasForecast {
		p := l.prediction
		out.Prediction = &p
		if e, ok := rk.predictionError(l); ok {
			out.PredictionError = &e
		}
	}
	out.DecidedBy = rk.decidedBy(i)
	return out
}

// All makes every line (for small rankings and tests).
func (rk *Ranking) All() []Ranked {
	out := make([]Ranked, rk.Len())
	for i := range out {
		out[i] = rk.At(i)
	}
	return out
}

func (rk *Ranking) len() int            { return rk.Len() }
func (rk *Ranking) at(i int) Ranked     { return rk.At(i) }
func (rk *Ranking) rankAt(i int) int    { return int(rk.lines[i].rank) }
func (rk *Ranking) userAt(i int) string { return rk.lines[i].user }
func (rk *Ranking) decidedBy(i int) RankKey {
	if d := rk.lines[i].decided; d > 0 {
		return rk.rule.Keys[d-1]
	}
	return ""
}

// predictionError is |prediction − target|, false when either is unknown.
func (rk *Ranking) predictionError(l *line) (int64, bool) {
	if !l.hasForecast || rk.target == nil {
		return 0, false
	}
	return absDiff(l.prediction, *rk.target), true
}

// rank is rankLines on the compact lines: those the rule leaves out are
// dropped, the rest sorted (ties by user ID), numbered and told what
// decided.
func (rk *Ranking) rank() error {
	rule := rk.rule
	if err := rule.Validate(); err != nil {
		return err
	}
	if rule.AllCorrectOnly {
		rk.lines = slices.DeleteFunc(rk.lines, func(l line) bool { return !l.allCorrect })
	}
	order := make([]int32, len(rk.lines))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		a, b := &rk.lines[i], &rk.lines[j]
		if _, c := rk.compare(a, b); c != 0 {
			return c
		}
		return strings.Compare(a.user, b.user)
	})
	permute(rk.lines, order)
	for i := range rk.lines {
		l := &rk.lines[i]
		l.rank = int32(i + 1)
		if i == 0 {
			continue
		}
		key, _ := rk.compare(&rk.lines[i-1], l)
		if l.decided = uint8(key); key == 0 {
			l.rank = rk.lines[i-1].rank
		}
	}
	return nil
}

// compare returns the order of a and b by the rule (negative: a ranks
// higher) and 1 + the index of the key that decided it (0: equal on
// every key).
func (rk *Ranking) compare(a, b *line) (key int, c int) {
	for i, k := range rk.rule.Keys {
		if c := rk.compareBy(k, a, b); c != 0 {
			return i + 1, c
		}
	}
	return 0, 0
}

// compareBy is RankKey.compare on lines (same sign).
func (rk *Ranking) compareBy(k RankKey, a, b *line) int {
	switch k {
	case KeyScoreDesc:
		return cmp.Compare(b.score, a.score)
	case KeyCorrectDesc:
		return cmp.Compare(b.correct, a.correct)
	case KeyPredictionErrorAsc:
		ea, okA := rk.predictionError(a)
		eb, okB := rk.predictionError(b)
		switch {
		case !okA && !okB:
			return 0
		case !okA:
			return 1
		case !okB:
			return -1
		}
		return cmp.Compare(ea, eb)
	case KeyDurationAsc:
		return cmp.Compare(a.duration, b.duration)
	case KeySubmittedAsc:
		return cmp.Compare(a.submittedMs, b.submittedMs)
	case KeyStartedAsc:
		return cmp.Compare(a.startedMs, b.startedMs)
	case KeyPerfectAttemptsDesc:
		return cmp.Compare(b.perfect, a.perfect)
	}
	return 0
}
