package quiz

import (
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
	"slices"
	"time"

	"hoithi/contests"
)

// Disguise hides which authored option ("A", "B", …) a phone is looking at.
// A bank typed by a ward often puts most keys under one letter; were options
// sent under their authoring IDs, "always A" by script would win. So each
// attempt shows its options under random codes, different for the same
// question in two attempts, and the server maps them back before anything
// is stored: answers, keys, statistics and exports keep the authoring IDs.
//
// The codes are derived, never stored: from the same HMAC of the server's
// seed secret and the attempt ID that seeds the paper (AttemptSeed), so any
// instance re-derives them and the participation record does not grow.
type Disguise struct{ key [32]byte }

// disguiseLabel separates option codes from the paper seed drawn from the
// same HMAC; the version lets another code scheme coexist with old attempts.
const disguiseLabel = "hoithi/quiz/options/v1\x00"

// codeAlphabet avoids letters a person could read as another (i/l/o/u) and
// has 32 symbols, so a code carries 5 bits a character.
const codeAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"

// codeLen gives 30 bits a code: a repeat among a question's (at most 8)
// options is rare, and is drawn again.
const codeLen = 6

// attemptMAC is HMAC-SHA256(secret, seedLabel ‖ attempt ID): its first 8
// bytes are the paper's seed, all of it keys the disguise.
func attemptMAC(secret []byte, attemptID string) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(seedLabel))
	m.Write([]byte(attemptID))
	return m.Sum(nil)
}

// DisguiseOf returns the disguise of an attempt. Candidates never see the
// secret or the MAC (the paper seed is 8 of its bytes and is never sent),
// and the key is a one-way hash of it, so codes reveal nothing about
// authoring IDs, within an attempt or across attempts.
func DisguiseOf(secret []byte, attemptID string) Disguise {
	h := sha256.New()
	h.Write([]byte(disguiseLabel))
	h.Write(attemptMAC(secret, attemptID))
	var d Disguise
	h.Sum(d.key[:0])
	return d
}

// Codes returns the codes of an item's options, in the item's option order
// (the order shown). The same disguise and item always give the same codes,
// all different from one another. Each code takes codeLen bytes of
// SHA-256(key ‖ question ID ‖ block number), one character from each
// byte's low 5 bits; a repeat draws the next code. About half a
// microsecond for four options: it runs on every answer save.
func (d Disguise) Codes(it Item) []string {
	out := make([]string, len(it.OptionOrder))
	var block [sha256.Size]byte
	used, n := len(block), byte(0)
	var buf [codeLen]byte
	for i := range out {
		for {
			if used+codeLen > len(block) {
				h := sha256.New()
				h.Write(d.key[:])
				h.Write([]byte(it.QuestionID))
				h.Write([]byte{0, n})
				h.Sum(block[:0])
				used, n = 0, n+1
			}
			for k := range buf {
				buf[k] = codeAlphabet[block[used+k]&31]
			}
			used += codeLen
			if c := string(buf[:]); !slices.Contains(out[:i], c) {
				out[i] = c
				break
			}
		}
	}
	return out
}

// Show maps authoring option IDs of an item to their codes (saved answers,
// and the key on the review screen once results are published). An ID that
// is not an option of the item is dropped.
func (d Disguise) Show(it Item, ids []string) []string {
	if len(ids) == 0 {
		return ids
	}
	codes := d.Codes(it)
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if k := slices.Index(it.OptionOrder, id); k >= 0 {
			out = append(out, codes[k])
		}
	}
	return out
}

// Unmask maps codes a phone sent for an item back to authoring option IDs.
// A code that is not one of this attempt's is CodeInvalid naming
// "options[i]" — above all an authoring letter sent as is, which must never
// count as that letter.
func (d Disguise) Unmask(it Item, codes []string) ([]string, error) {
	if len(codes) == 0 {
		return codes, nil
	}
	shown := d.Codes(it)
	out := make([]string, len(codes))
	var es contests.Errors
	for i, c := range codes {
		k := slices.Index(shown, c)
		if k < 0 {
			es.Add(fmt.Sprintf("options[%d]", i), contests.T("Phương án %q không thuộc câu hỏi này", "Option %q does not belong to this question", c))
			continue
		}
		out[i] = it.OptionOrder[k]
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// SaveShownAnswer is SaveAnswer for options as the phone names them: codes
// of the attempt's disguise, mapped back before the usual checks. The
// disguise is made once per call by disguise(attemptID).
func (p *Participation) SaveShownAnswer(disguise func(attemptID string) Disguise, no int, questionID string, codes []string, seq int64, now time.Time) (bool, error) {
	a, err := p.open(no, now)
	if err != nil {
		return false, err
	}
	it, ok := a.Paper.Item(questionID)
	if !ok {
		return false, CheckAnswer(a.Paper, questionID, nil)
	}
	ids, err := disguise(a.ID).Unmask(it, codes)
	if err != nil {
		return false, err
	}
	return p.SaveAnswer(no, questionID, ids, seq, now)
}
