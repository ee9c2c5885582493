package contests

import (
	"slices"
	"testing"
)

func TestContestAccess(t *testing.T) {
	// The tree: /p/ → /p/w1/, /p/w2/ → /p/w1/a/ → /p/w1/a/x/.
	org := func(path string) Grant { return Grant{Role: RoleOrganizer, UnitID: path, UnitPath: path} }
	quizOf := func(owner, eligible string, status ContestStatus) *Contest {
		return &Contest{Kind: KindQuiz, OwnerUnitPath: owner, EligibleUnitPath: eligible, Status: status}
	}
	w1 := quizOf("/p/w1/", "/p/w1/", ContestPublished)
	essay := quizOf("/p/w1/", "", ContestPublished)
	essay.Kind = KindEssay
	tests := []struct {
		name   string
		grants []Grant
		ct     *Contest
		want   Access
		scopes []string // the report grants' paths, in order
	}{
		{"organizer of the owner manages", []Grant{org("/p/w1/")}, w1, AccessManage, nil},
		{"organizer above the owner manages", []Grant{org("/p/")}, w1, AccessManage, nil},
		{"admin manages", []Grant{{Role: RoleAdmin, UnitPath: "/"}}, w1, AccessManage, nil},
		{"manage wins over report", []Grant{org("/p/w1/a/"), org("/p/")}, w1, AccessManage, nil},
		{"organizer inside reports", []Grant{org("/p/w1/a/")}, w1, AccessReport, []string{"/p/w1/a/"}},
		{"deeper still reports", []Grant{org("/p/w1/a/x/")}, w1, AccessReport, []string{"/p/w1/a/x/"}},
		{"outermost grant first", []Grant{org("/p/w1/a/x/"), org("/p/w1/b/"), org("/p/w1/a/")}, w1, AccessReport,
			[]string{"/p/w1/a/", "/p/w1/b/", "/p/w1/a/x/"}},
		{"sibling ward: none", []Grant{org("/p/w2/")}, w1, AccessNone, nil},
		{"a ward whose id extends the owner's: none", []Grant{org("/p/w10/")}, w1, AccessNone, nil},
		{"secretary inside: none", []Grant{{Role: RoleSecretary, UnitPath: "/p/w1/a/"}}, w1, AccessNone, nil},
		{"judge inside: none", []Grant{{Role: RoleJudge, UnitPath: "/p/w1/a/"}}, w1, AccessNone, nil},
		{"citizen inside: none", []Grant{{Role: RoleCitizen, UnitPath: "/p/w1/a/"}}, w1, AccessNone, nil},
		{"draft: none", []Grant{org("/p/w1/a/")}, quizOf("/p/w1/", "", ContestDraft), AccessNone, nil},
		{"closed still reports", []Grant{org("/p/w1/a/")}, quizOf("/p/w1/", "", ContestClosed), AccessReport, []string{"/p/w1/a/"}},
		{"essay: none", []Grant{org("/p/w1/a/")}, essay, AccessNone, nil},
		{"outside the eligible subtree: none", []Grant{org("/p/w2/")}, quizOf("/p/", "/p/w1/", ContestPublished), AccessNone, nil},
		{"the eligible unit itself reports", []Grant{org("/p/w1/")}, quizOf("/p/", "/p/w1/", ContestPublished), AccessReport, []string{"/p/w1/"}},
		{"no eligible subtree: the owner's", []Grant{org("/p/w2/")}, quizOf("/p/", "", ContestPublished), AccessReport, []string{"/p/w2/"}},
		{"empty grant path: none", []Grant{org("")}, w1, AccessNone, nil},
		{"no grants", nil, w1, AccessNone, nil},
		{"no contest", []Grant{org("/p/")}, nil, AccessNone, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, grants := ContestAccess(tc.grants, tc.ct)
			var paths []string
			for _, g := range grants {
				paths = append(paths, g.UnitPath)
			}
			if got != tc.want || !slices.Equal(paths, tc.scopes) {
				t.Errorf("got %q %v, want %q %v", got, paths, tc.want, tc.scopes)
			}
		})
	}
}

func TestReportGrantFor(t *testing.T) {
	grants := []Grant{{Role: RoleOrganizer, UnitPath: "/p/w1/a/"}, {Role: RoleOrganizer, UnitPath: "/p/w1/b/"}}
	for _, tc := range []struct {
		path string
		want string
		ok   bool
	}{
		{"/p/w1/a/", "/p/w1/a/", true},
		{"/p/w1/a/x/", "/p/w1/a/", true},
		{"/p/w1/b/", "/p/w1/b/", true},
		{"/p/w1/", "", false},
		{"/p/w2/", "", false},
		{"", "", false},
	} {
		g, ok := ReportGrantFor(grants, tc.path)
		if ok != tc.ok || g.UnitPath != tc.want {
			t.Errorf("%q: got %q %v, want %q %v", tc.path, g.UnitPath, ok, tc.want, tc.ok)
		}
	}
}

func TestStrictAncestorPaths(t *testing.T) {
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/p/w1/a/", []string{"/p/", "/p/w1/"}},
		{"/p/w1/", []string{"/p/"}},
		{"/p/", nil},
		{"/", nil},
		{"", nil},
	} {
		if got := StrictAncestorPaths(tc.path); !slices.Equal(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.path, got, tc.want)
		}
	}
}
