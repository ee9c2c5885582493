package audit

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"hoithi/contests"
)

var t0 = time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)

// chain builds n entries the way a store would append them.
func chain(t *testing.T, n int) []Entry {
	t.Helper()
	var out []Entry
	for i := range n {
		var prev *Entry
		if i > 0 {
			prev = &out[i-1]
		}
		e, err := Append(prev, Entry{
			At: t0.Add(time.Duration(i) * time.Minute), ActorID: fmt.Sprintf("judge-%d", i%2),
			Action: ActionScoreSubmitted, Subject: fmt.Sprintf("work:W%d", i),
			Data: json.RawMessage(fmt.Sprintf(`{"total": %d.5}`, 70+i)),
		})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

func TestVerifyFindsFirstBrokenEntry(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(t *testing.T, es []Entry) []Entry
		want   int // -1: intact
	}{
		{"intact", func(_ *testing.T, es []Entry) []Entry { return es }, -1},
		{"actor changed", func(_ *testing.T, es []Entry) []Entry { es[2].ActorID = "judge-9"; return es }, 2},
		{"time changed", func(_ *testing.T, es []Entry) []Entry { es[1].At = es[1].At.Add(time.Second); return es }, 1},
		{"action changed", func(_ *testing.T, es []Entry) []Entry { es[4].Action = ActionScoreChanged; return es }, 4},
		{"subject changed", func(_ *testing.T, es []Entry) []Entry { es[0].Subject = "work:W9"; return es }, 0},
		{"score in data changed", func(_ *testing.T, es []Entry) []Entry { es[3].Data = json.RawMessage(`{"total":99.5}`); return es }, 3},
		{"seq changed", func(_ *testing.T, es []Entry) []Entry { es[2].Seq = 7; return es }, 2},
		{"middle entry deleted", func(_ *testing.T, es []Entry) []Entry { return slices.Delete(es, 2, 3) }, 2},
		{"first entry deleted", func(_ *testing.T, es []Entry) []Entry { return es[1:] }, 0},
		{"two entries swapped", func(_ *testing.T, es []Entry) []Entry { es[1], es[2] = es[2], es[1]; return es }, 1},
		{"entry replayed", func(_ *testing.T, es []Entry) []Entry { return slices.Insert(es, 3, es[2]) }, 3},
		{"edited and re-hashed: the next link breaks", func(_ *testing.T, es []Entry) []Entry {
			es[2].Data = json.RawMessage(`{"total":99.5}`)
			es[2].Hash = HashOf(es[2])
			return es
		}, 3},
		{"whole tail rebuilt after an edit still starts where the edit is", func(t *testing.T, es []Entry) []Entry {
			// Without an anchor a rebuilt chain is self-consistent; this
			// case documents why the last hash must be kept elsewhere.
			es[3].Data = json.RawMessage(`{"total":99.5}`)
			for i := 3; i < len(es); i++ {
				es[i] = mustAppend(t, &es[i-1], es[i])
			}
			return es
		}, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			entries := tc.mutate(t, chain(t, 6))
			got, ok := Verify(entries)
			if got != tc.want || ok != (tc.want == -1) {
				t.Fatalf("Verify = (%d, %v), want (%d, %v)", got, ok, tc.want, tc.want == -1)
			}
		})
	}
}

func mustAppend(t *testing.T, prev *Entry, e Entry) Entry {
	t.Helper()
	out, err := Append(prev, e)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestVerifyAfterAnchor(t *testing.T) {
	es := chain(t, 6)
	published := es[5] // the last hash kept outside the log
	tests := []struct {
		name    string
		anchor  *Entry
		entries []Entry
		want    int
	}{
		{"page after a trusted entry", &es[1], es[2:], -1},
		{"page skipping an entry", &es[1], es[3:], 0},
		{"wrong anchor", &es[0], es[2:], 0},
		{"empty page", &es[5], nil, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, _ := VerifyAfter(tc.anchor, tc.entries); got != tc.want {
				t.Fatalf("VerifyAfter = %d, want %d", got, tc.want)
			}
		})
	}
	// A rebuilt chain no longer ends on the published hash.
	rebuilt := chain(t, 6)
	rebuilt[3].Data = json.RawMessage(`{"total":1}`)
	for i := 3; i < 6; i++ {
		rebuilt[i] = mustAppend(t, &rebuilt[i-1], rebuilt[i])
	}
	if rebuilt[5].Hash == published.Hash {
		t.Fatal("a rebuilt chain must not reproduce the published last hash")
	}
}

func TestAppendCanonicalizes(t *testing.T) {
	hanoi := time.FixedZone("ICT", 7*3600)
	at := time.Date(2025, 3, 14, 16, 30, 0, 123456789, hanoi)
	first := mustAppend(t, nil, Entry{At: at, ActorID: "u1", Action: ActionWorkViewed, Subject: "work:K7M-4QX-9TB",
		Data: json.RawMessage(" {\"b\": 1, \"a\": [1.50, \"<x>\", 12345678901234567890]}\n")})
	if first.Seq != 1 || first.PrevHash != "" {
		t.Fatalf("first entry: seq %d prev %q", first.Seq, first.PrevHash)
	}
	if want := time.Date(2025, 3, 14, 9, 30, 0, 123000000, time.UTC); !first.At.Equal(want) || first.At.Location() != time.UTC {
		t.Fatalf("At = %v, want %v in UTC", first.At, want)
	}
	if got, want := string(first.Data), `{"a":[1.50,"\u003cx\u003e",12345678901234567890],"b":1}`; got != want {
		t.Fatalf("Data = %s, want %s", got, want)
	}
	second := mustAppend(t, &first, Entry{At: at, ActorID: "u1", Action: ActionScoreSubmitted})
	if second.Seq != 2 || second.PrevHash != first.Hash || second.Data != nil {
		t.Fatalf("second entry: %+v", second)
	}

	// Through a JSON round trip (what an API export or a string column
	// does) the chain still verifies.
	blob, err := json.Marshal([]Entry{first, second})
	if err != nil {
		t.Fatal(err)
	}
	var back []Entry
	if err := json.Unmarshal(blob, &back); err != nil {
		t.Fatal(err)
	}
	if i, ok := Verify(back); !ok {
		t.Fatalf("round-tripped chain broken at %d", i)
	}
}

func TestAppendRejectsInvalidData(t *testing.T) {
	for _, data := range []string{`{"a":`, `{"a":1} {"b":2}`, `nope`} {
		_, err := Append(nil, Entry{At: t0, Data: json.RawMessage(data)})
		var ce *contests.Error
		if !errors.As(err, &ce) || ce.Code != contests.CodeInvalid || len(ce.Fields) != 1 || ce.Fields[0].Field != "data" {
			t.Errorf("Append(data %q) error = %v, want invalid field data", data, err)
		}
	}
}

// TestHashIsStable pins the encoding: logs written today must verify with
// any later version of this code.
func TestHashIsStable(t *testing.T) {
	e := Entry{Seq: 3, At: t0, ActorID: "judge-1", Action: ActionScoreSubmitted, Subject: "work:K7M-4QX-9TB",
		Data: json.RawMessage(`{"total":85.5}`), PrevHash: "ab"}
	// Computed independently (Python hashlib) from the documented encoding.
	const want = "b51c5735ac9cb0cfb9ee6d7922c5ea32a448b1f84307ea9e603f637c770a6306"
	if got := HashOf(e); got != want {
		t.Fatalf("HashOf = %s, want %s", got, want)
	}
	// Field boundaries matter: moving a character between fields changes it.
	shifted := e
	shifted.ActorID, shifted.Action = "judge-1s", "core.submitted"
	if HashOf(shifted) == HashOf(e) {
		t.Fatal("hash must separate fields")
	}
}
