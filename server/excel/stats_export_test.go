package excel

import (
	"io"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hoithi/contests/quiz"
)

func sampleReport() StatsReport {
	b := quiz.Breakdown{
		ByOccupation: []quiz.GroupCount{{Key: "party_member", Counts: quiz.Counts{People: 2, Attempts: 3, AllCorrect: 1}}, {Key: "unknown", Counts: quiz.Counts{People: 1, Attempts: 1}}},
		ByAgeBand:    []quiz.GroupCount{{Key: quiz.Age18To30, Counts: quiz.Counts{People: 3, Attempts: 4, AllCorrect: 1}}},
		ByGender:     []quiz.GroupCount{{Key: "female", Counts: quiz.Counts{People: 1, Attempts: 2}}, {Key: "male", Counts: quiz.Counts{People: 2, Attempts: 2, AllCorrect: 1}}},
	}
	return StatsReport{
		Contest: "Tìm hiểu lịch sử Đảng bộ", Round: "Tuần 1", Unit: "Phường An Biên",
		ComputedAt: time.Date(2026, 11, 23, 17, 30, 0, 0, time.UTC),
		Total:      ReportUnitRow{Name: "Phường An Biên", Headcount: 300, Target: 120, Counts: quiz.Counts{People: 3, Attempts: 4, AllCorrect: 1}},
		Rows: []ReportUnitRow{
			{Code: "001", Name: "Khu phố 1", Headcount: 150, Target: 40, Counts: quiz.Counts{People: 2, Attempts: 3, AllCorrect: 1}, Prizes: []int{1, 0}},
			// A target without a known headcount: one rate, not the other.
			{Code: "W1-B", Name: "=Khu phố 2", Headcount: 0, Target: 10, Counts: quiz.Counts{}, Prizes: []int{0, 0}},
			{Name: "Phường An Biên (trực tiếp)", Counts: quiz.Counts{People: 1, Attempts: 1}, Prizes: []int{0, 1}},
		},
		Tiers:     []string{"Giải Nhất", "Giải Nhì"},
		Breakdown: b,
	}
}

func TestWriteStatsReportCells(t *testing.T) {
	f := writtenWorkbook(t, func(w io.Writer) error { return WriteStatsReport(w, sampleReport()) })
	if got := f.GetSheetList(); len(got) != 3 || got[0] != ReportUnitsSheet || got[1] != ReportGroupsSheet || got[2] != ReportInfoSheet {
		t.Fatalf("sheets = %v", got)
	}
	assertCells(t, f, ReportUnitsSheet, [][]string{
		{"Mã đơn vị", "Đơn vị", "Số đảng viên/đoàn viên/dân số", "Chỉ tiêu (người)", "Số người dự thi", "Tỷ lệ so với số người (%)",
			"Tỷ lệ so với chỉ tiêu (%)", "Số lượt thi", "Số người đúng tất cả các câu", "Giải Nhất", "Giải Nhì", "Tổng số giải"},
		{"001", "Khu phố 1", "150", "40", "2", "1.33%", "5.00%", "3", "1", "1", "0", "1"},
		{"W1-B", "=Khu phố 2", "", "10", "0", "", "0.00%", "0", "0", "0", "0", "0"},
		{"", "Phường An Biên (trực tiếp)", "", "", "1", "", "", "1", "0", "0", "1", "1"},
		// The totals line the report is read by, outside the filter range.
		{"", "Tổng cộng", "300", "120", "3", "1.00%", "2.50%", "4", "1", "1", "1", "2"},
	})
	// Unknown bases are empty cells, not zeros; known ones are numbers.
	for ref, want := range map[string]excelize.CellType{"C3": excelize.CellTypeUnset, "F3": excelize.CellTypeUnset,
		"C4": excelize.CellTypeUnset, "D4": excelize.CellTypeUnset, "G4": excelize.CellTypeUnset} {
		if typ, _ := f.GetCellType(ReportUnitsSheet, ref); typ != want {
			t.Errorf("%s is a %v cell, want empty", ref, typ)
		}
	}
	assertNumberCells(t, f, ReportUnitsSheet, "C2", "D2", "F2", "G2", "D3", "G3")
	if typ, _ := f.GetCellType(ReportUnitsSheet, "B3"); typ != excelize.CellTypeInlineString {
		t.Errorf("B3 (a name starting with =) is a %v cell, want text", typ)
	}
	assertSheetConventions(t, f, ReportUnitsSheet, "$A$1:$L$4")
	assertColumnKinds(t, f, ReportUnitsSheet, 1, kindsOf("Mã đơn vị=text", "Đơn vị=text", "Số đảng viên/đoàn viên/dân số=number",
		"Chỉ tiêu (người)=number", "Số người dự thi=number", "Tỷ lệ so với số người (%)=percent", "Tỷ lệ so với chỉ tiêu (%)=percent",
		"Số lượt thi=number", "Số người đúng tất cả các câu=number", "Giải Nhất=number", "Giải Nhì=number", "Tổng số giải=number"))

	assertCells(t, f, ReportGroupsSheet, [][]string{
		{"Tiêu chí", "Nhóm", "Số người dự thi", "Tỷ lệ trong tổng số người dự thi (%)", "Số lượt thi", "Số người đúng tất cả các câu"},
		{"Nghề nghiệp/Đối tượng", "Đảng viên", "2", "66.67%", "3", "1"},
		{"Nghề nghiệp/Đối tượng", "Không rõ", "1", "33.33%", "1", "0"},
		{"Độ tuổi", "Từ 18 đến 30 tuổi", "3", "100.00%", "4", "1"},
		{"Giới tính", "Nữ", "1", "33.33%", "2", "0"},
		{"Giới tính", "Nam", "2", "66.67%", "2", "1"},
	})
	assertSheetConventions(t, f, ReportGroupsSheet, "$A$1:$F$6")
	assertColumnKinds(t, f, ReportGroupsSheet, 1, kindsOf("Tiêu chí=text", "Nhóm=text", "Số người dự thi=number",
		"Tỷ lệ trong tổng số người dự thi (%)=percent", "Số lượt thi=number", "Số người đúng tất cả các câu=number"))

	assertCells(t, f, ReportInfoSheet, [][]string{
		{"Mục", "Giá trị"},
		{"Cuộc thi", "Tìm hiểu lịch sử Đảng bộ"},
		{"Đợt thi", "Tuần 1"},
		{"Đơn vị", "Phường An Biên"},
		{"Số liệu tính lúc", "24/11/2026 00:30:00"}, // Vietnam time
		{"Số đảng viên/đoàn viên/dân số", "300"},
		{"Chỉ tiêu (người)", "120"},
		{"Số người dự thi", "3"},
		{"Tỷ lệ so với số người (%)", "1.00%"},
		{"Tỷ lệ so với chỉ tiêu (%)", "2.50%"},
		{"Số lượt thi", "4"},
		{"Số người đúng tất cả các câu", "1"},
		{"Tổng số giải", "2"},
	})
	assertSheetConventions(t, f, ReportInfoSheet, "$A$1:$B$13")
}

func TestWriteStatsReportEmpty(t *testing.T) {
	f := writtenWorkbook(t, func(w io.Writer) error { return WriteStatsReport(w, StatsReport{Round: "Tuần 1"}) })
	rows, _ := f.GetRows(ReportUnitsSheet)
	if len(rows) != 1 || len(rows[0]) != 10 || rows[0][9] != "Tổng số giải" {
		t.Errorf("empty report by unit = %v, want the header only", rows)
	}
	assertSheetConventions(t, f, ReportUnitsSheet, "$A$1:$J$1")
	if rows, _ := f.GetRows(ReportGroupsSheet); len(rows) != 1 {
		t.Errorf("empty breakdown = %v", rows)
	}
}

func TestWriteItemAnalysisCells(t *testing.T) {
	q := quiz.Question{ID: "q1", Topic: "Lịch sử", Difficulty: quiz.DifficultyHard, Text: "@Năm thành lập Đảng?",
		Options: []quiz.Option{{ID: "x", Text: "1930"}, {ID: "y", Text: "1945"}, {ID: "z", Text: "1954"}}, Correct: []string{"x"}}
	d := -0.33
	rows := []ItemRow{
		{Question: q, Stat: quiz.ItemStat{QuestionID: "q1", Drawn: 12, Answered: 11, Correct: 3, FacilityPct: 25, Discrimination: &d,
			Options: []quiz.OptionCount{{ID: "x", Key: true, Chosen: 3}, {ID: "y", Chosen: 8}, {ID: "z", Chosen: 0}, {ID: "gone", Chosen: 2}},
			Flags:   []quiz.ItemFlag{quiz.FlagNegativeDiscrimination, quiz.FlagSuspiciousKey}}},
		{Question: quiz.Question{ID: "q2", Text: "Câu hai", Options: []quiz.Option{{ID: "A"}, {ID: "B"}}, Correct: []string{"A", "B"}},
			Stat: quiz.ItemStat{QuestionID: "q2", Drawn: 1, Answered: 1, Correct: 1, FacilityPct: 100,
				Options: []quiz.OptionCount{{ID: "A", Key: true, Chosen: 1}, {ID: "B", Key: true, Chosen: 1}}, Flags: []quiz.ItemFlag{quiz.FlagVeryEasy}}},
	}
	f := writtenWorkbook(t, func(w io.Writer) error { return WriteItemAnalysis(w, rows) })
	assertCells(t, f, ItemsSheet, [][]string{
		{"STT", "Câu hỏi", "Chủ đề", "Mức độ", "Đáp án đúng", "Số lần xuất hiện", "Số lần trả lời", "Tỷ lệ đúng (%)", "Độ phân biệt",
			"Chọn A", "Chọn B", "Chọn C", "Chọn D", "Chọn E", "Chọn F", "Chọn G", "Chọn H", "Cảnh báo"},
		{"1", "@Năm thành lập Đảng?", "Lịch sử", "Khó", "A", "12", "11", "25.00%", "-0.33", "3", "8", "0", "", "", "", "", "",
			"Độ phân biệt âm: nhóm yếu làm đúng nhiều hơn nhóm giỏi; Nghi đáp án sai: nhóm giỏi chọn phương án khác nhiều hơn"},
		{"2", "Câu hai", "", "", "A, B", "1", "1", "100.00%", "", "1", "1", "", "", "", "", "", "", "Quá dễ (trên 95% đúng)"},
	})
	assertSheetConventions(t, f, ItemsSheet, "$A$1:$R$3")
	kinds := kindsOf("STT=number", "Câu hỏi=text", "Chủ đề=text", "Mức độ=text", "Đáp án đúng=text", "Số lần xuất hiện=number",
		"Số lần trả lời=number", "Tỷ lệ đúng (%)=percent", "Độ phân biệt=number", "Cảnh báo=text")
	for _, l := range "ABCDEFGH" {
		kinds["Chọn "+string(l)] = kNumber
	}
	assertColumnKinds(t, f, ItemsSheet, 1, kinds)
}

// assertCells compares every cell of a sheet with want as Excel shows it,
// checks that nothing lies beyond and that no cell holds a formula.
func assertCells(t *testing.T, f *excelize.File, sheet string, want [][]string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	must(t, err)
	if len(rows) != len(want) {
		t.Fatalf("%s has %d rows, want %d: %v", sheet, len(rows), len(want), rows)
	}
	for r, cells := range want {
		if len(rows[r]) > len(cells) {
			t.Errorf("%s row %d has %d cells, want at most %d", sheet, r+1, len(rows[r]), len(cells))
		}
		for c, text := range cells {
			ref := cellRef(c, r+1)
			if got, _ := f.GetCellValue(sheet, ref); got != text {
				t.Errorf("%s!%s (%s) = %q, want %q", sheet, ref, want[0][c], got, text)
			}
			if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
				t.Errorf("%s!%s holds formula %q", sheet, ref, formula)
			}
		}
	}
}
