package main

import (
	"fmt"
	"math/rand/v2"
	"time"

	"hoithi/contests"
)

// The demo's participants: made up, but shaped like a ward's contest (docs/domain.md
// §2) so that every breakdown of the statistics has something to show.

var (
	demoFamilyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	demoMaleMiddle  = []string{"Văn", "Minh", "Hữu", "Đức", "Quốc", "Thanh", "Công", "Ngọc"}
	demoFemaleMid   = []string{"Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Kim", "Hồng", "Bảo"}
	demoMaleGiven   = []string{"An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khang", "Long", "Nam", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Trung", "Tuấn", "Việt"}
	demoFemaleGiven = []string{"Anh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngân", "Nhung", "Phương", "Thảo", "Trang", "Vy", "Yến"}
)

// demoPerson is who a seeded participant is.
type demoPerson struct {
	name       string
	gender     contests.Gender
	birth      time.Time // a calendar date at 00:00 UTC
	age        int       // on the round's closing date
	occupation contests.Occupation
	phone      string // as typed; participants get 0386xxxxxx, a range no demo login uses
	cccd       string
}

// ageRange is an age band with the share of participants in it: few
// children, mostly working-age cadres and party members, some retirees.
var demoAges = []struct {
	min, max, weight int
}{{14, 17, 8}, {18, 30, 25}, {31, 45, 30}, {46, 60, 25}, {61, 78, 12}}

// newDemoPerson makes participant i, aged on the calendar date of on.
func newDemoPerson(rng *rand.Rand, i int, on time.Time) demoPerson {
	p := demoPerson{gender: contests.GenderMale}
	middle, given := demoMaleMiddle, demoMaleGiven
	if rng.IntN(100) < 53 {
		p.gender, middle, given = contests.GenderFemale, demoFemaleMid, demoFemaleGiven
	}
	p.name = pick(rng, demoFamilyNames) + " " + pick(rng, middle) + " " + pick(rng, given)
	band := demoAges[weighted(rng, len(demoAges), func(k int) int { return demoAges[k].weight })]
	age := band.min + rng.IntN(band.max-band.min+1)
	p.age = age
	y, m, d := on.Date()
	// Born age years before on, minus up to 364 days: still age on that day.
	p.birth = time.Date(y-age, m, d, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -rng.IntN(365))
	p.occupation = demoOccupation(rng, age)
	p.phone = fmt.Sprintf("0386%06d", 100000+i)
	genderDigit := (p.birth.Year()/100 - 19) * 2 // CCCD: 0/1 for 1900s men/women, 2/3 for 2000s
	if p.gender == contests.GenderFemale {
		genderDigit++
	}
	p.cccd = fmt.Sprintf("089%d%02d%06d", genderDigit, p.birth.Year()%100, 500000+i)
	return p
}

// demoOccupation picks a plausible occupation group for an age.
func demoOccupation(rng *rand.Rand, age int) contests.Occupation {
	var choices []contests.Occupation
	switch {
	case age < 18:
		return contests.OccStudent
	case age <= 22:
		choices = []contests.Occupation{contests.OccStudent, contests.OccStudent, contests.OccYouthUnion}
	case age <= 30:
		choices = []contests.Occupation{contests.OccYouthUnion, contests.OccYouthUnion, contests.OccCivilServant, contests.OccPartyMember, contests.OccCitizen, contests.OccArmedForces}
	case age <= 60:
		choices = []contests.Occupation{contests.OccPartyMember, contests.OccPartyMember, contests.OccCivilServant, contests.OccCivilServant, contests.OccCitizen, contests.OccCitizen, contests.OccArmedForces}
	default:
		choices = []contests.Occupation{contests.OccPartyMember, contests.OccPartyMember, contests.OccCitizen}
	}
	return pick(rng, choices)
}

func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }

// weighted picks an index of n by the weights w(k).
func weighted(rng *rand.Rand, n int, w func(int) int) int {
	total := 0
	for k := range n {
		total += w(k)
	}
	x := rng.IntN(total)
	for k := range n {
		if x -= w(k); x < 0 {
			return k
		}
	}
	return n - 1
}

// demoHourWeights: when people take the quiz, Vietnam time — a little in
// the morning, at lunch, most in the evening, almost nobody at night.
var demoHourWeights = [24]int{0, 0, 0, 0, 0, 1, 3, 5, 6, 6, 5, 6, 9, 7, 4, 4, 5, 6, 8, 12, 14, 13, 9, 3}

// demoDayWeights: the week fills up towards its close (docs/domain.md §4).
var demoDayWeights = [7]int{9, 8, 8, 9, 11, 16, 22}
