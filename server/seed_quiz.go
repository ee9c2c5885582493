package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// demoQuestions is the demo bank: real facts of Party and national history.
// The correct options are listed first here, to read and check easily; the
// bank stores them rotated by demoKeyRotation so its keys spread over A–D
// as a good bank's should (an organizer copying the demo learns the habit,
// and the key-skew check has nothing to say about it).
var demoQuestions = []struct {
	topic   string
	diff    quiz.Difficulty
	text    string
	options []string
	correct int // how many of the first options are correct
}{
	{"Lịch sử Đảng", 1, "Đảng Cộng sản Việt Nam được thành lập vào ngày nào?", []string{"3/2/1930", "19/5/1930", "2/9/1930", "6/1/1930"}, 1},
	{"Lịch sử Đảng", 2, "Hội nghị thành lập Đảng Cộng sản Việt Nam họp ở đâu?", []string{"Cửu Long, Hương Cảng (Trung Quốc)", "Pác Bó, Cao Bằng", "Quảng Châu (Trung Quốc)", "Ma Cao"}, 1},
	{"Lịch sử Đảng", 1, "Ai chủ trì Hội nghị thành lập Đảng Cộng sản Việt Nam?", []string{"Nguyễn Ái Quốc", "Trần Phú", "Lê Hồng Phong", "Hà Huy Tập"}, 1},
	{"Lịch sử Đảng", 2, "Tổng Bí thư đầu tiên của Đảng là ai?", []string{"Trần Phú", "Lê Hồng Phong", "Nguyễn Văn Cừ", "Hà Huy Tập"}, 1},
	{"Lịch sử Đảng", 2, "Luận cương chính trị tháng 10/1930 do ai soạn thảo?", []string{"Trần Phú", "Nguyễn Ái Quốc", "Lê Duẩn", "Trường Chinh"}, 1},
	{"Lịch sử Đảng", 3, "Đảng lấy tên Đảng Lao động Việt Nam tại Đại hội nào?", []string{"Đại hội II (1951)", "Đại hội I (1935)", "Đại hội III (1960)", "Đại hội IV (1976)"}, 1},
	{"Lịch sử Đảng", 3, "Đại hội nào quyết định lấy lại tên Đảng Cộng sản Việt Nam?", []string{"Đại hội IV (1976)", "Đại hội III (1960)", "Đại hội V (1982)", "Đại hội VI (1986)"}, 1},
	{"Lịch sử Đảng", 1, "Đại hội nào của Đảng khởi xướng công cuộc đổi mới?", []string{"Đại hội VI (1986)", "Đại hội V (1982)", "Đại hội VII (1991)", "Đại hội VIII (1996)"}, 1},
	{"Lịch sử Đảng", 1, "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng họp năm nào?", []string{"2021", "2016", "2020", "2022"}, 1},
	{"Lịch sử Đảng", 2, "Mặt trận Việt Minh được thành lập năm nào?", []string{"1941", "1936", "1930", "1945"}, 1},
	{"Lịch sử Đảng", 2, "Hội Việt Nam Cách mạng Thanh niên được thành lập năm nào?", []string{"1925", "1920", "1927", "1930"}, 1},
	{"Lịch sử Đảng", 3, "Nghị quyết số 35-NQ/TW (2018) của Bộ Chính trị bàn về vấn đề gì?", []string{"Tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch", "Phát triển kinh tế tư nhân", "Xây dựng nông thôn mới", "Chuyển đổi số quốc gia"}, 1},
	{"Lịch sử Đảng", 1, "Năm 2025 kỷ niệm bao nhiêu năm Ngày thành lập Đảng Cộng sản Việt Nam?", []string{"95 năm", "90 năm", "85 năm", "100 năm"}, 1},
	{"Lịch sử Đảng", 2, "Đoàn Thanh niên Cộng sản Hồ Chí Minh được thành lập ngày nào?", []string{"26/3/1931", "3/2/1931", "19/5/1931", "22/12/1931"}, 1},
	{"Lịch sử dân tộc", 1, "Cách mạng Tháng Tám thành công năm nào?", []string{"1945", "1930", "1946", "1954"}, 1},
	{"Lịch sử dân tộc", 2, "Tổng khởi nghĩa giành chính quyền ở Hà Nội diễn ra ngày nào?", []string{"19/8/1945", "2/9/1945", "23/8/1945", "25/8/1945"}, 1},
	{"Lịch sử dân tộc", 1, "Chiến thắng Điện Biên Phủ diễn ra năm nào?", []string{"1954", "1945", "1968", "1975"}, 1},
	{"Lịch sử dân tộc", 1, "Ngày giải phóng hoàn toàn miền Nam, thống nhất đất nước là ngày nào?", []string{"30/4/1975", "2/9/1975", "7/5/1975", "19/8/1975"}, 1},
	{"Lịch sử dân tộc", 2, "Cuộc Tổng tuyển cử bầu Quốc hội khóa I diễn ra ngày nào?", []string{"6/1/1946", "2/9/1945", "19/12/1946", "6/1/1945"}, 1},
	{"Lịch sử dân tộc", 2, "Hiến pháp đầu tiên của nước Việt Nam Dân chủ Cộng hòa được thông qua năm nào?", []string{"1946", "1945", "1959", "1980"}, 1},
	{"Lịch sử dân tộc", 2, "Hiệp định Giơnevơ về Đông Dương được ký năm nào?", []string{"1954", "1946", "1973", "1975"}, 1},
	{"Lịch sử dân tộc", 2, "Hiệp định Pari về chấm dứt chiến tranh, lập lại hòa bình ở Việt Nam được ký năm nào?", []string{"1973", "1972", "1968", "1975"}, 1},
	{"Lịch sử dân tộc", 3, "Chiến thắng \"Điện Biên Phủ trên không\" diễn ra năm nào?", []string{"1972", "1968", "1965", "1973"}, 1},
	{"Lịch sử dân tộc", 1, "Quân đội nhân dân Việt Nam được thành lập ngày nào?", []string{"22/12/1944", "19/8/1945", "3/2/1944", "7/5/1944"}, 1},
	{"Lịch sử dân tộc", 3, "Những sự kiện nào diễn ra năm 1945?", []string{"Cách mạng Tháng Tám thành công", "Chủ tịch Hồ Chí Minh đọc Tuyên ngôn Độc lập", "Chiến thắng Điện Biên Phủ", "Ký Hiệp định Pari"}, 2},
	{"Chủ tịch Hồ Chí Minh", 1, "Chủ tịch Hồ Chí Minh sinh ngày nào?", []string{"19/5/1890", "2/9/1890", "19/5/1900", "3/2/1890"}, 1},
	{"Chủ tịch Hồ Chí Minh", 2, "Người thanh niên Nguyễn Tất Thành ra đi tìm đường cứu nước từ bến cảng nào?", []string{"Nhà Rồng", "Hải Phòng", "Đà Nẵng", "Quy Nhơn"}, 1},
	{"Chủ tịch Hồ Chí Minh", 1, "Chủ tịch Hồ Chí Minh đọc bản Tuyên ngôn Độc lập tại đâu?", []string{"Quảng trường Ba Đình, Hà Nội", "Tân Trào, Tuyên Quang", "Pác Bó, Cao Bằng", "Nhà hát Lớn Hà Nội"}, 1},
	{"Chủ tịch Hồ Chí Minh", 3, "Tác phẩm \"Đường Kách mệnh\" của Nguyễn Ái Quốc được xuất bản năm nào?", []string{"1927", "1925", "1930", "1941"}, 1},
	{"Chủ tịch Hồ Chí Minh", 3, "Những tác phẩm nào do Nguyễn Ái Quốc – Hồ Chí Minh viết?", []string{"Bản án chế độ thực dân Pháp", "Nhật ký trong tù", "Đường Kách mệnh", "Chống Đuyrinh"}, 3},
}

// seedDemoQuiz gives the demo contest a bank, last week's round "Tuần 1"
// (closed; seed_activity.go fills it) and this week's open round "Tuần 2",
// so a visitor can take an attempt right away. It returns the past round
// and the bank. seedSecret is the server's, from which each round's draw
// key is derived.
func seedDemoQuiz(ctx context.Context, st store.Store, seedSecret []byte, contestID string, now time.Time) (*quiz.Round, []quiz.Question, error) {
	bank := make([]quiz.Question, len(demoQuestions))
	for i, d := range demoQuestions {
		bank[i] = demoQuestion(i, d.topic, d.diff, d.text, d.options, d.correct)
	}
	if err := st.CreateQuestions(ctx, contestID, bank); err != nil {
		return nil, nil, err
	}
	// Weeks run from the hour of the demo's start to an hour before the
	// next one opens (docs/domain.md §2: "10:00 Mon → 09:00 next Mon").
	thisWeek := now.Truncate(time.Hour)
	past := demoRound(contestID, 1, thisWeek.Add(-7*24*time.Hour), thisWeek.Add(-time.Hour), now)
	open := demoRound(contestID, 2, thisWeek, thisWeek.Add(7*24*time.Hour), now)
	for _, r := range []*quiz.Round{past, open} {
		// Committed to its draw key as an organizer's round is
		// (server/api/quiz_rounds.go), so `server results verify` checks
		// the demo's results like any other.
		r.SeedCommitment = quiz.SeedCommitment(quiz.RoundKey(seedSecret, r.ID))
		if err := r.Validate(); err != nil {
			return nil, nil, err
		}
		if _, err := quiz.Prepare(bank, r.Blueprint); err != nil {
			return nil, nil, err
		}
		if err := st.CreateRound(ctx, r); err != nil {
			return nil, nil, err
		}
	}
	return past, bank, nil
}

// demoKeyRotation says where question i's first correct option goes: its
// letter. Spread evenly (8/8/7/7) and never three alike in a row.
const demoKeyRotation = "CADBBDACDBACBDCAADBCDBCAABDCBA"

// demoQuestion builds demo question i with its options rotated so the first
// correct one sits at demoKeyRotation[i] (the others, on a multi-answer
// question, follow it round the list).
func demoQuestion(i int, topic string, diff quiz.Difficulty, text string, options []string, correct int) quiz.Question {
	ids := []string{"A", "B", "C", "D"}
	rot := int(demoKeyRotation[i%len(demoKeyRotation)] - 'A')
	q := quiz.Question{ID: store.NewID(), Topic: topic, Difficulty: diff, Text: text,
		Options: make([]quiz.Option, len(options)), Explanation: "Đáp án đúng: " + strings.Join(options[:correct], "; ") + "."}
	for j, o := range options {
		at := (j + rot) % len(options)
		q.Options[at] = quiz.Option{ID: ids[at], Text: o}
		if j < correct {
			q.Correct = append(q.Correct, ids[at])
		}
	}
	slices.Sort(q.Correct)
	return q.Normalize()
}

// demoRound is week no of the demo contest, published.
func demoRound(contestID string, no int, opens, closes, now time.Time) *quiz.Round {
	return &quiz.Round{ID: store.NewID(), ContestID: contestID, No: no, Title: fmt.Sprintf("Tuần %d", no),
		OpensAt: opens, ClosesAt: closes,
		Blueprint:    quiz.Blueprint{Quotas: []quiz.Quota{{Topic: "Lịch sử Đảng", N: 4}, {Topic: "Lịch sử dân tộc", N: 4}, {Topic: "Chủ tịch Hồ Chí Minh", N: 2}}},
		TimeLimitSec: 600, MaxAttempts: 3, Policy: quiz.PolicyBest,
		Prediction:    quiz.Prediction{Enabled: true, Text: "Theo bạn, tuần này có bao nhiêu người trả lời đúng tất cả các câu hỏi?", Target: quiz.TargetAllCorrectPeople},
		Rule:          quiz.RankRule{Keys: []quiz.RankKey{quiz.KeyScoreDesc, quiz.KeyPredictionErrorAsc, quiz.KeyDurationAsc, quiz.KeySubmittedAsc}},
		Tiers:         []quiz.Tier{{Key: "nhat", Name: "Giải Nhất", Count: 1}, {Key: "nhi", Name: "Giải Nhì", Count: 2}, {Key: "ba", Name: "Giải Ba", Count: 3}, {Key: "kk", Name: "Giải Khuyến khích", Count: 5}},
		RevealAnswers: true, Status: quiz.RoundPublished, UpdatedAt: now}
}
