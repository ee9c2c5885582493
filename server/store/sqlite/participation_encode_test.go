package sqlite

import (
	"encoding/json"
	"testing"
	"time"
	"unicode/utf8"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/server/store"
)

func TestQuizSchemaIsKnown(t *testing.T) {
	for _, d := range schemaDiff() {
		t.Errorf("%s\nupdate cloneParticipation, storedForm and the encoder, then quizSchema", d)
	}
	if !quizSchemaMatches {
		t.Error("quizSchemaMatches is false: the participation cache and the fast encoder are off")
	}
}

func TestEncoderWritesWhatJSONWrites(t *testing.T) {
	q := newQuizPlay(t)
	nilLists := q.started(t, store.NewID(), 2)
	nilLists.Attempts[0].Paper.Items[0].OptionOrder = nil
	nilLists.Attempts[0].Paper.Items[1].OptionOrder = []string{}
	nilLists.Attempts[0].Paper.Items[2].Multiple = true
	for q, a := range nilLists.Attempts[0].Answers {
		a.Options = nil
		nilLists.Attempts[0].Answers[q] = a
	}
	predicted := q.played(t, store.NewID(), 1)
	if _, err := predicted.SavePrediction(2, 1234, 1, q.at.Add(11*time.Minute)); err != nil {
		t.Fatal(err)
	}
	noItems := q.started(t, store.NewID(), 0)
	noItems.Attempts[0].Paper.Items = nil
	records := map[string]*quiz.Participation{
		"every field set":             filledParticipation(t, awkwardStrings),
		"strings not UTF-8":           filledParticipation(t, notUTF8),
		"just started":                q.started(t, store.NewID(), 0),
		"nil, empty and multiple":     nilLists,
		"a prediction":                predicted,
		"two final and one running":   q.played(t, store.NewID(), 2),
		"a paper without items":       noItems,
		"no attempts (nil)":           {RoundID: "r", UserID: "u", Version: 1},
		"no attempts (empty)":         {RoundID: "r", UserID: "u", Version: 1, Attempts: []quiz.Attempt{}},
		"zero":                        {},
		"local time with nanoseconds": {UpdatedAt: time.Now().In(time.FixedZone("", -(3*3600 + 30*60)))},
	}
	for name, p := range records {
		want, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := encodeParticipation(p)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got != string(want) {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want)
		}
	}
}

// An instant JSON cannot hold is refused as json.Marshal refuses it.
func TestEncoderRefusesWhatJSONRefuses(t *testing.T) {
	p := &quiz.Participation{RoundID: "r", UserID: "u", Version: 1, UpdatedAt: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := json.Marshal(p); err == nil {
		t.Fatal("json.Marshal accepted the year 10000; the test's premise is gone")
	}
	if _, _, err := encodeParticipation(p); contests.ErrorCode(err) != contests.CodeInternal {
		t.Fatalf("encodeParticipation of the year 10000: %v, want an internal error", err)
	}
}

func FuzzEncoderStrings(f *testing.F) {
	for _, s := range append(append([]string{"", "Q001", "/t/h/x/"}, awkwardStrings...), notUTF8...) {
		f.Add(s)
	}
	q := newQuizPlay(f)
	f.Fuzz(func(t *testing.T, s string) {
		p := q.started(t, "u", 1)
		p.UnitPath = s
		a := &p.Attempts[0]
		a.Status = quiz.AttemptStatus(s)
		a.Paper.Items[0].OptionOrder = []string{s, "B"}
		a.Answers[s] = quiz.Answer{Options: []string{s}, Seq: 7}
		want, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		got, lossy, err := encodeParticipation(p)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("string %q:\n got %s\nwant %s", s, got, want)
		}
		if lossy != !utf8.ValidString(s) {
			t.Errorf("string %q: lossy = %v", s, lossy)
		}
	})
}

func BenchmarkEncodeParticipation(b *testing.B) {
	p := newQuizPlay(b).played(b, store.NewID(), 2)
	b.Run("hand", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := encodeParticipation(p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := encodeJSON(p); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkCloneParticipation(b *testing.B) {
	p := newQuizPlay(b).played(b, store.NewID(), 2)
	b.ReportAllocs()
	for b.Loop() {
		cloneParticipation(p)
	}
}
