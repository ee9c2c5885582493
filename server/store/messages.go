package store

import "hoithi/contests"

// The errors both engines return, written once: a person reads the same
// words whichever engine runs (storetest compares them on both). Each is a
// function so that every failure gets its own *contests.Error.

// Not found, one per aggregate, named the way users read them.

func UserNotFound() error     { return contests.NotFound("người dùng", "user") }
func UnitNotFound() error     { return contests.NotFound("đơn vị", "unit") }
func TokenNotFound() error    { return contests.NotFound("phiên đăng nhập", "refresh token") }
func ContestNotFound() error  { return contests.NotFound("cuộc thi", "contest") }
func QuestionNotFound() error { return contests.NotFound("câu hỏi", "question") }
func RoundNotFound() error    { return contests.NotFound("đợt thi", "round") }
func ParticipationNotFound() error {
	return contests.NotFound("lượt tham gia đợt thi", "participation")
}
func StandingNotFound() error {
	return contests.NotFound("kết quả của người dự thi", "standing")
}
func WorkNotFound() error { return contests.NotFound("bài dự thi", "work") }
func IdentityNotFound() error {
	return contests.NotFound("phiếu thông tin tác giả", "identity sheet")
}
func EssayRoundNotFound() error { return contests.NotFound("vòng chấm", "judging round") }
func ScoreNotFound() error      { return contests.NotFound("phiếu chấm", "score sheet") }
func AuditNotFound() error      { return contests.NotFound("nhật ký", "audit log") }

// Duplicate is the conflict of a write breaking a unique key; field names
// the input to change (Taken), or ValueTaken when the engine cannot tell.
func Duplicate(field contests.FieldError) *contests.Error {
	return contests.E(contests.CodeConflict, contests.T("Dữ liệu bị trùng", "Duplicate value"), field)
}

// ValueTaken is the field of a duplicate whose key is unknown.
func ValueTaken() contests.FieldError {
	return contests.Field("", contests.T("Giá trị đã tồn tại", "Value already exists"))
}

// Key names a unique key of the stored records, for Taken.
type Key string

const (
	KeyUserID        Key = "user.id"
	KeyUserPhone     Key = "user.phone"
	KeyUserCCCD      Key = "user.cccd"
	KeyUnitID        Key = "unit.id"
	KeyUnitCode      Key = "unit.code"
	KeyTokenHash     Key = "token.hash"
	KeyContestID     Key = "contest.id"
	KeyContestSlug   Key = "contest.slug"
	KeyQuestionID    Key = "question.id"
	KeyRoundID       Key = "round.id"
	KeyRoundNo       Key = "round.no"
	KeyParticipation Key = "participation"
	KeyStandingUser  Key = "standing.user"
	KeyWorkID        Key = "work.id"
	KeyWorkReceipt   Key = "work.receipt"
	KeyWorkCode      Key = "work.code"
	KeyEssayRoundID  Key = "essayRound.id"
	KeyEssayRoundNo  Key = "essayRound.no"
	KeyAuditSeq      Key = "audit.seq"
)

// taken is the field and words of each unique key.
var taken = map[Key]contests.FieldError{
	KeyUserID: contests.Field("id", contests.T("Mã tài khoản đã tồn tại", "Account ID already exists")),
	KeyUserPhone: contests.Field("phone", contests.T(
		"Số điện thoại này đã được dùng cho một tài khoản khác", "This phone number is already used by another account")),
	KeyUserCCCD: contests.Field("cccd", contests.T(
		"Số CCCD này đã được dùng cho một tài khoản khác", "This citizen ID is already used by another account")),
	KeyUnitID:      contests.Field("id", contests.T("Mã định danh đơn vị đã tồn tại", "Unit ID already exists")),
	KeyUnitCode:    contests.Field("code", contests.T("Mã đơn vị đã tồn tại", "Unit code already exists")),
	KeyTokenHash:   contests.Field("hash", contests.T("Phiên đăng nhập đã tồn tại", "Session token already exists")),
	KeyContestID:   contests.Field("id", contests.T("Mã cuộc thi đã tồn tại", "Contest ID already exists")),
	KeyContestSlug: contests.Field("slug", contests.T("Đường dẫn rút gọn này đã được dùng", "This short link is already taken")),
	KeyQuestionID: contests.Field("id", contests.T(
		"Mã câu hỏi đã có trong ngân hàng câu hỏi của cuộc thi", "This question ID is already in the contest's bank")),
	KeyRoundID: contests.Field("id", contests.T("Mã đợt thi đã tồn tại", "Round ID already exists")),
	KeyRoundNo: contests.Field("no", contests.T(
		"Cuộc thi đã có đợt thi với số thứ tự này", "The contest already has a round with this number")),
	KeyParticipation: contests.Field("", contests.T("Lượt tham gia đã tồn tại", "The participation already exists")),
	KeyStandingUser:  contests.Field("userId", contests.T("Một người có hai dòng kết quả", "A person has two result lines")),
	KeyWorkID:        contests.Field("id", contests.T("Mã bài dự thi đã tồn tại", "Work ID already exists")),
	KeyWorkReceipt: contests.Field("receipt", contests.T(
		"Số biên nhận này đã được cấp cho một bài khác của cuộc thi", "This receipt number was already given to another work of the contest")),
	KeyWorkCode: contests.Field("code", contests.T(
		"Mã phách này đã được dùng cho một bài khác của cuộc thi", "This anonymous code is already used by another work of the contest")),
	KeyEssayRoundID: contests.Field("id", contests.T("Mã vòng chấm đã tồn tại", "Judging round ID already exists")),
	KeyEssayRoundNo: contests.Field("no", contests.T(
		"Cuộc thi đã có vòng chấm với số thứ tự này", "The contest already has a judging round with this number")),
	KeyAuditSeq: contests.Field("seq", contests.T(
		"Nhật ký vừa được ghi tiếp ở nơi khác, vui lòng thử lại", "The audit log was just appended to elsewhere, please try again")),
}

// Taken is the conflict field of unique key k (ValueTaken for an unknown k).
func Taken(k Key) contests.FieldError {
	if f, ok := taken[k]; ok {
		return f
	}
	return ValueTaken()
}

// Stale writes of records under a version check (see retry.go): the caller
// reads again and reapplies. Each names the field "version".

func staleVersion(msg contests.Msg) *contests.Error {
	return contests.E(contests.CodeConflict, msg,
		contests.Field("version", contests.T("Phiên bản đã cũ", "Stale version")))
}

// StaleParticipation: the person's record changed since it was read.
func StaleParticipation() *contests.Error {
	return staleVersion(contests.T("Bài thi vừa được cập nhật ở nơi khác, vui lòng thử lại", "The attempt was just changed elsewhere, please try again"))
}

// StaleWork: the work changed since it was read.
func StaleWork() *contests.Error {
	return staleVersion(contests.T("Bài dự thi vừa được cập nhật ở nơi khác, vui lòng tải lại", "The work was just changed elsewhere, please reload"))
}

// StaleScore: the score sheet changed since it was read (another tab, or
// the secretariat reopened it).
func StaleScore() *contests.Error {
	return staleVersion(contests.T("Phiếu chấm vừa được cập nhật ở nơi khác, vui lòng tải lại", "The score sheet was just changed elsewhere, please reload"))
}

// TokenReused: a refresh token presented a second time (the caller treats
// it as theft and revokes the family).
func TokenReused() error {
	return contests.E(contests.CodeConflict, contests.T(
		"Phiên đăng nhập đã được dùng, vui lòng đăng nhập lại", "This session was already used, please sign in again"))
}

// PasswordChanged: a rehash lost to a password change.
func PasswordChanged() error {
	return contests.E(contests.CodeConflict, contests.T("Mật khẩu đã được đổi", "The password was changed meanwhile"))
}
