package excel

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"golang.org/x/text/unicode/norm"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// questionHeader is the template's header: A STT, B Chủ đề, C Mức độ,
// D Câu hỏi, E–H Phương án A–D, I Đáp án, J Giải thích, K Điểm,
// L Giữ thứ tự phương án, M Ảnh.
var questionHeader = []any{"STT", "Chủ đề", "Mức độ", "Câu hỏi", "Phương án A", "Phương án B", "Phương án C", "Phương án D",
	"Đáp án", "Giải thích", "Điểm", "Giữ thứ tự phương án", "Ảnh"}

// questionsFile is a CauHoi sheet with the template header and rows.
func questionsFile(t *testing.T, rows ...[]any) []byte {
	t.Helper()
	return buildXLSX(t, sheetSpec{name: QuestionSheet, rows: append([][]any{questionHeader}, rows...)})
}

// qrow is a data row in questionHeader order with two options A, B.
func qrow(text any, answer any) []any {
	return []any{1, nil, nil, text, "Đúng", "Sai", nil, nil, answer}
}

func opts(texts ...string) []quiz.Option {
	out := make([]quiz.Option, len(texts))
	for i, t := range texts {
		out[i] = quiz.Option{ID: optionLetter(i), Text: t}
	}
	return out
}

func assertQuestionRows(t *testing.T, got, want []QuestionRow) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d rows, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("row %d =\n  %+v\nwant\n  %+v", i, got[i], want[i])
		}
	}
}

func TestParseQuestionsReadsTolerantly(t *testing.T) {
	nfd := norm.NFD.String
	data := buildXLSX(t,
		sheetSpec{name: "HuongDan", rows: [][]any{{"Cột", "Giải thích"}}},
		sheetSpec{
			name: "Câu hỏi", // found as CauHoi without accents or case
			rows: [][]any{
				{"NGÂN HÀNG CÂU HỎI CUỘC THI"}, // a title above the header
				nil,
				// Reordered, renamed headers with stray spaces and a notes column.
				{"Ghi chú", " câu  HỎI ", "b", "A", "PA D", "Phương án C", "đáp án đúng", "MUC DO", "chu de",
					"Điểm", "giu thu tu", "Hình ảnh", "Ngừng dùng", "Giải thích", "stt"},
				{"nguồn: sách", nfd("Đảng  Cộng sản Việt Nam ra đời năm nào?  \r\n  (chọn một)  "), 1930, 1945, nil, nil,
					" b ", "Dễ", nfd("Lịch sử  Đảng "), 2, "có", "https://hoithi.vn/anh/1.png", nil, nfd("Năm 1930.\nTại Hương Cảng."), 1},
				{nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, 2}, // STT alone: a blank row
				{"chỉ ghi chú"}, // notes alone: a blank row
				{nil, "Chọn các ý đúng", "Ý 2", "Ý 1", nil, "Ý 3", "C và B", "3", nil, nil, nil, nil, "x", nil, 3},
			},
		})
	rows, err := ParseQuestions(bytes.NewReader(data), 0)
	if err != nil {
		t.Fatal(err)
	}
	assertQuestionRows(t, rows, []QuestionRow{
		{Row: 4, Question: quiz.Question{
			Topic: "Lịch sử Đảng", Difficulty: quiz.DifficultyEasy,
			Text:    "Đảng Cộng sản Việt Nam ra đời năm nào?\n(chọn một)",
			Options: opts("1945", "1930"), Correct: []string{"B"},
			Explanation: "Năm 1930.\nTại Hương Cảng.", ImageURL: "https://hoithi.vn/anh/1.png", Points: 2, KeepOptionOrder: true,
		}},
		{Row: 7, Question: quiz.Question{
			Difficulty: quiz.DifficultyHard, Text: "Chọn các ý đúng",
			Options: opts("Ý 1", "Ý 2", "Ý 3"), Correct: []string{"B", "C"}, Retired: true,
		}},
	})
	// NFD input (Word, Mac) comes out composed, byte for byte.
	if q := rows[0].Question; !norm.NFC.IsNormalString(q.Text) || !norm.NFC.IsNormalString(q.Topic) || q.Topic != "Lịch sử Đảng" {
		t.Errorf("not NFC: %+q / %+q", q.Text, q.Topic)
	}
}

func TestParseQuestionsAnswerForms(t *testing.T) {
	bd, b := []string{"B", "D"}, []string{"B"}
	forms := []struct {
		in   any
		want []string
	}{
		{"B", b}, {"b", b}, {" B ", b}, {"B.", b}, {"B, D", bd}, {"B;D", bd}, {"BD", bd}, {"bd", bd}, {"B và D", bd},
		{norm.NFD.String("B và D"), bd}, {"b,d", bd}, {"D, B", bd}, {"B/D", bd}, {"B - D", bd}, {"B and D", bd},
		{"B, B, D", bd}, {"B\nD", bd}, {"A,B,C,D", []string{"A", "B", "C", "D"}},
	}
	rows := make([][]any, len(forms))
	for i, f := range forms {
		rows[i] = []any{i + 1, nil, nil, fmt.Sprint("Câu ", i), "a", "b", "c", "d", f.in}
	}
	got, err := ParseQuestions(bytes.NewReader(questionsFile(t, rows...)), 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range forms {
		if !reflect.DeepEqual(got[i].Question.Correct, f.want) {
			t.Errorf("answer %q = %v, want %v", f.in, got[i].Question.Correct, f.want)
		}
	}
}

func TestParseAnswerLettersRefuses(t *testing.T) {
	for _, in := range []string{"", "và", "Cả A và B", "1", "B hoặc D", "I", "BD, E", "Đáp án B", "B?D!x", "Ｂ"} {
		if got, ok := parseAnswerLetters(in); ok {
			t.Errorf("parseAnswerLetters(%q) = %v, want refused", in, got)
		}
	}
}

func TestParseQuestionsNamesTheCell(t *testing.T) {
	// withOptions is a row with options A–D as given and the answer.
	withOptions := func(answer any, options ...any) []any {
		r := []any{1, nil, nil, "Câu hỏi", nil, nil, nil, nil, answer}
		copy(r[4:8], options)
		return r
	}
	tests := []struct {
		name string
		row  []any
		want fieldErr
	}{
		{"empty question", qrow(nil, "A"), fieldErr{"D2", []string{"Dòng 2, cột D (Câu hỏi): Thiếu nội dung câu hỏi"}}},
		{"one option", withOptions("A", "Đúng"),
			fieldErr{"F2", []string{"Dòng 2, cột F (Phương án B):", "từ 2 đến 8 phương án (đang có 1)"}}},
		{"gap in options", withOptions("A", "x", "y", nil, "z"),
			fieldErr{"G2", []string{"Dòng 2, cột G (Phương án C): để trống nhưng phương án D có nội dung"}}},
		{"gap before the first", withOptions("B", nil, "y", "z"),
			fieldErr{"E2", []string{"cột E (Phương án A): để trống nhưng phương án C"}}},
		{"answer on a blank option", withOptions("D", "x", "y", "z"),
			fieldErr{"I2", []string{"Dòng 2, cột I (Đáp án): đáp án D nhưng phương án D để trống"}}},
		{"answer beyond the columns", withOptions("B, F", "x", "y"),
			fieldErr{"I2", []string{"đáp án F nhưng phương án F để trống"}}},
		{"no answer", qrow("Câu hỏi", nil), fieldErr{"I2", []string{"cột I (Đáp án): không được để trống"}}},
		{"unreadable answer", qrow("Câu hỏi", "Cả A và B"), fieldErr{"I2", []string{`"Cả A và B" không đọc được`}}},
		{"bad difficulty", []any{1, nil, "rất khó", "Câu hỏi", "x", "y", nil, nil, "A"},
			fieldErr{"C2", []string{`Dòng 2, cột C (Mức độ): "rất khó" không phải mức độ`}}},
		{"zero points", append(qrow("Câu hỏi", "A"), nil, 0), fieldErr{"K2", []string{`cột K (Điểm): "0" không phải số nguyên từ 1 đến 100`}}},
		{"fractional points", append(qrow("Câu hỏi", "A"), nil, "1,5"), fieldErr{"K2", []string{`"1,5"`}}},
		{"negative points", append(qrow("Câu hỏi", "A"), nil, -2), fieldErr{"K2", []string{`"-2"`}}},
		{"too many points", append(qrow("Câu hỏi", "A"), nil, 101), fieldErr{"K2", []string{`"101"`}}},
		{"bad keep-order flag", append(qrow("Câu hỏi", "A"), nil, nil, "?"),
			fieldErr{"L2", []string{`cột L (Giữ thứ tự phương án): "?" không hiểu được`}}},
		{"script image", append(qrow("Câu hỏi", "A"), nil, nil, nil, "javascript:alert(1)"),
			fieldErr{"M2", []string{`cột M (Ảnh): "javascript:alert(1)" không phải đường dẫn ảnh`}}},
		{"relative image", append(qrow("Câu hỏi", "A"), nil, nil, nil, "anh/1.png"), fieldErr{"M2", []string{`"anh/1.png"`}}},
		{"ftp image", append(qrow("Câu hỏi", "A"), nil, nil, nil, "ftp://x.vn/1.png"), fieldErr{"M2", []string{"ftp://"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			good := qrow("Một câu hỏi đúng", "A")
			rows, err := ParseQuestions(bytes.NewReader(questionsFile(t, tt.row, good)), 0)
			if rows != nil {
				t.Errorf("rows = %+v, want none", rows)
			}
			assertFields(t, err, contests.CodeInvalid, tt.want)
		})
	}
}

func TestParseQuestionsNamesEveryBadCell(t *testing.T) {
	data := buildXLSX(t, sheetSpec{name: QuestionSheet, rows: [][]any{
		// Columns moved: the references must follow the file's layout.
		{"Đáp án", "Phương án A", "Phương án B", "Câu hỏi", "Mức độ", "Phương án C"},
		{"A", "Có", "Không", "Đảng ta ra đời năm nào?", "Dễ", nil},
		{"A", "Có", nil, "Câu hai", "4", "Không"},
		{"C", "Có", "Không", "  đảng ta RA ĐỜI  năm nào?", nil, nil},
		{nil, nil, nil, nil, nil, nil},
		{nil, "x", "y", nil, nil, nil},
	}})
	_, err := ParseQuestions(bytes.NewReader(data), 0)
	assertFields(t, err, contests.CodeInvalid,
		fieldErr{"E3", []string{"Dòng 3, cột E (Mức độ):", `"4" không phải mức độ`}},
		fieldErr{"C3", []string{"Dòng 3, cột C (Phương án B): để trống nhưng phương án C có nội dung"}},
		fieldErr{"A4", []string{"Dòng 4, cột A (Đáp án): đáp án C nhưng phương án C để trống"}},
		fieldErr{"D4", []string{"Dòng 4, cột D (Câu hỏi): trùng nội dung với câu hỏi ở dòng 2"}},
		fieldErr{"A6", []string{"Dòng 6, cột A (Đáp án): không được để trống"}},
		fieldErr{"D6", []string{"Dòng 6, cột D (Câu hỏi): Thiếu nội dung câu hỏi"}},
	)
}

func TestParseQuestionsRejectsFiles(t *testing.T) {
	valid := questionsFile(t, qrow("Câu một", "A"))
	header := func(cells ...any) []byte {
		return buildXLSX(t, sheetSpec{name: QuestionSheet, rows: [][]any{cells, {"Câu một", "x", "y", "z", "A"}}})
	}
	assertRefused(t, ParseQuestions, []refusedFile{
		{"not an xlsx", []byte("Câu hỏi,Phương án A\nx,y\n"), 0,
			contests.CodeInvalid, []fieldErr{{"file", []string{"không phải định dạng Excel .xlsx"}}}},
		{"broken zip", append([]byte("PK\x03\x04"), bytes.Repeat([]byte{7}, 300)...), 0,
			contests.CodeInvalid, []fieldErr{{"file", []string{"bị hỏng"}}}},
		{"over the size limit", valid, int64(len(valid) - 1),
			contests.CodeTooLarge, []fieldErr{{"file", []string{"lớn hơn giới hạn"}}}},
		{"wrong sheet among several", buildXLSX(t,
			sheetSpec{name: "Sheet1", rows: [][]any{questionHeader, qrow("Câu một", "A")}},
			sheetSpec{name: "Sheet2"}), 0,
			contests.CodeInvalid, []fieldErr{{"file", []string{`"CauHoi"`, "Sheet1, Sheet2"}}}},
		{"no header row", header("Nội dung câu", "A", "B"), 0,
			contests.CodeInvalid, []fieldErr{{"file", []string{`"Câu hỏi"`, "10 dòng đầu"}}}},
		{"missing required columns", header("Câu hỏi", "Phương án A", "Phương án C"), 0,
			contests.CodeInvalid, []fieldErr{
				{"file", []string{`Thiếu cột "Đáp án"`}},
				{"file", []string{`Thiếu cột "Phương án B"`}},
			}},
		{"option column skipped", header("Câu hỏi", "Phương án A", "Phương án B", "Phương án D", "Đáp án"), 0,
			contests.CodeInvalid, []fieldErr{{"D1", []string{`Có cột "Phương án D" nhưng thiếu cột "Phương án C"`}}}},
		{"column twice", header("Câu hỏi", "A", "B", "Đáp án", "Phương án A"), 0,
			contests.CodeInvalid, []fieldErr{{"E1", []string{"Cột E trùng tiêu đề", "cột B"}}}},
		{"header only", questionsFile(t), 0,
			contests.CodeInvalid, []fieldErr{{"file", []string{"không có câu hỏi nào"}}}},
		{"merged cells in the data area", buildXLSX(t, sheetSpec{
			name: QuestionSheet,
			rows: [][]any{{"Ngân hàng câu hỏi"}, questionHeader,
				qrow("Câu một", "A"), []any{2, nil, nil, "Câu hai", "Có", "Không", nil, nil, "B"}, qrow("Câu ba", "A")},
			merges: [][2]string{{"A1", "M1"}, {"I4", "I5"}}, // the title merge above the header is fine
		}), 0,
			contests.CodeInvalid, []fieldErr{{"I4:I5", []string{"Vùng I4:I5 đang gộp ô"}}}},
	})
}

func TestParseQuestionsRowLimit(t *testing.T) {
	build := func(n int) []byte {
		return streamedXLSX(t, []any{"Câu hỏi", "Phương án A", "Phương án B", "Đáp án"}, n, func(i int) []any {
			return []any{fmt.Sprint("Câu hỏi số ", i+1), "Đúng", "Sai", "A"}
		})
	}
	rows, err := ParseQuestions(bytes.NewReader(build(MaxQuestionRows)), 0)
	if err != nil || len(rows) != MaxQuestionRows || rows[MaxQuestionRows-1].Row != MaxQuestionRows+1 {
		t.Fatalf("at the limit: %d rows, err %v", len(rows), err)
	}
	_, err = ParseQuestions(bytes.NewReader(build(MaxQuestionRows+1)), 0)
	assertFields(t, err, contests.CodeTooLarge, fieldErr{"file", []string{"hơn 10000 câu hỏi"}})
}

func TestColumnOfField(t *testing.T) {
	tests := []struct {
		field   string
		options int
		want    int
	}{
		{"text", 2, qcolText}, {"difficulty", 2, qcolDifficulty}, {"points", 2, qcolPoints},
		{"correct", 2, qcolAnswer}, {"correct[1]", 2, qcolAnswer},
		{"options", 1, qcolOption(1)}, {"options", 0, qcolOption(0)}, {"options", 9, qcolOption(7)},
		{"options[2].text", 4, qcolOption(2)}, {"options[5].id", 6, qcolOption(5)}, {"options[9].id", 9, qcolText},
		{"something new", 2, qcolText},
	}
	for _, tt := range tests {
		if got := columnOfField(tt.field, tt.options); got != tt.want {
			t.Errorf("columnOfField(%q, %d) = %d, want %d", tt.field, tt.options, got, tt.want)
		}
	}
}

func TestCleanLines(t *testing.T) {
	tests := map[string]string{
		"  a  b  ":                     "a b",
		"a\r\nb\rc":                    "a\nb\nc",
		"\n\n  dòng 1  \n\tdòng  2\n ": "dòng 1\ndòng 2",
		"a\n\nb":                       "a\n\nb",
		"a\u00a0\u00a0b":               "a b",
		norm.NFD.String("Đảng"):        "Đảng",
	}
	for in, want := range tests {
		if got := cleanLines(in); got != want {
			t.Errorf("cleanLines(%q) = %q, want %q", in, got, want)
		}
	}
}
