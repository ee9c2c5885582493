package excel

import (
	"io"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hoithi/contests/quiz"
)

func TestWriteCollectiveCells(t *testing.T) {
	report := CollectiveReport{
		Contest: "Tìm hiểu lịch sử Đảng bộ", Scope: "Toàn cuộc thi",
		Rule:       quiz.CollectiveRule{Formula: quiz.CollectiveRatePlusPrizes, Level: 2, PrizePoints: map[string]int{"nhat": 10}},
		ComputedAt: time.Date(2026, 11, 23, 17, 30, 0, 0, time.UTC),
		Tiers:      []CollectiveTier{{Key: "nhat", Name: "Giải Nhất"}, {Key: "nhi", Name: "Giải Nhì"}},
		Units: []quiz.UnitStanding{
			{Rank: 1, Code: "001", Name: "Khu phố 1", Path: "/w/a/", Participants: 30, Headcount: 120, RatePct: 25, Prizes: map[string]int{"nhat": 1, "nhi": 2}, PrizePoints: 10, Score: 35},
			{Rank: 2, Code: "KP2", Name: "=HYPERLINK(\"x\")", Path: "/w/b/", Participants: 3, Headcount: 0, Score: 0},
		},
		UnitNames: func(path string) string {
			if path == "/w/a/" {
				return "Khu phố 1, Phường An Biên"
			}
			return ""
		},
	}
	f := writtenWorkbook(t, func(w io.Writer) error { return WriteCollective(w, report) })
	if got := f.GetSheetList(); len(got) != 2 || got[0] != CollectiveSheet || got[1] != CollectiveInfoSheet {
		t.Fatalf("sheets = %v", got)
	}
	assertCells(t, f, CollectiveSheet, [][]string{
		{"Hạng", "Mã đơn vị", "Đơn vị", "Số người dự thi", "Số đảng viên/đoàn viên/dân số", "Tỷ lệ tham gia (%)", "Giải Nhất", "Giải Nhì", "Điểm thưởng giải cá nhân", "Điểm xét giải tập thể"},
		{"1", "001", "Khu phố 1, Phường An Biên", "30", "120", "25.00%", "1", "2", "10", "35"},
		{"2", "KP2", "=HYPERLINK(\"x\")", "3", "", "", "0", "0", "0", "0"},
	})
	if typ, _ := f.GetCellType(CollectiveSheet, "C3"); typ != excelize.CellTypeInlineString {
		t.Errorf("C3 (a name starting with =) is a %v cell, want text", typ)
	}
	if formula, _ := f.GetCellFormula(CollectiveSheet, "C3"); formula != "" {
		t.Errorf("C3 holds formula %q", formula)
	}
	assertSheetConventions(t, f, CollectiveSheet, "$A$1:$J$3")
	assertColumnKinds(t, f, CollectiveSheet, 1, kindsOf("Hạng=number", "Mã đơn vị=text", "Đơn vị=text", "Số người dự thi=number",
		"Số đảng viên/đoàn viên/dân số=number", "Tỷ lệ tham gia (%)=percent", "Giải Nhất=number", "Giải Nhì=number",
		"Điểm thưởng giải cá nhân=number", "Điểm xét giải tập thể=number"))
	assertCells(t, f, CollectiveInfoSheet, [][]string{
		{"Mục", "Giá trị"},
		{"Cuộc thi", "Tìm hiểu lịch sử Đảng bộ"},
		{"Phạm vi", "Toàn cuộc thi"},
		{"Cách xếp hạng", "Tỷ lệ tham gia (%) cộng điểm giải cá nhân"},
		{"Cấp đơn vị xét giải", "2"},
		{"Số đơn vị", "2"},
		{"Số liệu tính lúc", "24/11/2026 00:30:00"},
	})
}

func TestWriteCollectiveEmpty(t *testing.T) {
	f := writtenWorkbook(t, func(w io.Writer) error {
		return WriteCollective(w, CollectiveReport{Contest: "C", Rule: quiz.CollectiveRule{Formula: quiz.CollectiveMostParticipants, Level: 1}})
	})
	assertCells(t, f, CollectiveSheet, [][]string{
		{"Hạng", "Mã đơn vị", "Đơn vị", "Số người dự thi", "Số đảng viên/đoàn viên/dân số", "Tỷ lệ tham gia (%)", "Điểm thưởng giải cá nhân", "Điểm xét giải tập thể"},
	})
}
