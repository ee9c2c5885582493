package api

import (
	"slices"
	"strings"
	"testing"

	"hoithi/contests"
)

func TestPasswordRulesOnEveryPath(t *testing.T) {
	bothEngines(t, func(t *testing.T, e *env) {
		// 128 Vietnamese letters are 128 characters, whatever their bytes.
		long := strings.Repeat("ệ", 128)
		body := e.registration(1, "W1")
		body["password"] = long
		e.registered(body) // 128 Vietnamese letters are accepted
		access, _ := e.login("0912000001", long)
		for _, bad := range []string{"0912000001", "089090000001", "17051990", "qwertyuiop", "ngắn"} {
			r := e.do("POST", "/api/v1/me/password", map[string]any{"oldPassword": long, "newPassword": bad}, access)
			if r.Status != 400 || !slices.Contains(r.fieldNames(), "newPassword") {
				t.Errorf("change to %q: %d %s", bad, r.Status, r.Raw)
			}
		}
		org := e.staff(900, contests.RoleOrganizer, "W1")
		created := e.registration(2, "W1")
		created["password"] = "12345678"
		if r := e.do("POST", "/api/v1/org/users", created, org); r.Status != 400 || !slices.Contains(r.fieldNames(), "password") {
			t.Errorf("organizer creates with a common password: %d %s", r.Status, r.Raw)
		}
	})
}
