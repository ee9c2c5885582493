package quiz

import (
	"testing"
	"time"

	"hoithi/contests/contesttest"
)

// attemptOf builds a final attempt of n questions lasting d, answered in
// paper order with option "A", started at start from client.
func attemptOf(no, n int, d time.Duration, start time.Time, client Client) Attempt {
	a := Attempt{No: no, Status: AttemptSubmitted, StartedAt: start, DurationMs: d.Milliseconds(), Client: client.String(), Answers: map[string]Answer{}}
	for i := range n {
		q := string(rune('a' + i))
		a.Paper.Items = append(a.Paper.Items, Item{QuestionID: q, OptionOrder: []string{"A", "B"}, Points: 1})
		a.Answers[q] = Answer{Options: []string{"A"}, Seq: int64(i + 1)}
	}
	return a
}

func TestFlagFinder(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	play := func(user string, a ...Attempt) *Participation { return &Participation{UserID: user, Attempts: a} }
	f := NewFlagFinder(Integrity{MinSubmitSec: 60})
	phone := func(i int) Client {
		return Client{Install: "cai-" + string(rune('a'+i)), IP: "10.0.0.1", Agent: string(rune('a' + i))}
	}
	f.Add(play("normal-1", attemptOf(1, 10, 3*time.Minute, t0, phone(1))))
	f.Add(play("normal-2", attemptOf(1, 10, 4*time.Minute+time.Second, t0.Add(time.Minute), phone(2))))
	f.Add(play("fast", attemptOf(1, 10, 19*time.Second, t0, phone(3)), attemptOf(2, 10, 3*time.Minute+5*time.Second, t0.Add(time.Hour), phone(3))))
	f.Add(play("quick", attemptOf(1, 10, 45*time.Second, t0, phone(4))))
	// Same script (same signature) 10 minutes apart, and again 3 hours later (not within the window).
	f.Add(play("twin-1", attemptOf(1, 10, 7*time.Minute, t0, phone(5))))
	f.Add(play("twin-2", attemptOf(1, 10, 7*time.Minute+300*time.Millisecond, t0.Add(10*time.Minute), phone(6))))
	f.Add(play("late-twin", attemptOf(1, 10, 7*time.Minute, t0.Add(3*time.Hour), phone(7))))
	// Five accounts from one address and browser in 8 minutes.
	for i, u := range []string{"net-1", "net-2", "net-3", "net-4", "net-5"} {
		f.Add(play(u, attemptOf(1, 10, time.Duration(5+i)*time.Minute+time.Duration(i)*time.Second, t0.Add(time.Duration(2*i)*time.Minute),
			Client{Install: "x" + u, IP: "203.0.113.9", Agent: "same"})))
	}
	// Four from another address spread over an hour: a café, not a farm.
	for i, u := range []string{"cafe-1", "cafe-2", "cafe-3", "cafe-4", "cafe-5"} {
		f.Add(play(u, attemptOf(1, 10, time.Duration(11+i)*time.Minute, t0.Add(time.Duration(15*i)*time.Minute),
			Client{Install: "y" + u, IP: "198.51.100.4", Agent: "same"})))
	}
	born := time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC)
	accounts := []Account{
		{UserID: "normal-1", FullName: "Nguyễn Văn An", BirthDate: born, Phone: "+84912000011"},
		{UserID: "normal-2", FullName: "Nguyễn Văn Bình", BirthDate: born, Phone: "+84912000022"},
		{UserID: "quick", FullName: "Trần Văn Dũng", BirthDate: born.AddDate(1, 0, 0), Phone: "+84912000023"},
		{UserID: "twin-1", FullName: "Lê Thị Cúc", BirthDate: born.AddDate(2, 0, 0), Phone: "+84987654321"},
		{UserID: "late-twin", FullName: "Lê Thị Cúc", BirthDate: born.AddDate(3, 0, 0), Phone: "+84987654320"},
	}
	got := f.Flags(accounts)
	want := map[string][]FlagKind{
		"fast": {FlagTooFast}, "quick": {FlagQuickSubmit},
		"twin-1": {FlagIdentical, FlagSamePerson}, "twin-2": {FlagIdentical}, "late-twin": {FlagSamePerson},
		"net-1": {FlagSharedNetwork}, "net-2": {FlagSharedNetwork}, "net-3": {FlagSharedNetwork}, "net-4": {FlagSharedNetwork}, "net-5": {FlagSharedNetwork},
	}
	for user, kinds := range want {
		fl := got[user]
		if len(fl) != len(kinds) {
			t.Errorf("%s: %+v, want %v", user, fl, kinds)
			continue
		}
		for i, k := range kinds {
			if fl[i].Kind != k || fl[i].Reason.VI == "" || fl[i].Reason.EN == "" {
				t.Errorf("%s flag %d: %+v, want %s with a reason in both languages", user, i, fl[i], k)
			}
		}
	}
	for user, fl := range got {
		if _, ok := want[user]; !ok {
			t.Errorf("%s flagged: %+v", user, fl)
		}
	}
	if fl := got["fast"][0]; fl.AttemptNo != 1 || fl.Reason.VI != "Làm 10 câu trong 19.0 giây, dưới mức tối thiểu 2 giây mỗi câu" {
		t.Errorf("too fast: %+v", fl)
	}
}

func TestIntegrityVoidsOnlyAsAHardRule(t *testing.T) {
	a := attemptOf(1, 10, 15*time.Second, time.Now(), Client{})
	if (Integrity{}).Void(&a) || !(Integrity{VoidTooFast: true}).Void(&a) || (Integrity{VoidTooFast: true, MinSecPerQuestion: 1}).Void(&a) {
		t.Error("a 15 s paper of 10 questions is void only under VoidTooFast with the 2 s floor")
	}
	if err := (Integrity{MinSecPerQuestion: -1}).Validate(); contesttest.InvalidFields(t, err)[0] != "integrity.minSecPerQuestion" {
		t.Errorf("negative floor: %v", err)
	}
}

func TestClientRoundTrip(t *testing.T) {
	c := Client{Install: CleanInstallID("a1-b2_c3"), IP: "2001:db8::1", Agent: "9f3a"}
	if ParseClient(c.String()) != c || CleanInstallID("x|y") != "" || CleanInstallID(string(make([]byte, 65))) != "" || (Client{}).String() != "" {
		t.Error("client encoding")
	}
}
