package contests

import "time"

// Gender as asked on registration forms.
type Gender string

const (
	GenderMale   Gender = "male"
	GenderFemale Gender = "female"
)

// Occupation groups asked by contest rules (docs/domain.md §2): used for statistics.
type Occupation string

const (
	OccPartyMember  Occupation = "party_member"  // đảng viên
	OccYouthUnion   Occupation = "youth_union"   // đoàn viên
	OccStudent      Occupation = "student"       // học sinh, sinh viên
	OccCivilServant Occupation = "civil_servant" // cán bộ, công chức, viên chức
	OccCitizen      Occupation = "citizen"       // nhân dân
	OccArmedForces  Occupation = "armed_forces"  // lực lượng vũ trang
)

// Occupations lists the accepted occupation groups in display order.
var Occupations = []Occupation{OccPartyMember, OccYouthUnion, OccStudent, OccCivilServant, OccArmedForces, OccCitizen}

// Valid reports whether o is a known group.
func (o Occupation) Valid() bool {
	for _, k := range Occupations {
		if o == k {
			return true
		}
	}
	return false
}

// User is one account. The CCCD is never stored in clear: CCCDHash (a keyed
// hash) enforces one account per person, CCCDEnc (sealed with the server key)
// lets an organizer export it, CCCDMasked is what screens show.
type User struct {
	ID         string
	FullName   string
	BirthDate  time.Time // a calendar date, stored at 00:00 UTC
	Gender     Gender
	Phone      string // +84…
	Email      string
	UnitID     string
	UnitPath   string
	Occupation Occupation
	Address    string

	CCCDHash   string
	CCCDEnc    string
	CCCDMasked string
	// CCCDTail is a keyed hash of the CCCD's last four digits, for the
	// staff screen's search; "" for accounts made before it or without CCCD.
	CCCDTail string

	// PhoneKey and CCCDKey carry the uniqueness: normally the phone and the
	// CCCD hash; for an account an organizer allowed to share a relative's
	// phone or CCCD they get the user ID appended, so the unique index lets
	// it through and login by that shared value still finds the owner.
	PhoneKey string
	CCCDKey  string

	PasswordHash string
	// PasswordChangedAt invalidates refresh tokens issued before it.
	PasswordChangedAt time.Time
	// SessionVersion goes up whenever every access token issued before must
	// stop working (logout, password change or reset, a change of roles);
	// access tokens carry the version they were issued at.
	SessionVersion int64
	Grants         []Grant
	CreatedAt      time.Time
	CreatedBy      string // organizer who created it, "" for self-registration
	// LastSeenAt is the last login or token refresh (not every request);
	// zero when the account never logged in.
	LastSeenAt time.Time
}

// SharedKey returns the uniqueness key for a value an organizer allowed to be
// shared with another account.
func SharedKey(value, userID string) string { return value + "#" + userID }
