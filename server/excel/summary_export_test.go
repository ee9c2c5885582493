package excel

import (
	"io"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hoithi/contests/quiz"
)

func sampleSummary() ContestSummary {
	kp1 := &quiz.UnitStats{Code: "001", Name: "Khu phố 1", Headcount: 150, Target: 40, Counts: quiz.Counts{People: 10, Attempts: 14, AllCorrect: 3}}
	kp2 := &quiz.UnitStats{Code: "KP2", Name: "=HYPERLINK(\"http://x\")", Counts: quiz.Counts{People: 2, Attempts: 2}}
	ward := &quiz.UnitStats{Code: "AB", Name: "Phường An Biên", Headcount: 300, Counts: quiz.Counts{People: 13, Attempts: 17, AllCorrect: 3},
		Children: []*quiz.UnitStats{kp1, kp2}}
	return ContestSummary{
		Contest: "+Tìm hiểu lịch sử", OwnerUnit: "Phường An Biên",
		ComputedAt: time.Date(2026, 11, 23, 17, 30, 0, 0, time.UTC), // 00:30 on the 24th in Vietnam
		Totals:     quiz.Counts{People: 14, Attempts: 19, AllCorrect: 3},
		Rounds: []SummaryRound{
			{No: 1, Title: "Tuần 1", OpensAt: time.Date(2026, 11, 16, 3, 0, 0, 0, time.UTC), ClosesAt: time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC),
				Phase: quiz.PhaseResults, ResultsComputed: true, Counts: quiz.Counts{People: 12, Attempts: 15, AllCorrect: 2}, Prizes: 6},
			{No: 2, Title: "Tuần 2", OpensAt: time.Date(2026, 11, 23, 3, 0, 0, 0, time.UTC), ClosesAt: time.Date(2026, 11, 30, 2, 0, 0, 0, time.UTC),
				Phase: quiz.PhaseOpen, Counts: quiz.Counts{People: 4, Attempts: 4, AllCorrect: 1}},
		},
		Units:     []*quiz.UnitStats{ward},
		Unplaced:  quiz.Counts{People: 1, Attempts: 2},
		Breakdown: quiz.Breakdown{ByGender: []quiz.GroupCount{{Key: "female", Counts: quiz.Counts{People: 5, Attempts: 6}}}},
		ByDay:     []quiz.DayCount{{Date: "2026-11-16", Attempts: 7, People: 6}, {Date: "2026-11-22", Attempts: 12, People: 9}},
	}
}

func TestWriteContestSummaryCells(t *testing.T) {
	f := writtenWorkbook(t, func(w io.Writer) error { return WriteContestSummary(w, sampleSummary()) })
	if got := f.GetSheetList(); len(got) != 4 || got[0] != "TongQuan" || got[1] != "TheoDonVi" || got[2] != "TheoNhom" || got[3] != "TheoNgay" {
		t.Fatalf("sheets = %v", got)
	}
	roundsHeader := []string{"Đợt", "Tên đợt thi", "Mở lúc", "Đóng lúc", "Trạng thái", "Số người dự thi", "Số lượt thi", "Số người đúng tất cả các câu", "Số giải đã trao"}
	assertCells(t, f, SummaryOverviewSheet, [][]string{
		{"Cuộc thi", "+Tìm hiểu lịch sử"},
		{"Đơn vị tổ chức", "Phường An Biên"},
		{"Số liệu tính lúc", "24/11/2026 00:30:00"},
		{"Số người dự thi (mỗi người tính một lần)", "14"},
		{"Số lượt thi", "19"},
		{"Số người đúng tất cả các câu (ít nhất một lượt)", "3"},
		{"Số giải đã trao", "6"},
		{"Số đợt thi", "2"},
		{},
		roundsHeader,
		{"1", "Tuần 1", "16/11/2026 10:00:00", "23/11/2026 09:00:00", "Đã công bố kết quả", "12", "15", "2", "6"},
		{"2", "Tuần 2", "23/11/2026 10:00:00", "30/11/2026 09:00:00", "Đang mở", "4", "4", "1", ""},
	})
	if typ, _ := f.GetCellType(SummaryOverviewSheet, "B1"); typ != excelize.CellTypeInlineString {
		t.Errorf("the title starting with + is a %v cell, want text", typ)
	}
	panes, _ := f.GetPanes(SummaryOverviewSheet)
	if !panes.Freeze || panes.YSplit != 10 || panes.TopLeftCell != "A11" {
		t.Errorf("overview panes = %+v, want the rounds' header (row 10) frozen", panes)
	}
	assertFilter(t, f, SummaryOverviewSheet, "$A$10:$I$12")

	assertCells(t, f, SummaryUnitsSheet, [][]string{
		{"Cấp", "Mã đơn vị", "Đơn vị", "Số người của đơn vị", "Số người dự thi", "Tỷ lệ so với số người của đơn vị (%)", "Số lượt thi",
			"Số người đúng tất cả các câu", "Chỉ tiêu (người)", "Tỷ lệ so với chỉ tiêu (%)"},
		{"1", "AB", "Phường An Biên", "300", "13", "4.33%", "17", "3", "", ""},
		{"2", "001", "Khu phố 1", "150", "10", "6.67%", "14", "3", "40", "25.00%"},
		{"2", "KP2", "=HYPERLINK(\"http://x\")", "", "2", "", "2", "0", "", ""},
		{"", "", "Ngoài danh sách đơn vị của cuộc thi", "", "1", "", "2", "0"},
	})
	if typ, _ := f.GetCellType(SummaryUnitsSheet, "C4"); typ != excelize.CellTypeInlineString {
		t.Errorf("a unit named like a formula is a %v cell, want text", typ)
	}
	assertSheetConventions(t, f, SummaryUnitsSheet, "$A$1:$J$5")

	assertCells(t, f, SummaryGroupsSheet, [][]string{
		{"Tiêu chí", "Nhóm", "Số người dự thi", "Tỷ lệ trong tổng số người dự thi (%)", "Số lượt thi", "Số người đúng tất cả các câu"},
		{"Giới tính", "Nữ", "5", "35.71%", "6", "0"},
	})
	assertCells(t, f, SummaryDaysSheet, [][]string{
		{"Ngày", "Thứ", "Số lượt thi", "Số người nộp bài trong ngày"},
		{"16/11/2026", "Thứ Hai", "7", "6"},
		{"22/11/2026", "Chủ nhật", "12", "9"},
		{"Tổng cộng", "", "19"}, // attempts add up over days, people do not
	})
	assertSheetConventions(t, f, SummaryDaysSheet, "$A$1:$D$3")
	assertColumnKinds(t, f, SummaryDaysSheet, 1, kindsOf("Ngày=day", "Thứ=text", "Số lượt thi=number", "Số người nộp bài trong ngày=number"))
	assertColumnKinds(t, f, SummaryUnitsSheet, 1, kindsOf("Cấp=number", "Mã đơn vị=text", "Đơn vị=text", "Số người của đơn vị=number",
		"Số người dự thi=number", "Tỷ lệ so với số người của đơn vị (%)=percent", "Số lượt thi=number",
		"Số người đúng tất cả các câu=number", "Chỉ tiêu (người)=number", "Tỷ lệ so với chỉ tiêu (%)=percent"))
	assertColumnKinds(t, f, SummaryGroupsSheet, 1, kindsOf("Tiêu chí=text", "Nhóm=text", "Số người dự thi=number",
		"Tỷ lệ trong tổng số người dự thi (%)=percent", "Số lượt thi=number", "Số người đúng tất cả các câu=number"))
	assertColumnKinds(t, f, SummaryOverviewSheet, 10, kindsOf("Đợt=number", "Tên đợt thi=text", "Mở lúc=instant", "Đóng lúc=instant",
		"Trạng thái=text", "Số người dự thi=number", "Số lượt thi=number", "Số người đúng tất cả các câu=number", "Số giải đã trao=number"))
}

// assertFilter checks the filter buttons cover filterRange of sheet.
func assertFilter(t *testing.T, f *excelize.File, sheet, filterRange string) {
	t.Helper()
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == sheet {
			if want := "'" + sheet + "'!" + filterRange; dn.RefersTo != want {
				t.Errorf("filter range = %q, want %q", dn.RefersTo, want)
			}
			return
		}
	}
	t.Errorf("no autofilter on %s", sheet)
}

func TestWriteContestSummaryOfAnEmptyContest(t *testing.T) {
	f := writtenWorkbook(t, func(w io.Writer) error { return WriteContestSummary(w, ContestSummary{Contest: "Cuộc thi mới"}) })
	for sheet, header := range map[string]string{SummaryUnitsSheet: "Cấp", SummaryGroupsSheet: "Tiêu chí", SummaryDaysSheet: "Ngày"} {
		rows, err := f.GetRows(sheet)
		must(t, err)
		if len(rows) != 1 || rows[0][0] != header {
			t.Errorf("%s = %v, want its header only", sheet, rows)
		}
	}
	rows, _ := f.GetRows(SummaryOverviewSheet)
	if len(rows) != 10 || rows[3][1] != "0" || rows[6][1] != "0" || rows[9][0] != "Đợt" {
		t.Errorf("empty overview = %q", rows)
	}
}
