package quiz

// UnitOnly is the statistics of one unit as if it were the whole contest,
// for a caller who may see only that unit's figures (report access): its
// counts and breakdown, the unit as the only root of the tree, nobody
// unplaced. Started is its people: who only began an attempt is counted
// contest-wide, not per unit. ByDay, ByHour and Scores are the unit's own.
func (u *UnitStats) UnitOnly() RoundStats {
	b := u.Breakdown()
	return RoundStats{
		Started:   u.People,
		Counts:    u.Counts,
		Breakdown: b.Breakdown,
		Units:     []*UnitStats{u},
		ByDay:     b.ByDay,
		ByHour:    b.ByHour,
		Scores:    b.Scores,
	}
}
