package excel

import (
	"io"
	"time"

	"hoithi/contests/quiz"
)

// Sheets of the collective ranking export.
const (
	CollectiveSheet     = "GiaiTapThe"
	CollectiveInfoSheet = "ThongTin"
)

// CollectiveTier names one prize tier counted per unit: its key in
// UnitStanding.Prizes and the column header.
type CollectiveTier struct {
	Key  string
	Name string
}

// CollectiveReport is a collective ranking as the organizer asked for it:
// which units compete, by which formula, over which rounds.
type CollectiveReport struct {
	Contest    string
	Scope      string // "Toàn cuộc thi" or the round's title
	Rule       quiz.CollectiveRule
	ComputedAt time.Time
	Tiers      []CollectiveTier
	Units      []quiz.UnitStanding
	// UnitNames renders a unit's path in words; nil uses the unit's name.
	UnitNames func(path string) string
}

var formulaLabels = map[quiz.CollectiveFormula]string{
	quiz.CollectiveMostParticipants: "Nhiều người dự thi nhất",
	quiz.CollectiveRatePlusPrizes:   "Tỷ lệ tham gia (%) cộng điểm giải cá nhân",
}

// WriteCollective writes the ranking (GiaiTapThe: one line per competing
// unit in rank order, its prizes won by members per tier) and what it is
// (ThongTin), so the file explains itself when forwarded.
func WriteCollective(w io.Writer, r CollectiveReport) error {
	cols := []Column{
		{Header: "Hạng", Width: 10},
		{Header: "Mã đơn vị", Width: 14, Text: true},
		{Header: "Đơn vị", Width: 48, Wrap: true},
		{Header: "Số người dự thi", Width: 14},
		{Header: "Số đảng viên/đoàn viên/dân số", Width: 16},
		{Header: "Tỷ lệ tham gia (%)", Width: 14},
	}
	for _, t := range r.Tiers {
		cols = append(cols, Column{Header: t.Name, Width: 12})
	}
	cols = append(cols, Column{Header: "Điểm thưởng giải cá nhân", Width: 14}, Column{Header: "Điểm xét giải tập thể", Width: 14})
	rows := make([][]any, len(r.Units))
	for i, u := range r.Units {
		name := u.Name
		if r.UnitNames != nil {
			if n := r.UnitNames(u.Path); n != "" {
				name = n
			}
		}
		headcount, rate := knownBase(u.Participants, u.Headcount)
		row := []any{u.Rank, textCell(u.Code), textCell(name), u.Participants, headcount, rate}
		for _, t := range r.Tiers {
			row = append(row, u.Prizes[t.Key])
		}
		rows[i] = append(row, u.PrizePoints, u.Score)
	}
	formula := formulaLabels[r.Rule.Formula]
	if formula == "" {
		formula = string(r.Rule.Formula)
	}
	info := [][]any{
		{"Cuộc thi", textCell(r.Contest)},
		{"Phạm vi", textCell(r.Scope)},
		{"Cách xếp hạng", formula},
		{"Cấp đơn vị xét giải", r.Rule.Level},
		{"Số đơn vị", len(r.Units)},
		{"Số liệu tính lúc", vietnamTime(r.ComputedAt)},
	}
	return WriteTables(w, []Table{
		{Name: CollectiveSheet, Columns: cols, Rows: rows},
		{Name: CollectiveInfoSheet, Columns: []Column{{Header: "Mục", Width: 28}, {Header: "Giá trị", Width: 50, Wrap: true}}, Rows: info},
	})
}
