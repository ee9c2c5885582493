package quiz

import (
	"crypto/sha256"
	"reflect"
	"slices"
	"testing"
	"time"
)

// clientKeys reads the parts ParseClient reads, without copying.
func TestClientKeys(t *testing.T) {
	for _, s := range []string{"", "inst", "inst|1.2.3.4", "inst|1.2.3.4|ab12", "|1.2.3.4|ab12", "inst||ab12", "inst|1.2.3.4|",
		"||", "inst|::1|agent|with|bars", Client{Install: "x", IP: "10.0.0.1", Agent: "ff"}.String()} {
		c := ParseClient(s)
		install, network := clientKeys(s)
		if install != c.Install || network != c.network() {
			t.Errorf("clientKeys(%q) = %q, %q; ParseClient gives %q, %q", s, install, network, c.Install, c.network())
		}
	}
}

// The digest hashed from the scratch buffer is the hash of signature(a),
// attempt after attempt (the scratch is reused).
func TestSignatureDigestIsTheHashOfTheSignature(t *testing.T) {
	f := NewFlagFinder(Integrity{})
	attempts := []Attempt{
		{DurationMs: 61_500, Answers: map[string]Answer{"q2": {Options: []string{"B"}, Seq: 2}, "q1": {Options: []string{"A", "C"}, Seq: 1}}},
		{DurationMs: 999},
		{DurationMs: -4_000, Answers: map[string]Answer{"q9": {Seq: 7}}},
		{DurationMs: 120_000, Answers: map[string]Answer{"q1": {Options: []string{"D"}, Seq: 3}}},
	}
	for i := range attempts {
		var want [16]byte
		if sig := signature(&attempts[i]); sig != "" {
			sum := sha256.Sum256([]byte(sig))
			copy(want[:], sum[:16])
		}
		if got := f.signatureDigest(&attempts[i]); got != want {
			t.Errorf("attempt %d: digest %x, want %x (of %q)", i, got, want, signature(&attempts[i]))
		}
	}
}

// samePersonFlags is what samePerson found, as every flagged person's flag.
func samePersonFlags(people []Account) map[string][]Flag {
	sp := samePerson(people)
	out := map[string][]Flag{}
	sp.found.each(func(i int32) {
		if fl, ok := sp.of(sp.ids[i]); ok {
			out[sp.ids[i]] = []Flag{fl}
		}
	})
	return out
}

// Find keeps the flags compact; Of gives a person's, the flags of their
// attempts and the same-person one together in order, whatever the order
// the accounts came in.
func TestFoundFlagsOf(t *testing.T) {
	born := time.Date(1990, 5, 1, 0, 0, 0, 0, time.UTC)
	people := []Account{
		{UserID: "z", FullName: "Phạm Văn Đức", BirthDate: born, Phone: "+84911111111"},
		{UserID: "m", FullName: "Trần Bình", BirthDate: born, Phone: "+84933333333"},
		{UserID: "c", FullName: "Pham Van Duc", BirthDate: born, Phone: "+84922222222"},
	}
	start := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	f := NewFlagFinder(Integrity{MinSubmitSec: 60})
	for _, user := range []string{"z", "m"} {
		f.Add(&Participation{UserID: user, Attempts: []Attempt{{No: 1, Status: AttemptSubmitted, StartedAt: start, DurationMs: 30_000,
			Paper: Paper{Items: []Item{{QuestionID: "q1"}}}}}})
	}
	for n, order := range [][]Account{people, {people[2], people[1], people[0]}, people} {
		var found *FoundFlags
		if n == 2 { // the accounts handed over as they are read
			f.AddAccounts(order[:1])
			f.AddAccounts(order[1:])
			found = f.Find(nil)
		} else {
			found = f.Find(order)
		}
		all := f.Flags(order)
		z := found.Of("z")
		if len(z) != 2 || z[0].Kind != FlagQuickSubmit || z[0].AttemptNo != 1 || z[1].Kind != FlagSamePerson || !slices.Equal(z[1].Others, []string{"c"}) {
			t.Fatalf("z's flags %+v", z)
		}
		if c := found.Of("c"); len(c) != 1 || c[0].Kind != FlagSamePerson || !slices.Equal(c[0].Others, []string{"z"}) {
			t.Fatalf("c's flags %+v", c)
		}
		if m := found.Of("m"); len(m) != 1 || m[0].Kind != FlagQuickSubmit {
			t.Fatalf("m's flags %+v", m)
		}
		if found.Of("nobody") != nil || (*FoundFlags)(nil).Of("z") != nil {
			t.Fatal("nobody has flags")
		}
		if len(all) != 3 || !reflect.DeepEqual(all["z"], z) || !reflect.DeepEqual(all["c"], found.Of("c")) {
			t.Fatalf("Flags %+v", all)
		}
	}
}
