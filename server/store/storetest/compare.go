package storetest

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"
)

var timeType = reflect.TypeFor[time.Time]()

// sameStored fails t when got is not want as every engine must return it:
// equal field by field, instants cut to milliseconds and in UTC, an empty
// list or map equal to a missing one (JSON drops empties, BSON keeps them;
// no caller can tell). The message names the first differing field, e.g.
// "Participation.Attempts[1].Answers[q7].Seq", so a failing engine knows
// what it dropped.
func sameStored(t *testing.T, what string, got, want any) {
	t.Helper()
	if d := firstDiff(what, reflect.ValueOf(got), reflect.ValueOf(want)); d != "" {
		t.Errorf("%s", d)
	}
}

// firstDiff walks got and want together and describes the first place they
// differ, "" when they match under sameStored's rules.
func firstDiff(path string, got, want reflect.Value) string {
	if got.IsValid() != want.IsValid() {
		return fmt.Sprintf("%s: got %v, want %v", path, got, want)
	}
	if !got.IsValid() {
		return ""
	}
	if got.Type() == timeType {
		return timeDiff(path, got.Interface().(time.Time), want.Interface().(time.Time))
	}
	switch got.Kind() {
	case reflect.Pointer, reflect.Interface:
		if got.IsNil() || want.IsNil() {
			if got.IsNil() != want.IsNil() {
				return fmt.Sprintf("%s: got %s, want %s", path, describeNil(got), describeNil(want))
			}
			return ""
		}
		return firstDiff(path, got.Elem(), want.Elem())
	case reflect.Struct:
		for i := range got.NumField() {
			f := got.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			if d := firstDiff(path+"."+f.Name, got.Field(i), want.Field(i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice, reflect.Array:
		if got.Len() != want.Len() {
			return fmt.Sprintf("%s: got %d elements, want %d", path, got.Len(), want.Len())
		}
		for i := range got.Len() {
			if d := firstDiff(fmt.Sprintf("%s[%d]", path, i), got.Index(i), want.Index(i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Map:
		return mapDiff(path, got, want)
	}
	if !got.Equal(want) {
		return fmt.Sprintf("%s: got %#v, want %#v", path, got, want)
	}
	return ""
}

func mapDiff(path string, got, want reflect.Value) string {
	keys := want.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
	for _, k := range keys {
		g := got.MapIndex(k)
		if !g.IsValid() {
			return fmt.Sprintf("%s[%v]: missing", path, k)
		}
		if d := firstDiff(fmt.Sprintf("%s[%v]", path, k), g, want.MapIndex(k)); d != "" {
			return d
		}
	}
	if got.Len() != want.Len() {
		return fmt.Sprintf("%s: got %d keys, want %d", path, got.Len(), want.Len())
	}
	return ""
}

func timeDiff(path string, got, want time.Time) string {
	if want.IsZero() {
		if !got.IsZero() {
			return fmt.Sprintf("%s: got %v, want the zero time", path, got)
		}
		return ""
	}
	if w := want.Truncate(time.Millisecond); !got.Equal(w) {
		return fmt.Sprintf("%s: got %v, want %v (milliseconds kept, the rest dropped)", path, got, w.UTC())
	}
	if got.Location() != time.UTC {
		return fmt.Sprintf("%s: got %v, want it in UTC", path, got)
	}
	return ""
}

func describeNil(v reflect.Value) string {
	if v.IsNil() {
		return "nil"
	}
	return fmt.Sprintf("%v", v.Elem())
}
