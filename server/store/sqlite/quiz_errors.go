package sqlite

import (
	"maps"

	"hoithi/contests"
)

// quizUniqueFields name the input field behind each quiz unique constraint.
// SQLite reports a composite key by its first column, so
// "quiz_questions.contest_id" is the (contest, question ID) key and
// "quiz_rounds.contest_id" the (contest, round number) key.
var quizUniqueFields = map[string]contests.FieldError{
	"quiz_questions.contest_id": contests.Field("id", contests.T(
		"Mã câu hỏi đã có trong ngân hàng câu hỏi của cuộc thi", "This question ID is already in the contest's bank")),
	"quiz_rounds.contest_id": contests.Field("no", contests.T(
		"Cuộc thi đã có đợt thi với số thứ tự này", "The contest already has a round with this number")),
	"quiz_rounds.id": contests.Field("id", contests.T("Mã đợt thi đã tồn tại", "Round ID already exists")),
}

// The quiz keys join the engine-wide table at start-up, so storeError names
// their fields like every other conflict's while errors.go stays about the
// engine rather than one aggregate.
func init() { maps.Copy(uniqueFields, quizUniqueFields) }

func questionNotFound() error { return contests.NotFound("câu hỏi", "question") }
func roundNotFound() error    { return contests.NotFound("đợt thi", "round") }
func participationNotFound() error {
	return contests.NotFound("lượt tham gia đợt thi", "participation")
}
func standingNotFound() error {
	return contests.NotFound("kết quả của người dự thi", "standing")
}

// participationConflict is the answer to a write based on a stale version
// (or an insert racing another): the caller reloads and applies again.
func participationConflict() error {
	return contests.E(contests.CodeConflict, contests.T(
		"Bài thi vừa được cập nhật ở nơi khác, vui lòng thử lại",
		"The attempt was just changed elsewhere, please try again"))
}
