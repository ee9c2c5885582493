package excel

import (
	"io"
	"strings"

	"hoithi/contests/quiz"
)

// ItemsSheet is the sheet of the item analysis export.
const ItemsSheet = "PhanTichCauHoi"

// ItemRow is one question of the item analysis: the question as the bank
// holds it (for its words and the letters of its options) and its figures.
type ItemRow struct {
	Question quiz.Question
	Stat     quiz.ItemStat
}

var itemFlagLabels = map[quiz.ItemFlag]string{
	quiz.FlagSuspiciousKey:          "Nghi đáp án sai: nhóm giỏi chọn phương án khác nhiều hơn",
	quiz.FlagNegativeDiscrimination: "Độ phân biệt âm: nhóm yếu làm đúng nhiều hơn nhóm giỏi",
	quiz.FlagVeryEasy:               "Quá dễ (trên 95% đúng)",
	quiz.FlagVeryHard:               "Quá khó (dưới 10% đúng)",
}

// WriteItemAnalysis writes one line per question: text, topic, difficulty,
// key, times drawn and answered, facility, discrimination, how often each
// option A–H was chosen (letters by the option's place in the bank, as the
// question import and export name them) and the warnings.
func WriteItemAnalysis(w io.Writer, rows []ItemRow) error {
	f, err := NewWorkbook(ItemsSheet)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	cols := []Column{
		{Header: "STT", Width: 10},
		{Header: "Câu hỏi", Width: 60, Wrap: true},
		{Header: "Chủ đề", Width: 20},
		{Header: "Mức độ", Width: 12},
		{Header: "Đáp án đúng", Width: 12},
		{Header: "Số lần xuất hiện", Width: 14},
		{Header: "Số lần trả lời", Width: 14},
		{Header: "Tỷ lệ đúng (%)", Width: 14},
		{Header: "Độ phân biệt", Width: 13},
	}
	for i := range quiz.MaxOptions {
		cols = append(cols, Column{Header: "Chọn " + optionLetter(i), Width: 10})
	}
	cols = append(cols, Column{Header: "Cảnh báo", Width: 50, Wrap: true})
	s, err := NewSheetWriter(f, ItemsSheet, cols)
	if err != nil {
		return err
	}
	for i, r := range rows {
		if err := s.WriteRow(r.cells(i + 1)...); err != nil {
			return err
		}
	}
	if err := s.Close(); err != nil {
		return err
	}
	return writeWorkbook(f, w)
}

func (r ItemRow) cells(number int) []any {
	st := r.Stat
	var disc any
	if st.Discrimination != nil {
		disc = *st.Discrimination
	}
	out := []any{number, textCell(r.Question.Text), textCell(r.Question.Topic), textCell(difficultyLabel(r.Question.Difficulty)),
		textCell(answerLetters(r.Question)), st.Drawn, st.Answered, Share(st.FacilityPct / 100), disc}
	// Letters follow the bank's option order; an option the bank no longer
	// has keeps no column.
	chosen := make(map[string]int, len(st.Options))
	for _, o := range st.Options {
		chosen[o.ID] = o.Chosen
	}
	for i := range quiz.MaxOptions {
		var n any
		if i < len(r.Question.Options) {
			n = chosen[r.Question.Options[i].ID]
		}
		out = append(out, n)
	}
	var flags []string
	for _, fl := range st.Flags {
		if label, ok := itemFlagLabels[fl]; ok {
			flags = append(flags, label)
		} else {
			flags = append(flags, string(fl))
		}
	}
	return append(out, textCell(strings.Join(flags, "; ")))
}
