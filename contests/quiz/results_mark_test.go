package quiz

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// markKey gives what Attempt.Mark gives, answer by answer.
func TestMarkKeyMatchesMark(t *testing.T) {
	key := AnswerKey{"q1": {"B"}, "q2": {"C", "A", "A"}, "q3": {"D"}}
	paper := Paper{Items: []Item{{QuestionID: "q1", Points: 1}, {QuestionID: "q2", Multiple: true, Points: 3}, {QuestionID: "q3", Points: 2}}}
	many := []string{"A", "B", "C", "D", "E", "F", "G", "H", "A", "C"}
	cases := map[string]map[string]Answer{
		"nothing answered":            nil,
		"all right":                   {"q1": {Options: []string{"B"}}, "q2": {Options: []string{"A", "C"}}, "q3": {Options: []string{"D"}}},
		"right in another order":      {"q2": {Options: []string{"C", "A"}}},
		"right with a repeat":         {"q2": {Options: []string{"A", "C", "A"}}},
		"one of two":                  {"q2": {Options: []string{"A"}}},
		"one too many":                {"q1": {Options: []string{"B", "D"}}, "q2": {Options: []string{"A", "B", "C"}}},
		"empty choice":                {"q1": {Options: []string{}}, "q3": {Options: nil}},
		"more options than the array": {"q2": {Options: many}},
		"wrong":                       {"q1": {Options: []string{"A"}}, "q3": {Options: []string{"B"}}},
	}
	m := newMarkKey(key)
	for name, answers := range cases {
		t.Run(name, func(t *testing.T) {
			want := Attempt{Paper: paper, Answers: answers}
			if err := want.Mark(key); err != nil {
				t.Fatal(err)
			}
			got := Attempt{Paper: paper, Answers: answers}
			if err := m.mark(&got, key); err != nil {
				t.Fatal(err)
			}
			if got.Correct != want.Correct || got.Total != want.Total || got.Score != want.Score {
				t.Fatalf("marked %d/%d %d points, Mark says %d/%d %d", got.Correct, got.Total, got.Score, want.Correct, want.Total, want.Score)
			}
		})
	}
	t.Run("question missing from the key", func(t *testing.T) {
		a := Attempt{Paper: Paper{Items: []Item{{QuestionID: "q1", Points: 1}, {QuestionID: "q9", Points: 1}}}, Correct: 7}
		b := a
		wantErr, err := b.Mark(key), m.mark(&a, key)
		if err == nil || err.Error() != wantErr.Error() || a.Correct != 7 {
			t.Fatalf("error %v (Mark: %v), correct %d left as it was", err, wantErr, a.Correct)
		}
	})
}

func TestPermute(t *testing.T) {
	cases := []struct{ in, order, want []int32 }{
		{nil, nil, nil},
		{[]int32{10}, []int32{0}, []int32{10}},
		{[]int32{10, 11, 12, 13}, []int32{3, 2, 1, 0}, []int32{13, 12, 11, 10}},
		{[]int32{10, 11, 12, 13, 14}, []int32{1, 2, 0, 4, 3}, []int32{11, 12, 10, 14, 13}},
		{[]int32{10, 11, 12}, []int32{0, 2, 1}, []int32{10, 12, 11}},
	}
	for _, c := range cases {
		got := slices.Clone(c.in)
		permute(got, slices.Clone(c.order))
		if !slices.Equal(got, c.want) {
			t.Fatalf("permute(%v, %v) = %v, want %v", c.in, c.order, got, c.want)
		}
	}
}

// The builder gives what ranking every person's summaries directly gives
// (Summarize, RoundEntry, Rank, Allocate: the results as first written),
// over rounds of random records: several attempts, attempts left open,
// void ones, exclusions, people added out of order or twice.
func TestResultsBuilderMatchesDirectRanking(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	paper := Paper{Items: []Item{{QuestionID: "q1", Points: 1}, {QuestionID: "q2", Points: 2}, {QuestionID: "q3", Points: 1}}}
	key := AnswerKey{"q1": {"A"}, "q2": {"B"}, "q3": {"C"}}
	rules := []RankRule{RuleQuangNam(), RuleVCNET(), RuleBinhTan(), {Keys: []RankKey{KeyCorrectDesc, KeyPerfectAttemptsDesc, KeyStartedAsc}}}
	for round := range 40 {
		r := roundFixture()
		r.Rule, r.Policy = rules[round%len(rules)], []Policy{PolicyBest, PolicyFirst, PolicyLast}[round%3]
		r.Prediction = Prediction{Enabled: round%2 == 0, Text: "?", Target: []TargetKind{TargetParticipants, TargetAttempts, TargetAllCorrectPeople}[round%3]}
		r.Integrity = Integrity{VoidTooFast: round%4 == 1}
		r.TiePolicy = []TiePolicy{TieStrict, TieShare}[round%2]
		r.Tiers = []Tier{{Key: "a", Name: "A", Count: 2}, {Key: "b", Name: "B", Count: 5}}
		var records []*Participation
		for u := range 60 {
			p := &Participation{RoundID: r.ID, UserID: fmt.Sprintf("u%02d", rng.IntN(45)), UnitPath: fmt.Sprintf("/p%d/", u%3)}
			for no := 1; no <= 1+rng.IntN(3); no++ {
				start := at(float64(rng.IntN(3000)))
				a := Attempt{No: no, StartedAt: start, Deadline: start.Add(10 * time.Minute), Status: AttemptSubmitted, Paper: paper, Answers: map[string]Answer{}}
				for _, it := range paper.Items {
					if rng.IntN(3) > 0 {
						a.Answers[it.QuestionID] = Answer{Options: []string{string(rune('A' + rng.IntN(3)))}}
					}
				}
				if rng.IntN(2) == 0 {
					pred := int64(rng.IntN(50))
					a.Prediction = &pred
				}
				switch rng.IntN(6) {
				case 0: // still open: finalized at its deadline
					a.Status = AttemptInProgress
				default:
					a.SubmittedAt = start.Add(time.Duration(1+rng.IntN(600)) * time.Second)
					a.DurationMs = a.SubmittedAt.Sub(start).Milliseconds()
				}
				p.Attempts = append(p.Attempts, a)
			}
			records = append(records, p)
		}
		if round%3 == 0 {
			slices.SortFunc(records, func(a, b *Participation) int { return strings.Compare(a.UserID, b.UserID) })
		}
		r.Exclusions = []Exclusion{{UserID: "u03", Reason: "hai tài khoản"}}
		excluded := map[string]bool{"u05": true}

		rb := NewResultsBuilder(r, key)
		direct := map[string]resultOf{}
		for _, p := range records {
			if err := rb.Add(clone(p)); err != nil {
				t.Fatal(err)
			}
			q := clone(p)
			if _, err := q.Expire(key, r.ClosesAt.Add(2*Grace), r.Policy); err != nil {
				t.Fatal(err)
			}
			var list []AttemptSummary
			for i := range q.Attempts {
				a := &q.Attempts[i]
				if !a.Final() {
					continue
				}
				if err := a.Mark(key); err != nil {
					t.Fatal(err)
				}
				if !r.Integrity.Void(a) {
					list = append(list, a.Summary())
				}
			}
			if len(list) > 0 {
				direct[q.UserID] = resultOf{q.UnitPath, list}
			}
		}
		got, err := rb.Finish(excluded)
		if err != nil {
			t.Fatal(err)
		}
		want := directOutcome(t, r, direct, excluded)
		if !reflect.DeepEqual(outcomeLines(got), want) {
			t.Fatalf("round %d: builder gave\n%+v\ndirect ranking gave\n%+v", round, got, want)
		}
	}
}

type resultOf struct {
	unitPath string
	attempts []AttemptSummary
}

// outcomeOf is an Outcome with its ranking made whole, to compare.
type outcomeOf struct {
	Summary RoundSummary
	Target  *int64
	Ranked  []Ranked
	Winners []Winner
}

func outcomeLines(o Outcome) outcomeOf {
	return outcomeOf{Summary: o.Summary, Target: o.Target, Ranked: o.Ranking.All(), Winners: o.Winners}
}

func directOutcome(t *testing.T, r *Round, people map[string]resultOf, excluded map[string]bool) outcomeOf {
	byUser := map[string][]AttemptSummary{}
	for id, p := range people {
		byUser[id] = p.attempts
	}
	out := outcomeOf{Summary: Summarize(byUser)}
	if r.Prediction.Enabled {
		v, err := r.Prediction.Target.Of(out.Summary)
		if err != nil {
			t.Fatal(err)
		}
		out.Target = &v
	}
	var entries []Entry
	for id, p := range people {
		if r.Excluded(id) {
			continue
		}
		e, err := RoundEntry(id, p.unitPath, p.attempts, r.Policy, out.Target)
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
	}
	var err error
	if out.Ranked, err = Rank(entries, r.Rule); err != nil {
		t.Fatal(err)
	}
	if out.Winners, err = Allocate(out.Ranked, r.Tiers, AllocateOptions{TiePolicy: r.TiePolicy, Excluded: excluded}); err != nil {
		t.Fatal(err)
	}
	return out
}

func clone(p *Participation) *Participation {
	q := *p
	q.Attempts = slices.Clone(p.Attempts)
	return &q
}
