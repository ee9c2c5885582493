package quiz

import (
	"slices"
	"strings"
	"testing"

	"hoithi/contests"
	"hoithi/contests/contesttest"
)

func TestPrepareErrors(t *testing.T) {
	bank := concat(
		cell("AE", "Lịch sử", DifficultyEasy, 3),
		cell("AH", "Lịch sử", DifficultyHard, 2),
		cell("BH", "Pháp luật", DifficultyHard, 4),
		cell("BE", "Pháp luật", DifficultyEasy, 10),
	)
	retired := question("OLD", "Lịch sử", DifficultyHard)
	retired.Retired = true
	bank = append(bank, retired)
	broken := question("BAD", "Kinh tế", DifficultyEasy)
	broken.Correct = []string{"Z"}
	withBroken := append(slices.Clone(bank), broken)

	cases := []struct {
		name   string
		bank   []Question
		bp     Blueprint
		fields []string
	}{
		{"fixed ok", bank, Blueprint{Fixed: []string{"AE01", "BH02"}}, nil},
		{"quotas ok", bank, Blueprint{Quotas: []Quota{{Topic: "lịch  sử", N: 5}, {Difficulty: DifficultyHard, N: 4}}}, nil},
		{"empty", bank, Blueprint{}, []string{"blueprint"}},
		{"both", bank, Blueprint{Fixed: []string{"AE01"}, Quotas: []Quota{{N: 1}}}, []string{"blueprint"}},
		{"too big", bank, Blueprint{Quotas: []Quota{{N: MaxPaperQuestions + 1}}}, []string{"blueprint"}},
		{"fixed unknown, retired, repeated", bank, Blueprint{Fixed: []string{"AE01", "NOPE", "OLD", "AE01"}},
			[]string{"fixed[1]", "fixed[2]", "fixed[3]"}},
		{"fixed broken question", withBroken, Blueprint{Fixed: []string{"BAD"}}, []string{"bank[BAD].correct[0]"}},
		{"broken question outside every quota is ignored", withBroken, Blueprint{Quotas: []Quota{{Topic: "Lịch sử", N: 5}}}, nil},
		{"broken question a quota could draw", withBroken, Blueprint{Quotas: []Quota{{N: 5}}}, []string{"bank[BAD].correct[0]"}},
		{"duplicate id in bank", append(slices.Clone(bank), question("AE01", "x", 1)), Blueprint{Fixed: []string{"BH01"}}, []string{"bank"}},
		{"quota n and difficulty", bank, Blueprint{Quotas: []Quota{{N: 0}, {Difficulty: 7, N: 1}}}, []string{"quotas[0].n", "quotas[1].difficulty"}},
		// Retired questions do not count: Lịch sử hard has 2 active.
		{"quota alone too big", bank, Blueprint{Quotas: []Quota{{N: 1}, {Topic: "Lịch sử", Difficulty: DifficultyHard, N: 3}}}, []string{"quotas[1]"}},
		{"unknown topic", bank, Blueprint{Quotas: []Quota{{Topic: "Thiên văn", N: 1}}}, []string{"quotas[0]"}},
		// Each fits alone (hard: 6, Lịch sử: 5) but together they need 10
		// of the 9 questions they can use; the easy Pháp luật quota is not
		// part of the shortage and is not blamed.
		{"quotas jointly too big", bank, Blueprint{Quotas: []Quota{
			{Topic: "Pháp luật", Difficulty: DifficultyEasy, N: 3},
			{Difficulty: DifficultyHard, N: 5},
			{Topic: "Lịch sử", N: 5},
		}}, []string{"quotas[1]", "quotas[2]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Prepare(c.bank, c.bp)
			if got := contesttest.InvalidFields(t, err); !slices.Equal(got, c.fields) {
				t.Errorf("fields = %v, want %v (err %v)", got, c.fields, err)
			}
			if err != nil && contests.ErrorCode(err) != contests.CodeInvalid {
				t.Errorf("code = %s, want invalid", contests.ErrorCode(err))
			}
			if (c.bp.Validate(c.bank) == nil) != (err == nil) {
				t.Errorf("Validate disagrees with Prepare")
			}
		})
	}
}

func TestPrepareErrorMessagesNameTheQuota(t *testing.T) {
	bank := cell("A", "Lịch sử", DifficultyHard, 2)
	_, err := Prepare(bank, Blueprint{Quotas: []Quota{{Topic: "Lịch sử", Difficulty: DifficultyHard, N: 3}}})
	e := err.(*contests.Error)
	vi := e.Fields[0].Msg.VI
	for _, want := range []string{"2", "«Lịch sử»", "khó", "3 câu"} {
		if !strings.Contains(vi, want) {
			t.Errorf("message %q lacks %q", vi, want)
		}
	}

	joint := concat(cell("A", "x", DifficultyHard, 3), cell("B", "y", DifficultyEasy, 1))
	_, err = Prepare(joint, Blueprint{Quotas: []Quota{{Difficulty: DifficultyHard, N: 3}, {Topic: "x", N: 1}}})
	msg := err.(*contests.Error).Fields[0].Msg.EN
	if !strings.Contains(msg, "#1, #2") || !strings.Contains(msg, "need 4") || !strings.Contains(msg, "only 3") {
		t.Errorf("joint shortage message = %q", msg)
	}
}

func TestBlueprintSize(t *testing.T) {
	if n := (Blueprint{Fixed: []string{"a", "b"}}).Size(); n != 2 {
		t.Errorf("fixed size = %d", n)
	}
	if n := (Blueprint{Quotas: []Quota{{N: 3}, {N: 4}}}).Size(); n != 7 {
		t.Errorf("quota size = %d", n)
	}
}
