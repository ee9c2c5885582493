package account

import (
	"strings"
	"unicode/utf8"

	"hoithi/contests"
	"hoithi/contests/vnid"
)

// StaffAccount is what an organizer types to create a judge's or a
// secretary's account: name, phone and unit only. Staff are not
// contestants, so no CCCD, birth date or occupation is asked; they log in
// with the phone and a generated first password.
type StaffAccount struct {
	FullName string
	Phone    string
	UnitID   string
	Role     contests.Role
}

// StaffRoles are the roles the staff screen creates accounts for.
var StaffRoles = []contests.Role{contests.RoleJudge, contests.RoleSecretary, contests.RoleOrganizer}

// ValidateStaff normalizes a and names every bad field.
func ValidateStaff(a StaffAccount) (StaffAccount, error) {
	var errs contests.Errors
	a.FullName = strings.Join(strings.Fields(contests.NFC(a.FullName)), " ")
	switch n := utf8.RuneCountInString(a.FullName); {
	case n == 0:
		errs.Add("fullName", contests.T("Vui lòng nhập họ và tên", "Full name is required"))
	case !strings.Contains(a.FullName, " "):
		errs.Add("fullName", contests.T("Vui lòng nhập đầy đủ họ và tên", "Please enter the full name"))
	case n > maxNameLen:
		errs.Add("fullName", contests.T("Họ và tên dài quá %d ký tự", "Full name is longer than %d characters", maxNameLen))
	case strings.ContainsAny(a.FullName, "0123456789<>@#$%^&*=+{}[]|\\/"):
		errs.Add("fullName", contests.T("Họ và tên chứa ký tự không hợp lệ", "Full name contains invalid characters"))
	}
	if phone, err := vnid.NormalizePhone(a.Phone); err != nil {
		addFieldErrors(&errs, "phone", err)
	} else {
		a.Phone = phone
	}
	a.UnitID = strings.TrimSpace(a.UnitID)
	if a.UnitID == "" {
		errs.Add("unitId", contests.T("Vui lòng chọn đơn vị", "Please choose a unit"))
	}
	valid := false
	for _, r := range StaffRoles {
		valid = valid || a.Role == r
	}
	if !valid {
		errs.Add("role", contests.T("Vai trò phải là giám khảo, thư ký hoặc ban tổ chức", "The role must be judge, secretary or organizer"))
	}
	return a, errs.Err()
}
