package sqlite

import (
	"encoding/json"
	"time"

	"hoithi/contests/audit"
	"hoithi/contests/essay"
)

// Essay records are stored whole as JSON, like the quiz ones (quiz_json.go):
// instants are cut to milliseconds in UTC when read.

func decodeWork(data []byte) (*essay.Work, error) {
	var w essay.Work
	if err := decodeJSON(data, &w); err != nil {
		return nil, err
	}
	toStoredTime(&w.SubmittedAt)
	toStoredTime(&w.UpdatedAt)
	return &w, nil
}

func decodeIdentity(data []byte) (*essay.Identity, error) {
	var id essay.Identity
	if err := decodeJSON(data, &id); err != nil {
		return nil, err
	}
	toStoredTime(&id.UpdatedAt)
	toStoredTime(&id.Author.BirthDate)
	for i := range id.Coauthors {
		toStoredTime(&id.Coauthors[i].BirthDate)
	}
	return &id, nil
}

func decodeEssayRound(data []byte) (*essay.Round, error) {
	var r essay.Round
	if err := decodeJSON(data, &r); err != nil {
		return nil, err
	}
	toStoredTime(&r.UpdatedAt)
	return &r, nil
}

func decodeSeat(data []byte) (essay.Seat, error) {
	var s essay.Seat
	err := decodeJSON(data, &s)
	toStoredTime(&s.AssignedAt)
	return s, err
}

func decodeScore(data []byte) (essay.Score, error) {
	var s essay.Score
	err := decodeJSON(data, &s)
	toStoredTime(&s.SubmittedAt)
	toStoredTime(&s.UpdatedAt)
	return s, err
}

// auditRecord is an audit.Entry as the data column holds it. Data is a JSON
// string rather than embedded JSON: encoding/json rewrites an embedded
// RawMessage (compacts it, escapes '&', '<', '>'), and the entry's hash
// covers Data's exact bytes. A string comes back byte for byte.
type auditRecord struct {
	Seq      uint64    `json:"seq"`
	At       time.Time `json:"at"`
	ActorID  string    `json:"actorId"`
	Action   string    `json:"action"`
	Subject  string    `json:"subject"`
	Data     string    `json:"data,omitempty"`
	PrevHash string    `json:"prevHash"`
	Hash     string    `json:"hash"`
}

func encodeAuditEntry(e audit.Entry) (string, error) {
	return encodeJSON(auditRecord{Seq: e.Seq, At: e.At, ActorID: e.ActorID, Action: e.Action, Subject: e.Subject,
		Data: string(e.Data), PrevHash: e.PrevHash, Hash: e.Hash})
}

func decodeAuditEntry(data []byte) (audit.Entry, error) {
	var r auditRecord
	if err := decodeJSON(data, &r); err != nil {
		return audit.Entry{}, err
	}
	e := audit.Entry{Seq: r.Seq, At: r.At, ActorID: r.ActorID, Action: r.Action, Subject: r.Subject,
		PrevHash: r.PrevHash, Hash: r.Hash}
	if r.Data != "" {
		e.Data = json.RawMessage(r.Data)
	}
	toStoredTime(&e.At)
	return e, nil
}
