package mongo

import (
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"hoithi/contests"
	"hoithi/server/store"
)

// The documents below are the stored shape of each aggregate, kept apart from
// the domain structs so that renaming a Go field never renames a stored one
// and so that derived fields (nameFold, depth) stay out of the domain.
//
// Instants are BSON dates: UTC, millisecond precision. A zero time.Time is
// left out (omitempty) rather than stored as year 1, so "unset" reads as
// absent to anyone querying the database, and 1970-01-01 stays a real date.

type grantDoc struct {
	Role     string `bson:"role"`
	UnitID   string `bson:"unitId"`
	UnitPath string `bson:"unitPath"`
}

type userDoc struct {
	ID         string    `bson:"_id"`
	FullName   string    `bson:"fullName"`
	NameFold   string    `bson:"nameFold"` // contests.Fold(FullName), for ListUsers' query
	BirthDate  time.Time `bson:"birthDate,omitempty"`
	Gender     string    `bson:"gender"`
	Phone      string    `bson:"phone"`
	Email      string    `bson:"email"`
	UnitID     string    `bson:"unitId"`
	UnitPath   string    `bson:"unitPath"`
	Occupation string    `bson:"occupation"`
	Address    string    `bson:"address"`
	CCCDHash   string    `bson:"cccdHash"`
	CCCDEnc    string    `bson:"cccdEnc"`
	CCCDMasked string    `bson:"cccdMasked"`
	CCCDTail   string    `bson:"cccdTail,omitempty"`
	// The uniqueness keys are left out when empty: their indexes are sparse,
	// so accounts without the key never collide (see indexes.go).
	PhoneKey          string    `bson:"phoneKey,omitempty"`
	CCCDKey           string    `bson:"cccdKey,omitempty"`
	PasswordHash      string    `bson:"passwordHash"`
	PasswordChangedAt time.Time `bson:"passwordChangedAt,omitempty"`
	// SessionVersion is absent from users stored before it existed: 0.
	SessionVersion int64      `bson:"sessionVersion"`
	Grants         []grantDoc `bson:"grants"`
	CreatedAt      time.Time  `bson:"createdAt,omitempty"`
	CreatedBy      string     `bson:"createdBy"`
	// LastSeenAt is absent until the first login (TouchLastSeen).
	LastSeenAt time.Time `bson:"lastSeenAt,omitempty"`
}

type unitDoc struct {
	ID       string `bson:"_id"`
	Code     string `bson:"code"`
	Name     string `bson:"name"`
	NameFold string `bson:"nameFold"`
	Kind     string `bson:"kind"`
	// ParentID is "" for a root, stored so that ChildUnits("") is an
	// equality match on the parentId index.
	ParentID string `bson:"parentId"`
	Path     string `bson:"path"`
	// Depth is derived from Path and stored because a query cannot sort by
	// a computed value on every server: SearchUnits sorts by it.
	Depth     int `bson:"depth"`
	Headcount int `bson:"headcount"`
	// Target is absent from units stored before it existed; it decodes as
	// 0, "none set", which is what they meant.
	Target int `bson:"target"`
}

type refreshTokenDoc struct {
	Hash      string    `bson:"_id"`
	FamilyID  string    `bson:"familyId"`
	UserID    string    `bson:"userId"`
	IssuedAt  time.Time `bson:"issuedAt,omitempty"`
	ExpiresAt time.Time `bson:"expiresAt,omitempty"`
	Used      bool      `bson:"used"`
	Revoked   bool      `bson:"revoked"`
}

type contestDoc struct {
	ID               string    `bson:"_id"`
	Slug             string    `bson:"slug"`
	Kind             string    `bson:"kind"`
	Title            string    `bson:"title"`
	Description      string    `bson:"description"`
	BannerURL        string    `bson:"bannerUrl"`
	OwnerUnitID      string    `bson:"ownerUnitId"`
	OwnerUnitPath    string    `bson:"ownerUnitPath"`
	EligibleUnitPath string    `bson:"eligibleUnitPath"`
	Status           string    `bson:"status"`
	StartsAt         time.Time `bson:"startsAt,omitempty"`
	EndsAt           time.Time `bson:"endsAt,omitempty"`
	CreatedAt        time.Time `bson:"createdAt,omitempty"`
	UpdatedAt        time.Time `bson:"updatedAt,omitempty"`
	// Settings is the kind-specific JSON kept as text, byte for byte.
	Settings string `bson:"settings,omitempty"`
	// Version is absent from contests stored before versions existed;
	// loadedVersion reads that as the first version (see versions.go).
	Version int64 `bson:"version,omitempty"`
}

// storedTime is an instant as the database keeps it: UTC, whole
// milliseconds. Writing it this way makes what was written equal what is
// read back.
func storedTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Millisecond)
}

// loadedTime returns a decoded instant in UTC; absent stays zero.
func loadedTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}

// instant is a named date field of an update.
type instant struct {
	key string
	at  time.Time
}

// datedUpdate builds an update that $sets set and the non-zero instants and
// $unsets the zero ones, keeping "zero is absent" true after updates too.
func datedUpdate(set bson.D, instants ...instant) bson.D {
	var unset bson.D
	for _, in := range instants {
		if in.at.IsZero() {
			unset = append(unset, bson.E{Key: in.key, Value: ""})
		} else {
			set = append(set, bson.E{Key: in.key, Value: in.at})
		}
	}
	update := bson.D{{Key: "$set", Value: set}}
	if len(unset) > 0 {
		update = append(update, bson.E{Key: "$unset", Value: unset})
	}
	return update
}

func grantDocs(grants []contests.Grant) []grantDoc {
	out := make([]grantDoc, len(grants)) // never nil: the field is always an array
	for i, g := range grants {
		out[i] = grantDoc{Role: string(g.Role), UnitID: g.UnitID, UnitPath: g.UnitPath}
	}
	return out
}

func grantsOf(docs []grantDoc) []contests.Grant {
	if len(docs) == 0 {
		return nil
	}
	out := make([]contests.Grant, len(docs))
	for i, g := range docs {
		out[i] = contests.Grant{Role: contests.Role(g.Role), UnitID: g.UnitID, UnitPath: g.UnitPath}
	}
	return out
}

func toUserDoc(u *contests.User) *userDoc {
	return &userDoc{
		ID: u.ID, FullName: u.FullName, NameFold: contests.Fold(u.FullName),
		BirthDate: storedTime(u.BirthDate), Gender: string(u.Gender), Phone: u.Phone, Email: u.Email,
		UnitID: u.UnitID, UnitPath: u.UnitPath, Occupation: string(u.Occupation), Address: u.Address,
		CCCDHash: u.CCCDHash, CCCDEnc: u.CCCDEnc, CCCDMasked: u.CCCDMasked, CCCDTail: u.CCCDTail,
		PhoneKey: u.PhoneKey, CCCDKey: u.CCCDKey,
		PasswordHash: u.PasswordHash, PasswordChangedAt: storedTime(u.PasswordChangedAt),
		SessionVersion: u.SessionVersion, Grants: grantDocs(u.Grants), CreatedAt: storedTime(u.CreatedAt), CreatedBy: u.CreatedBy,
		LastSeenAt: storedTime(u.LastSeenAt),
	}
}

func (d *userDoc) user() *contests.User {
	return &contests.User{
		ID: d.ID, FullName: d.FullName, BirthDate: loadedTime(d.BirthDate), Gender: contests.Gender(d.Gender),
		Phone: d.Phone, Email: d.Email, UnitID: d.UnitID, UnitPath: d.UnitPath,
		Occupation: contests.Occupation(d.Occupation), Address: d.Address,
		CCCDHash: d.CCCDHash, CCCDEnc: d.CCCDEnc, CCCDMasked: d.CCCDMasked, CCCDTail: d.CCCDTail,
		PhoneKey: d.PhoneKey, CCCDKey: d.CCCDKey,
		PasswordHash: d.PasswordHash, PasswordChangedAt: loadedTime(d.PasswordChangedAt),
		SessionVersion: d.SessionVersion, Grants: grantsOf(d.Grants), CreatedAt: loadedTime(d.CreatedAt), CreatedBy: d.CreatedBy,
		LastSeenAt: loadedTime(d.LastSeenAt),
	}
}

func toUnitDoc(u *contests.Unit) *unitDoc {
	return &unitDoc{
		ID: u.ID, Code: u.Code, Name: u.Name, NameFold: u.NameFold, Kind: u.Kind,
		ParentID: u.ParentID, Path: u.Path, Depth: contests.Depth(u.Path), Headcount: u.Headcount,
		Target: u.Target,
	}
}

func (d *unitDoc) unit() *contests.Unit {
	return &contests.Unit{
		ID: d.ID, Code: d.Code, Name: d.Name, Kind: d.Kind, ParentID: d.ParentID,
		Path: d.Path, Headcount: d.Headcount, Target: d.Target, NameFold: d.NameFold,
	}
}

func toRefreshTokenDoc(t *store.RefreshToken) *refreshTokenDoc {
	return &refreshTokenDoc{
		Hash: t.Hash, FamilyID: t.FamilyID, UserID: t.UserID,
		IssuedAt: storedTime(t.IssuedAt), ExpiresAt: storedTime(t.ExpiresAt),
		Used: t.Used, Revoked: t.Revoked,
	}
}

func (d *refreshTokenDoc) refreshToken() *store.RefreshToken {
	return &store.RefreshToken{
		Hash: d.Hash, FamilyID: d.FamilyID, UserID: d.UserID,
		IssuedAt: loadedTime(d.IssuedAt), ExpiresAt: loadedTime(d.ExpiresAt),
		Used: d.Used, Revoked: d.Revoked,
	}
}

func toContestDoc(c *contests.Contest) *contestDoc {
	return &contestDoc{
		ID: c.ID, Slug: c.Slug, Kind: string(c.Kind), Title: c.Title, Description: c.Description,
		BannerURL: c.BannerURL, OwnerUnitID: c.OwnerUnitID, OwnerUnitPath: c.OwnerUnitPath,
		EligibleUnitPath: c.EligibleUnitPath, Status: string(c.Status),
		StartsAt: storedTime(c.StartsAt), EndsAt: storedTime(c.EndsAt),
		CreatedAt: storedTime(c.CreatedAt), UpdatedAt: storedTime(c.UpdatedAt),
		Settings: string(c.Settings), Version: c.Version,
	}
}

func (d *contestDoc) contest() *contests.Contest {
	var settings []byte
	if d.Settings != "" {
		settings = []byte(d.Settings)
	}
	return &contests.Contest{
		Settings: settings,
		ID:       d.ID, Slug: d.Slug, Kind: contests.ContestKind(d.Kind), Title: d.Title, Description: d.Description,
		BannerURL: d.BannerURL, OwnerUnitID: d.OwnerUnitID, OwnerUnitPath: d.OwnerUnitPath,
		EligibleUnitPath: d.EligibleUnitPath, Status: contests.ContestStatus(d.Status),
		StartsAt: loadedTime(d.StartsAt), EndsAt: loadedTime(d.EndsAt),
		CreatedAt: loadedTime(d.CreatedAt), UpdatedAt: loadedTime(d.UpdatedAt),
		Version: loadedVersion(d.Version),
	}
}
