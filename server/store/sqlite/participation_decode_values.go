package sqlite

import (
	"time"
	"unicode/utf8"

	"github.com/valyala/fastjson"
)

// The values a participation record is made of, read as encoding/json
// would read them into their Go types (participation_decode.go reads the
// record's objects with these).

// fields tracks the keys of one object: a key seen twice is not plain.
type fields uint32

func (f *fields) see(bit uint) bool {
	if *f&(1<<bit) != 0 {
		return false
	}
	*f |= 1 << bit
	return true
}

// object visits the keys of an object; field returns false for a key it
// does not know or a value it cannot take, and the whole record goes to
// encoding/json.
func object(v *fastjson.Value, field func(key []byte, v *fastjson.Value) bool) error {
	o, err := v.Object()
	if err != nil {
		return errNotPlain
	}
	ok := true
	o.Visit(func(key []byte, v *fastjson.Value) {
		if ok {
			ok = field(key, v)
		}
	})
	if !ok {
		return errNotPlain
	}
	return nil
}

// str reads a JSON string (null leaves it empty, as encoding/json does);
// share: the text repeats between records.
func (d *participationDecoder) str(v *fastjson.Value, out *string, share bool) bool {
	if v.Type() == fastjson.TypeNull {
		return true
	}
	b, err := v.StringBytes()
	if err != nil {
		return false
	}
	s, ok := d.text(b, share)
	*out = s
	return ok
}

// text copies b (which the parser reuses) into a string, the one kept
// for it when share; false when b is not UTF-8 (encoding/json would
// replace the bad bytes).
func (d *participationDecoder) text(b []byte, share bool) (string, bool) {
	if share && len(b) <= internMaxLen {
		if s, ok := d.shared[string(b)]; ok {
			return s, true
		}
	}
	if !utf8.Valid(b) {
		return "", false
	}
	s := string(b)
	if share && len(b) <= internMaxLen && len(d.shared) < internMaxCount {
		d.shared[s] = s
	}
	return s, true
}

func (d *participationDecoder) strs(v *fastjson.Value, out *[]string) bool {
	if v.Type() == fastjson.TypeNull {
		return true
	}
	list, err := v.Array()
	if err != nil {
		return false
	}
	ss := d.strings(len(list))
	for i, x := range list {
		if x.Type() != fastjson.TypeString || !d.str(x, &ss[i], true) {
			return false
		}
	}
	*out = ss
	return true
}

// stringsChunk is how many strings one allocation holds for the short
// lists of a record (20 questions: 80 option IDs in their order, 20
// answers), instead of one allocation per list.
const stringsChunk = 128

// strings returns a list of n strings cut from the current chunk, its
// capacity its length: appending to it never reaches the next list.
func (d *participationDecoder) strings(n int) []string {
	if n == 0 || n > stringsChunk/4 {
		return make([]string, n)
	}
	if len(d.chunk)+n > cap(d.chunk) {
		d.chunk = make([]string, 0, stringsChunk)
	}
	start := len(d.chunk)
	d.chunk = d.chunk[:start+n]
	return d.chunk[start : start+n : start+n]
}

func intOf(v *fastjson.Value, out *int) bool {
	if v.Type() == fastjson.TypeNull {
		return true
	}
	n, err := v.Int()
	*out = n
	return err == nil
}

func int64Of(v *fastjson.Value, out *int64) bool {
	if v.Type() == fastjson.TypeNull {
		return true
	}
	n, err := v.Int64()
	*out = n
	return err == nil
}

func boolOf(v *fastjson.Value, out *bool) bool {
	if v.Type() == fastjson.TypeNull {
		return true
	}
	b, err := v.Bool()
	*out = b
	return err == nil
}

// timeOf reads an instant as time.Time's UnmarshalJSON does (RFC 3339).
func timeOf(v *fastjson.Value, out *time.Time) bool {
	if v.Type() == fastjson.TypeNull {
		return true
	}
	b, err := v.StringBytes()
	if err != nil {
		return false
	}
	return out.UnmarshalText(b) == nil
}

// each decodes a JSON array into *out, an element at a time by one (null
// leaves it nil, as encoding/json does).
func each[T any](v *fastjson.Value, out *[]T, one func(*fastjson.Value, *T) error) bool {
	if v.Type() == fastjson.TypeNull {
		return true
	}
	list, err := v.Array()
	if err != nil {
		return false
	}
	*out = make([]T, len(list))
	for i, e := range list {
		if one(e, &(*out)[i]) != nil {
			return false
		}
	}
	return true
}

// optInt64 reads a number into a new *int64 (null leaves it nil).
func optInt64(v *fastjson.Value, out **int64) bool {
	if v.Type() == fastjson.TypeNull {
		return true
	}
	*out = new(int64)
	return int64Of(v, *out)
}
