package quiz

import (
	"slices"
	"strings"

	"hoithi/contests"
)

// Thresholds of the key-skew warning. A ward typing its bank tends to put
// the right answer under one letter; shuffled and disguised options keep a
// script from profiting, but a question whose options keep their order
// (KeepOptionOrder) still shows its column, and a skewed bank usually means
// the options were written around the answer. Under evenly spread keys of
// four options one letter holds 25%: more than 40% over 10 or more
// single-answer questions happens by chance about once in 40 banks of 30; a
// run of 6 identical keys in 30 about once in 30.
const (
	SkewShare        = 0.40
	SkewMinQuestions = 10
	SkewRun          = 6
)

// KeySkew describes how a bank's answer keys are skewed; the zero value
// means they are not.
type KeySkew struct {
	// Letter holds Count of the Of single-answer keys (only when above
	// SkewShare).
	Letter string `json:"letter,omitempty"`
	Count  int    `json:"count,omitempty"`
	Of     int    `json:"of,omitempty"`
	// RunKey is repeated on RunLength questions in a row from the
	// RunStart-th question (0-based, in the order given).
	RunKey    string `json:"runKey,omitempty"`
	RunLength int    `json:"runLength,omitempty"`
	RunStart  int    `json:"runStart,omitempty"`
}

// Skewed reports whether there is anything to warn about.
func (k KeySkew) Skewed() bool { return k.Letter != "" || k.RunKey != "" }

// Messages says what is skewed and what to do, for the organizer.
func (k KeySkew) Messages() []contests.Msg {
	var out []contests.Msg
	if k.Letter != "" {
		out = append(out, contests.T(
			"Đáp án bị lệch: %d/%d câu một đáp án (%d%%) có đáp án đúng là %s. Nên chia đều đáp án đúng cho các phương án.",
			"Skewed answer key: %d of %d single-answer questions (%d%%) have %s as the right answer. Spread the right answers over the options.",
			k.Count, k.Of, k.Count*100/k.Of, k.Letter))
	}
	if k.RunKey != "" {
		out = append(out, contests.T(
			"Đáp án bị lặp: %d câu liên tiếp (từ câu thứ %d) cùng có đáp án %s.",
			"Repeated answer key: %d questions in a row (from question %d) all have %s as the answer.",
			k.RunLength, k.RunStart+1, k.RunKey))
	}
	return out
}

// CheckKeySkew looks at the keys of questions in the order given (a bank,
// or the rows of an import): the share of the commonest correct option ID
// among single-answer questions, and the longest run of identical keys
// (a multi-answer key is its set, e.g. "A+C"). Retired questions are left
// out: they are never drawn again.
func CheckKeySkew(questions []Question) KeySkew {
	var k KeySkew
	counts := map[string]int{}
	single := 0
	run, runKey := 0, ""
	for i, q := range questions {
		if q.Retired {
			continue
		}
		key := keyString(q.Correct)
		if len(q.Correct) == 1 {
			single++
			counts[key]++
		}
		if key == runKey {
			run++
		} else {
			run, runKey = 1, key
		}
		if run >= SkewRun && run > k.RunLength {
			k.RunKey, k.RunLength = key, run
			k.RunStart = runStartIndex(questions, i, run)
		}
	}
	if single >= SkewMinQuestions {
		letters := make([]string, 0, len(counts))
		for l := range counts {
			letters = append(letters, l)
		}
		slices.Sort(letters) // a tie names the first letter, every time
		for _, l := range letters {
			if n := counts[l]; float64(n) > SkewShare*float64(single) && n > k.Count {
				k.Letter, k.Count = l, n
			}
		}
		if k.Letter != "" {
			k.Of = single
		}
	}
	return k
}

// keyString is a key as one string: its options sorted, joined by "+".
func keyString(correct []string) string {
	c := slices.Clone(correct)
	slices.Sort(c)
	return strings.Join(c, "+")
}

// runStartIndex returns the position of the first question of a run of n
// non-retired questions ending at end.
func runStartIndex(questions []Question, end, n int) int {
	i := end
	for seen := 1; seen < n; {
		i--
		if !questions[i].Retired {
			seen++
		}
	}
	return i
}
