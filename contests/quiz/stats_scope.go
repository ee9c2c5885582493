package quiz

// UnitOnly is the statistics of one unit as if it were the whole contest,
// for a caller who may see only that unit's figures (report access): its
// counts and breakdown, the unit as the only root of the tree, nobody
// unplaced. Started is its people: who only began an attempt is counted
// contest-wide, not per unit. ByDay, ByHour and Scores are empty (not
// absent, so a chart shows nothing rather than failing): they are kept
// contest-wide only, and the contest's would pass for the unit's.
func (u *UnitStats) UnitOnly() RoundStats {
	return RoundStats{
		Started:   u.People,
		Counts:    u.Counts,
		Breakdown: u.Breakdown(),
		Units:     []*UnitStats{u},
		ByDay:     []DayCount{},
		ByHour:    []HourCount{},
		Scores:    []ScoreCount{},
	}
}
