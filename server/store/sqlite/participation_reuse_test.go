package sqlite

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"hoithi/contests/quiz"
)

func encodeAttempt(a *quiz.Attempt) string {
	var st encodeStatus
	return string(appendAttempt(nil, a, &st))
}

// leaves counts the values the encoder writes under v (strings, numbers,
// booleans, instants), calling change on the k-th one when k matches.
func leaves(v reflect.Value, k *int, change func(reflect.Value)) {
	switch v.Kind() {
	case reflect.String, reflect.Int, reflect.Int64, reflect.Bool:
		if *k == 0 {
			change(v)
		}
		*k--
	case reflect.Pointer:
		if !v.IsNil() {
			leaves(v.Elem(), k, change)
		}
	case reflect.Slice:
		for i := range v.Len() {
			leaves(v.Index(i), k, change)
		}
	case reflect.Map:
		for _, key := range v.MapKeys() {
			// A map element cannot be set in place: copy, change, put back.
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(key))
			leaves(e, k, change)
			v.SetMapIndex(key, e)
		}
	case reflect.Struct:
		if v.Type() == timeType {
			if *k == 0 {
				change(v)
			}
			*k--
			return
		}
		for i := range v.NumField() {
			leaves(v.Field(i), k, change)
		}
	}
}

func changeLeaf(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "x")
	case reflect.Int, reflect.Int64:
		v.SetInt(v.Int() + 1)
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Struct: // time.Time
		v.Set(reflect.ValueOf(v.Interface().(time.Time).Add(time.Millisecond)))
	}
}

// attemptEncodesAs must see a change of any value the encoder writes, and
// of nil against empty where the JSON differs: otherwise a write would
// copy stale bytes of the cached attempt.
func TestAttemptEncodesAsSeesEveryField(t *testing.T) {
	base := storedForm(filledParticipation(t, awkwardStrings)).Attempts[0]
	if same := cloneAttempt(&base); !attemptEncodesAs(&same, &base) {
		t.Fatal("a copy must encode as its original")
	}
	total := 0
	for {
		k, changed := total, cloneAttempt(&base)
		leaves(reflect.ValueOf(&changed).Elem(), &k, changeLeaf)
		if k >= 0 { // fewer leaves than total: all seen
			break
		}
		if encodeAttempt(&changed) == encodeAttempt(&base) {
			t.Fatalf("leaf %d: the change does not show in the JSON (test bug)", total)
		}
		if attemptEncodesAs(&changed, &base) || attemptEncodesAs(&base, &changed) {
			t.Errorf("leaf %d changed, attemptEncodesAs still true:\n%s\n%s", total, encodeAttempt(&changed), encodeAttempt(&base))
		}
		total++
	}
	if total < 30 {
		t.Fatalf("only %d leaves visited", total)
	}
	shapes := map[string]func(a *quiz.Attempt){
		"same instant, other zone":  func(a *quiz.Attempt) { a.StartedAt = a.StartedAt.In(time.FixedZone("ICT", 7*3600)) },
		"nil option order":          func(a *quiz.Attempt) { a.Paper.Items[0].OptionOrder = nil },
		"empty option order":        func(a *quiz.Attempt) { a.Paper.Items[1].OptionOrder = []string{} },
		"nil items":                 func(a *quiz.Attempt) { a.Paper.Items = nil },
		"empty items":               func(a *quiz.Attempt) { a.Paper.Items = []quiz.Item{} },
		"no prediction":             func(a *quiz.Attempt) { a.Prediction = nil },
		"an answer less":            func(a *quiz.Attempt) { delete(a.Answers, firstKey(a.Answers)) },
		"an answer with nil option": func(a *quiz.Attempt) { q := firstKey(a.Answers); a.Answers[q] = quiz.Answer{Seq: a.Answers[q].Seq} },
		"an answer with no option": func(a *quiz.Attempt) {
			q := firstKey(a.Answers)
			a.Answers[q] = quiz.Answer{Options: []string{}, Seq: a.Answers[q].Seq}
		},
	}
	for name, change := range shapes {
		changed := cloneAttempt(&base)
		change(&changed)
		if encodeAttempt(&changed) == encodeAttempt(&base) {
			t.Fatalf("%s: the change does not show in the JSON (test bug)", name)
		}
		if attemptEncodesAs(&changed, &base) {
			t.Errorf("%s: attemptEncodesAs still true", name)
		}
	}
	// No answers encode alike whether the map is nil or empty.
	a, b := cloneAttempt(&base), cloneAttempt(&base)
	a.Answers, b.Answers = nil, map[string]quiz.Answer{}
	if !attemptEncodesAs(&a, &b) || encodeAttempt(&a) != encodeAttempt(&b) {
		t.Error("nil and empty answer maps encode alike and must compare alike")
	}
}

func firstKey(m map[string]quiz.Answer) string {
	for k := range m {
		return k
	}
	return ""
}

// dataOf reads the stored JSON of p's row.
func dataOf(t *testing.T, db *DB, p *quiz.Participation) string {
	t.Helper()
	var data string
	if err := db.reader.QueryRowContext(t.Context(), selectParticipation, p.RoundID, p.UserID).Scan(&data); err != nil {
		t.Fatal(err)
	}
	return data
}

// Whatever a write copies from the cache, the row holds exactly what
// encoding the caller's whole record gives, and the cache what reading the
// row gives: through answer saves, a submit stamped with a wall clock
// (nanoseconds, another zone), a new attempt, and a caller that changes a
// final attempt (which must then be written as changed).
func TestReusedEncodingIsTheFullEncoding(t *testing.T) {
	db, q, p := storedPlay(t, quizPlay.played, 1) // the round allows 3 attempts
	ict := time.FixedZone("ICT", 7*3600)
	wallClock := q.at.Add(12*time.Minute + 123_456_789).In(ict)
	steps := []struct {
		name   string
		change func(p *quiz.Participation)
	}{
		{"answer", func(p *quiz.Participation) {
			it := p.Current().Paper.Items[3]
			if _, err := p.SaveAnswer(p.Current().No, it.QuestionID, it.OptionOrder[1:2], 99, q.at.Add(11*time.Minute)); err != nil {
				t.Fatal(err)
			}
		}},
		{"submit at a wall-clock instant", func(p *quiz.Participation) {
			if _, _, err := p.Submit(p.Current().No, q.plan.Key(), wallClock, q.round.Policy); err != nil {
				t.Fatal(err)
			}
		}},
		{"start", func(p *quiz.Participation) { q.startAttempt(t, p, wallClock.Add(time.Minute)) }},
		{"answer", func(p *quiz.Participation) {
			it := p.Current().Paper.Items[0]
			if _, err := p.SaveAnswer(p.Current().No, it.QuestionID, it.OptionOrder[:1], 1, wallClock.Add(2*time.Minute)); err != nil {
				t.Fatal(err)
			}
		}},
		{"a final attempt changed by the caller", func(p *quiz.Participation) {
			p.Attempts[0].Score += 7
			p.Attempts[1].Answers[p.Attempts[1].Paper.Items[0].QuestionID] = quiz.Answer{Options: []string{"zz"}, Seq: 500}
		}},
		{"answer", func(p *quiz.Participation) {
			it := p.Current().Paper.Items[1]
			if _, err := p.SaveAnswer(p.Current().No, it.QuestionID, it.OptionOrder[:1], 2, wallClock.Add(3*time.Minute)); err != nil {
				t.Fatal(err)
			}
		}},
	}
	reusedSome := false
	for _, step := range steps {
		rec := mustRead(t, db, p)
		step.change(rec)
		rec.Version++
		full, _, err := encodeParticipation(rec)
		if err != nil {
			t.Fatal(err)
		}
		mustPut(t, db, rec)
		got := dataOf(t, db, p)
		if json := strings.TrimRight(got, " "); json != full {
			t.Fatalf("after %s: row\n%s\nwant the full encoding\n%s", step.name, json, full)
		}
		if len(got)%recordPadUnit != 0 || len(got)-len(full) >= recordPadUnit {
			t.Fatalf("after %s: %d bytes stored for %d of JSON, want padding to the next multiple of %d", step.name, len(got), len(full), recordPadUnit)
		}
		if got, want := mustRead(t, db, p), rowOf(t, db, p); !reflect.DeepEqual(got, want) {
			t.Fatalf("after %s: cached read\n%+v\nrow\n%+v", step.name, got, want)
		}
		_, js := db.participations.getEncoded(participationKey{p.RoundID, p.UserID})
		for _, s := range js {
			reusedSome = reusedSome || s != ""
		}
	}
	if !reusedSome {
		t.Fatal("no write kept the JSON of a final attempt: the reuse path went untested")
	}
}

// The new cache entry shares the unchanged final attempts of the old one
// (never a caller's), and a read still hands out a copy sharing nothing.
func TestWriteSharesOnlyCachedAttempts(t *testing.T) {
	db, q, p := storedPlay(t, quizPlay.played, 2)
	k := participationKey{p.RoundID, p.UserID}
	for range 2 { // the first save stores the JSON, the second copies it
		rec := mustRead(t, db, p)
		it := rec.Current().Paper.Items[5]
		if _, err := rec.SaveAnswer(rec.Current().No, it.QuestionID, it.OptionOrder[1:2], rec.Version+100, q.at.Add(25*time.Minute)); err != nil {
			t.Fatal(err)
		}
		before := db.participations.get(k)
		rec.Version++
		mustPut(t, db, rec)
		after := db.participations.get(k)
		if rec.Version == 3 {
			if reflect.ValueOf(after.Attempts[0].Answers).Pointer() != reflect.ValueOf(before.Attempts[0].Answers).Pointer() {
				t.Error("an unchanged final attempt was copied, not shared with the cached record")
			}
		}
		if reflect.ValueOf(after.Attempts[0].Answers).Pointer() == reflect.ValueOf(rec.Attempts[0].Answers).Pointer() {
			t.Fatal("the cache shares a map with the caller's record")
		}
	}
	got := mustRead(t, db, p)
	mine := map[uintptr]string{}
	references(reflect.ValueOf(got).Elem(), "read", mine)
	cached := map[uintptr]string{}
	references(reflect.ValueOf(db.participations.get(k)).Elem(), "cache", cached)
	for ptr, path := range mine {
		if other, ok := cached[ptr]; ok {
			t.Errorf("the read %s shares memory with the cached %s", path, other)
		}
	}
}
