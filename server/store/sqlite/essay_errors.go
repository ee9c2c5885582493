package sqlite

import (
	"maps"

	"hoithi/contests"
)

// essayUniqueFields name the input field behind each essay unique key.
// SQLite reports a composite key by its first column; the schema puts the
// guarded field first (receipt, code) where contest_id would be ambiguous,
// so "essay_rounds.contest_id" is the (contest, round number) key and
// "audit_log.chain" the (chain, seq) key.
var essayUniqueFields = map[string]contests.FieldError{
	"essay_works.id": contests.Field("id", contests.T("Mã bài dự thi đã tồn tại", "Entry ID already exists")),
	"essay_works.receipt": contests.Field("receipt", contests.T(
		"Số biên nhận đã được cấp cho một bài dự thi khác của cuộc thi", "This receipt number is already given to another entry of the contest")),
	"essay_works.code": contests.Field("code", contests.T(
		"Mã phách đã được dùng cho một bài dự thi khác của cuộc thi", "This anonymous code is already used by another entry of the contest")),
	"essay_rounds.id": contests.Field("id", contests.T("Mã vòng chấm đã tồn tại", "Judging round ID already exists")),
	"essay_rounds.contest_id": contests.Field("no", contests.T(
		"Cuộc thi đã có vòng chấm với số thứ tự này", "The contest already has a judging round with this number")),
	"audit_log.chain": contests.Field("seq", contests.T(
		"Nhật ký vừa được ghi thêm ở nơi khác, vui lòng thử lại", "The audit log was just appended to elsewhere, please try again")),
}

// Joined to the engine-wide table at start-up, as the quiz keys are.
func init() { maps.Copy(uniqueFields, essayUniqueFields) }

func workNotFound() error { return contests.NotFound("bài dự thi", "entry") }
func identityNotFound() error {
	return contests.NotFound("phiếu thông tin tác giả", "identity sheet")
}
func essayRoundNotFound() error { return contests.NotFound("vòng chấm", "judging round") }
func scoreNotFound() error      { return contests.NotFound("phiếu chấm", "score sheet") }
func auditNotFound() error      { return contests.NotFound("nhật ký", "audit entry") }

// workConflict answers a write based on a stale version: someone else
// changed the work since the caller read it, so the caller reloads.
func workConflict() error {
	return contests.E(contests.CodeConflict, contests.T(
		"Bài dự thi vừa được cập nhật ở nơi khác, vui lòng tải lại",
		"The entry was just changed elsewhere, please reload"), contests.Field("version", contests.T(
		"Phiên bản đã cũ", "Stale version")))
}

// scoreConflict answers a score write based on a stale version, or a first
// version racing another first version of the same sheet.
func scoreConflict() error {
	return contests.E(contests.CodeConflict, contests.T(
		"Phiếu chấm vừa được cập nhật ở nơi khác, vui lòng tải lại",
		"The score sheet was just changed elsewhere, please reload"), contests.Field("version", contests.T(
		"Phiên bản đã cũ", "Stale version")))
}
