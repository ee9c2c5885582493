package excel

import (
	"strings"
	"time"

	"hoithi/contests"
)

// How the quiz exports show values: figures are numbers, dates real dates
// (dd/mm/yyyy; instants dd/mm/yyyy hh:mm:ss in Vietnam time), durations
// [h]:mm:ss (sheet.go: Day, Span, Share), so an organizer can sort, filter
// and sum them in any Excel locale.

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

// optionalCount is n, or an empty cell when 0 means "not known".
func optionalCount(n int) any {
	if n <= 0 {
		return nil
	}
	return n
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
