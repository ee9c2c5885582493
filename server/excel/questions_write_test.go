package excel

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hoithi/contests/quiz"
)

func sampleQuestions() []quiz.Question {
	eight := make([]quiz.Option, 8)
	for i := range eight {
		eight[i] = quiz.Option{ID: "o" + string(rune('1'+i)), Text: "Phát biểu " + string(rune('1'+i))}
	}
	return []quiz.Question{
		{ID: "q1", Topic: "Lịch sử Đảng", Difficulty: quiz.DifficultyEasy, Text: "Đảng Cộng sản Việt Nam ra đời năm nào?",
			Options: opts("1930", "1945", "1954", "1975"), Correct: []string{"A"}, Explanation: "Ngày 03/02/1930."},
		// App-made IDs and an unordered answer: the file speaks in letters.
		{ID: "q2", Difficulty: quiz.DifficultyMedium, Text: "Chọn các phát biểu đúng:\n(có thể chọn nhiều)",
			Options: eight, Correct: []string{"o8", "o2"}, Points: 5, KeepOptionOrder: true, ImageURL: "https://hoithi.vn/a.png"},
		// Formula-like text must stay text.
		{ID: "q3", Topic: "@chủ đề", Difficulty: quiz.DifficultyHard, Text: "=1+1",
			Options: opts("+84 912 345 678", "-", "@x", "=SUM(A1:A2)"), Correct: []string{"B"}, Retired: true},
		// Number-like text must stay as written.
		{ID: "q4", Text: "0123", Options: opts("1", "2.50"), Correct: []string{"A", "B"}},
	}
}

// asImported is q as an import of its export reads it: no ID, options
// named by their letters, answers in option order.
func asImported(q quiz.Question) quiz.Question {
	letterOf := map[string]string{}
	options := make([]quiz.Option, len(q.Options))
	for i, o := range q.Options {
		letterOf[o.ID] = optionLetter(i)
		options[i] = quiz.Option{ID: optionLetter(i), Text: o.Text}
	}
	var correct []string
	for i := range q.Options {
		for _, id := range q.Correct {
			if letterOf[id] == optionLetter(i) {
				correct = append(correct, optionLetter(i))
			}
		}
	}
	q.ID, q.Options, q.Correct = "", options, correct
	return q
}

func exportQuestions(t *testing.T, qs []quiz.Question) []byte {
	t.Helper()
	var buf bytes.Buffer
	must(t, WriteQuestions(&buf, qs))
	return buf.Bytes()
}

func TestWriteQuestionsRoundTrip(t *testing.T) {
	qs := sampleQuestions()
	rows, err := ParseQuestions(bytes.NewReader(exportQuestions(t, qs)), 0)
	if err != nil {
		t.Fatal(err)
	}
	want := make([]QuestionRow, len(qs))
	for i, q := range qs {
		want[i] = QuestionRow{Row: i + 2, Question: asImported(q)}
	}
	assertQuestionRows(t, rows, want)
}

func TestWriteQuestionsCells(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(exportQuestions(t, sampleQuestions())))
	must(t, err)
	defer f.Close()
	kinds := kindsOf("STT=number", "Chủ đề=text", "Mức độ=text", "Câu hỏi=text", "Đáp án=text", "Giải thích=text",
		"Điểm=number", "Giữ thứ tự phương án=text", "Ảnh=text", "Ngừng sử dụng=text")
	for _, l := range "ABCDEFGH" {
		kinds["Phương án "+string(l)] = kText // "1930" and "2.50" stay the text typed
	}
	assertColumnKinds(t, f, QuestionSheet, 1, kinds)
	if got := f.GetSheetList(); len(got) != 1 || got[0] != QuestionSheet {
		t.Fatalf("sheets = %v, want [CauHoi]", got)
	}
	const s = QuestionSheet
	want := [][]string{
		{"STT", "Chủ đề", "Mức độ", "Câu hỏi", "Phương án A", "Phương án B", "Phương án C", "Phương án D", "Phương án E", "Phương án F",
			"Phương án G", "Phương án H", "Đáp án", "Giải thích", "Điểm", "Giữ thứ tự phương án", "Ảnh", "Ngừng sử dụng"},
		{"1", "Lịch sử Đảng", "Dễ", "Đảng Cộng sản Việt Nam ra đời năm nào?", "1930", "1945", "1954", "1975", "", "", "", "",
			"A", "Ngày 03/02/1930.", "", "", "", ""},
		{"2", "", "Trung bình", "Chọn các phát biểu đúng:\n(có thể chọn nhiều)", "Phát biểu 1", "Phát biểu 2", "Phát biểu 3",
			"Phát biểu 4", "Phát biểu 5", "Phát biểu 6", "Phát biểu 7", "Phát biểu 8", "B, H", "", "5", "x", "https://hoithi.vn/a.png", ""},
		{"3", "@chủ đề", "Khó", "=1+1", "+84 912 345 678", "-", "@x", "=SUM(A1:A2)", "", "", "", "", "B", "", "", "", "", "x"},
		{"4", "", "", "0123", "1", "2.50", "", "", "", "", "", "", "A, B", "", "", "", "", ""},
	}
	assertCellTexts(t, f, s, want)
	// Formula-like and number-like text is written as string cells;
	// STT and points as numbers.
	assertStringCells(t, f, s, "B4", "D4", "E4", "F4", "G4", "H4", "D5", "E5", "F5", "M5")
	assertNumberCells(t, f, s, "A2", "O3")
	// Long text wraps in its cell.
	for _, ref := range []string{"D3", "E3", "N2"} {
		styleID, _ := f.GetCellStyle(s, ref)
		if style, _ := f.GetStyle(styleID); style == nil || style.Alignment == nil || !style.Alignment.WrapText {
			t.Errorf("%s does not wrap its text (style %d)", ref, styleID)
		}
	}
	if w, _ := f.GetColWidth(s, "D"); w < 50 {
		t.Errorf("question column width = %v, want a wide column", w)
	}
	assertSheetConventions(t, f, s, "$A$1:$R$5")
}

func TestWriteQuestionsRefusesTooManyOptions(t *testing.T) {
	q := quiz.Question{ID: "q9", Text: "Chín phương án", Options: opts("1", "2", "3", "4", "5", "6", "7", "8", "9"), Correct: []string{"A"}}
	var buf bytes.Buffer
	err := WriteQuestions(&buf, []quiz.Question{q})
	if err == nil || !strings.Contains(err.Error(), `"q9" has 9 options`) {
		t.Fatalf("err = %v, want a refusal naming q9", err)
	}
}

func TestQuestionTemplate(t *testing.T) {
	var buf bytes.Buffer
	must(t, QuestionTemplate(&buf))
	data := buf.Bytes()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	must(t, err)
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != QuestionSheet || got[1] != GuideSheet {
		t.Fatalf("sheets = %v, want [CauHoi HuongDan]", got)
	}
	header, _ := f.GetRows(QuestionSheet)
	if got := strings.Join(header[0], "|"); got != strings.Join(toStrings(questionHeader), "|") {
		t.Errorf("header = %s", got)
	}
	// The guide explains every column of the template and the retired one.
	guide, _ := f.GetRows(GuideSheet)
	explained := strings.Builder{}
	for _, line := range guide[1:] {
		if len(line) < 3 || len(line[2]) < 30 {
			t.Errorf("guide line %v explains too little", line)
		}
		explained.WriteString(line[0] + "|")
	}
	for _, h := range append(toStrings(questionHeader), "Ngừng sử dụng") {
		if h != "Phương án B" && h != "Phương án C" && !strings.Contains(explained.String(), h) {
			t.Errorf("guide does not explain %q", h)
		}
	}
	// Typed text keeps its form in the text columns (03/02/1930 stays text).
	assertTextColumns(t, f, QuestionSheet, "B", "D", "E", "H", "I", "J", "M")
	assertSheetConventions(t, f, QuestionSheet, "$A$1:$M$3")
	// The template imports as its two examples: one answer, then two.
	rows, err := ParseQuestions(bytes.NewReader(data), 0)
	if err != nil {
		t.Fatal(err)
	}
	assertQuestionRows(t, rows, []QuestionRow{{Row: 2, Question: templateQuestions[0]}, {Row: 3, Question: templateQuestions[1]}})
	if rows[0].Question.Multiple() || !rows[1].Question.Multiple() {
		t.Errorf("want a single-answer then a multi-answer example, got %v then %v", rows[0].Question.Correct, rows[1].Question.Correct)
	}
}

func toStrings(cells []any) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = c.(string)
	}
	return out
}
