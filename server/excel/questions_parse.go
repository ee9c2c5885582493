package excel

import (
	"io"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// QuestionSheet is the sheet question banks are imported from and exported to.
const QuestionSheet = "CauHoi"

// MaxQuestionRows caps a question import: real banks hold a few hundred to
// a few thousand questions; a bigger file is a wrong file.
const MaxQuestionRows = 10_000

// Where each column sits among questionColumns. The question text comes
// first because findHeader recognizes the header row by the first spec;
// the option columns A..H come last, one per letter.
const (
	qcolText = iota
	qcolNumber
	qcolTopic
	qcolDifficulty
	qcolAnswer
	qcolExplanation
	qcolPoints
	qcolKeepOrder
	qcolImage
	qcolRetired
	qcolOptionA
)

// qcolOption is the spec index of option i (0 → "Phương án A").
func qcolOption(i int) int { return qcolOptionA + i }

// optionLetter is the ID and column letter of option i: 0 → "A". Letters
// rather than generated IDs keep answers readable in audits and exports.
func optionLetter(i int) string { return string(rune('A' + i)) }

var questionColumns = buildQuestionColumns()

func buildQuestionColumns() []columnSpec {
	specs := []columnSpec{
		qcolText: {Header: "Câu hỏi", Label: contests.T("Câu hỏi", "Question"),
			Aliases: []string{"Nội dung câu hỏi", "Nội dung", "Question text"}},
		qcolNumber: {Header: "STT", Label: contests.T("STT", "No."),
			Aliases: []string{"Số thứ tự", "TT", "Number"}, Optional: true},
		qcolTopic: {Header: "Chủ đề", Label: contests.T("Chủ đề", "Topic"),
			Aliases: []string{"Chuyên đề", "Lĩnh vực"}, Optional: true},
		qcolDifficulty: {Header: "Mức độ", Label: contests.T("Mức độ", "Difficulty"),
			Aliases: []string{"Độ khó", "Cấp độ"}, Optional: true},
		qcolAnswer: {Header: "Đáp án", Label: contests.T("Đáp án", "Answer"),
			Aliases: []string{"Đáp án đúng", "Phương án đúng", "Correct", "Correct answer"}},
		qcolExplanation: {Header: "Giải thích", Label: contests.T("Giải thích", "Explanation"),
			Aliases: []string{"Giải thích đáp án"}, Optional: true},
		qcolPoints: {Header: "Điểm", Label: contests.T("Điểm", "Points"),
			Aliases: []string{"Số điểm"}, Optional: true},
		qcolKeepOrder: {Header: "Giữ thứ tự phương án", Label: contests.T("Giữ thứ tự phương án", "Keep option order"),
			Aliases: []string{"Giữ thứ tự", "Không đảo phương án", "Không trộn phương án", "Keep order"}, Optional: true},
		qcolImage: {Header: "Ảnh", Label: contests.T("Ảnh", "Image"),
			Aliases: []string{"Hình ảnh", "Hình", "Link ảnh", "Đường dẫn ảnh", "Image URL"}, Optional: true},
		qcolRetired: {Header: "Ngừng sử dụng", Label: contests.T("Ngừng sử dụng", "Retired"),
			Aliases: []string{"Ngừng dùng", "Không sử dụng"}, Optional: true},
	}
	for i := range quiz.MaxOptions {
		l := optionLetter(i)
		specs = append(specs, columnSpec{
			Header:  "Phương án " + l,
			Label:   contests.T("Phương án %s", "Option %s", l),
			Aliases: []string{l, "PA " + l, "Đáp án " + l, "Lựa chọn " + l},
			// A question needs two options, so A and B must be there;
			// the others are added as a bank needs them.
			Optional: i >= quiz.MinOptions,
		})
	}
	return specs
}

// QuestionRow is one question read from a file. Row is its row number in
// the sheet, which messages refer to. Question.ID is empty: the caller
// assigns IDs. Options have IDs "A".."H" after their columns and Correct
// lists the right ones in option order.
type QuestionRow struct {
	Row      int
	Question quiz.Question
}

// ParseQuestions reads the question sheet (CauHoi) of an xlsx file of at
// most maxBytes (DefaultMaxBytes when 0). Columns are found by header in any
// order; blank rows are skipped; every question is checked with
// quiz.Question.Validate, and the same question twice in the file is refused.
//
// Errors: CodeTooLarge (field "file") for a file over maxBytes or over
// MaxQuestionRows questions; CodeInvalid with one FieldError per problem,
// the field a cell reference ("D12"), a merged range or "file", for
// everything else. Nothing is returned with an error.
func ParseQuestions(r io.Reader, maxBytes int64) ([]QuestionRow, error) {
	return parseWorkbook(r, maxBytes, QuestionSheet, "câu hỏi", "question", readQuestionRows)
}

func readQuestionRows(f *workbook, sheet string) ([]QuestionRow, error) {
	firstSeen := map[string]int{} // folded question text → row it first appeared on
	return readTable(f, sheet, sheetTable[QuestionRow]{
		columns:     questionColumns,
		checkLayout: checkOptionColumns,
		maxRows:     MaxQuestionRows,
		tooManyVI:   "File có hơn %d câu hỏi; hãy chia thành nhiều file nhỏ hơn",
		tooManyEN:   "The file has more than %d questions; split it into smaller files",
		parse: func(cells []string, row int, l *columnLayout, p *problems) (QuestionRow, bool) {
			q, blank := parseQuestionRow(cells, row, l, p)
			// Folding (case, accents, spaces) catches the same question
			// pasted twice with a retouch, which would otherwise be drawn
			// twice in one paper.
			if key := contests.Fold(q.Text); key != "" && !blank {
				if first, dup := firstSeen[key]; dup {
					l.cell(p, qcolText, row, "trùng nội dung với câu hỏi ở dòng %d", "repeats the question on row %d", first)
				} else {
					firstSeen[key] = row
				}
			}
			return QuestionRow{Row: row, Question: q}, blank
		},
	})
}

// checkOptionColumns refuses a header with a hole in its option columns
// ("Phương án D" without "Phương án C"): the letters are the options' IDs,
// so they cannot be renumbered silently.
func checkOptionColumns(l *columnLayout) error {
	var p problems
	for i := quiz.MinOptions; i < quiz.MaxOptions; i++ {
		if l.index[qcolOption(i)] >= 0 && l.index[qcolOption(i-1)] < 0 {
			p.add(cellRef(l.index[qcolOption(i)], l.headerRow), contests.T(
				"Có cột %q nhưng thiếu cột %q; các phương án phải liền nhau từ A",
				"There is a %q column but no %q column; options must follow each other from A",
				questionColumns[qcolOption(i)].Header, questionColumns[qcolOption(i-1)].Header))
		}
	}
	return p.err()
}
