package excel

import (
	"fmt"

	"hoithi/contests/quiz"
)

// templateQuestions are the template's example rows: one question with one
// right answer and one with several, so organizers see both answer forms.
var templateQuestions = []quiz.Question{
	{
		Topic:      "Lịch sử Đảng",
		Difficulty: quiz.DifficultyEasy,
		Text:       "Ngày nào được lấy làm ngày thành lập Đảng Cộng sản Việt Nam?",
		Options: []quiz.Option{
			{ID: "A", Text: "03/02/1930"},
			{ID: "B", Text: "06/01/1930"},
			{ID: "C", Text: "19/5/1930"},
			{ID: "D", Text: "02/9/1945"},
		},
		Correct:     []string{"A"},
		Explanation: "Hội nghị thành lập Đảng họp từ ngày 06/01 đến ngày 07/02/1930 tại Hương Cảng (Trung Quốc); Đại hội III của Đảng (1960) quyết định lấy ngày 03/02 hằng năm làm ngày kỷ niệm thành lập Đảng.",
	},
	{
		Topic:      "Lịch sử Đảng",
		Difficulty: quiz.DifficultyMedium,
		Text:       "Hội nghị thành lập Đảng đầu năm 1930 đã hợp nhất những tổ chức cộng sản nào?\n(Chọn tất cả các đáp án đúng)",
		Options: []quiz.Option{
			{ID: "A", Text: "Đông Dương Cộng sản Đảng"},
			{ID: "B", Text: "An Nam Cộng sản Đảng"},
			{ID: "C", Text: "Tân Việt Cách mạng Đảng"},
			{ID: "D", Text: "Việt Nam Quốc dân Đảng"},
		},
		Correct:     []string{"A", "B"},
		Explanation: "Hội nghị hợp nhất Đông Dương Cộng sản Đảng và An Nam Cộng sản Đảng thành Đảng Cộng sản Việt Nam; ngày 24/02/1930, Đông Dương Cộng sản Liên đoàn được chấp thuận gia nhập Đảng.",
		Points:      2,
	},
}

// questionGuide is the HuongDan sheet of the template: one line per column.
func questionGuide() [][4]string {
	h := func(col int) string { return questionColumns[col].Header }
	return [][4]string{
		{h(qcolNumber), "Không", "Số thứ tự, chỉ để dễ theo dõi; hệ thống không đọc cột này.", "1"},
		{h(qcolTopic), "Không", "Chủ đề của câu hỏi, dùng khi đề thi lấy số câu theo từng chủ đề.", "Lịch sử Đảng"},
		{h(qcolDifficulty), "Không",
			"Mức độ của câu hỏi: 1 hoặc Dễ; 2 hoặc Trung bình; 3 hoặc Khó. Để trống nếu không phân mức độ.", "Trung bình"},
		{h(qcolText), "Có",
			"Nội dung câu hỏi. Có thể xuống dòng trong ô (Alt+Enter). Mỗi câu hỏi chỉ ghi một lần trong file: hai câu trùng nội dung (kể cả khác chữ hoa, dấu, khoảng trắng) bị báo lỗi.",
			"Ngày nào được lấy làm ngày thành lập Đảng Cộng sản Việt Nam?"},
		{h(qcolOption(0)) + " … " + h(qcolOption(templateOptions-1)), "Có (ít nhất A và B)",
			fmt.Sprintf("Nội dung các phương án trả lời, từ %d đến %d phương án, điền liền nhau từ A (không bỏ trống ở giữa). Cần thêm phương án thì thêm cột %q, %q … đến %q.",
				quiz.MinOptions, quiz.MaxOptions, h(qcolOption(templateOptions)), h(qcolOption(templateOptions+1)), h(qcolOption(quiz.MaxOptions-1))),
			"03/02/1930"},
		{h(qcolAnswer), "Có",
			"Chữ cái của phương án đúng. Câu có nhiều đáp án đúng thì ghi các chữ cái cách nhau bởi dấu phẩy (B, D); người dự thi phải chọn đúng và đủ các đáp án này.",
			"A  hoặc  A, B"},
		{h(qcolExplanation), "Không", "Giải thích vì sao đáp án đúng, dùng khi công bố đáp án.", ""},
		{h(qcolPoints), "Không", fmt.Sprintf("Số điểm của câu hỏi, số nguyên từ 1 đến %d. Để trống là 1 điểm.", quiz.MaxQuestionPoints), "2"},
		{h(qcolKeepOrder), "Không",
			"Ghi x nếu không được đảo thứ tự các phương án khi ra đề, ví dụ khi có phương án \"Cả A, B và C đều đúng\". Để trống thì các phương án được đảo ngẫu nhiên.", "x"},
		{h(qcolImage), "Không", "Đường dẫn ảnh minh họa cho câu hỏi, bắt đầu bằng http:// hoặc https://.", "https://example.vn/anh/cau1.jpg"},
		{h(qcolRetired), "Không",
			"Chỉ có trong file xuất từ hệ thống. Ghi x để ngừng dùng câu hỏi: câu hỏi vẫn được lưu nhưng không được đưa vào đề thi mới.", "x"},
		{"Lưu ý", "",
			fmt.Sprintf("Giữ nguyên dòng tiêu đề; có thể đổi thứ tự cột và thêm cột ghi chú. Không gộp ô (Merge) trong vùng dữ liệu. Tối đa %d câu hỏi mỗi file. Xóa các dòng ví dụ trước khi nhập. Nếu có lỗi, hệ thống chỉ rõ dòng và cột cần sửa và không nhập câu hỏi nào.", MaxQuestionRows),
			""},
	}
}
