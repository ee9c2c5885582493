package quiz

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"hoithi/contests"
)

func TestSamePersonIndex(t *testing.T) {
	born := time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC)
	other := born.AddDate(0, 0, 1)
	cases := []struct {
		name   string
		a, b   Account
		flag   bool
		reason string
	}{
		{"one digit away, same birth date", Account{"a", "Nguyễn Văn An", born, "+84912345678"}, Account{"b", "Trần Bình", born, "+84912345670"}, true,
			"Same birth date and a phone number one digit away from another account's"},
		{"one digit away in the middle, same name", Account{"a", "Lê Thị Cúc", born, "+84912345678"}, Account{"b", "LE THI CUC", other, "+84912395678"}, true,
			"Same name and a phone number one digit away from another account's"},
		{"two digits away", Account{"a", "Nguyễn Văn An", born, "+84912345678"}, Account{"b", "Nguyễn Văn An", other, "+84912345601"}, false, ""},
		{"one digit away, nothing else alike", Account{"a", "Nguyễn Văn An", born, "+84912345678"}, Account{"b", "Trần Bình", other, "+84912345679"}, false, ""},
		{"same phone length differs", Account{"a", "An", born, "+8491234567"}, Account{"b", "Bình", born, "+84912345678"}, false, ""},
		{"same name and birth date", Account{"a", "Phạm Văn Đức", born, "+84911111111"}, Account{"b", "Pham Van Duc", born, "+84922222222"}, true,
			"Same name and birth date as another account"},
		{"same name and birth date and phone one digit away: the stronger reason", Account{"a", "Phạm Văn Đức", born, "+84911111111"}, Account{"b", "Pham Van Duc", born, "+84911111112"}, true,
			"Same name and birth date as another account"},
		{"no birth date, other names", Account{"a", "An", time.Time{}, "+84912345678"}, Account{"b", "Bình", time.Time{}, "+84912345679"}, false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := samePersonFlags([]Account{c.a, c.b})
			if !c.flag {
				if len(got) != 0 {
					t.Fatalf("flagged: %+v", got)
				}
				return
			}
			for _, pair := range [][2]string{{"a", "b"}, {"b", "a"}} {
				fl := got[pair[0]]
				if len(fl) != 1 || fl[0].Kind != FlagSamePerson || !slices.Equal(fl[0].Others, []string{pair[1]}) || fl[0].Reason.EN != c.reason || fl[0].Reason.VI == "" {
					t.Errorf("%s: %+v, want same person with %s: %q", pair[0], fl, pair[1], c.reason)
				}
			}
		})
	}
}

// TestSamePersonAmongMany plants near-duplicates among many distinct
// accounts (each with its own name, a birth date shared by hundreds and a
// phone number two or more digits from every other): only the planted ones
// are flagged, each with its partner.
func TestSamePersonAmongMany(t *testing.T) {
	born := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	var people []Account
	for i := range 20000 {
		// i*11 keeps phone numbers at least two digits apart.
		people = append(people, Account{UserID: fmt.Sprintf("u%d", i), FullName: fmt.Sprintf("Người %d", i),
			BirthDate: born.AddDate(0, 0, i%40), Phone: fmt.Sprintf("+849%08d", i*11)})
	}
	people = append(people,
		Account{UserID: "dup-phone", FullName: "Khác Hẳn", BirthDate: people[123].BirthDate, Phone: "+849" + fmt.Sprintf("%08d", 123*11+1)},
		Account{UserID: "dup-name", FullName: "NGUOI 4567", BirthDate: people[4567].BirthDate, Phone: "+84811111111"},
		Account{UserID: "far-phone", FullName: "Xa Lắm", BirthDate: people[77].BirthDate, Phone: "+849" + fmt.Sprintf("%08d", 77*11+1+100)},
	)
	got := samePersonFlags(people)
	want := map[string]string{"dup-phone": "u123", "u123": "dup-phone", "dup-name": "u4567", "u4567": "dup-name"}
	if len(got) != len(want) {
		t.Errorf("flagged %d accounts, want %d: %v", len(got), len(want), got)
	}
	for user, partner := range want {
		if fl := got[user]; len(fl) != 1 || !slices.Equal(fl[0].Others, []string{partner}) {
			t.Errorf("%s: %+v, want same person as %s", user, fl, partner)
		}
	}
}

// TestFlagOthersCapped: a farm of many identical scripted attempts names
// at most MaxOthers others on each line but counts them all in the reason.
func TestFlagOthersCapped(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	f := NewFlagFinder(Integrity{})
	const n = 60
	for i := range n {
		f.Add(&Participation{UserID: fmt.Sprintf("bot-%02d", i), Attempts: []Attempt{
			attemptOf(1, 10, 5*time.Minute, t0.Add(time.Duration(i)*time.Second), Client{Install: "farm", IP: "10.1.1.1", Agent: "x"})}})
	}
	got := f.Flags(nil)
	for i := range n {
		fl := got[fmt.Sprintf("bot-%02d", i)]
		if len(fl) != 3 || fl[0].Kind != FlagIdentical || fl[1].Kind != FlagSharedDevice || fl[2].Kind != FlagSharedNetwork {
			t.Fatalf("bot-%02d: %+v", i, fl)
		}
		for _, x := range fl {
			if len(x.Others) != MaxOthers || slices.Contains(x.Others, fmt.Sprintf("bot-%02d", i)) {
				t.Errorf("bot-%02d %s names %v", i, x.Kind, x.Others)
			}
		}
		if fl[0].Reason.EN != fmt.Sprintf("Answers, answering order and time identical to the attempts of %d other account(s)", n-1) {
			t.Errorf("reason: %s", fl[0].Reason.EN)
		}
	}
}

// TestSamePersonLargeGroup: thousands sharing a name and birth date each
// get the first MaxOthers of the others in account order, never
// themselves (the group is not compared pair by pair).
func TestSamePersonLargeGroup(t *testing.T) {
	born := time.Date(1975, 9, 2, 0, 0, 0, 0, time.UTC)
	var people []Account
	for i := range 5000 {
		people = append(people, Account{UserID: fmt.Sprintf("u%04d", 4999-i), FullName: "Nguyễn Thị Hoa", BirthDate: born, Phone: fmt.Sprintf("+849%08d", i*11)})
	}
	got := samePersonFlags(people)
	if len(got) != 5000 {
		t.Fatalf("%d flagged, want 5000", len(got))
	}
	for _, user := range []string{"u0000", "u0003", "u0020", "u4999"} {
		var want []string
		for i := 0; len(want) < MaxOthers; i++ {
			if id := fmt.Sprintf("u%04d", i); id != user {
				want = append(want, id)
			}
		}
		if fl := got[user]; len(fl) != 1 || !slices.Equal(fl[0].Others, want) || fl[0].Reason.EN != "Same name and birth date as another account" {
			t.Errorf("%s: %+v, want others %v", user, fl, want)
		}
	}
}

// TestSamePersonMatchesPairwise: over random accounts drawn from small
// pools (so that names, birth dates and near phones meet often, groups of
// both sizes), every flag equals the rule applied pair by pair: the best
// reason, and as others the partners by phone plus the first MaxOthers+1
// of the name-and-birth group, sorted, once, capped.
func TestSamePersonMatchesPairwise(t *testing.T) {
	names := []string{"Nguyễn Văn An", "NGUYEN VAN AN", "Trần Thị Bình", "Lê Cúc", ""}
	for seed := range 6 {
		rnd := rand.New(rand.NewPCG(uint64(seed), 7))
		n := 30 + seed*40
		people := make([]Account, n)
		for i := range people {
			p := Account{UserID: fmt.Sprintf("u%03d", rnd.IntN(1000)*1000+i), FullName: names[rnd.IntN(len(names))],
				Phone: fmt.Sprintf("+8491234%02d%d", rnd.IntN(3), rnd.IntN(10))}
			if rnd.IntN(4) > 0 {
				p.BirthDate = time.Date(1990, 1, 1+rnd.IntN(3), 0, 0, 0, 0, time.UTC)
			}
			people[i] = p
		}
		want := pairwiseSamePerson(people)
		got := samePersonFlags(people)
		if len(got) != len(want) {
			t.Errorf("seed %d: %d flagged, want %d", seed, len(got), len(want))
		}
		for user, fl := range want {
			if !reflect.DeepEqual(got[user], []Flag{fl}) {
				t.Errorf("seed %d, %s: %+v, want %+v", seed, user, got[user], fl)
			}
		}
	}
}

// pairwiseSamePerson is the same-person rule written plainly, n² pairs.
func pairwiseSamePerson(people []Account) map[string]Flag {
	key := func(p Account) (name, birth string) {
		if !p.BirthDate.IsZero() {
			birth = p.BirthDate.Format("2006-01-02")
		}
		return contests.Fold(p.FullName), birth
	}
	out := map[string]Flag{}
	for _, a := range people {
		an, ab := key(a)
		reason, found := len(samePersonReasons), false
		var group, others []string
		for _, b := range people {
			bn, bb := key(b)
			if an != "" && ab != "" && an == bn && ab == bb {
				group = append(group, b.UserID)
				if b.UserID != a.UserID {
					reason, found = reasonNameBirth, true
				}
			}
			if !oneDigitApart(a.Phone, b.Phone) {
				continue
			}
			if ab != "" && ab == bb {
				reason, found = min(reason, reasonBirthPhone), true
				others = append(others, b.UserID)
			}
			if an != "" && an == bn {
				reason, found = min(reason, reasonNamePhone), true
				others = append(others, b.UserID)
			}
		}
		if !found {
			continue
		}
		slices.Sort(group)
		others = append(others, group[:min(len(group), MaxOthers+1)]...)
		others = slices.DeleteFunc(others, func(o string) bool { return o == a.UserID })
		slices.Sort(others)
		out[a.UserID] = Flag{Kind: FlagSamePerson, Others: capOthers(slices.Compact(others)), Reason: samePersonReasons[reason]}
	}
	return out
}
