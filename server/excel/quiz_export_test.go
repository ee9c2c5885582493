package excel

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hoithi/contests"
)

var quizHeader = []string{"Giải", "Hạng", "Họ và tên", "Ngày sinh", "Giới tính", "Số điện thoại", "CCCD", "Đơn vị",
	"Nghề nghiệp/Đối tượng", "Điểm", "Số câu đúng", "Tổng số câu", "Dự đoán", "Sai số dự đoán", "Thời gian làm bài", "Nộp bài lúc",
	"Lượt thi được tính", "Số lượt đã thi"}

func i64(v int64) *int64 { return &v }

// sampleWinners covers formula-like text in every free-text column, both
// genders, a landline, an unknown occupation, no prediction, and a
// submission just after midnight in Vietnam (still the day before in UTC).
func sampleWinners() []WinnerRow {
	return []WinnerRow{
		{Prize: "Giải Nhất", Rank: 1, FullName: "Nguyễn Thị Hoa", BirthDate: time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC),
			Gender: contests.GenderFemale, Phone: "+84912345678", CCCD: "089******123", Unit: "Khu phố 1, Phường An Biên, Tỉnh An Giang",
			Occupation: contests.OccPartyMember, Score: 20, Correct: 18, Total: 20, Prediction: i64(1234), PredictionError: i64(0),
			DurationMs: 205_900, SubmittedAt: time.Date(2026, 11, 23, 17, 5, 30, 0, time.UTC), AttemptNo: 2, Attempts: 3},
		{Prize: "Giải Nhì", Rank: 2, FullName: `=HYPERLINK("http://evil","Bấm")`, BirthDate: time.Date(2001, 12, 31, 0, 0, 0, 0, time.UTC),
			Gender: contests.GenderMale, Phone: "+842963852123", CCCD: "089090000123", Unit: "+84 Chi bộ",
			Occupation: contests.OccStudent, Score: 19, Correct: 19, Total: 20, Prediction: i64(1300), PredictionError: i64(66),
			DurationMs: 4_500_000, SubmittedAt: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC), AttemptNo: 1, Attempts: 1},
		{Prize: "-", Rank: 3, FullName: "@x", Gender: "", Phone: "+84 lạ", CCCD: "-", Unit: "@SUM(A1:A2)",
			Occupation: "nong_dan", Score: 0, Correct: 0, Total: 20, DurationMs: 59_999,
			SubmittedAt: time.Date(2026, 11, 23, 2, 0, 0, 0, time.FixedZone("X", -5*3600)), AttemptNo: 1, Attempts: 7},
	}
}

func TestWriteQuizWinnersCells(t *testing.T) {
	f := writtenWorkbook(t, func(w io.Writer) error { return WriteQuizWinners(w, sampleWinners()) })
	if got := f.GetSheetList(); len(got) != 1 || got[0] != WinnersSheet {
		t.Fatalf("sheets = %v, want [%s]", got, WinnersSheet)
	}
	want := [][]string{
		quizHeader,
		{"Giải Nhất", "1", "Nguyễn Thị Hoa", "17/05/1990", "Nữ", "0912 345 678", "089******123", "Khu phố 1, Phường An Biên, Tỉnh An Giang",
			"Đảng viên", "20", "18", "20", "1234", "0", "0:03:25", "24/11/2026 00:05:30", "2", "3"},
		{"Giải Nhì", "2", `=HYPERLINK("http://evil","Bấm")`, "31/12/2001", "Nam", "0296 3852 123", "089090000123", "+84 Chi bộ",
			"Học sinh, sinh viên", "19", "19", "20", "1300", "66", "1:15:00", "22/11/2026 16:00:00", "1", "1"},
		{"-", "3", "@x", "", "", "+84 lạ", "-", "@SUM(A1:A2)",
			"nong_dan", "0", "0", "20", "", "", "0:00:59", "23/11/2026 14:00:00", "1", "7"},
	}
	assertQuizCells(t, f, WinnersSheet, want)
	// Free text is a string cell whatever it starts with; figures are
	// numbers, dates real dates, durations time values.
	assertColumnKinds(t, f, WinnersSheet, 1, quizKinds)
	// The time spent sums: 3:25 + 1:15:00 + 0:59 as a day fraction.
	raw := func(ref string) float64 {
		v, _ := f.GetCellValue(WinnersSheet, ref, excelize.Options{RawCellValue: true})
		var x float64
		fmt.Sscan(v, &x)
		return x
	}
	if sum := (raw("O2") + raw("O3") + raw("O4")) * 86400; sum < 4763.9 || sum > 4764.1 {
		t.Errorf("durations sum to %.1f s, want 4764 (205 + 4500 + 59 s: each truncated to the second)", sum)
	}
	assertSheetConventions(t, f, WinnersSheet, "$A$1:$R$4")
}

// assertQuizCells compares every cell of the sheet with want (formatted as
// Excel shows it), checks no cell holds a formula and nothing lies beyond.
func assertQuizCells(t *testing.T, f *excelize.File, sheet string, want [][]string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	must(t, err)
	if len(rows) != len(want) {
		t.Fatalf("%s has %d rows, want %d", sheet, len(rows), len(want))
	}
	for r, cells := range want {
		if len(rows[r]) > len(quizHeader) {
			t.Errorf("row %d has %d cells, want at most %d", r+1, len(rows[r]), len(quizHeader))
		}
		for c, text := range cells {
			ref := cellRef(c, r+1)
			if got, _ := f.GetCellValue(sheet, ref); got != text {
				t.Errorf("%s (%s) = %q, want %q", ref, quizHeader[c], got, text)
			}
			if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
				t.Errorf("%s holds formula %q", ref, formula)
			}
		}
	}
}

func TestQuizResultsWriterEmptyHasHeadersOnly(t *testing.T) {
	var buf bytes.Buffer
	q, err := NewQuizResultsWriter(&buf)
	must(t, err)
	must(t, q.Close())
	if err := q.Close(); err == nil {
		t.Error("second Close succeeded")
	}
	f, err := excelize.OpenReader(&buf)
	must(t, err)
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 1 || got[0] != ResultsSheet {
		t.Fatalf("sheets = %v, want [%s]", got, ResultsSheet)
	}
	assertQuizCells(t, f, ResultsSheet, [][]string{quizHeader})
	assertSheetConventions(t, f, ResultsSheet, "$A$1:$R$1")
}

func TestQuizResultsWriterStreamsManyRows(t *testing.T) {
	const n = 12_000
	var buf bytes.Buffer
	q, err := NewQuizResultsWriter(&buf)
	must(t, err)
	base := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	for i := range n {
		r := ResultRow{Rank: i + 1, FullName: fmt.Sprintf("Người %d", i), Phone: "+84912345678", Score: 20 - i%21,
			Correct: 20 - i%21, Total: 20, DurationMs: int64(i%600) * 1000, SubmittedAt: base.Add(time.Duration(i) * time.Minute),
			AttemptNo: 1, Attempts: 1 + i%3}
		if i < 3 {
			r.Prize = "Giải Nhất"
		}
		must(t, q.Write(r))
	}
	if q.Rows() != n {
		t.Errorf("Rows() = %d, want %d", q.Rows(), n)
	}
	must(t, q.Close())
	f, err := excelize.OpenReader(&buf)
	must(t, err)
	defer f.Close()
	rows, err := f.GetRows(ResultsSheet)
	must(t, err)
	if len(rows) != n+1 {
		t.Fatalf("%d rows, want %d + header", len(rows), n)
	}
	for _, i := range []int{0, 3, 599, 5_000, n - 1} {
		row := rows[i+1]
		prize := ""
		if i < 3 {
			prize = "Giải Nhất"
		}
		at := base.Add(time.Duration(i) * time.Minute).In(vietnam).Format("02/01/2006 15:04:05")
		want := []string{prize, fmt.Sprint(i + 1), fmt.Sprintf("Người %d", i), "", "", "0912 345 678", "", "", "",
			fmt.Sprint(20 - i%21), fmt.Sprint(20 - i%21), "20", "", "", durationOrEmpty(i % 600), at, "1", fmt.Sprint(1 + i%3)}
		for c := range want {
			got := ""
			if c < len(row) {
				got = row[c]
			}
			if got != want[c] {
				t.Errorf("row %d %s = %q, want %q", i+2, quizHeader[c], got, want[c])
			}
		}
	}
	assertSheetConventions(t, f, ResultsSheet, fmt.Sprintf("$A$1:$R$%d", n+1))
	assertColumnKinds(t, f, ResultsSheet, 1, quizKinds)
}

func durationOrEmpty(sec int) string {
	if sec == 0 {
		return ""
	}
	return fmt.Sprintf("%d:%02d:%02d", sec/3600, sec/60%60, sec%60)
}

func TestQuizCellFormats(t *testing.T) {
	phones := []struct{ stored, want string }{
		{"+84912345678", "0912 345 678"},
		{"+84386000111", "0386 000 111"},
		{"+842963852123", "0296 3852 123"},
		{"+8491234", "+8491234"}, // not a Vietnamese length: as stored
		{"0912345678", "0912345678"},
		{"+84a12345678", "+84a12345678"},
		{"", ""},
	}
	for _, p := range phones {
		if got := phoneText(p.stored); got != p.want {
			t.Errorf("phoneText(%q) = %q, want %q", p.stored, got, p.want)
		}
	}
	// 17:30 UTC is 00:30 the next day in Vietnam.
	if got := vietnamTime(time.Date(2026, 12, 31, 17, 30, 0, 0, time.UTC)).(time.Time).Format("02/01/2006 15:04"); got != "01/01/2027 00:30" {
		t.Errorf("vietnamTime = %q", got)
	}
	if vietnamTime(time.Time{}) != nil || optionalInt(nil) != nil || optionalCount(0) != nil {
		t.Error("empty values must leave the cell empty")
	}
	for _, o := range contests.Occupations {
		if OccupationLabel(o) == string(o) {
			t.Errorf("occupation %q has no Vietnamese label", o)
		}
	}
}

// TestWriteOverallWinners: sums over the rounds, the number of rounds
// played (never a 0 "attempt that counted"), and no prediction column
// beside a summed prediction error.
func TestWriteOverallWinners(t *testing.T) {
	rows := sampleWinners()[:2]
	rows[0].Rounds, rows[0].AttemptNo, rows[0].Prediction = 4, 0, nil
	rows[1].Rounds, rows[1].AttemptNo, rows[1].Prediction = 3, 0, nil
	f := writtenWorkbook(t, func(w io.Writer) error { return WriteOverallWinners(w, rows) })
	got, err := f.GetRows(WinnersSheet)
	must(t, err)
	wantHeader := []string{"Giải", "Hạng", "Họ và tên", "Ngày sinh", "Giới tính", "Số điện thoại", "CCCD", "Đơn vị",
		"Nghề nghiệp/Đối tượng", "Tổng điểm", "Số câu đúng", "Tổng số câu", "Tổng sai số dự đoán", "Tổng thời gian làm bài",
		"Nộp bài lần cuối lúc", "Số đợt đã thi", "Số lượt đã thi"}
	if fmt.Sprint(got[0]) != fmt.Sprint(wantHeader) {
		t.Fatalf("header %q\nwant %q", got[0], wantHeader)
	}
	if got[1][15] != "4" || got[2][15] != "3" || got[1][12] != "0" || got[2][12] != "66" {
		t.Fatalf("rounds played / prediction error: %q / %q", got[1], got[2])
	}
	assertColumnKinds(t, f, WinnersSheet, 1, quizKinds)
}
