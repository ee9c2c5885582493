package contests

import "testing"

func TestMaySetUnitQuota(t *testing.T) {
	if got := ParentPath("/p/w1/"); got != "/p/" {
		t.Fatalf("ParentPath = %q", got)
	}
	if got := ParentPath("/p/"); got != "/" {
		t.Fatalf("ParentPath of a root = %q", got)
	}
	org := func(path string) []Grant { return []Grant{{Role: RoleOrganizer, UnitPath: path}} }
	for _, tc := range []struct {
		name   string
		grants []Grant
		path   string
		want   bool
	}{
		{"own unit", org("/p/w1/"), "/p/w1/", false},
		{"child unit", org("/p/w1/"), "/p/w1/a/", true},
		{"from the province", org("/p/"), "/p/w1/", true},
		{"a root by its own organizer", org("/p/"), "/p/", false},
		{"a root by the whole system", org("/"), "/p/", true},
		{"admin", []Grant{{Role: RoleAdmin, UnitPath: "/"}}, "/p/", true},
		{"a judge above", []Grant{{Role: RoleJudge, UnitPath: "/p/"}}, "/p/w1/", false},
	} {
		if got := MaySetUnitQuota(tc.grants, tc.path); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
