// Package audit is the tamper-evident log of essay judging
// (docs/architecture.md, "Audit log"): every view of a work by a judge, every score, change, recusal and
// decision is an Entry whose Hash covers its content and the previous
// entry's Hash. Editing, deleting or reordering any entry breaks the chain
// from that point, and Verify says where.
//
// A chain proves order and integrity, not completeness at the tail: whoever
// can write the log can drop its newest entries. Publish or copy the last
// Hash elsewhere (a signed export, the round's result sheet) and verify the
// rest against it with VerifyAfter.
//
// Pure code: the caller supplies the time; the store serializes appends
// (a unique index on (chain, Seq) rejects a fork).
package audit

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"hoithi/contests"
)

// Actions of essay judging. Action is free text; these keep the log's
// vocabulary consistent across handlers.
const (
	ActionWorkViewed     = "work.viewed"
	ActionScoreSubmitted = "score.submitted"
	ActionScoreChanged   = "score.changed"
	ActionJudgeRecused   = "judge.recused"
	ActionJudgeAssigned  = "judge.assigned"
	ActionDecision       = "decision" // head judge or jury decision
	ActionWorkForwarded  = "work.forwarded"
)

// Entry is one line of the log.
type Entry struct {
	Seq     uint64    `json:"seq"` // 1 for the first entry of a chain
	At      time.Time `json:"at"`
	ActorID string    `json:"actorId"`
	Action  string    `json:"action"`
	Subject string    `json:"subject"` // what was acted on, e.g. "work:K7M-4QX-9TB"
	// Data is the event's details as canonical JSON (see Append); store it
	// byte for byte (a string or blob column), not as a parsed document,
	// so a database's re-encoding cannot change it.
	Data     json.RawMessage `json:"data,omitempty"`
	PrevHash string          `json:"prevHash"` // "" for the first entry
	Hash     string          `json:"hash"`     // lower-case hex SHA-256
}

// Append returns e chained after prev (nil for the first entry): Seq and
// PrevHash set, At truncated to the millisecond in UTC (the precision
// MongoDB keeps, so a stored entry still verifies), Data rewritten as
// canonical JSON (keys sorted, no insignificant space, numbers as written,
// HTML characters escaped as encoding/json does),
// and Hash computed. Invalid JSON in Data → CodeInvalid, field "data".
func Append(prev *Entry, e Entry) (Entry, error) {
	e.Seq, e.PrevHash = 1, ""
	if prev != nil {
		e.Seq, e.PrevHash = prev.Seq+1, prev.Hash
	}
	e.At = e.At.UTC().Truncate(time.Millisecond)
	data, err := canonicalJSON(e.Data)
	if err != nil {
		return Entry{}, contests.Invalid(contests.Field("data", contests.T("Dữ liệu nhật ký không phải JSON hợp lệ", "Audit data is not valid JSON")))
	}
	e.Data = data
	e.Hash = HashOf(e)
	return e, nil
}

// HashOf computes an entry's hash. The encoding is canonical and
// unambiguous: a version tag, then each field as an 8-byte big-endian
// length and its bytes — Seq in decimal, At in UTC RFC 3339 with
// nanoseconds, ActorID, Action, Subject, Data as stored, PrevHash — so no
// two different entries share an encoding.
func HashOf(e Entry) string {
	h := sha256.New()
	h.Write([]byte("hoithi-audit-v1"))
	fields := [][]byte{
		[]byte(strconv.FormatUint(e.Seq, 10)),
		[]byte(e.At.UTC().Format(time.RFC3339Nano)),
		[]byte(e.ActorID),
		[]byte(e.Action),
		[]byte(e.Subject),
		e.Data,
		[]byte(e.PrevHash),
	}
	var size [8]byte
	for _, f := range fields {
		binary.BigEndian.PutUint64(size[:], uint64(len(f)))
		h.Write(size[:])
		h.Write(f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Verify checks a whole chain from its first entry. It returns (-1, true)
// when intact, else the index of the first entry that does not verify:
// a changed field (its hash no longer matches), a missing entry (the next
// one's Seq and PrevHash do not follow), entries out of order, or an entry
// edited and re-hashed (the one after it no longer links to it).
func Verify(entries []Entry) (firstBroken int, ok bool) {
	return VerifyAfter(nil, entries)
}

// VerifyAfter checks entries as the continuation of anchor, an entry
// trusted from elsewhere (nil: entries start the chain). It lets a long log
// be verified page by page, and the tail be checked against a published
// hash.
func VerifyAfter(anchor *Entry, entries []Entry) (firstBroken int, ok bool) {
	wantSeq, wantPrev := uint64(1), ""
	if anchor != nil {
		wantSeq, wantPrev = anchor.Seq+1, anchor.Hash
	}
	for i, e := range entries {
		if e.Seq != wantSeq || e.PrevHash != wantPrev || e.Hash != HashOf(e) {
			return i, false
		}
		wantSeq, wantPrev = e.Seq+1, e.Hash
	}
	return -1, true
}

// canonicalJSON re-encodes JSON with object keys sorted and no
// insignificant white space; numbers keep their literal form so nothing is
// rounded. Empty input stays empty.
func canonicalJSON(raw json.RawMessage) (json.RawMessage, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, nil
	}
	if !json.Valid(raw) { // also rejects trailing data after the value
		return nil, errors.New("audit: data is not one JSON value")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	// HTML stays escaped ("<" as \u003c), as json.Marshal writes it: an
	// Entry marshalled for export then re-read must keep the same bytes.
	if err := json.NewEncoder(&out).Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(out.Bytes(), "\n"), nil
}
