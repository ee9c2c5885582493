package excel

import (
	"archive/zip"
	"compress/flate"
	"errors"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"hoithi/contests"
)

// Sheets of the quiz exports.
const (
	WinnersSheet = "GiaiThuong"
	ResultsSheet = "KetQua"
)

// ResultRow is one person's line of a quiz round's (or the whole contest's)
// results as an organizer exports it: the standing that counted, and who the
// person is. The caller decides what is disclosed (CCCD masked or in full)
// and renders the unit path in words; the exporter only formats.
type ResultRow struct {
	// Prize is the prize's name ("Giải Nhất"), "" for no prize.
	Prize    string
	Rank     int
	FullName string
	// BirthDate is a calendar date (stored at 00:00 UTC); zero leaves the
	// cell empty.
	BirthDate  time.Time
	Gender     contests.Gender
	Phone      string // as stored: "+84912345678"
	CCCD       string // masked, or in full for an authorized export
	Unit       string // "Khu phố 1, Phường An Biên, Tỉnh An Giang"
	Occupation contests.Occupation
	Score      int
	Correct    int
	Total      int
	// Prediction and PredictionError are nil when the round asked none.
	Prediction      *int64
	PredictionError *int64
	DurationMs      int64
	SubmittedAt     time.Time
	AttemptNo       int // the attempt that counts
	Attempts        int // attempts the person took
	// Rounds is how many rounds the person played (overall standings only).
	Rounds int
}

// WinnerRow is a ResultRow with a prize. Winners and full results share one
// column set, so an organizer filtering the full results on "Giải" gets the
// winners sheet, and one reading habit serves both files.
type WinnerRow = ResultRow

// personColumns open both quiz exports: who the person is.
func personColumns() []Column {
	return []Column{
		{Header: "Giải", Width: 20},
		{Header: "Hạng", Width: 10},
		{Header: "Họ và tên", Width: 28},
		{Header: "Ngày sinh", Width: 12},
		{Header: "Giới tính", Width: 10},
		{Header: "Số điện thoại", Width: 15, Text: true},
		{Header: "CCCD", Width: 16, Text: true},
		{Header: "Đơn vị", Width: 50, Wrap: true},
		{Header: "Nghề nghiệp/Đối tượng", Width: 28},
	}
}

// quizResultColumns are the columns of a round's exports, in ResultRow's
// order. Figures are numbers (scores, counts), the birth date and the
// submission real dates, the time spent a duration ([h]:mm:ss): an
// organizer can sort, filter and add them up.
func quizResultColumns() []Column {
	return append(personColumns(),
		Column{Header: "Điểm", Width: 10},
		Column{Header: "Số câu đúng", Width: 13},
		Column{Header: "Tổng số câu", Width: 13},
		Column{Header: "Dự đoán", Width: 12},
		Column{Header: "Sai số dự đoán", Width: 15},
		Column{Header: "Thời gian làm bài", Width: 18},
		Column{Header: "Nộp bài lúc", Width: 20},
		Column{Header: "Lượt thi được tính", Width: 19},
		Column{Header: "Số lượt đã thi", Width: 15},
	)
}

// overallColumns are the columns of the whole contest's winners: sums over
// the rounds played, so no single attempt or prediction (only the summed
// prediction error) and the number of rounds played instead of the attempt
// that counted.
func overallColumns() []Column {
	return append(personColumns(),
		Column{Header: "Tổng điểm", Width: 10},
		Column{Header: "Số câu đúng", Width: 13},
		Column{Header: "Tổng số câu", Width: 13},
		Column{Header: "Tổng sai số dự đoán", Width: 15},
		Column{Header: "Tổng thời gian làm bài", Width: 18},
		Column{Header: "Nộp bài lần cuối lúc", Width: 20},
		Column{Header: "Số đợt đã thi", Width: 14},
		Column{Header: "Số lượt đã thi", Width: 15},
	)
}

// personCells lays out personColumns. Text is written as text whatever it
// starts with (SheetWriter): a name "=HYPERLINK(…)" stays a name.
func (r ResultRow) personCells() []any {
	return []any{
		textCell(r.Prize), r.Rank, textCell(r.FullName), Day(r.BirthDate),
		textCell(genderLabel(r.Gender)), textCell(phoneText(r.Phone)), textCell(r.CCCD), textCell(r.Unit),
		textCell(OccupationLabel(r.Occupation)),
	}
}

// cells lays the row out in quizResultColumns order.
func (r ResultRow) cells() []any {
	return append(r.personCells(), r.Score, r.Correct, optionalCount(r.Total),
		optionalInt(r.Prediction), optionalInt(r.PredictionError), stopwatch(r.DurationMs),
		vietnamTime(r.SubmittedAt), optionalCount(r.AttemptNo), r.Attempts)
}

// overallCells lays the row out in overallColumns order.
func (r ResultRow) overallCells() []any {
	return append(r.personCells(), r.Score, r.Correct, optionalCount(r.Total),
		optionalInt(r.PredictionError), stopwatch(r.DurationMs),
		vietnamTime(r.SubmittedAt), optionalCount(r.Rounds), r.Attempts)
}

// stopwatch is a time spent, truncated to the second as a stopwatch shows it.
func stopwatch(ms int64) Span { return Span(time.Duration(ms/1000) * time.Second) }

// WriteOverallWinners writes the whole contest's prize winners (overall
// standings) as an xlsx file with one sheet, GiaiThuong.
func WriteOverallWinners(w io.Writer, rows []WinnerRow) error {
	f, err := NewWorkbook(WinnersSheet)
	if err != nil {
		return err
	}
	s, err := NewSheetWriter(f, WinnersSheet, overallColumns())
	if err == nil {
		for _, r := range rows {
			if err = s.WriteRow(r.overallCells()...); err != nil {
				break
			}
		}
	}
	if err == nil {
		err = s.Close()
	}
	if err == nil {
		err = streamWorkbook(f, w)
	}
	return errors.Join(err, f.Close())
}

// WriteQuizWinners writes the prize winners, in the given order (by tier,
// then rank), as an xlsx file with one sheet, GiaiThuong.
func WriteQuizWinners(w io.Writer, rows []WinnerRow) error {
	q, err := newQuizSheet(w, WinnersSheet)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := q.Write(r); err != nil {
			_ = q.Close()
			return err
		}
	}
	return q.Close()
}

// QuizResultsWriter streams every line of a round's results into one sheet,
// KetQua: rows go to a temporary file as they come (excelize's stream
// writer), so half a million lines cost disk, not memory.
type QuizResultsWriter struct {
	out   io.Writer
	f     *excelize.File
	sheet *SheetWriter
	err   error // the first failed Write: Close then only cleans up
}

// NewQuizResultsWriter starts a results workbook that Close writes to w.
func NewQuizResultsWriter(w io.Writer) (*QuizResultsWriter, error) {
	return newQuizSheet(w, ResultsSheet)
}

func newQuizSheet(w io.Writer, sheet string) (*QuizResultsWriter, error) {
	f, err := NewWorkbook(sheet)
	if err != nil {
		return nil, err
	}
	s, err := NewSheetWriter(f, sheet, quizResultColumns())
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	return &QuizResultsWriter{out: w, f: f, sheet: s}, nil
}

// Write appends one line.
func (q *QuizResultsWriter) Write(row ResultRow) error {
	if q.err != nil {
		return q.err
	}
	if err := q.sheet.WriteRow(row.cells()...); err != nil {
		q.err = err
	}
	return q.err
}

// Rows returns how many lines were written, the header excluded.
func (q *QuizResultsWriter) Rows() int { return q.sheet.Rows() - 1 }

// Close finishes the sheet, writes the workbook to w and removes the
// temporary files. Call it once, also after a failed Write: it then writes
// nothing and returns that failure.
func (q *QuizResultsWriter) Close() error {
	if q.f == nil {
		return errors.New("excel: quiz results writer already closed")
	}
	f := q.f
	q.f = nil
	err := q.err
	if err == nil {
		err = q.sheet.Close()
	}
	if err == nil {
		err = streamWorkbook(f, q.out)
	}
	return errors.Join(err, f.Close())
}

// streamWorkbook writes f to w as it zips it. excelize's WriteTo first
// builds the whole zip in a bytes.Buffer (tens of megabytes for a province,
// grown by doubling) and then copies it; handing excelize a zip writer on w
// leaves that buffer empty. What the buffer step adds, a ZIP64 header fix
// for parts over 4 GB, concerns sheets far beyond a million rows.
//
// Deflate runs at level 3 rather than 6: on a 100,000-row sheet it halves
// the zipping time (the longest single step of a large export after the
// reads) for a file about 8% larger.
func streamWorkbook(f *excelize.File, w io.Writer) error {
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return flate.NewWriter(out, 3) })
		return zw
	})
	_, err := f.WriteTo(io.Discard)
	return err
}
