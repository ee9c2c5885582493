package sqlite

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"hoithi/contests/quiz"
)

// decodeStd is the record as encoding/json reads it: what the fast
// decoder must give.
func decodeStd(data []byte) (*quiz.Participation, error) {
	var p quiz.Participation
	if err := decodeJSON(data, &p); err != nil {
		return nil, err
	}
	normalizeTimes(&p)
	return &p, nil
}

// sampleParticipations are records of every shape the store writes.
func sampleParticipations() map[string]*quiz.Participation {
	at := time.Date(2026, 5, 1, 8, 0, 0, 123e6, time.UTC)
	pred := int64(4321)
	zero := int64(0)
	attempt := func(no int, status quiz.AttemptStatus, items int) quiz.Attempt {
		a := quiz.Attempt{No: no, ID: fmt.Sprintf("attempt%02d", no), StartedAt: at, Deadline: at.Add(10 * time.Minute), Status: status,
			Correct: items / 2, Total: items, Score: items / 2, DurationMs: 360000, Client: "inst-1|10.0.0.1|ab12"}
		a.Paper.Items = []quiz.Item{}
		a.Answers = map[string]quiz.Answer{}
		for j := range items {
			q := fmt.Sprintf("Q%03d", j*7+1)
			a.Paper.Items = append(a.Paper.Items, quiz.Item{QuestionID: q, OptionOrder: []string{"C", "A", "D", "B"}, Points: 1 + j%2, Multiple: j%5 == 0})
			a.Answers[q] = quiz.Answer{Options: []string{"A", "D"}[:1+j%2], Seq: int64(j + 1)}
		}
		if status != quiz.AttemptInProgress {
			a.SubmittedAt = at.Add(6 * time.Minute)
		}
		return a
	}
	submitted := attempt(1, quiz.AttemptSubmitted, 20)
	submitted.Prediction, submitted.PredictionSeq = &pred, 21
	timedOut := attempt(2, quiz.AttemptTimedOut, 3)
	timedOut.Prediction = &zero
	timedOut.OutageMs, timedOut.OutageKey, timedOut.ExtraMs = 30000, at.UnixMilli(), 60000
	open := attempt(3, quiz.AttemptInProgress, 2)
	open.Answers = nil
	empty := attempt(1, quiz.AttemptSubmitted, 0)
	empty.Answers[""] = quiz.Answer{}
	odd := attempt(1, quiz.AttemptSubmitted, 2)
	odd.Paper.Items[0].OptionOrder = nil
	odd.Paper.Items[1].OptionOrder = []string{}
	odd.Answers["Q001"] = quiz.Answer{Options: nil, Seq: -3}
	odd.Answers["Q008"] = quiz.Answer{Options: []string{}, Seq: 1 << 40}
	odd.Client = ""
	base := func() *quiz.Participation {
		return &quiz.Participation{RoundID: "r1", UserID: "u1", ContestID: "c1", UnitPath: "/vn/hcm/q1/",
			Version: 3, UpdatedAt: at}
	}
	out := map[string]*quiz.Participation{}
	one := base()
	one.Attempts = []quiz.Attempt{submitted}
	one.Counted = &quiz.AttemptSummary{AttemptNo: 1, Correct: 10, Total: 20, Score: 10, DurationMs: 360000, StartedAt: at, SubmittedAt: at.Add(time.Minute), Prediction: &pred}
	out["submitted"] = one
	many := base()
	many.Attempts = []quiz.Attempt{submitted, timedOut, open}
	many.OpenDeadline, many.ExtraAttempts = open.Deadline, 2
	many.Counted = &quiz.AttemptSummary{AttemptNo: 2}
	out["three attempts, one open"] = many
	none := base()
	none.Attempts = []quiz.Attempt{}
	out["no attempt"] = none
	nilAttempts := base()
	nilAttempts.Version, nilAttempts.UpdatedAt = 0, time.Time{}
	out["nil attempts, zero times"] = nilAttempts
	out["empty paper"] = &quiz.Participation{Attempts: []quiz.Attempt{empty}}
	out["nil and empty lists"] = &quiz.Participation{UserID: "u2", Attempts: []quiz.Attempt{odd}}
	text := base()
	text.UnitPath = "/vn/\"quoted\"/<b>&amp;/\u2028/Phường Bến Nghé/" + strings.Repeat("x", 80)
	text.UserID = "ưu tiên\\\t"
	text.Attempts = []quiz.Attempt{attempt(1, quiz.AttemptSubmitted, 1)}
	text.Attempts[0].Client = "é|::1|\x01"
	out["text needing escapes"] = text
	local := base()
	local.UpdatedAt = time.Date(2026, 5, 1, 15, 0, 0, 987654321, time.FixedZone("ICT", 7*3600))
	out["instant with an offset"] = local
	return out
}

// The fast decoder gives what encoding/json gives, for every shape.
func TestDecodeParticipationFastMatchesEncodingJSON(t *testing.T) {
	for name, p := range sampleParticipations() {
		t.Run(name, func(t *testing.T) {
			data, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			want, err := decodeStd(data)
			if err != nil {
				t.Fatal(err)
			}
			d := participationDecoders.Get().(*participationDecoder)
			var plain quiz.Participation
			err = d.decode(data, &plain)
			participationDecoders.Put(d)
			if err != nil {
				t.Fatalf("the fast path refused a record as encodeJSON writes it: %v", err)
			}
			got, err := decodeParticipation(data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("fast decoder gave\n%+v\nencoding/json gave\n%+v", got, want)
			}
		})
	}
}

// Records not in the plain form are read by encoding/json: the result is
// the same, whatever the fast path would have made of them.
func TestDecodeParticipationFastHandsOver(t *testing.T) {
	cases := map[string]string{
		"key in another case":     `{"UserID":"u1","attempts":[]}`,
		"duplicate key":           `{"userId":"u1","userId":"u2"}`,
		"duplicate answer":        `{"attempts":[{"answers":{"Q1":{"o":["A"]},"Q1":{"o":["B"]}}}]}`,
		"unknown key":             `{"userId":"u1","note":{"a":[1,2]}}`,
		"number as text":          `{"version":"3"}`,
		"fraction in an integer":  `{"attempts":[{"no":1.0}]}`,
		"not UTF-8":               "{\"unitPath\":\"/vn/\xff/\"}",
		"null paper":              `{"attempts":[{"paper":null,"answers":null,"prediction":null}],"counted":null}`,
		"nulls for plain values":  `{"userId":null,"version":null,"updatedAt":null,"attempts":[{"no":null,"multiple":null}]}`,
		"option that is a number": `{"attempts":[{"paper":{"items":[{"optionOrder":["A",1]}]}}]}`,
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			want, wantErr := decodeStd([]byte(data))
			got, err := decodeParticipation([]byte(data))
			if (err != nil) != (wantErr != nil) {
				t.Fatalf("error %v, encoding/json's %v", err, wantErr)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("fast decoder gave\n%+v\nencoding/json gave\n%+v", got, want)
			}
		})
	}
}

// Wherever encoding/json reads a record, the fast decoder reads the same.
// (Where encoding/json refuses one the fast path may be more lenient, e.g.
// escapes inside an instant: the store never writes such records.)
func FuzzDecodeParticipation(f *testing.F) {
	for _, p := range sampleParticipations() {
		data, err := json.Marshal(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		want, err := decodeStd(data)
		got, fastErr := decodeParticipation(data)
		if err != nil {
			return
		}
		if fastErr != nil {
			t.Fatalf("encoding/json reads %q, the fast decoder says %v", data, fastErr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: fast decoder gave\n%+v\nencoding/json gave\n%+v", data, got, want)
		}
	})
}

func BenchmarkDecodeParticipation(b *testing.B) {
	data, err := json.Marshal(sampleParticipations()["submitted"])
	if err != nil {
		b.Fatal(err)
	}
	for name, decode := range map[string]func([]byte) (*quiz.Participation, error){"encoding/json": decodeStd, "fast": decodeParticipation} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := decode(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The short lists of a record share one allocation: appending to one never
// writes into the next.
func TestDecodedListsDoNotOverlap(t *testing.T) {
	data, err := json.Marshal(sampleParticipations()["submitted"])
	if err != nil {
		t.Fatal(err)
	}
	p, err := decodeParticipation(data)
	if err != nil {
		t.Fatal(err)
	}
	items := p.Attempts[0].Paper.Items
	next := slices.Clone(items[1].OptionOrder)
	_ = append(items[0].OptionOrder, "X", "Y")
	if !slices.Equal(items[1].OptionOrder, next) {
		t.Fatalf("appending to the first list changed the second: %v, was %v", items[1].OptionOrder, next)
	}
}
