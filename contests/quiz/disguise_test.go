package quiz

import (
	"slices"
	"testing"
	"time"

	"hoithi/contests/contesttest"
)

func TestDisguiseCodes(t *testing.T) {
	secret := []byte("bí mật của máy chủ")
	it := Item{QuestionID: "q1", OptionOrder: []string{"C", "A", "D", "B"}}
	d1, d2 := DisguiseOf(secret, "attempt-1"), DisguiseOf(secret, "attempt-2")
	c1 := d1.Codes(it)
	if !slices.Equal(c1, DisguiseOf(secret, "attempt-1").Codes(it)) {
		t.Fatal("the same attempt must show the same codes")
	}
	if len(c1) != 4 || len(slices.Compact(slices.Sorted(slices.Values(c1)))) != 4 {
		t.Fatalf("codes %v: want 4 distinct", c1)
	}
	for _, c := range c1 {
		if len(c) != codeLen || slices.Contains(it.OptionOrder, c) {
			t.Errorf("code %q looks like an authoring ID or has the wrong length", c)
		}
		if slices.Contains(d2.Codes(it), c) || slices.Contains(DisguiseOf([]byte("khác"), "attempt-1").Codes(it), c) {
			t.Errorf("code %q shows again in another attempt or under another secret", c)
		}
	}
	if other := d1.Codes(Item{QuestionID: "q2", OptionOrder: it.OptionOrder}); slices.Equal(other, c1) {
		t.Error("two questions of one attempt share codes")
	}

	// Show and Unmask are inverse; a code of another attempt or a letter is refused.
	for _, ids := range [][]string{{"A"}, {"B", "D"}, {}} {
		shown := d1.Show(it, ids)
		back, err := d1.Unmask(it, shown)
		if err != nil || !slices.Equal(back, ids) {
			t.Errorf("Unmask(Show(%v)) = %v, %v", ids, back, err)
		}
	}
	if got := d1.Show(it, []string{"Z", "A"}); len(got) != 1 || got[0] != c1[1] {
		t.Errorf("Show drops unknown IDs: %v", got)
	}
	for _, bad := range [][]string{{"A"}, {c1[0], d2.Codes(it)[0]}} {
		_, err := d1.Unmask(it, bad)
		if f := contesttest.InvalidFields(t, err); len(f) != 1 || (f[0] != "options[0]" && f[0] != "options[1]") {
			t.Errorf("Unmask(%v): fields %v", bad, f)
		}
	}
}

func TestSaveShownAnswerStoresAuthoringIDs(t *testing.T) {
	secret := []byte("s")
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	r := &Round{OpensAt: now.Add(-time.Hour), ClosesAt: now.Add(time.Hour), TimeLimitSec: 600, MaxAttempts: 1, Status: RoundPublished, Policy: PolicyBest}
	paper := Paper{Items: []Item{{QuestionID: "q1", OptionOrder: []string{"B", "A", "C"}, Points: 1}}}
	var p Participation
	a, _, err := p.Start(r, "att", paper, AnswerKey{"q1": {"A"}}, now)
	if err != nil {
		t.Fatal(err)
	}
	d := DisguiseOf(secret, a.ID)
	made := 0
	disguise := func(id string) Disguise { made++; return DisguiseOf(secret, id) }
	code := d.Show(paper.Items[0], []string{"A"})
	if ok, err := p.SaveShownAnswer(disguise, 1, "q1", code, 1, now); !ok || err != nil {
		t.Fatalf("save: %v %v", ok, err)
	}
	if got := p.Attempts[0].Answers["q1"].Options; !slices.Equal(got, []string{"A"}) || made != 1 {
		t.Fatalf("stored %v (disguise made %d times), want [A]", got, made)
	}
	if _, err := p.SaveShownAnswer(disguise, 1, "q1", []string{"A"}, 2, now); err == nil {
		t.Fatal("an authoring letter must not be accepted as a code")
	}
	if _, err := p.SaveShownAnswer(disguise, 1, "q9", code, 3, now); contesttest.InvalidFields(t, err)[0] != "questionId" {
		t.Fatalf("question off the paper: %v", err)
	}
}
