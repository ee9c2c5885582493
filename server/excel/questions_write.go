package excel

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"hoithi/contests/quiz"
)

// templateOptions is how many option columns the template shows: most
// banks use 3 or 4 options; the guide explains adding E to H.
const templateOptions = 4

// questionSheetColumns are the question sheet's columns as exports and the
// template write them, with option columns A up to options; retired adds
// the "Ngừng sử dụng" column exports carry.
func questionSheetColumns(options int, retired bool) []Column {
	h := func(col int) string { return questionColumns[col].Header }
	cols := []Column{
		{Header: h(qcolNumber), Width: 10},
		{Header: h(qcolTopic), Width: 20, Text: true, Wrap: true},
		{Header: h(qcolDifficulty), Width: 12},
		{Header: h(qcolText), Width: 60, Text: true, Wrap: true},
	}
	for i := range options {
		cols = append(cols, Column{Header: h(qcolOption(i)), Width: 30, Text: true, Wrap: true})
	}
	cols = append(cols,
		Column{Header: h(qcolAnswer), Width: 10, Text: true},
		Column{Header: h(qcolExplanation), Width: 50, Text: true, Wrap: true},
		Column{Header: h(qcolPoints), Width: 10},
		Column{Header: h(qcolKeepOrder), Width: 14},
		Column{Header: h(qcolImage), Width: 30, Text: true},
	)
	if retired {
		cols = append(cols, Column{Header: h(qcolRetired), Width: 14})
	}
	return cols
}

// questionCells is one question's row in questionSheetColumns order;
// number is its STT. Blank values are left as empty cells.
func questionCells(number int, q quiz.Question, options int, retired bool) []any {
	row := []any{number, textCell(q.Topic), textCell(difficultyLabel(q.Difficulty)), textCell(q.Text)}
	for i := range options {
		var text string
		if i < len(q.Options) {
			text = q.Options[i].Text
		}
		row = append(row, textCell(text))
	}
	var points any
	if q.Points > 0 {
		points = q.Points // blank means the default, as on import
	}
	row = append(row, textCell(answerLetters(q)), textCell(q.Explanation), points, flagCell(q.KeepOptionOrder), textCell(q.ImageURL))
	if retired {
		row = append(row, flagCell(q.Retired))
	}
	return row
}

func textCell(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func flagCell(b bool) any {
	if b {
		return "x"
	}
	return nil
}

// difficultyLabel is what the "Mức độ" column shows; ParseDifficulty reads
// each back.
func difficultyLabel(d quiz.Difficulty) string {
	switch d {
	case quiz.DifficultyAny:
		return ""
	case quiz.DifficultyEasy:
		return "Dễ"
	case quiz.DifficultyMedium:
		return "Trung bình"
	case quiz.DifficultyHard:
		return "Khó"
	}
	return strconv.Itoa(int(d))
}

// answerLetters writes the correct options by their column letters, in
// option order ("B, D"): stored option IDs need not be letters (questions
// made in the app), but in the file the letter is the option's column.
func answerLetters(q quiz.Question) string {
	correct := make(map[string]bool, len(q.Correct))
	for _, id := range q.Correct {
		correct[id] = true
	}
	var letters []string
	for i, o := range q.Options {
		if correct[o.ID] {
			letters = append(letters, optionLetter(i))
		}
	}
	return strings.Join(letters, ", ")
}

// WriteQuestions writes a question bank as an xlsx file in the import
// format, retired questions included and marked in "Ngừng sử dụng", so an
// organizer can export, edit and import back. Question IDs are not written:
// the import matches nothing by ID. A question with more options than the
// format holds (quiz.MaxOptions) is an error rather than silently cut.
func WriteQuestions(w io.Writer, qs []quiz.Question) error {
	options := templateOptions
	for _, q := range qs {
		if len(q.Options) > quiz.MaxOptions {
			return fmt.Errorf("excel: question %q has %d options, the file holds at most %d", q.ID, len(q.Options), quiz.MaxOptions)
		}
		options = max(options, len(q.Options))
	}
	return writeOneTable(w, QuestionSheet, questionSheetColumns(options, true), func(s *SheetWriter) error {
		for i, q := range qs {
			if err := s.WriteRow(questionCells(i+1, q, options, true)...); err != nil {
				return err
			}
		}
		return nil
	}, nil)
}

// QuestionTemplate writes the empty question import file: the header row
// and two example questions (one answer, several answers) on sheet CauHoi,
// and a HuongDan sheet explaining each column.
func QuestionTemplate(w io.Writer) error {
	return writeOneTable(w, QuestionSheet, questionSheetColumns(templateOptions, false), func(s *SheetWriter) error {
		for i, q := range templateQuestions {
			if err := s.WriteRow(questionCells(i+1, q, templateOptions, false)...); err != nil {
				return err
			}
		}
		return nil
	}, func(f *excelize.File) error { return writeGuideSheet(f, questionGuide()) })
}

// writeGuideSheet writes a HuongDan sheet, one line per column: its header,
// whether it is required, what to write and an example.
func writeGuideSheet(f *excelize.File, lines [][4]string) error {
	s, err := NewSheetWriter(f, GuideSheet, []Column{
		{Header: "Cột", Width: 28, Wrap: true},
		{Header: "Bắt buộc", Width: 10},
		{Header: "Giải thích", Width: 90, Wrap: true},
		{Header: "Ví dụ", Width: 24, Text: true, Wrap: true},
	})
	if err != nil {
		return err
	}
	for _, line := range lines {
		if err := s.WriteRow(line[0], line[1], line[2], line[3]); err != nil {
			return err
		}
	}
	return s.Close()
}
