package contests

import "testing"

func TestAdminPassesEveryCheck(t *testing.T) {
	ward := Grant{Role: RoleOrganizer, UnitPath: "/p/w1/"}
	admin := Grant{Role: RoleAdmin, UnitPath: "/p/"}
	judge := Grant{Role: RoleJudge, UnitPath: "/p/w2/"}
	for _, tc := range []struct {
		name   string
		grants []Grant
		path   string
		roles  []Role
		holds  bool // Holds: somewhere
		allow  bool // Allowed: over path
	}{
		{"organizer over own ward", []Grant{ward}, "/p/w1/a/", []Role{RoleOrganizer}, true, true},
		{"organizer outside own ward", []Grant{ward}, "/p/w2/", []Role{RoleOrganizer}, true, false},
		{"organizer asked to be a judge", []Grant{ward}, "/p/w1/", []Role{RoleJudge}, false, false},
		{"admin passes any role inside its subtree", []Grant{admin}, "/p/w2/", []Role{RoleJudge}, true, true},
		{"admin with no role asked", []Grant{admin}, "/p/", nil, true, true},
		{"admin outside its subtree", []Grant{admin}, "/q/", []Role{RoleSecretary}, true, false},
		{"one of several grants", []Grant{ward, judge}, "/p/w2/x/", []Role{RoleJudge, RoleSecretary}, true, true},
		{"no grants", nil, "/p/", []Role{RoleCitizen}, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Holds(tc.grants, tc.roles...); got != tc.holds {
				t.Errorf("Holds = %v, want %v", got, tc.holds)
			}
			if got := Allowed(tc.grants, tc.path, tc.roles...); got != tc.allow {
				t.Errorf("Allowed = %v, want %v", got, tc.allow)
			}
		})
	}
	for _, r := range Roles {
		if !admin.Gives(r) || !r.Valid() {
			t.Errorf("admin does not give %s (or it is not valid)", r)
		}
	}
	if Role("root").Valid() || judge.Gives(RoleOrganizer) {
		t.Error("an unknown role is valid, or a judge gives organizer")
	}
}
