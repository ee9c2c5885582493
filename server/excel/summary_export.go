package excel

import (
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"hoithi/contests/quiz"
)

// The whole-contest summary an organizer sends upward at the end (or in
// the middle) of a quiz contest: an overview with one line per round, the
// unit tree, the breakdown by occupation, age band and gender, and the
// days. Every figure counts a person once however many rounds they played.
const (
	SummaryOverviewSheet = "TongQuan"
	SummaryUnitsSheet    = "TheoDonVi"
	SummaryGroupsSheet   = ReportGroupsSheet // the same sheet as the weekly report
	SummaryDaysSheet     = "TheoNgay"
)

// ContestSummary is what the caller gathered from the contest's statistics
// snapshot and its rounds' standings.
type ContestSummary struct {
	Contest    string
	OwnerUnit  string
	ComputedAt time.Time
	// Totals count each person once over every round.
	Totals quiz.Counts
	Rounds []SummaryRound
	// Units are the roots of the unit tree, counts rolled up.
	Units []*quiz.UnitStats
	// Unplaced are the people whose unit is outside the tree.
	Unplaced  quiz.Counts
	Breakdown quiz.Breakdown
	ByDay     []quiz.DayCount
}

// SummaryRound is one round's line of the overview.
type SummaryRound struct {
	No              int
	Title           string
	OpensAt         time.Time
	ClosesAt        time.Time
	Phase           quiz.Phase
	ResultsComputed bool
	quiz.Counts
	// Prizes awarded in the computed results; left empty when there are
	// none yet.
	Prizes int
}

// Prizes is the number of prizes awarded over every round.
func (s ContestSummary) Prizes() int {
	n := 0
	for _, r := range s.Rounds {
		n += r.Prizes
	}
	return n
}

// WriteContestSummary writes the summary workbook: TongQuan, TheoDonVi,
// TheoNhom, TheoNgay. An empty contest gives every sheet with its header.
func WriteContestSummary(w io.Writer, s ContestSummary) error {
	f, err := NewWorkbook(SummaryOverviewSheet)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	if err := writeSummaryOverview(f, s); err != nil {
		return err
	}
	if err := writeSummaryUnits(f, s); err != nil {
		return err
	}
	if err := writeGroupSheet(f, s.Breakdown, s.Totals.People); err != nil {
		return err
	}
	if err := writeSummaryDays(f, s.ByDay); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return writeWorkbook(f, w)
}

// SummaryOverviewFacts is how many lines of facts stand above the rounds'
// table on TongQuan (a blank line separates them); the table's header is
// the row after.
const SummaryOverviewFacts = 8

func writeSummaryOverview(f *excelize.File, s ContestSummary) error {
	facts := [][2]any{
		{"Cuộc thi", textCell(s.Contest)},
		{"Đơn vị tổ chức", textCell(s.OwnerUnit)},
		{"Số liệu tính lúc", vietnamTime(s.ComputedAt)},
		{"Số người dự thi (mỗi người tính một lần)", s.Totals.People},
		{"Số lượt thi", s.Totals.Attempts},
		{"Số người đúng tất cả các câu (ít nhất một lượt)", s.Totals.AllCorrect},
		{"Số giải đã trao", s.Prizes()},
		{"Số đợt thi", len(s.Rounds)},
	}
	t, err := newTableBelow(f, SummaryOverviewSheet, facts, []Column{
		{Header: "Đợt"},
		{Header: "Tên đợt thi", Width: 30, Wrap: true},
		{Header: "Mở lúc", Width: 18},
		{Header: "Đóng lúc", Width: 18},
		{Header: "Trạng thái", Width: 26},
		{Header: "Số người dự thi", Width: 14},
		{Header: "Số lượt thi", Width: 12},
		{Header: "Số người đúng tất cả các câu", Width: 18},
		{Header: "Số giải đã trao", Width: 14},
	})
	if err != nil {
		return err
	}
	for _, r := range s.Rounds {
		var prizes any
		if r.ResultsComputed {
			prizes = r.Prizes
		}
		err := t.WriteRow(r.No, textCell(r.Title), vietnamTime(r.OpensAt), vietnamTime(r.ClosesAt), roundStatusLabel(r.Phase, r.ResultsComputed),
			r.People, r.Attempts, r.AllCorrect, prizes)
		if err != nil {
			return err
		}
	}
	return t.Close()
}

// roundStatusLabel says in Vietnamese where a round stands.
func roundStatusLabel(p quiz.Phase, computed bool) string {
	switch p {
	case quiz.PhaseDraft:
		return "Bản nháp"
	case quiz.PhaseUpcoming:
		return "Sắp mở"
	case quiz.PhaseOpen:
		return "Đang mở"
	case quiz.PhaseResults:
		return "Đã công bố kết quả"
	case quiz.PhaseClosed:
		if computed {
			return "Đã đóng, đã tính kết quả"
		}
		return "Đã đóng"
	}
	return string(p)
}

// writeSummaryUnits flattens the unit tree depth-first, parents before
// their children, with each unit's level so a filter shows one level.
func writeSummaryUnits(f *excelize.File, s ContestSummary) error {
	t, err := NewSheetWriter(f, SummaryUnitsSheet, []Column{
		{Header: "Cấp"},
		{Header: "Mã đơn vị", Width: 14, Text: true},
		{Header: "Đơn vị", Width: 40, Wrap: true},
		{Header: "Số người của đơn vị", Width: 14},
		{Header: "Số người dự thi", Width: 14},
		{Header: "Tỷ lệ so với số người của đơn vị (%)", Width: 18},
		{Header: "Số lượt thi", Width: 12},
		{Header: "Số người đúng tất cả các câu", Width: 18},
		{Header: "Chỉ tiêu (người)", Width: 14},
		{Header: "Tỷ lệ so với chỉ tiêu (%)", Width: 16},
	})
	if err != nil {
		return err
	}
	var walk func(list []*quiz.UnitStats, level int) error
	walk = func(list []*quiz.UnitStats, level int) error {
		for _, u := range list {
			headcount, rate := knownBase(u.People, u.Headcount)
			target, targetRate := knownBase(u.People, u.Target)
			err := t.WriteRow(level, textCell(u.Code), textCell(u.Name), headcount, u.People, rate, u.Attempts, u.AllCorrect, target, targetRate)
			if err != nil {
				return err
			}
			if err := walk(u.Children, level+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(s.Units, 1); err != nil {
		return err
	}
	if n := s.Unplaced; n.Attempts > 0 || n.People > 0 {
		if err := t.WriteRow(nil, nil, "Ngoài danh sách đơn vị của cuộc thi", nil, n.People, nil, n.Attempts, n.AllCorrect); err != nil {
			return err
		}
	}
	return t.Close()
}

var weekdays = [...]string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}

// writeSummaryDays lists the Vietnamese calendar days with submissions.
func writeSummaryDays(f *excelize.File, days []quiz.DayCount) error {
	t, err := NewSheetWriter(f, SummaryDaysSheet, []Column{
		{Header: "Ngày", Width: 12},
		{Header: "Thứ", Width: 10},
		{Header: "Số lượt thi", Width: 12},
		{Header: "Số người nộp bài trong ngày", Width: 18},
	})
	if err != nil {
		return err
	}
	attempts := 0
	for _, d := range days {
		var date, weekday any = textCell(d.Date), ""
		if day, err := time.Parse(time.DateOnly, d.Date); err == nil {
			date, weekday = Day(day), weekdays[day.Weekday()]
		}
		if err := t.WriteRow(date, weekday, d.Attempts, d.People); err != nil {
			return err
		}
		attempts += d.Attempts
	}
	// The attempts add up over the days; the people do not (one person may
	// submit on several days), so their total is left to the overview.
	if len(days) > 0 {
		if err := t.WriteTotals(textCell("Tổng cộng"), "", attempts, nil); err != nil {
			return err
		}
	}
	return t.Close()
}
