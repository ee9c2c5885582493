package api

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/excel"
)

// openXLSX checks the download headers and opens the workbook.
func openXLSX(t *testing.T, r response, filename string) *excelize.File {
	t.Helper()
	if r.Status != 200 || r.Header.Get("Content-Type") != xlsxType {
		t.Fatalf("download: %d %s %.200s", r.Status, r.Header.Get("Content-Type"), r.Raw)
	}
	if cd := r.Header.Get("Content-Disposition"); cd != `attachment; filename="`+filename+`"` {
		t.Errorf("Content-Disposition = %q, want %s", cd, filename)
	}
	f, err := excelize.OpenReader(bytes.NewReader(r.Raw))
	if err != nil {
		t.Fatalf("not a workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// sheetEquals compares a sheet with want cell by cell, as Excel shows it.
func sheetEquals(t *testing.T, f *excelize.File, sheet string, want [][]string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("%s: %v", sheet, err)
	}
	if len(rows) != len(want) {
		t.Fatalf("%s: %d rows, want %d:\n%q", sheet, len(rows), len(want), rows)
	}
	for i, line := range want {
		for c, text := range line {
			ref, _ := excelize.CoordinatesToCellName(c+1, i+1)
			if got, _ := f.GetCellValue(sheet, ref); got != text {
				t.Errorf("%s!%s (%s) = %q, want %q", sheet, ref, want[0][c], got, text)
			}
		}
	}
}

func num(n int) string { return strconv.Itoa(n) }

func pct(part, whole int) string {
	if whole == 0 {
		return "0"
	}
	return strconv.FormatFloat(math.Round(float64(part)*10000/float64(whole))/100, 'f', -1, 64)
}

// pctCell is a percentage as an export shows it: a 0.00% cell.
func pctCell(part, whole int) string {
	if whole == 0 {
		return "0.00%"
	}
	return strconv.FormatFloat(math.Round(float64(part)*10000/float64(whole))/100, 'f', 2, 64) + "%"
}

// genderName is how the exports name each gender.
var genderName = map[string]string{"male": "Nam", "female": "Nữ", "unknown": "Không rõ"}

// reportInfoRows is the info sheet of the scenario's round 2 report for a
// unit of headcount 100 and target (0: none) whose people counted c and won
// prizes.
func reportInfoRows(e *env, unitName string, target int, c map[string]int, prizes int) [][]string {
	targetCell, ofTarget := "", ""
	if target > 0 {
		targetCell, ofTarget = num(target), pctCell(c["people"], target)
	}
	return [][]string{
		{"Mục", "Giá trị"},
		{"Cuộc thi", "Tìm hiểu lịch sử Đảng bộ"},
		{"Đợt thi", "Tuần 2"},
		{"Đơn vị", unitName},
		{"Số liệu tính lúc", e.now.In(time.FixedZone("ICT", 7*3600)).Format("02/01/2006 15:04:05")},
		{"Số đảng viên/đoàn viên/dân số", "100"},
		{"Chỉ tiêu (người)", targetCell},
		{"Số người dự thi", num(c["people"])},
		{"Tỷ lệ so với số người (%)", pctCell(c["people"], 100)},
		{"Tỷ lệ so với chỉ tiêu (%)", ofTarget},
		{"Số lượt thi", num(c["attempts"])},
		{"Số người đúng tất cả các câu", num(c["allCorrect"])},
		{"Tổng số giải", num(prizes)},
	}
}

func TestStatsReportWorkbook(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		sc := newStatsScenario(t, e)
		// W1-A has a target, W1 none: W1's resolves to W1-A's.
		withA := *e.units["W1-A"]
		withA.Target = 40
		if err := e.store.UpdateUnit(context.Background(), &withA); err != nil {
			t.Fatal(err)
		}
		sc.finishOpenAttempt(t)
		// Close the round and compute its results: prizes per unit come
		// from the standings, read here straight from the store.
		e.now = sc.base.Add(48*time.Hour + time.Minute)
		if r := e.computeResults(sc.round2, sc.f.orgToken()); r.Status != 200 {
			t.Fatalf("results: %d %s", r.Status, r.Raw)
		}
		rows, _, err := e.store.Standings(context.Background(), sc.round2, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		unitOf := map[string]string{}
		for _, c := range sc.citizens {
			unitOf[c.id] = c.unit
		}
		prizes := map[string][2]int{} // unit code → [nhất, nhì]
		for _, st := range rows {
			p := prizes[unitOf[st.UserID]]
			switch st.Prize {
			case "nhat":
				p[0]++
			case "nhi":
				p[1]++
			}
			prizes[unitOf[st.UserID]] = p
		}
		if p := prizes["W1-A"]; p[0]+p[1]+prizes["W1"][0]+prizes["W1"][1] != 2 {
			t.Fatalf("expected two prizes, standings %+v", rows)
		}
		sc.waitFresh(t)

		inA := func(c *seededCitizen) bool { return c.unit == "W1-A" }
		inW1 := func(c *seededCitizen) bool { return c.unit == "W1" }
		a, own, all := sc.tally(inA), sc.tally(inW1), sc.tally(everyone)
		unitHeader := []string{"Mã đơn vị", "Đơn vị", "Số đảng viên/đoàn viên/dân số", "Chỉ tiêu (người)", "Số người dự thi",
			"Tỷ lệ so với số người (%)", "Tỷ lệ so với chỉ tiêu (%)", "Số lượt thi", "Số người đúng tất cả các câu", "Giải Nhất", "Giải Nhì", "Tổng số giải"}
		// line is a report line; an unknown headcount or target (0) is an
		// empty cell and so is its rate.
		line := func(code, name string, headcount, target int, c map[string]int, p [2]int) []string {
			base := func(n int) (string, string) {
				if n == 0 {
					return "", ""
				}
				return num(n), pctCell(c["people"], n)
			}
			h, hRate := base(headcount)
			tg, tRate := base(target)
			return []string{code, name, h, tg, num(c["people"]), hRate, tRate, num(c["attempts"]), num(c["allCorrect"]), num(p[0]), num(p[1]), num(p[0] + p[1])}
		}
		file := fmt.Sprintf("bao-cao-thong-ke-%s-tuan-2.xlsx", sc.f.slug)
		f := openXLSX(t, e.do("GET", "/api/v1/org/rounds/"+sc.round2+"/report.xlsx", nil, sc.f.orgToken()), file)
		if got := f.GetSheetList(); len(got) != 3 || got[0] != excel.ReportUnitsSheet || got[1] != excel.ReportGroupsSheet {
			t.Fatalf("sheets %v", got)
		}
		sheetEquals(t, f, excel.ReportUnitsSheet, [][]string{unitHeader,
			line("W1-A", "Khu phố 1", 100, 40, a, prizes["W1-A"]),
			line("W1", "Phường An Biên (trực thuộc trực tiếp)", 0, 0, own, prizes["W1"]),
			// The unit's own totals (W1's headcount, its children's target).
			line("", "Tổng cộng", 100, 40, all, [2]int{prizes["W1-A"][0] + prizes["W1"][0], prizes["W1-A"][1] + prizes["W1"][1]}),
		})
		groups := [][]string{{"Tiêu chí", "Nhóm", "Số người dự thi", "Tỷ lệ trong tổng số người dự thi (%)", "Số lượt thi", "Số người đúng tất cả các câu"}}
		addGroups := func(title string, keys []string, label func(string) string, keyOf func(*seededCitizen) string) {
			for _, k := range keys {
				c := sc.tally(func(x *seededCitizen) bool { return keyOf(x) == k })
				groups = append(groups, []string{title, label(k), num(c["people"]), pctCell(c["people"], all["people"]), num(c["attempts"]), num(c["allCorrect"])})
			}
		}
		addGroups("Nghề nghiệp/Đối tượng", quiz.OccupationKeys(), func(k string) string {
			if k == quiz.GroupUnknown {
				return "Không rõ"
			}
			return excel.OccupationLabel(contests.Occupation(k))
		}, func(c *seededCitizen) string { return c.occupation })
		addGroups("Độ tuổi", quiz.AgeBands, excel.AgeBandLabel, func(c *seededCitizen) string { return c.ageBand })
		addGroups("Giới tính", quiz.Genders, func(k string) string { return genderName[k] }, func(c *seededCitizen) string { return c.gender })
		sheetEquals(t, f, excel.ReportGroupsSheet, groups)
		// W1's own headcount; its target is W1-A's, the sum of its children's.
		sheetEquals(t, f, excel.ReportInfoSheet, reportInfoRows(e, "Phường An Biên", 40, all, 2))

		// One click for the unit W1-A: its own line, its own people only.
		f = openXLSX(t, e.do("GET", "/api/v1/org/rounds/"+sc.round2+"/report.xlsx?unitId="+e.units["W1-A"].ID, nil, sc.f.orgToken()), file)
		sheetEquals(t, f, excel.ReportUnitsSheet, [][]string{unitHeader, line("W1-A", "Khu phố 1", 100, 40, a, prizes["W1-A"]),
			line("", "Tổng cộng", 100, 40, a, prizes["W1-A"])})
		if v, _ := f.GetCellValue(excel.ReportGroupsSheet, "C2"); v != num(sc.tally(func(c *seededCitizen) bool { return inA(c) && c.occupation == "party_member" })["people"]) {
			t.Errorf("W1-A party members = %q", v)
		}
	})
}

// waitFresh asks for the statistics until the snapshot is the clock's now
// (a request on a stale snapshot refreshes it in the background).
func (sc *statsScenario) waitFresh(t *testing.T) {
	t.Helper()
	sc.waitComputedNow(t, "statistics", func() response { return sc.statsOf(t, "") })
}

// waitComputedNow calls get until the snapshot it answers was computed at
// the clock's now, failing with "<what> never refreshed" after 20 seconds.
func (sc *statsScenario) waitComputedNow(t *testing.T, what string, get func() response) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for get().Body["computedAt"] != sc.f.e.now.Format(time.RFC3339Nano) {
		if time.Now().After(deadline) {
			t.Fatal(what + " never refreshed")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestItemAnalysisMatchesSeededAnswers(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		sc := newStatsScenario(t, e)
		type counts struct {
			drawn, correct int
			chosen         map[string]int
		}
		want := map[string]*counts{}
		for _, c := range sc.citizens {
			for _, a := range c.attempts {
				if a.open {
					continue
				}
				for _, q := range a.qids {
					if want[q] == nil {
						want[q] = &counts{chosen: map[string]int{}}
					}
					want[q].drawn++
					want[q].chosen[a.chosen[q]]++
					if a.chosen[q] == sc.f.key[q] {
						want[q].correct++
					}
				}
			}
		}
		r := e.do("GET", "/api/v1/org/rounds/"+sc.round2+"/items", nil, sc.f.orgToken())
		if r.Status != 200 || r.Body["attempts"] != float64(sc.tally(everyone)["attempts"]) {
			t.Fatalf("items: %d %s", r.Status, r.Raw)
		}
		items := r.Body["items"].([]any)
		if len(items) != len(want) {
			t.Fatalf("%d items, want %d", len(items), len(want))
		}
		xlsx := [][]string{{"STT", "Câu hỏi", "Chủ đề", "Mức độ", "Đáp án đúng", "Số lần xuất hiện", "Số lần trả lời", "Tỷ lệ đúng (%)", "Độ phân biệt",
			"Chọn A", "Chọn B", "Chọn C", "Chọn D"}}
		for i, it := range items {
			m := it.(map[string]any)
			w := want[m["questionId"].(string)]
			if w == nil || m["drawn"] != float64(w.drawn) || m["answered"] != float64(w.drawn) || m["correct"] != float64(w.correct) ||
				fmt.Sprint(m["facilityPct"]) != pct(w.correct, w.drawn) {
				t.Errorf("item %v, want %+v", m, w)
				continue
			}
			for _, o := range m["options"].([]any) {
				om := o.(map[string]any)
				if om["chosen"] != float64(w.chosen[om["id"].(string)]) || om["key"] != (om["id"] == sc.f.key[m["questionId"].(string)]) {
					t.Errorf("%s option %v, want chosen %d", m["questionId"], om, w.chosen[om["id"].(string)])
				}
			}
			xlsx = append(xlsx, []string{num(i + 1), m["text"].(string), "Lịch sử", []string{"", "Dễ", "Trung bình", "Khó"}[int(m["difficulty"].(float64))],
				sc.f.key[m["questionId"].(string)], num(w.drawn), num(w.drawn), pctCell(w.correct, w.drawn), "",
				num(w.chosen["A"]), num(w.chosen["B"]), num(w.chosen["C"]), num(w.chosen["D"])})
		}
		f := openXLSX(t, e.do("GET", "/api/v1/org/rounds/"+sc.round2+"/items.xlsx", nil, sc.f.orgToken()),
			fmt.Sprintf("phan-tich-cau-hoi-%s-tuan-2.xlsx", sc.f.slug))
		// Discrimination depends on the draw; its cell is checked against
		// the JSON instead of "" below.
		for i, it := range items {
			if d, ok := it.(map[string]any)["discrimination"].(float64); ok {
				xlsx[i+1][8] = strconv.FormatFloat(d, 'f', -1, 64)
			}
		}
		sheetEquals(t, f, excel.ItemsSheet, xlsx)
	})
}

func TestStatsWorkbooksOfAnEmptyRound(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		f := newQuizFixture(t, e)
		file := fmt.Sprintf("bao-cao-thong-ke-%s-tuan-1.xlsx", f.slug)
		x := openXLSX(t, e.do("GET", "/api/v1/org/rounds/"+f.roundID+"/report.xlsx", nil, f.org), file)
		sheetEquals(t, x, excel.ReportUnitsSheet, [][]string{
			{"Mã đơn vị", "Đơn vị", "Số đảng viên/đoàn viên/dân số", "Chỉ tiêu (người)", "Số người dự thi", "Tỷ lệ so với số người (%)",
				"Tỷ lệ so với chỉ tiêu (%)", "Số lượt thi", "Số người đúng tất cả các câu", "Giải Nhất", "Giải Nhì", "Tổng số giải"},
			{"W1-A", "Khu phố 1", "100", "", "0", "0.00%", "", "0", "0", "0", "0", "0"},
			{"", "Tổng cộng", "100", "", "0", "0.00%", "", "0", "0", "0", "0", "0"},
		})
		groups, _ := x.GetRows(excel.ReportGroupsSheet)
		if len(groups) != 1+len(quiz.OccupationKeys())+len(quiz.AgeBands)+len(quiz.Genders) {
			t.Errorf("%d group lines", len(groups))
		}
		for _, g := range groups[1:] {
			if g[2] != "0" || g[3] != "0.00%" || g[4] != "0" || g[5] != "0" {
				t.Errorf("group line %v is not zero", g)
			}
		}
		if v, _ := x.GetCellValue(excel.ReportInfoSheet, "B8"); v != "0" {
			t.Errorf("info: people = %q", v)
		}
		if v, _ := x.GetCellValue(excel.ReportInfoSheet, "B7"); v != "" {
			t.Errorf("info: target = %q, want empty when no unit has one", v)
		}
		x = openXLSX(t, e.do("GET", "/api/v1/org/rounds/"+f.roundID+"/items.xlsx", nil, f.org), fmt.Sprintf("phan-tich-cau-hoi-%s-tuan-1.xlsx", f.slug))
		if rows, _ := x.GetRows(excel.ItemsSheet); len(rows) != 1 || rows[0][0] != "STT" || rows[0][len(rows[0])-1] != "Cảnh báo" {
			t.Errorf("empty item analysis = %v, want the header only", rows)
		}
	})
}
