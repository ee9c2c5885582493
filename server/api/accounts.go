package api

import (
	"context"
	"strings"
	"time"

	"hoithi/contests"
	"hoithi/contests/account"
	"hoithi/contests/vnid"
	"hoithi/server/auth"
	"hoithi/server/store"
)

// registerRequest is the registration form (also used by organizers creating
// an account for someone).
type registerRequest struct {
	FullName   string `json:"fullName"`
	BirthDate  string `json:"birthDate"`
	Gender     string `json:"gender"`
	Phone      string `json:"phone"`
	CCCD       string `json:"cccd"`
	UnitID     string `json:"unitId"`
	Occupation string `json:"occupation"`
	Email      string `json:"email"`
	Address    string `json:"address"`
	Password   string `json:"password"`
}

func (r registerRequest) registration() account.Registration {
	return account.Registration{FullName: r.FullName, BirthDate: r.BirthDate, Gender: r.Gender, Phone: r.Phone,
		CCCD: r.CCCD, UnitID: r.UnitID, Occupation: r.Occupation, Email: r.Email, Address: r.Address, Password: r.Password}
}

// sharing says which identifiers an organizer allowed to be shared with an
// existing account (a relative's phone or CCCD, docs/domain.md §2).
type sharing struct {
	Phone, CCCD bool
}

// createAccount validates, checks the unit, hashes and stores a new citizen
// account. The unit must lie within limitPath when it is not "".
func (s *Server) createAccount(ctx context.Context, req registerRequest, share sharing, limitPath, createdBy string) (*contests.User, error) {
	p, err := account.Validate(req.registration(), s.Now().In(vietnam))
	if err != nil {
		return nil, err
	}
	unit, err := s.Store.UnitByID(ctx, p.UnitID)
	if contests.ErrorCode(err) == contests.CodeNotFound {
		return nil, contests.Invalid(contests.Field("unitId", contests.T("Đơn vị không tồn tại", "Unknown unit")))
	} else if err != nil {
		return nil, err
	}
	if limitPath != "" && !(contests.Grant{UnitPath: limitPath}).Covers(unit.Path) {
		return nil, contests.Invalid(contests.Field("unitId", contests.T("Đơn vị nằm ngoài phạm vi quản lý của bạn", "The unit is outside your scope")))
	}
	hash, err := auth.HashPassword(p.Password)
	if err != nil {
		return nil, hashError(err)
	}
	cccdHash := s.Keys.HashCCCD(p.CCCD.Number)
	u := &contests.User{
		ID: store.NewID(), FullName: p.FullName, BirthDate: p.BirthDate, Gender: p.Gender, Phone: p.Phone,
		Email: p.Email, UnitID: unit.ID, UnitPath: unit.Path, Occupation: p.Occupation, Address: p.Address,
		CCCDHash: cccdHash, CCCDEnc: s.Keys.Seal(p.CCCD.Number), CCCDMasked: vnid.Mask(p.CCCD.Number),
		CCCDTail: s.cccdTail(p.CCCD.Number),
		PhoneKey: p.Phone, CCCDKey: cccdHash, PasswordHash: hash,
		PasswordChangedAt: s.Now().UTC(), CreatedAt: s.Now().UTC(), CreatedBy: createdBy,
	}
	// Try with exclusive keys first; an allowed sharing only kicks in when the
	// value is really taken, so the first holder keeps logging in with it.
	for range 3 {
		err = s.Store.CreateUser(ctx, u)
		if contests.ErrorCode(err) != contests.CodeConflict {
			break
		}
		field := conflictField(err)
		switch {
		case field == "phone" && share.Phone && u.PhoneKey == u.Phone && u.CCCDKey == u.CCCDHash:
			u.PhoneKey = contests.SharedKey(u.Phone, u.ID)
		case field == "cccd" && share.CCCD && u.CCCDKey == u.CCCDHash && u.PhoneKey == u.Phone:
			u.CCCDKey = contests.SharedKey(u.CCCDHash, u.ID)
		default:
			return nil, duplicateAccountError(field, share)
		}
	}
	return u, err
}

// passwordOwner is what u's password must not be built on. The CCCD is
// opened from its sealed copy; an account without one skips that check.
func (s *Server) passwordOwner(u *contests.User) account.Owner {
	o := account.Owner{Phone: u.Phone, BirthDate: u.BirthDate}
	if u.CCCDEnc != "" {
		o.CCCD, _ = s.Keys.Open(u.CCCDEnc)
	}
	return o
}

func conflictField(err error) string {
	if e, ok := err.(*contests.Error); ok && len(e.Fields) > 0 {
		return e.Fields[0].Field
	}
	return ""
}

// The way back into an account is the unit's organizer (there is no SMS):
// every "already has an account" answer says so.
const (
	recoveryVI = "Nếu bạn quên mật khẩu, hãy đăng nhập bằng số này hoặc liên hệ ban tổ chức cuộc thi ở đơn vị của bạn (xã, phường, cơ quan) để được cấp lại mật khẩu; đừng đăng ký tài khoản thứ hai."
	recoveryEN = "If you forgot your password, log in with it or ask the contest organizers of your unit (commune, ward or agency) to reset your password; do not register a second account."
)

// duplicateAccountError explains a taken phone or CCCD the way people need
// to hear it: most duplicates are people who forgot their password.
func duplicateAccountError(field string, share sharing) error {
	if share.Phone && share.CCCD {
		return contests.Invalid(contests.Field("phone", contests.T(
			"Tài khoản cần ít nhất một số điện thoại hoặc CCCD riêng để đăng nhập",
			"An account needs its own phone or CCCD to log in with")))
	}
	if field == "cccd" {
		return contests.E(contests.CodeConflict, contests.T("Số CCCD này đã có tài khoản. "+recoveryVI, "This CCCD already has an account. "+recoveryEN),
			contests.Field("cccd", contests.T(
				"Số CCCD đã được đăng ký. Nếu bạn quên mật khẩu, hãy liên hệ ban tổ chức của đơn vị để được cấp lại.",
				"This CCCD is already registered. If you forgot your password, ask your unit's organizer to reset it.")))
	}
	return contests.E(contests.CodeConflict, contests.T("Số điện thoại này đã có tài khoản. "+recoveryVI, "This phone number already has an account. "+recoveryEN),
		contests.Field("phone", contests.T(
			"Số điện thoại đã được đăng ký. Nếu bạn quên mật khẩu, hãy liên hệ ban tổ chức của đơn vị để được cấp lại.",
			"This phone number is already registered. If you forgot your password, ask your unit's organizer to reset it.")))
}

// issueTokens starts a new refresh family (familyID "") or continues one.
func (s *Server) issueTokens(ctx context.Context, u *contests.User, familyID string) (*tokensDTO, error) {
	access, err := s.Tokens.Issue(u)
	if err != nil {
		return nil, contests.Internal(err)
	}
	refresh, hash := auth.NewRefreshToken()
	if familyID == "" {
		familyID = store.NewID()
	}
	now := s.Now().UTC()
	err = s.Store.CreateRefreshToken(ctx, &store.RefreshToken{Hash: hash, FamilyID: familyID, UserID: u.ID,
		IssuedAt: now, ExpiresAt: now.Add(auth.RefreshTTL)})
	if err != nil {
		return nil, err
	}
	return &tokensDTO{AccessToken: access, RefreshToken: refresh, ExpiresIn: int(auth.AccessTTL / time.Second)}, nil
}

// vietnam is the contests' time zone (ages, round open/close instants).
var vietnam = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		return time.FixedZone("ICT", 7*3600)
	}
	return loc
}()

// cccdTail is the keyed hash of a CCCD's last four digits ("" without one).
func (s *Server) cccdTail(number string) string {
	if len(number) < 4 {
		return ""
	}
	return s.Keys.HashCCCDTail(number[len(number)-4:])
}

// userQuery is the ListUsers filter for what a staff member typed: folded
// text for names, phones and masked CCCDs, and when it is exactly four
// digits also the keyed hash of a CCCD's last four (accounts registered
// before that hash was kept are still found by phone or name).
func (s *Server) userQuery(q string) (query, tail string) {
	query = contests.Fold(q)
	if digits := strings.Join(strings.Fields(q), ""); len(digits) == 4 && strings.Trim(digits, "0123456789") == "" {
		tail = s.Keys.HashCCCDTail(digits)
	}
	return query, tail
}
