package quiz

import (
	"maps"
	"slices"
	"time"
)

// activity is when and how well a set of people (the round, one unit path,
// one unit's subtree) answered: finalized attempts by Vietnamese calendar
// day, hour of day and score, with the people behind each day and each
// best score. It is sparse (maps of the days, hours and scores that
// occur), since a national tree has thousands of units, most active on a
// few days; the zero value is empty and costs nothing.
type activity struct {
	days   map[int32]seriesTally // by Vietnamese day number (dayNumber)
	hours  map[int8]int          // attempts by hour of day, 0–23
	scores map[int]seriesTally   // by score
}

// seriesTally is one day's or one score's attempts and the people behind
// them.
type seriesTally struct{ attempts, people int }

// ensureMaps makes the maps of an empty activity on its first figure.
func (a *activity) ensureMaps() {
	if a.scores == nil {
		a.days, a.hours, a.scores = map[int32]seriesTally{}, map[int8]int{}, map[int]seriesTally{}
	}
}

// attemptMark is what activity needs of one finalized attempt, kept small
// because a distinct Accumulator holds one per attempt of every person
// until Result.
type attemptMark struct {
	day   int32 // dayNumber; noDay when the submission time is unknown
	hour  int8
	score int
}

// noDay marks an attempt without a submission time: it counts for its
// score, on no day and at no hour.
const noDay = int32(-1 << 31)

// markOf returns the mark of a finalized attempt.
func markOf(at *Attempt) attemptMark {
	m := attemptMark{day: noDay, score: at.Score}
	if !at.SubmittedAt.IsZero() {
		local := at.SubmittedAt.In(vietnamZone)
		m.day, m.hour = dayNumber(local), int8(local.Hour())
	}
	return m
}

// dayNumber numbers the calendar date of a wall-clock time: days since
// 1970-01-01 on that calendar.
func dayNumber(local time.Time) int32 {
	y, mo, d := local.Date()
	return int32(time.Date(y, mo, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func dayString(n int32) string {
	return time.Unix(int64(n)*86400, 0).UTC().Format(time.DateOnly)
}

// addPerson counts one person: each finalized attempt (marks), the person
// once on every distinct day they submitted, and once at their best score.
func (a *activity) addPerson(marks []attemptMark, best int) {
	if len(marks) == 0 {
		return
	}
	a.ensureMaps()
	for i, m := range marks {
		st := a.scores[m.score]
		st.attempts++
		a.scores[m.score] = st
		if m.day == noDay {
			continue
		}
		a.hours[m.hour]++
		dt := a.days[m.day]
		dt.attempts++
		if !slices.ContainsFunc(marks[:i], func(o attemptMark) bool { return o.day == m.day }) {
			dt.people++ // the person's first attempt of that day
		}
		a.days[m.day] = dt
	}
	st := a.scores[best]
	st.people++
	a.scores[best] = st
}

// merge adds o's figures to a.
func (a *activity) merge(o *activity) {
	if o.scores == nil {
		return
	}
	a.ensureMaps()
	for d, t := range o.days {
		mine := a.days[d]
		a.days[d] = seriesTally{mine.attempts + t.attempts, mine.people + t.people}
	}
	for h, n := range o.hours {
		a.hours[h] += n
	}
	for s, t := range o.scores {
		mine := a.scores[s]
		a.scores[s] = seriesTally{mine.attempts + t.attempts, mine.people + t.people}
	}
}

// byDay lists the days with attempts in date order; never nil.
func (a *activity) byDay() []DayCount {
	out := make([]DayCount, 0, len(a.days))
	for _, d := range slices.Sorted(maps.Keys(a.days)) {
		t := a.days[d]
		out = append(out, DayCount{Date: dayString(d), Attempts: t.attempts, People: t.people})
	}
	return out
}

// byHour lists all 24 hours, zeros included, so the chart keeps its axis.
func (a *activity) byHour() []HourCount {
	out := make([]HourCount, 24)
	for h := range out {
		out[h] = HourCount{Hour: h, Attempts: a.hours[int8(h)]}
	}
	return out
}

// byScore lists the scores with attempts in ascending order; never nil.
func (a *activity) byScore() []ScoreCount {
	out := make([]ScoreCount, 0, len(a.scores))
	for _, s := range slices.Sorted(maps.Keys(a.scores)) {
		t := a.scores[s]
		out = append(out, ScoreCount{Score: s, Attempts: t.attempts, People: t.people})
	}
	return out
}
