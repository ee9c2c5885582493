// Package store defines the storage ports: one interface per aggregate, each
// method small and explicit. Two engines implement them (sqlite, mongo) and
// storetest holds the behaviour suite both must pass.
//
// Every method returns a *contests.Error for the failures a caller may act on:
// CodeNotFound when the thing does not exist, CodeConflict when a uniqueness
// rule is broken (Error.Fields names the field), CodeInternal otherwise.
package store

import (
	"context"
	"time"

	"hoithi/contests"
)

// Store is everything the application needs from storage.
type Store interface {
	Users
	Units
	RefreshTokens
	Contests
	Quiz
	Essay
	Identities
	Meta
	Leases
	Heartbeats
	Counters
	Snapshots
	// Ping reports whether the storage is reachable (for /readyz).
	Ping(ctx context.Context) error
	// ProbeWrite writes one tiny record (the same one each time) and so
	// reports whether the storage accepts writes: a database restored
	// read-only or a full disk answers Ping but fails here → CodeInternal.
	ProbeWrite(ctx context.Context) error
	Close() error
}

// Users stores accounts.
type Users interface {
	// CreateUser inserts u. A taken PhoneKey → CodeConflict with field
	// "phone"; a taken CCCDKey → CodeConflict with field "cccd".
	CreateUser(ctx context.Context, u *contests.User) error
	// UserByID → CodeNotFound when absent.
	UserByID(ctx context.Context, id string) (*contests.User, error)
	// UserByPhoneKey finds the account owning a phone (exact PhoneKey).
	UserByPhoneKey(ctx context.Context, phoneKey string) (*contests.User, error)
	// UserByCCCDKey finds the account owning a CCCD (exact CCCDKey).
	UserByCCCDKey(ctx context.Context, cccdKey string) (*contests.User, error)
	// SetPassword replaces the hash and PasswordChangedAt → CodeNotFound.
	SetPassword(ctx context.Context, userID, hash string, changedAt time.Time) error
	// BumpSessionVersion raises a user's SessionVersion by at least one and
	// returns the new value → CodeNotFound. Access tokens carrying an older
	// version are refused from then on (server/auth/session_versions.go).
	BumpSessionVersion(ctx context.Context, userID string) (int64, error)
	// SessionVersion reads just a user's SessionVersion → CodeNotFound; it is
	// read on authenticated requests (cached briefly), so it stays one
	// primary-key lookup.
	SessionVersion(ctx context.Context, userID string) (int64, error)
	// ReplacePasswordHash swaps oldHash for newHash (the same password hashed
	// with newer parameters) leaving PasswordChangedAt alone, so sessions
	// survive. → CodeConflict when the account is gone or its hash is no
	// longer oldHash (the password changed meanwhile: the rehash is dropped).
	ReplacePasswordHash(ctx context.Context, userID, oldHash, newHash string) error
	// TouchLastSeen moves a user's LastSeenAt to at when it is older (or
	// unset): one conditional write of one field, so instances racing can
	// never move it back. Nothing changed (a later instant stored, or no
	// such account) is not an error.
	TouchLastSeen(ctx context.Context, userID string, at time.Time) error
	// SetGrants replaces a user's grants → CodeNotFound.
	SetGrants(ctx context.Context, userID string, grants []contests.Grant) error
	// ListUsers returns accounts whose UnitPath starts with f.UnitPath,
	// optionally matching f.Query (folded name, phone or CCCD-masked
	// substring), ordered by FullName then ID, and the total matching.
	ListUsers(ctx context.Context, f UserFilter) ([]*contests.User, int, error)
	// UsersByIDs returns the accounts among ids keyed by ID; unknown IDs
	// are simply absent, never an error. Any number of IDs (engines ask in
	// batches of at most 500); for exports, one call per page of rows.
	UsersByIDs(ctx context.Context, ids []string) (map[string]*contests.User, error)
}

// UserFilter selects users for ListUsers.
type UserFilter struct {
	UnitPath string // subtree; "" for all
	Query    string // folded (contests.Fold) text; "" for all
	// StaffOnly keeps accounts holding a role other than citizen (judge,
	// secretary, organizer, admin): the staff screen's list.
	StaffOnly bool
	// CCCDTail, when set, is the keyed hash of four digits typed as Query:
	// an account whose CCCDTail equals it matches too.
	CCCDTail string
	Limit    int // 1..500, default 50
	Offset   int
}

// PageLimit is f.Limit within ListUsers' bounds: 50 when unset, 500 at most.
func (f UserFilter) PageLimit() int {
	switch {
	case f.Limit <= 0:
		return 50
	case f.Limit > 500:
		return 500
	}
	return f.Limit
}

// Units stores the unit tree.
type Units interface {
	// CreateUnit inserts u (Path and NameFold already set). A taken Code →
	// CodeConflict with field "code".
	CreateUnit(ctx context.Context, u *contests.Unit) error
	// UpdateUnit replaces name, kind, headcount, target and NameFold of unit u.ID
	// → CodeNotFound. Code, parent and path do not change here.
	UpdateUnit(ctx context.Context, u *contests.Unit) error
	UnitByID(ctx context.Context, id string) (*contests.Unit, error)
	UnitByCode(ctx context.Context, code string) (*contests.Unit, error)
	// UnitsUnder returns the subtree under path (the root included), ordered
	// by Path. path "" returns every unit.
	UnitsUnder(ctx context.Context, path string) ([]*contests.Unit, error)
	// ChildUnits returns the direct children of parentID ("" for roots),
	// ordered by Name then Code.
	ChildUnits(ctx context.Context, parentID string) ([]*contests.Unit, error)
	// SearchUnits returns up to limit units under path whose NameFold
	// contains the folded query, shallowest first then by Name.
	SearchUnits(ctx context.Context, path, foldedQuery string, limit int) ([]*contests.Unit, error)
	// SaveUnits inserts or updates (matched by Code) a batch the caller has
	// already validated as a whole; parents come before their children.
	SaveUnits(ctx context.Context, units []*contests.Unit) error
}

// RefreshToken is one link of a rotating refresh-token family. Only the
// token's SHA-256 is stored.
type RefreshToken struct {
	Hash      string
	FamilyID  string
	UserID    string
	IssuedAt  time.Time
	ExpiresAt time.Time
	Used      bool
	Revoked   bool
}

// RefreshTokens stores refresh-token families.
type RefreshTokens interface {
	CreateRefreshToken(ctx context.Context, t *RefreshToken) error
	// UseRefreshToken atomically marks the token used and returns it as it
	// was before. A token already used → CodeConflict (reuse: the caller
	// revokes the family); unknown → CodeNotFound. Revoked or expired tokens
	// are returned with Used=false as stored; the caller checks them.
	UseRefreshToken(ctx context.Context, hash string) (*RefreshToken, error)
	// RefreshTokenByHash returns a token as stored → CodeNotFound.
	RefreshTokenByHash(ctx context.Context, hash string) (*RefreshToken, error)
	// RevokeFamily revokes every token of a family.
	RevokeFamily(ctx context.Context, familyID string) error
	// RevokeUserTokens revokes every token of a user (password change).
	RevokeUserTokens(ctx context.Context, userID string) error
}

// Contests stores contest shells: what every contest has whatever its kind.
// The quiz and essay aggregates hang off a contest ID.
type Contests interface {
	// CreateContest inserts c. A taken Slug → CodeConflict, field "slug".
	CreateContest(ctx context.Context, c *contests.Contest) error
	UpdateContest(ctx context.Context, c *contests.Contest) error
	ContestByID(ctx context.Context, id string) (*contests.Contest, error)
	ContestBySlug(ctx context.Context, slug string) (*contests.Contest, error)
	// ListContests returns contests owned within the subtree at unitPath
	// ("" for all), newest first; publishedOnly hides drafts.
	ListContests(ctx context.Context, unitPath string, publishedOnly bool) ([]*contests.Contest, error)
	// ContestsOwnedAt returns the contests whose owner unit path is exactly
	// one of ownerPaths (none when empty), newest first; publishedOnly
	// hides drafts. A unit asks it for its ancestors' contests, which a
	// subtree listing of the province would bury among every ward's.
	ContestsOwnedAt(ctx context.Context, ownerPaths []string, publishedOnly bool) ([]*contests.Contest, error)
}
