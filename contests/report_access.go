package contests

import (
	"cmp"
	"slices"
	"strings"
)

// Units report their own figures upward every week (docs/domain.md §2): the
// organizers of a ward or a khu phố inside a province's contest must read
// their unit's statistics without being able to change the contest. That is
// "report" access, granted by rule rather than by a grant of its own.

// Access is how a caller reaches a contest.
type Access string

const (
	// AccessNone: the caller may not open the contest.
	AccessNone Access = ""
	// AccessManage: an organizer of the owning unit or above, or an admin.
	AccessManage Access = "manage"
	// AccessReport: an organizer of a unit inside the contest's tree, who
	// reads the figures of that unit only.
	AccessReport Access = "report"
)

// ContestAccess decides how grants reach ct. Manage is today's rule (an
// organizer grant over the owner, or an admin). Otherwise report needs an
// organizer grant at a unit strictly inside the owner's subtree and inside
// the eligible subtree (when set), on a quiz contest past its draft
// (published, or closed: a closed contest's last week is still reported).
// For report access it also returns the qualifying grants, outermost first
// (then by path, so the choice is stable): the first is the default scope.
func ContestAccess(grants []Grant, ct *Contest) (Access, []Grant) {
	if ct == nil {
		return AccessNone, nil
	}
	if Allowed(grants, ct.OwnerUnitPath, RoleOrganizer) {
		return AccessManage, nil
	}
	if ct.Kind != KindQuiz || ct.Status == ContestDraft {
		return AccessNone, nil
	}
	var out []Grant
	for _, g := range grants {
		if g.Role == RoleOrganizer && reportsFor(g.UnitPath, ct) {
			out = append(out, g)
		}
	}
	if len(out) == 0 {
		return AccessNone, nil
	}
	slices.SortStableFunc(out, func(a, b Grant) int {
		return cmp.Or(cmp.Compare(Depth(a.UnitPath), Depth(b.UnitPath)), strings.Compare(a.UnitPath, b.UnitPath))
	})
	return AccessReport, out
}

// reportsFor: unitPath lies strictly inside the owner's subtree and inside
// the eligible subtree. A malformed empty path reaches nothing.
func reportsFor(unitPath string, ct *Contest) bool {
	if unitPath == "" || ct.OwnerUnitPath == "" || unitPath == ct.OwnerUnitPath || !strings.HasPrefix(unitPath, ct.OwnerUnitPath) {
		return false
	}
	return ct.EligibleUnitPath == "" || strings.HasPrefix(unitPath, ct.EligibleUnitPath)
}

// ReportGrantFor returns the report grant that covers unitPath (the
// outermost when several do), false when none: a unit outside the caller's
// report scope.
func ReportGrantFor(reportGrants []Grant, unitPath string) (Grant, bool) {
	for _, g := range reportGrants {
		if g.Covers(unitPath) {
			return g, true
		}
	}
	return Grant{}, false
}

// StrictAncestorPaths returns the paths of the units above the unit at path,
// root first: the owners whose contests that unit may report for.
func StrictAncestorPaths(path string) []string {
	ids := AncestorIDs(path)
	if len(ids) < 2 {
		return nil
	}
	out := make([]string, 0, len(ids)-1)
	p := "/"
	for _, id := range ids[:len(ids)-1] {
		p += id + "/"
		out = append(out, p)
	}
	return out
}
