package contests

import (
	"slices"
	"strings"
)

// Role is what a person may do. Every role but citizen is granted on a unit
// and reaches that unit's whole subtree.
type Role string

const (
	RoleCitizen   Role = "citizen"
	RoleJudge     Role = "judge"
	RoleSecretary Role = "secretary"
	RoleOrganizer Role = "organizer"
	RoleAdmin     Role = "admin"
)

// Roles lists every role, least powerful first.
var Roles = []Role{RoleCitizen, RoleJudge, RoleSecretary, RoleOrganizer, RoleAdmin}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// Grant gives Role over the subtree rooted at UnitID. UnitPath is the path of
// that unit (see Unit.Path), carried so scope checks need no store lookup.
type Grant struct {
	Role     Role   `json:"role"`
	UnitID   string `json:"unitId"`
	UnitPath string `json:"unitPath"`
}

// Covers reports whether the grant reaches a unit with the given path.
func (g Grant) Covers(unitPath string) bool {
	return g.UnitPath != "" && strings.HasPrefix(unitPath, g.UnitPath)
}

// Staff reports whether any grant is a non-citizen role. Staff of a contest's
// units may not compete in it (docs/domain.md §1).
func Staff(grants []Grant) bool {
	for _, g := range grants {
		if g.Role != RoleCitizen {
			return true
		}
	}
	return false
}

// Gives reports whether the grant gives one of roles. An admin grant passes
// every check: this is the one place that rule is written.
func (g Grant) Gives(roles ...Role) bool {
	return g.Role == RoleAdmin || slices.Contains(roles, g.Role)
}

// Allowed reports whether grants hold one of roles over unitPath (an admin
// grant gives every role within its subtree).
func Allowed(grants []Grant, unitPath string, roles ...Role) bool {
	return slices.ContainsFunc(grants, func(g Grant) bool { return g.Covers(unitPath) && g.Gives(roles...) })
}

// Holds reports whether grants give one of roles on some unit.
func Holds(grants []Grant, roles ...Role) bool {
	return slices.ContainsFunc(grants, func(g Grant) bool { return g.Gives(roles...) })
}
