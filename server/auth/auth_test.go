package auth

import (
	"strings"
	"testing"
	"time"

	"hoithi/contests"
)

func TestPasswordHashRoundTrip(t *testing.T) {
	h, err := HashPassword("mật khẩu đúng")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=7168,t=5,p=1$") {
		t.Fatalf("unexpected hash format %q", h)
	}
	tests := []struct {
		password string
		want     bool
	}{{"mật khẩu đúng", true}, {"mật khẩu sai", false}, {"", false}}
	for _, tc := range tests {
		ok, err := CheckPassword(h, tc.password)
		if err != nil || ok != tc.want {
			t.Errorf("CheckPassword(%q) = %v, %v; want %v", tc.password, ok, err, tc.want)
		}
	}
	h2, _ := HashPassword("mật khẩu đúng")
	if h2 == h {
		t.Error("two hashes of one password must differ (salt)")
	}
	if _, err := CheckPassword("$bcrypt$x", "a"); err == nil {
		t.Error("a foreign hash format must be an error")
	}
}

func TestTemporaryPasswordAlphabet(t *testing.T) {
	p := TemporaryPassword()
	if len(p) != 10 || strings.ContainsAny(p, "0o1lI") {
		t.Fatalf("temporary password %q has look-alike characters or wrong length", p)
	}
}

func TestAccessTokenRoundTripAndExpiry(t *testing.T) {
	now := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	tok, err := NewTokens([]byte(strings.Repeat("k", 32)), clock)
	if err != nil {
		t.Fatal(err)
	}
	u := &contests.User{ID: "u1", FullName: "Nguyễn Văn A", UnitID: "w1", UnitPath: "/p1/w1/",
		Grants: []contests.Grant{{Role: contests.RoleOrganizer, UnitID: "w1", UnitPath: "/p1/w1/"}}}
	s, err := tok.Issue(u)
	if err != nil {
		t.Fatal(err)
	}
	c, err := tok.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	if c.UserID() != "u1" || c.UnitPath != "/p1/w1/" || len(c.Grants) != 1 || c.Grants[0].Role != contests.RoleOrganizer {
		t.Fatalf("claims lost data: %+v", c)
	}
	now = now.Add(AccessTTL + time.Second)
	if _, err := tok.Parse(s); err == nil {
		t.Fatal("an expired token must be refused")
	}
	other, _ := NewTokens([]byte(strings.Repeat("x", 32)), clock)
	now = now.Add(-AccessTTL)
	if _, err := other.Parse(s); err == nil {
		t.Fatal("a token signed with another key must be refused")
	}
	if _, err := NewTokens([]byte("short"), nil); err == nil {
		t.Fatal("a short secret must be refused")
	}
}

func TestRefreshTokenHashing(t *testing.T) {
	a, ha := NewRefreshToken()
	b, hb := NewRefreshToken()
	if a == b || ha == hb {
		t.Fatal("refresh tokens must be random")
	}
	if HashRefreshToken(a) != ha || len(ha) != 64 {
		t.Fatalf("hash of %q is %q, want %q", a, HashRefreshToken(a), ha)
	}
}

func TestKeysHashAndSeal(t *testing.T) {
	k, err := NewKeys([]byte(strings.Repeat("d", 32)))
	if err != nil {
		t.Fatal(err)
	}
	if k.HashCCCD("001099012345") != k.HashCCCD("001099012345") || k.HashCCCD("001099012345") == k.HashCCCD("001099012346") {
		t.Fatal("keyed hash must be deterministic and distinguish numbers")
	}
	k2, _ := NewKeys([]byte(strings.Repeat("e", 32)))
	if k.HashCCCD("001099012345") == k2.HashCCCD("001099012345") {
		t.Fatal("hash must depend on the key")
	}
	sealed := k.Seal("001099012345")
	if strings.Contains(sealed, "001099012345") {
		t.Fatal("sealed value shows the number")
	}
	got, err := k.Open(sealed)
	if err != nil || got != "001099012345" {
		t.Fatalf("Open = %q, %v", got, err)
	}
	if _, err := k2.Open(sealed); err == nil {
		t.Fatal("opening with another key must fail")
	}
	if _, err := k.Open("!!"); err == nil {
		t.Fatal("malformed input must fail")
	}
}

func TestCheckNobodyComputesOneHash(t *testing.T) {
	CheckNobody("warm") // the first call also builds the dummy hash
	before := Hashes()
	CheckNobody("y")
	if got := Hashes() - before; got != 1 {
		t.Fatalf("an unknown account's check computed %d hashes, want 1 like a real one", got)
	}
}
