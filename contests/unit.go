package contests

import "strings"

// UnitKind names the level of a unit. Imports accept any non-empty kind; these
// are the ones the product knows how to label.
const (
	UnitProvince      = "province"
	UnitWard          = "ward"       // phường / xã / đặc khu
	UnitGrassroots    = "grassroots" // chi bộ, thôn, tổ dân phố, school, agency
	UnitDistrict      = "district"   // abolished 1 Jul 2025, kept so old data stays readable
	UnitOutOfProvince = "outside"    // the "ngoài tỉnh" bucket
)

// Unit is one node of the tree of organisations.
type Unit struct {
	ID       string `json:"id"`
	Code     string `json:"code"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	ParentID string `json:"parentId,omitempty"`
	// Path is "/" + the IDs from the root to this unit, each followed by "/".
	// A subtree is every unit whose Path starts with its root's Path.
	Path string `json:"path"`
	// Headcount is how many people the unit has: party members, youth union
	// members or residents. 0 when unknown.
	Headcount int `json:"headcount"`
	// Target is how many participants the unit is expected to bring (chỉ
	// tiêu số người dự thi), set apart from Headcount because a contest's
	// goal is rarely the whole membership. 0 when none is set.
	Target int `json:"target"`
	// NameFold is Name folded for search (see Fold).
	NameFold string `json:"-"`
}

// ChildPath returns the Path of a child with id under a parent path ("" for a
// root).
func ChildPath(parentPath, id string) string {
	if parentPath == "" {
		parentPath = "/"
	}
	return parentPath + id + "/"
}

// ParentPath returns the path of the unit's parent, "/" for a root.
func ParentPath(path string) string {
	trimmed := strings.TrimSuffix(path, "/")
	i := strings.LastIndexByte(trimmed, '/')
	if i < 0 {
		return "/"
	}
	return trimmed[:i+1]
}

// MaySetUnitQuota reports whether grants allow setting the headcount and
// participation target of the unit at path. Only the level above may: the
// numbers measure the unit, and its own organizer would be setting the bar
// it is judged against. An organizer of a root unit's whole system (or an
// admin) sets a root's.
func MaySetUnitQuota(grants []Grant, path string) bool {
	return Allowed(grants, ParentPath(path), RoleOrganizer)
}

// Depth returns how many levels deep a path is (1 for a root).
func Depth(path string) int { return strings.Count(path, "/") - 1 }

// AncestorIDs returns the IDs on a path from the root down to the unit itself.
func AncestorIDs(path string) []string {
	return strings.FieldsFunc(path, func(r rune) bool { return r == '/' })
}
