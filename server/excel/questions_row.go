package excel

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// rowCheck records the problems of one question row, at most one per cell:
// the first (most specific) message wins, so a cell this file reads badly
// is not reported again by quiz's Validate in other words.
type rowCheck struct {
	l   *columnLayout
	p   *problems
	row int
	bad map[int]bool // spec indices already reported
}

func (c *rowCheck) cell(col int, vi, en string, args ...any) {
	c.cellMsg(col, contests.T(vi, en, args...))
}

func (c *rowCheck) cellMsg(col int, msg contests.Msg) {
	if c.l.index[col] < 0 {
		// The problem is in a column the file does not have (a blank
		// difficulty has none); the question cell stands for the row.
		col = qcolText
	}
	if c.bad[col] {
		return
	}
	c.bad[col] = true
	c.l.cellMsg(c.p, col, c.row, msg)
}

// parseQuestionRow reads one data row into a question, recording what is
// wrong with it. blank reports a row with no question column filled (the
// STT column alone does not count: templates come pre-numbered).
func parseQuestionRow(cells []string, row int, l *columnLayout, p *problems) (q quiz.Question, blank bool) {
	var options [quiz.MaxOptions]string
	filled := false
	for i := range options {
		options[i] = l.multiline(cells, qcolOption(i))
		filled = filled || options[i] != ""
	}
	q = quiz.Question{
		Topic:       l.text(cells, qcolTopic),
		Text:        l.multiline(cells, qcolText),
		Explanation: l.multiline(cells, qcolExplanation),
		ImageURL:    l.text(cells, qcolImage),
	}
	difficulty, answer, points := l.text(cells, qcolDifficulty), l.text(cells, qcolAnswer), l.text(cells, qcolPoints)
	keep, retired := l.text(cells, qcolKeepOrder), l.text(cells, qcolRetired)
	if !filled && q.Topic == "" && q.Text == "" && q.Explanation == "" && q.ImageURL == "" &&
		difficulty == "" && answer == "" && points == "" && keep == "" && retired == "" {
		return q, true
	}
	c := &rowCheck{l: l, p: p, row: row, bad: map[int]bool{}}
	if d, ok := quiz.ParseDifficulty(difficulty); ok {
		q.Difficulty = d
	} else {
		c.cell(qcolDifficulty, "%q không phải mức độ; ghi 1 (Dễ), 2 (Trung bình), 3 (Khó) hoặc để trống",
			"%q is not a difficulty; write 1 (Dễ/easy), 2 (Trung bình/medium), 3 (Khó/hard) or leave it blank", difficulty)
	}
	q.Options = readOptions(options, c)
	q.Correct = readAnswer(answer, options, c)
	q.Points = readPoints(points, c)
	q.KeepOptionOrder = readFlag(keep, qcolKeepOrder, c)
	q.Retired = readFlag(retired, qcolRetired, c)
	if q.ImageURL != "" && !contests.SafeImageURL(q.ImageURL) {
		c.cell(qcolImage, "%q không phải đường dẫn ảnh https:// hoặc đường dẫn trên trang này (bắt đầu bằng /)",
			"%q is not an https:// image address or a path on this site (starting with /)", q.ImageURL)
	}
	q = q.Normalize()
	// The domain's own rules decide what a valid question is (text, 2–8
	// options, answers among them…); this file only says where.
	var e *contests.Error
	if err := q.Validate(); errors.As(err, &e) {
		for _, fe := range e.Fields {
			if fe.Field == "id" || fe.Field == "imageUrl" { // IDs are the caller's; the image's cell is named above
				continue
			}
			c.cellMsg(columnOfField(fe.Field, len(q.Options)), fe.Msg)
		}
	}
	return q, false
}

// readOptions returns the options up to the last filled column, named by
// their letters, and reports a blank option before a filled one: moving
// the later ones up would change which letter the answer column means.
func readOptions(texts [quiz.MaxOptions]string, c *rowCheck) []quiz.Option {
	last := -1
	for i, t := range texts {
		if t != "" {
			last = i
		}
	}
	// A blank option is kept in its place, so option i is always column i.
	opts := make([]quiz.Option, 0, last+1)
	for i := 0; i <= last; i++ {
		if texts[i] == "" {
			c.cell(qcolOption(i), "để trống nhưng phương án %s có nội dung; hãy điền hoặc dồn các phương án lên",
				"is blank but option %s is filled; fill it in or move the options up", optionLetter(last))
		}
		opts = append(opts, quiz.Option{ID: optionLetter(i), Text: texts[i]})
	}
	return opts
}

// readAnswer reads the answer column into option letters and reports an
// unreadable cell or a letter whose option is blank.
func readAnswer(answer string, options [quiz.MaxOptions]string, c *rowCheck) []string {
	if answer == "" {
		c.cell(qcolAnswer, "không được để trống; ghi chữ cái của phương án đúng, ví dụ B (hoặc B, D nếu có nhiều đáp án)",
			"must not be blank; write the letter of the right option, e.g. B (or B, D for several)")
		return nil
	}
	letters, ok := parseAnswerLetters(answer)
	if !ok {
		c.cell(qcolAnswer, "%q không đọc được; ghi chữ cái của phương án đúng (A đến %s), ví dụ B hoặc B, D",
			"%q cannot be read; write the letters of the right options (A to %s), e.g. B or B, D", answer, optionLetter(quiz.MaxOptions-1))
		return nil
	}
	correct := make([]string, 0, len(letters))
	for _, i := range letters {
		if options[i] == "" {
			c.cell(qcolAnswer, "đáp án %s nhưng phương án %s để trống", "the answer is %s but option %s is blank", optionLetter(i), optionLetter(i))
		}
		correct = append(correct, optionLetter(i))
	}
	return correct
}

// readPoints reads the optional points: blank is 0, which the domain
// counts as 1 point.
func readPoints(s string, c *rowCheck) int {
	if s == "" {
		return 0
	}
	digits := s
	if m := wholeDecimal.FindStringSubmatch(s); m != nil {
		digits = m[1] // "2.0": a whole number shown with a decimal format
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 || n > quiz.MaxQuestionPoints || strings.HasPrefix(digits, "+") {
		c.cell(qcolPoints, "%q không phải số nguyên từ 1 đến %d (để trống là 1 điểm)",
			"%q is not a whole number from 1 to %d (blank means 1 point)", s, quiz.MaxQuestionPoints)
		return 0
	}
	return n
}

// readFlag reads a yes/no column: blank is no.
func readFlag(s string, col int, c *rowCheck) bool {
	v, ok := parseFlag(s)
	if !ok {
		c.cell(col, "%q không hiểu được; ghi x (có) hoặc để trống (không)", "%q is not understood; write x (yes) or leave it blank (no)", s)
	}
	return v
}

var optionFieldIndex = regexp.MustCompile(`^options\[(\d+)\]`)

// columnOfField maps a field of quiz.Question.Validate to the column that
// holds it. "options" (too few or too many) points at the first option
// column left blank.
func columnOfField(field string, options int) int {
	switch {
	case field == "text":
		return qcolText
	case field == "difficulty":
		return qcolDifficulty
	case field == "points":
		return qcolPoints
	case field == "correct" || strings.HasPrefix(field, "correct["):
		return qcolAnswer
	case field == "options":
		return qcolOption(min(options, quiz.MaxOptions-1))
	}
	if m := optionFieldIndex.FindStringSubmatch(field); m != nil {
		// readOptions keeps option i in column i.
		if i, err := strconv.Atoi(m[1]); err == nil && i < quiz.MaxOptions {
			return qcolOption(i)
		}
	}
	return qcolText
}
