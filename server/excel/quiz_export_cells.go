package excel

import (
	"fmt"
	"strings"
	"time"

	"hoithi/contests"
)

// How the quiz exports show values. Dates and durations that people read
// rather than compute with are text in a fixed shape, so every Excel locale
// shows them the same; the submission instant stays a real date (sortable,
// filterable) shown dd/mm/yyyy hh:mm.

// vietnam is the zone every instant of an export is shown in: organizers
// compare "nộp bài lúc" with round times announced in Vietnam time, and the
// server stores UTC. Vietnam has kept UTC+7 without daylight saving since
// 1975, so the fixed zone is exact when the tz database is missing (a
// minimal container).
var vietnam = func() *time.Location {
	if loc, err := time.LoadLocation("Asia/Ho_Chi_Minh"); err == nil {
		return loc
	}
	return time.FixedZone("ICT", 7*3600)
}()

// vietnamTime returns t on Vietnam's wall clock, nil for the zero time
// (excelize writes a time's wall clock as the cell's value).
func vietnamTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.In(vietnam)
}

// birthDateText writes a calendar date dd/mm/yyyy. Birth dates are stored
// at 00:00 UTC: read in UTC so no zone shifts the day.
func birthDateText(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.UTC().Format("02/01/2006")
}

// durationText writes a duration as mm:ss (minutes past 59 keep counting:
// "75:00"), truncated to the second as a stopwatch shows it.
func durationText(ms int64) any {
	if ms <= 0 {
		return nil
	}
	s := ms / 1000
	return fmt.Sprintf("%02d:%02d", s/60, s%60)
}

func correctText(correct, total int) any {
	if total <= 0 {
		return nil
	}
	return fmt.Sprintf("%d/%d", correct, total)
}

func optionalInt(v *int64) any {
	if v == nil {
		return nil
	}
	return *v
}

// phoneText writes a stored "+84…" number the way people write it at home:
// "0912 345 678" for a mobile, "0296 3852 123" for a landline. Anything
// else is shown as stored.
func phoneText(stored string) string {
	national, ok := strings.CutPrefix(stored, "+84")
	if !ok || strings.Trim(national, "0123456789") != "" {
		return stored
	}
	n := "0" + national
	switch len(n) {
	case 10:
		return n[:4] + " " + n[4:7] + " " + n[7:]
	case 11:
		return n[:4] + " " + n[4:8] + " " + n[8:]
	}
	return stored
}

func genderLabel(g contests.Gender) string {
	switch g {
	case contests.GenderMale:
		return "Nam"
	case contests.GenderFemale:
		return "Nữ"
	}
	return string(g)
}

var occupationLabels = map[contests.Occupation]string{
	contests.OccPartyMember:  "Đảng viên",
	contests.OccYouthUnion:   "Đoàn viên",
	contests.OccStudent:      "Học sinh, sinh viên",
	contests.OccCivilServant: "Cán bộ, công chức, viên chức",
	contests.OccArmedForces:  "Lực lượng vũ trang",
	contests.OccCitizen:      "Nhân dân",
}

// OccupationLabel is the Vietnamese name of an occupation group as
// registration forms print it; an unknown group is shown as stored.
func OccupationLabel(o contests.Occupation) string {
	if label, ok := occupationLabels[o]; ok {
		return label
	}
	return string(o)
}
