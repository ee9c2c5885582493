package sqlite

import (
	"slices"
	"time"

	"hoithi/contests/quiz"
)

// Why a write copies the final attempts of the cached record.
//
// A record holds every attempt of a person in a round (up to 50), and every
// answer save rewrote all of it: encoding each finished attempt again and
// deep-copying it again for the cache, so the cost of a save grew with the
// attempts already played, although a finished attempt never changes
// (quiz.Participation's transitions touch only the attempt in progress).
// So the cache keeps, beside each record, the JSON of its final attempts
// (attemptJSON), and a write compares each final attempt of the record it
// is given with the cached one: when attemptEncodesAs says the two encode
// to the same bytes, it copies the cached JSON instead of encoding, and the
// new cache entry shares the cached attempt (cache entries are never
// changed, and readers get deep copies) instead of copying it.
//
// Nothing is trusted: the comparison reads every field the encoder writes,
// so a caller that did change a final attempt gets it encoded and stored
// in full. The bytes written are exactly what encoding the whole record
// writes (TestReusedEncodingIsTheFullEncoding), and a field added to the
// quiz types turns the cache, and with it this path, off
// (participation_schema.go).

// attemptReuse carries one write's reuse of the cached record: what it
// may copy, and then what it did.
type attemptReuse struct {
	base     *quiz.Participation // cached stored form; nil: nothing to copy
	baseJSON []string            // its attemptJSON
	reused   []bool              // attempt i was copied from base
	spans    [][2]int            // attempt i's bytes in the written JSON
}

func newAttemptReuse(base *quiz.Participation, baseJSON []string, attempts int) *attemptReuse {
	return &attemptReuse{base: base, baseJSON: baseJSON, reused: make([]bool, attempts), spans: make([][2]int, attempts)}
}

// cachedJSON returns the stored JSON of a, attempt i of the record being
// written, when the cached record has the same final attempt at i.
func (r *attemptReuse) cachedJSON(i int, a *quiz.Attempt) (string, bool) {
	if r == nil || r.base == nil || i >= len(r.baseJSON) || r.baseJSON[i] == "" || i >= len(r.base.Attempts) {
		return "", false
	}
	if b := &r.base.Attempts[i]; !b.Final() || !attemptEncodesAs(a, b) {
		return "", false
	}
	r.reused[i] = true
	return r.baseJSON[i], true
}

// wrote records where attempt i lies in the output.
func (r *attemptReuse) wrote(i, start, end int) {
	if r != nil {
		r.spans[i] = [2]int{start, end}
	}
}

// storedAttempt returns attempt i of the stored form: the cached attempt
// when it was copied, else a normalized deep copy of a.
func (r *attemptReuse) storedAttempt(i int, a *quiz.Attempt) quiz.Attempt {
	if r != nil && r.reused[i] {
		return r.base.Attempts[i]
	}
	c := cloneAttempt(a)
	toStoredTime(&c.StartedAt)
	toStoredTime(&c.Deadline)
	toStoredTime(&c.SubmittedAt)
	if len(c.Answers) == 0 {
		c.Answers = nil // omitempty: {} is never written
	}
	return c
}

// attemptJSON returns what the cache keeps for the next write of the
// record: the JSON of each final attempt of stored (the stored form of p,
// written as data), "" where that JSON is not the encoding of the stored
// attempt (an instant with nanoseconds or another zone reads back cut to
// milliseconds in UTC, and so would encode differently).
func (r *attemptReuse) attemptJSON(data string, p, stored *quiz.Participation) []string {
	var out []string
	for i := range stored.Attempts {
		s := &stored.Attempts[i]
		if !s.Final() || (!r.reused[i] && !attemptEncodesAs(&p.Attempts[i], s)) {
			continue
		}
		if out == nil {
			out = make([]string, len(stored.Attempts))
		}
		out[i] = data[r.spans[i][0]:r.spans[i][1]]
	}
	return out
}

// cachedSize is the budget an entry takes: the decoded record's estimate
// plus the attempt JSON kept with it.
func cachedSize(data string, attemptJSON []string) int {
	n := heapCost(len(data))
	for _, s := range attemptJSON {
		n += len(s)
	}
	return n
}

// attemptEncodesAs reports whether a and b encode to the same JSON: every
// field the encoder writes (participation_encode.go) compared, nil and
// empty told apart where the encoder tells them apart.
func attemptEncodesAs(a, b *quiz.Attempt) bool {
	if a.No != b.No || a.ID != b.ID || a.Status != b.Status || a.PredictionSeq != b.PredictionSeq || a.Client != b.Client ||
		a.OutageMs != b.OutageMs || a.OutageKey != b.OutageKey || a.ExtraMs != b.ExtraMs ||
		a.Correct != b.Correct || a.Total != b.Total || a.Score != b.Score || a.DurationMs != b.DurationMs ||
		!sameTimeText(a.StartedAt, b.StartedAt) || !sameTimeText(a.Deadline, b.Deadline) ||
		!sameTimeText(a.SubmittedAt, b.SubmittedAt) {
		return false
	}
	if (a.Prediction == nil) != (b.Prediction == nil) || (a.Prediction != nil && *a.Prediction != *b.Prediction) {
		return false
	}
	if (a.Paper.Items == nil) != (b.Paper.Items == nil) || len(a.Paper.Items) != len(b.Paper.Items) {
		return false
	}
	for i := range a.Paper.Items {
		x, y := &a.Paper.Items[i], &b.Paper.Items[i]
		if x.QuestionID != y.QuestionID || x.Multiple != y.Multiple || x.Points != y.Points || !sameStrings(x.OptionOrder, y.OptionOrder) {
			return false
		}
	}
	// omitempty: no answers is no field, whether the map is nil or empty.
	if len(a.Answers) != len(b.Answers) {
		return false
	}
	for q, x := range a.Answers {
		y, ok := b.Answers[q]
		if !ok || x.Seq != y.Seq || !sameStrings(x.Options, y.Options) {
			return false
		}
	}
	return true
}

// sameTimeText: one instant in one zone gives one RFC 3339 text.
func sameTimeText(a, b time.Time) bool { return a.Equal(b) && a.Location() == b.Location() }

// sameStrings compares as the encoder writes: nil is null, empty is [].
func sameStrings(a, b []string) bool { return (a == nil) == (b == nil) && slices.Equal(a, b) }
