package excel

import (
	"io"
	"math"
	"time"

	"github.com/xuri/excelize/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// Sheets of the weekly statistics report a unit sends upward.
const (
	ReportUnitsSheet  = "TheoDonVi"
	ReportGroupsSheet = "TheoNhom"
	ReportInfoSheet   = "ThongTin"
)

// StatsReport is one unit's statistics for one round, as the caller has
// gathered them: the figures come from quiz.RoundStats, the prizes from the
// round's standings.
type StatsReport struct {
	Contest    string
	Round      string
	Unit       string
	ComputedAt time.Time
	// Total is the unit's own line (its whole subtree).
	Total ReportUnitRow
	// Rows are the lines that add up to Total: one per child unit, the
	// people attached to the unit itself, people outside the tree.
	Rows []ReportUnitRow
	// Tiers names the round's prize tiers: one column each.
	Tiers     []string
	Breakdown quiz.Breakdown
}

// ReportUnitRow is one line of the report by unit.
type ReportUnitRow struct {
	Code string
	Name string
	// Headcount is the unit's members or population; 0 (unknown) leaves
	// it and its rate empty.
	Headcount int
	// Target is the participants the unit was asked to bring; 0 (none set)
	// leaves it and its rate empty.
	Target int
	quiz.Counts
	// Prizes holds the prizes won by members, one per tier of
	// StatsReport.Tiers.
	Prizes []int
}

// WriteStatsReport writes the report: by unit (TheoDonVi), by occupation,
// age band and gender (TheoNhom), and what the figures are (ThongTin).
func WriteStatsReport(w io.Writer, r StatsReport) error {
	f, err := NewWorkbook(ReportUnitsSheet)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	cols := []Column{
		{Header: "Mã đơn vị", Width: 14, Text: true},
		{Header: "Đơn vị", Width: 40, Wrap: true},
		{Header: "Số đảng viên/đoàn viên/dân số", Width: 18},
		{Header: "Chỉ tiêu (người)", Width: 14},
		{Header: "Số người dự thi", Width: 14},
		{Header: "Tỷ lệ so với số người (%)", Width: 16},
		{Header: "Tỷ lệ so với chỉ tiêu (%)", Width: 16},
		{Header: "Số lượt thi", Width: 12},
		{Header: "Số người đúng tất cả các câu", Width: 18},
	}
	for _, t := range r.Tiers {
		cols = append(cols, Column{Header: t, Width: 12})
	}
	cols = append(cols, Column{Header: "Tổng số giải", Width: 12})
	s, err := NewSheetWriter(f, ReportUnitsSheet, cols)
	if err != nil {
		return err
	}
	for _, row := range r.Rows {
		if err := s.WriteRow(row.cells(len(r.Tiers))...); err != nil {
			return err
		}
	}
	// The totals line a report sent upward is read by: the unit's own
	// figures (its whole subtree), which the lines above add up to.
	if len(r.Rows) > 0 {
		total := r.Total
		total.Code, total.Name = "", "Tổng cộng"
		if len(total.Prizes) == 0 {
			total.Prizes = sumPrizes(r.Rows, len(r.Tiers))
		}
		if err := s.WriteTotals(total.cells(len(r.Tiers))...); err != nil {
			return err
		}
	}
	if err := s.Close(); err != nil {
		return err
	}
	if err := writeGroupSheet(f, r.Breakdown, r.Total.People); err != nil {
		return err
	}
	if err := writeReportInfo(f, r); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return writeWorkbook(f, w)
}

func (row ReportUnitRow) cells(tiers int) []any {
	headcount, headcountRate := knownBase(row.People, row.Headcount)
	target, targetRate := knownBase(row.People, row.Target)
	out := []any{textCell(row.Code), textCell(row.Name), headcount, target, row.People, headcountRate, targetRate, row.Attempts, row.AllCorrect}
	total := 0
	for i := range tiers {
		n := 0
		if i < len(row.Prizes) {
			n = row.Prizes[i]
		}
		total += n
		out = append(out, n)
	}
	return append(out, total)
}

// sumPrizes adds up the prizes of rows per tier.
func sumPrizes(rows []ReportUnitRow, tiers int) []int {
	out := make([]int, tiers)
	for _, row := range rows {
		for i := range min(tiers, len(row.Prizes)) {
			out[i] += row.Prizes[i]
		}
	}
	return out
}

// knownBase returns a base (a headcount or target) and people's share of
// it as cells, both nil (an empty cell) when the base is unknown: a 0 would
// read as "nobody" and "0%".
func knownBase(people, base int) (cell, rate any) {
	if base <= 0 {
		return nil, nil
	}
	return base, percent(people, base)
}

// percent is part / whole as a Share, rounded to the 0.01% it is shown
// with (0 for an empty whole). Every export writes percentages this way.
func percent(part, whole int) Share {
	if whole <= 0 {
		return 0
	}
	return Share(math.Round(float64(part)*10000/float64(whole)) / 10000)
}

// writeGroupSheet lists the breakdowns one under the other, each group with
// its share of the unit's people, so one filter on "Tiêu chí" shows one.
func writeGroupSheet(f *excelize.File, b quiz.Breakdown, people int) error {
	s, err := NewSheetWriter(f, ReportGroupsSheet, []Column{
		{Header: "Tiêu chí", Width: 22},
		{Header: "Nhóm", Width: 30},
		{Header: "Số người dự thi", Width: 14},
		{Header: "Tỷ lệ trong tổng số người dự thi (%)", Width: 20},
		{Header: "Số lượt thi", Width: 12},
		{Header: "Số người đúng tất cả các câu", Width: 18},
	})
	if err != nil {
		return err
	}
	sections := []struct {
		title  string
		groups []quiz.GroupCount
		label  func(string) string
	}{
		{"Nghề nghiệp/Đối tượng", b.ByOccupation, func(k string) string { return OccupationLabel(contests.Occupation(k)) }},
		{"Độ tuổi", b.ByAgeBand, AgeBandLabel},
		{"Giới tính", b.ByGender, func(k string) string { return genderLabel(contests.Gender(k)) }},
	}
	for _, sec := range sections {
		for _, g := range sec.groups {
			label := sec.label(g.Key)
			if g.Key == quiz.GroupUnknown {
				label = "Không rõ"
			}
			if err := s.WriteRow(sec.title, label, g.People, percent(g.People, people), g.Attempts, g.AllCorrect); err != nil {
				return err
			}
		}
	}
	return s.Close()
}

var ageBandLabels = map[string]string{
	quiz.AgeUnder18:   "Dưới 18 tuổi",
	quiz.Age18To30:    "Từ 18 đến 30 tuổi",
	quiz.Age31To45:    "Từ 31 đến 45 tuổi",
	quiz.Age46To60:    "Từ 46 đến 60 tuổi",
	quiz.AgeOver60:    "Trên 60 tuổi",
	quiz.GroupUnknown: "Không rõ",
}

// AgeBandLabel is the Vietnamese name of an age band (quiz.AgeBands).
func AgeBandLabel(band string) string {
	if label, ok := ageBandLabels[band]; ok {
		return label
	}
	return band
}

// writeReportInfo says what the figures are: which contest, round and unit,
// as of when, and the unit's totals.
func writeReportInfo(f *excelize.File, r StatsReport) error {
	s, err := NewSheetWriter(f, ReportInfoSheet, []Column{{Header: "Mục", Width: 30}, {Header: "Giá trị", Width: 50, Wrap: true}})
	if err != nil {
		return err
	}
	t := r.Total
	headcount, headcountRate := knownBase(t.People, t.Headcount)
	target, targetRate := knownBase(t.People, t.Target)
	prizes := 0
	for _, row := range r.Rows {
		for _, n := range row.Prizes {
			prizes += n
		}
	}
	lines := [][2]any{
		{"Cuộc thi", textCell(r.Contest)},
		{"Đợt thi", textCell(r.Round)},
		{"Đơn vị", textCell(r.Unit)},
		{"Số liệu tính lúc", vietnamTime(r.ComputedAt)},
		{"Số đảng viên/đoàn viên/dân số", headcount},
		{"Chỉ tiêu (người)", target},
		{"Số người dự thi", t.People},
		{"Tỷ lệ so với số người (%)", headcountRate},
		{"Tỷ lệ so với chỉ tiêu (%)", targetRate},
		{"Số lượt thi", t.Attempts},
		{"Số người đúng tất cả các câu", t.AllCorrect},
		{"Tổng số giải", prizes},
	}
	for _, l := range lines {
		if err := s.WriteRow(l[0], l[1]); err != nil {
			return err
		}
	}
	return s.Close()
}
