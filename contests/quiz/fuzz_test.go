package quiz

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"hoithi/contests/contesttest"
)

// FuzzDraw builds a bank and quotas from bytes and checks the draw's
// promises: Prepare accepts exactly the blueprints an independent matching
// can fill, and every accepted blueprint draws, for any seed, a repeatable
// paper with no repeat, no retired question, and every quota met.
func FuzzDraw(f *testing.F) {
	f.Add(uint64(1), []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, []byte{0x10, 0x25})
	f.Add(uint64(9), []byte{3, 3, 3, 0x83, 5, 5, 6}, []byte{0x36, 0x21, 0x11})
	f.Add(uint64(0), []byte{1, 1, 4, 4, 4, 7, 7, 2}, []byte{0x24, 0x31, 0x12})
	f.Fuzz(func(t *testing.T, seed uint64, layout, quotaBytes []byte) {
		if len(layout) > 40 || len(quotaBytes) > 4 || len(quotaBytes) == 0 {
			return
		}
		topics := []string{"", "Lịch sử", "Pháp luật", "Địa phương"}
		var bank []Question
		var active []Question
		for i, b := range layout {
			q := question(fmt.Sprintf("Q%02d", i), topics[1+int(b)%3], Difficulty(1+(b/3)%3))
			q.Retired = b&0x80 != 0
			if b&0x40 != 0 {
				q.Correct = []string{"B", "C"}
			}
			bank = append(bank, q)
			if !q.Retired {
				active = append(active, q)
			}
		}
		var quotas []Quota
		for _, b := range quotaBytes {
			quotas = append(quotas, Quota{Topic: topics[b%4], Difficulty: Difficulty((b / 4) % 4), N: 1 + int(b/16)%4})
		}
		plan, err := Prepare(bank, Blueprint{Quotas: quotas})
		feasible := canFill(slotsOf(quotas), active)
		if (err == nil) != feasible {
			t.Fatalf("Prepare err %v but matching says feasible=%v", err, feasible)
		}
		if err != nil {
			return
		}
		paper, err := plan.Draw(seed)
		if err != nil {
			t.Fatalf("Draw after Prepare: %v", err)
		}
		if again, _ := plan.Draw(seed); !reflect.DeepEqual(paper, again) {
			t.Fatal("same seed, different paper")
		}
		if err := quotasMet(bank, quotas, paper); err != nil {
			t.Fatal(err)
		}
		for _, it := range paper.Items {
			q, _ := plan.Question(it.QuestionID)
			if q.Retired {
				t.Fatalf("drew retired %s", q.ID)
			}
			if got := slices.Sorted(slices.Values(it.OptionOrder)); !slices.Equal(got, []string{"A", "B", "C", "D"}) || it.Multiple != q.Multiple() {
				t.Fatalf("item %+v for %+v", it, q)
			}
		}
	})
}

// FuzzCheckAnswer: whatever a client sends, an accepted answer only names
// options of the question, each once, and one at most when single-answer;
// and scoring it never fails.
func FuzzCheckAnswer(f *testing.F) {
	f.Add("S", "A", "", "")
	f.Add("M", "B", "D", "B")
	f.Add("T", "B", "A", "")
	f.Add("X", "\x00", "é", "A ")
	paper, key := scoringPaper()
	f.Fuzz(func(t *testing.T, qid, a, b, c string) {
		var opts []string
		for _, o := range []string{a, b, c} {
			if o != "" {
				opts = append(opts, o)
			}
		}
		err := CheckAnswer(paper, qid, opts)
		it, onPaper := paper.Item(qid)
		if err != nil {
			if len(contesttest.InvalidFields(t, err)) == 0 {
				t.Fatal("rejection names no field")
			}
			return
		}
		if !onPaper {
			t.Fatalf("accepted an answer to %q, not on the paper", qid)
		}
		if !it.Multiple && len(opts) > 1 {
			t.Fatalf("accepted %v on a single-answer question", opts)
		}
		for i, o := range opts {
			if !slices.Contains(it.OptionOrder, o) || slices.Contains(opts[:i], o) {
				t.Fatalf("accepted %v for options %v", opts, it.OptionOrder)
			}
		}
		if _, err := Score(paper, key, Answers{qid: opts}); err != nil {
			t.Fatal(err)
		}
	})
}
