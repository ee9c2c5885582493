package api

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/excel"
	"hoithi/server/store"
)

// The contest summary is checked against what the statistics scenario
// seeded, counted here: citizen 11 played both rounds (one more attempt,
// still one person), round 2 has results, round 1 none.

func TestContestSummaryWorkbook(t *testing.T) {
	eachEngineCounting(t, func(t *testing.T, e *env, cs *countingStore) {
		sc := newStatsScenario(t, e)
		sc.finishOpenAttempt(t)
		ctx := context.Background()
		// A unit whose name looks like a formula must stay text.
		odd := &contests.Unit{ID: store.NewID(), Code: "W1-Z", Name: "=SUM(1;2)", Kind: contests.UnitGrassroots, ParentID: e.units["W1"].ID}
		odd.Path, odd.NameFold = contests.ChildPath(e.units["W1"].Path, odd.ID), contests.Fold(odd.Name)
		if err := e.store.CreateUnit(ctx, odd); err != nil {
			t.Fatal(err)
		}
		e.now = sc.base.Add(48*time.Hour + time.Minute)
		if r := e.computeResults(sc.round2, sc.f.orgToken()); r.Status != 200 {
			t.Fatalf("results: %d %s", r.Status, r.Raw)
		}
		standings, _, err := e.store.Standings(ctx, sc.round2, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		prizes := 0
		for _, st := range standings {
			if st.Prize != "" {
				prizes++
			}
		}
		first := sc.citizens[0]
		r1, err := e.store.Participation(ctx, sc.round1, first.id)
		if err != nil || len(r1.Attempts) != 1 {
			t.Fatalf("round 1 record of citizen 11: %v %v", r1, err)
		}
		sc.waitFreshContest(t)
		scans := cs.scans.Load()

		// tally adds citizen 11's round-1 attempt (1 of 5 right) to the
		// round-2 counts of the citizens keep selects.
		tally := func(keep func(*seededCitizen) bool) map[string]int {
			c := sc.tally(keep)
			if keep(first) {
				c["attempts"]++
			}
			return c
		}
		all, inA := tally(everyone), tally(func(c *seededCitizen) bool { return c.unit == "W1-A" })
		round2 := sc.tally(everyone)
		vn := func(t time.Time) string { return t.In(vietnamClock).Format("02/01/2006 15:04:05") }
		f := openXLSX(t, e.do("GET", "/api/v1/org/contests/"+sc.f.contestID+"/summary.xlsx", nil, sc.f.orgToken()),
			fmt.Sprintf("tong-hop-cuoc-thi-%s.xlsx", sc.f.slug))
		if got := f.GetSheetList(); !slices.Equal(got, []string{"TongQuan", "TheoDonVi", "TheoNhom", "TheoNgay"}) {
			t.Fatalf("sheets %v", got)
		}
		opened := sc.base.Add(-time.Minute) // both rounds were created at the scenario's start
		sheetEquals(t, f, excel.SummaryOverviewSheet, [][]string{
			{"Cuộc thi", "Tìm hiểu lịch sử Đảng bộ"},
			{"Đơn vị tổ chức", "Phường An Biên"},
			{"Số liệu tính lúc", vn(e.now)},
			{"Số người dự thi (mỗi người tính một lần)", num(all["people"])},
			{"Số lượt thi", num(all["attempts"])},
			{"Số người đúng tất cả các câu (ít nhất một lượt)", num(all["allCorrect"])},
			{"Số giải đã trao", num(prizes)},
			{"Số đợt thi", "2"},
			{},
			{"Đợt", "Tên đợt thi", "Mở lúc", "Đóng lúc", "Trạng thái", "Số người dự thi", "Số lượt thi", "Số người đúng tất cả các câu", "Số giải đã trao"},
			{"1", "Tuần 1", vn(opened), vn(sc.base.Add(time.Hour)), "Đã đóng", "1", "1", "0", ""},
			{"2", "Tuần 2", vn(opened), vn(sc.base.Add(48 * time.Hour)), "Đã đóng, đã tính kết quả",
				num(round2["people"]), num(round2["attempts"]), num(round2["allCorrect"]), num(prizes)},
		})
		if prizes != 2 {
			t.Errorf("%d prizes in the standings, want both tiers filled", prizes)
		}
		sheetEquals(t, f, excel.SummaryUnitsSheet, [][]string{
			{"Cấp", "Mã đơn vị", "Đơn vị", "Số người của đơn vị", "Số người dự thi", "Tỷ lệ so với số người của đơn vị (%)", "Số lượt thi",
				"Số người đúng tất cả các câu", "Chỉ tiêu (người)", "Tỷ lệ so với chỉ tiêu (%)"},
			{"1", "W1", "Phường An Biên", "100", num(all["people"]), pctCell(all["people"], 100), num(all["attempts"]), num(all["allCorrect"]), "", ""},
			{"2", "W1-Z", "=SUM(1;2)", "", "0", "", "0", "0", "", ""},
			{"2", "W1-A", "Khu phố 1", "100", num(inA["people"]), pctCell(inA["people"], 100), num(inA["attempts"]), num(inA["allCorrect"]), "", ""},
		})
		if formula, _ := f.GetCellFormula(excel.SummaryUnitsSheet, "C3"); formula != "" {
			t.Errorf("the unit named like a formula became formula %q", formula)
		}

		groups := [][]string{{"Tiêu chí", "Nhóm", "Số người dự thi", "Tỷ lệ trong tổng số người dự thi (%)", "Số lượt thi", "Số người đúng tất cả các câu"}}
		addGroups := func(title string, keys []string, label func(string) string, keyOf func(*seededCitizen) string) {
			for _, k := range keys {
				c := tally(func(x *seededCitizen) bool { return keyOf(x) == k })
				if k == quiz.GroupUnknown {
					label = func(string) string { return "Không rõ" }
				}
				groups = append(groups, []string{title, label(k), num(c["people"]), pctCell(c["people"], all["people"]), num(c["attempts"]), num(c["allCorrect"])})
			}
		}
		addGroups("Nghề nghiệp/Đối tượng", quiz.OccupationKeys(), func(k string) string { return excel.OccupationLabel(contests.Occupation(k)) },
			func(c *seededCitizen) string { return c.occupation })
		addGroups("Độ tuổi", quiz.AgeBands, excel.AgeBandLabel, func(c *seededCitizen) string { return c.ageBand })
		addGroups("Giới tính", quiz.Genders, func(k string) string { return map[string]string{"male": "Nam", "female": "Nữ"}[k] },
			func(c *seededCitizen) string { return c.gender })
		sheetEquals(t, f, excel.SummaryGroupsSheet, groups)

		// Days: every final attempt's submission, on Vietnam's calendar.
		dayAttempts, dayPeople := map[string]int{}, map[string]map[string]bool{}
		count := func(who string, at time.Time) {
			d := at.In(vietnamClock).Format(time.DateOnly)
			dayAttempts[d]++
			if dayPeople[d] == nil {
				dayPeople[d] = map[string]bool{}
			}
			dayPeople[d][who] = true
		}
		count(first.id, r1.Attempts[0].SubmittedAt)
		for _, c := range sc.citizens {
			for _, a := range c.attempts {
				if !a.open {
					count(c.id, a.submit)
				}
			}
		}
		weekday := []string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}
		days := [][]string{{"Ngày", "Thứ", "Số lượt thi", "Số người nộp bài trong ngày"}}
		for _, d := range slices.Sorted(maps.Keys(dayAttempts)) {
			day, _ := time.Parse(time.DateOnly, d)
			days = append(days, []string{day.Format("02/01/2006"), weekday[day.Weekday()], num(dayAttempts[d]), num(len(dayPeople[d]))})
		}
		if len(days) != 3 {
			t.Errorf("the scenario should span two days: %v", days)
		}
		// A totals line: attempts add up over days; people do not.
		total := 0
		for _, n := range dayAttempts {
			total += n
		}
		days = append(days, []string{"Tổng cộng", "", num(total)})
		sheetEquals(t, f, excel.SummaryDaysSheet, days)
		if got := cs.scans.Load() - scans; got != 0 {
			t.Errorf("the download scanned %d rounds; it must read the snapshot", got)
		}
	})
}

// waitFreshContest asks for the contest's statistics until the snapshot is
// the clock's now.
func (sc *statsScenario) waitFreshContest(t *testing.T) {
	t.Helper()
	sc.waitComputedNow(t, "contest statistics", func() response { return sc.contestStatsOf(t) })
}

func TestContestSummaryOfAnEmptyContestAndAccess(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		x := openXLSX(t, e.do("GET", "/api/v1/org/contests/"+f.contestID+"/summary.xlsx", nil, f.org), "tong-hop-cuoc-thi-"+f.slug+".xlsx")
		overview, _ := x.GetRows(excel.SummaryOverviewSheet)
		if len(overview) != 11 || overview[3][1] != "0" || overview[4][1] != "0" || overview[6][1] != "0" ||
			!slices.Equal(overview[10], []string{"1", "Tuần 1", overview[10][2], overview[10][3], "Đang mở", "0", "0", "0"}) {
			t.Errorf("empty overview %q", overview)
		}
		sheetEquals(t, x, excel.SummaryUnitsSheet, [][]string{
			{"Cấp", "Mã đơn vị", "Đơn vị", "Số người của đơn vị", "Số người dự thi", "Tỷ lệ so với số người của đơn vị (%)", "Số lượt thi",
				"Số người đúng tất cả các câu", "Chỉ tiêu (người)", "Tỷ lệ so với chỉ tiêu (%)"},
			{"1", "W1", "Phường An Biên", "100", "0", "0.00%", "0", "0", "", ""},
			{"2", "W1-A", "Khu phố 1", "100", "0", "0.00%", "0", "0", "", ""},
		})
		groups, _ := x.GetRows(excel.SummaryGroupsSheet)
		if len(groups) != 1+len(quiz.OccupationKeys())+len(quiz.AgeBands)+len(quiz.Genders) {
			t.Errorf("%d group lines", len(groups))
		}
		if days, _ := x.GetRows(excel.SummaryDaysSheet); len(days) != 1 || days[0][0] != "Ngày" {
			t.Errorf("days of an empty contest %q, want the header only", days)
		}

		foreign := e.staff(901, contests.RoleOrganizer, "W2")
		citizen, _ := e.register(1, "W1-A")
		for _, c := range []struct {
			who, contest string
			status       int
		}{{foreign, f.contestID, 403}, {citizen, f.contestID, 403}, {"", f.contestID, 401}, {f.org, "nope", 404}} {
			if r := e.do("GET", "/api/v1/org/contests/"+c.contest+"/summary.xlsx", nil, c.who); r.Status != c.status {
				t.Errorf("summary of %s: %d %.200s, want %d", c.contest, r.Status, r.Raw, c.status)
			}
		}
	})
}
