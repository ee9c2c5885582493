package sqlite

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// filledParticipation returns a record with every field reachable from it
// set to a distinct non-zero value, a third of the strings with suffixes
// from awkward, so a field that a copy or the hand encoder forgets shows.
func filledParticipation(t testing.TB, awkward []string) *quiz.Participation {
	var p quiz.Participation
	f := filler{t: t, awkward: awkward}
	f.fill(reflect.ValueOf(&p).Elem())
	return &p
}

var timeType = reflect.TypeFor[time.Time]()

// awkwardStrings are what JSON must escape: quotes, backslashes, control
// and HTML characters, non-ASCII and the JavaScript line separators.
var awkwardStrings = []string{"q\"1\\", "<b>&amp;</b>", "tab\there\n", "Lịch sử Đảng", "\u2028\u2029", "\x00\x1f\x7f"}

// notUTF8 holds bytes JSON cannot keep: it stores U+FFFD instead.
var notUTF8 = []string{"bad\xffbyte", "cut\xe1\xba"}

type filler struct {
	t       testing.TB
	awkward []string
	n       int
}

func (f *filler) fill(v reflect.Value) {
	f.n++
	t, n := f.t, &f.n
	switch v.Kind() {
	case reflect.String:
		s := fmt.Sprintf("s%03d", *n)
		if *n%3 == 0 && len(f.awkward) > 0 {
			s += f.awkward[*n/3%len(f.awkward)]
		}
		v.SetString(s)
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		f.fill(v.Elem())
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range v.Len() {
			f.fill(v.Index(i))
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		for range 3 {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			f.fill(k)
			f.fill(e)
			v.SetMapIndex(k, e)
		}
	case reflect.Struct:
		if v.Type() == timeType {
			ict := time.FixedZone("ICT", 7*3600)
			v.Set(reflect.ValueOf(time.Date(2025, 9, 1, 8, *n, 0, 123_456_789+*n, ict)))
			return
		}
		for i := range v.NumField() {
			f.fill(v.Field(i))
		}
	default:
		t.Fatalf("fill: no rule for %s; teach fill (and cloneParticipation, the hand encoder) the new field", v.Type())
	}
}

// references lists every map, slice and pointer reachable from v (by the
// address of its storage), with the path that reaches it.
func references(v reflect.Value, path string, out map[uintptr]string) {
	if v.Type() == timeType {
		return // its *Location is immutable and shared by design
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			out[v.Pointer()] = path
			references(v.Elem(), path, out)
		}
	case reflect.Slice:
		if v.Cap() > 0 {
			out[v.Pointer()] = path
		}
		for i := range v.Len() {
			references(v.Index(i), fmt.Sprintf("%s[%d]", path, i), out)
		}
	case reflect.Map:
		if !v.IsNil() {
			out[v.Pointer()] = path
		}
		for it := v.MapRange(); it.Next(); {
			references(it.Value(), fmt.Sprintf("%s[%v]", path, it.Key()), out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			references(v.Field(i), path+"."+v.Type().Field(i).Name, out)
		}
	}
}

func TestCloneSharesNothing(t *testing.T) {
	q := newQuizPlay(t)
	records := map[string]*quiz.Participation{
		"every field set":           filledParticipation(t, awkwardStrings),
		"two final and one running": q.played(t, store.NewID(), 2),
		"just started":              q.started(t, store.NewID(), 0),
	}
	for name, p := range records {
		c := cloneParticipation(p)
		if !reflect.DeepEqual(c, p) {
			t.Errorf("%s: clone differs from the original", name)
		}
		orig, copied := map[uintptr]string{}, map[uintptr]string{}
		references(reflect.ValueOf(p).Elem(), "p", orig)
		references(reflect.ValueOf(c).Elem(), "p", copied)
		for addr, path := range copied {
			if other, ok := orig[addr]; ok {
				t.Errorf("%s: clone's %s shares storage with the original's %s", name, path, other)
			}
		}
		if len(copied) == 0 {
			t.Errorf("%s: found no references to compare", name)
		}
	}
}

// An append to one copied option list must not write into its neighbour
// (they share one backing array in the clone).
func TestCloneOptionListsDoNotOverlap(t *testing.T) {
	q := newQuizPlay(t)
	c := cloneParticipation(q.started(t, store.NewID(), paperSize))
	items := c.Attempts[0].Paper.Items
	next := items[1].OptionOrder[0]
	_ = append(items[0].OptionOrder, "X")
	if items[1].OptionOrder[0] != next {
		t.Fatalf("appending to item 0's options changed item 1's to %q", items[1].OptionOrder[0])
	}
}

// What the cache keeps after a write must be what reading the row back
// gives; records JSON cannot keep exactly are reported lossy and are not
// cached at all.
func TestStoredFormIsTheDecodedRecord(t *testing.T) {
	q := newQuizPlay(t)
	empty := q.started(t, store.NewID(), 0) // Start makes an empty, non-nil answer map
	local := q.started(t, store.NewID(), 3)
	ict := time.FixedZone("ICT", 7*3600)
	local.UpdatedAt = time.Now().In(ict) // monotonic reading, nanoseconds, another zone
	local.Attempts[0].StartedAt = local.Attempts[0].StartedAt.In(ict).Add(999_999)
	nilLists := q.started(t, store.NewID(), 1)
	nilLists.Attempts[0].Paper.Items[0].OptionOrder = nil
	for q, a := range nilLists.Attempts[0].Answers {
		a.Options = []string{}
		nilLists.Attempts[0].Answers[q] = a
	}
	tests := []struct {
		name  string
		p     *quiz.Participation
		lossy bool
	}{
		{"every field set", filledParticipation(t, awkwardStrings), false},
		{"empty answer map", empty, false},
		{"local times", local, false},
		{"nil and empty lists", nilLists, false},
		{"two final and one running", q.played(t, store.NewID(), 2), false},
		{"zero", &quiz.Participation{}, false},
		{"strings not UTF-8", filledParticipation(t, notUTF8), true},
	}
	for _, tc := range tests {
		data, lossy, err := encodeParticipation(tc.p)
		if err != nil {
			t.Fatal(err)
		}
		if lossy != tc.lossy {
			t.Errorf("%s: lossy = %v, want %v", tc.name, lossy, tc.lossy)
		}
		want, err := decodeParticipation([]byte(data))
		if err != nil {
			t.Fatal(err)
		}
		if got := storedForm(tc.p); reflect.DeepEqual(got, want) == tc.lossy {
			t.Errorf("%s: stored form equal to the decoded JSON: %v, want %v\n%+v\n%+v", tc.name, !tc.lossy, !tc.lossy, got, want)
		}
	}
}
