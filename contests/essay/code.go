package essay

import (
	"encoding/binary"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"hoithi/contests"
)

// codeAlphabet is the digits 2–9 and the Latin capitals without I, L and O:
// 0/O and 1/I/L are the pairs people misread on a printed sheet or mishear
// on the phone. 31 symbols.
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

const (
	// CodeLength is the number of symbols of a work code (dashes aside):
	// 31^9 ≈ 2.6e13 codes, 44.6 bits, so a judge or an author cannot guess
	// another work's code, and a mistyped code almost never lands on a real
	// one (a national contest has under a million works), so no check
	// symbol is needed.
	CodeLength = 9
	// CodeRandomBytes is how many random bytes NewCode consumes.
	CodeRandomBytes = 8
	codeGroup       = 3
)

// NewCode turns random bytes (at least CodeRandomBytes, from crypto/rand in
// the server) into a work's anonymous code such as "K7M-4QX-9TB": the
// digital rọc phách, short enough to read aloud. The first 8 bytes are read
// as a number and written in base 31; 2^64 is not a multiple of 31^9, which
// favours some codes by less than one part in 700,000 — far too little to
// help anyone guess. Fewer bytes is a programming error and panics, because
// a short input would silently make codes guessable.
func NewCode(random []byte) string {
	if len(random) < CodeRandomBytes {
		panic("essay.NewCode: need at least 8 random bytes")
	}
	v := binary.BigEndian.Uint64(random)
	symbols := make([]byte, CodeLength)
	for i := range symbols {
		symbols[i] = codeAlphabet[v%uint64(len(codeAlphabet))]
		v /= uint64(len(codeAlphabet))
	}
	return formatCode(symbols)
}

// ParseCode normalizes a code as people type it — lower case, spaces or
// dots instead of dashes, no dashes at all, full-width characters from a
// phone keyboard — into the canonical "K7M-4QX-9TB". Errors name the field
// "code".
func ParseCode(input string) (string, error) {
	s := strings.ToUpper(norm.NFKC.String(input))
	symbols := make([]byte, 0, CodeLength)
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || strings.ContainsRune("-_.·–—", r):
			continue
		case strings.ContainsRune("0O1IL", r):
			return "", codeError(contests.T("Mã không có chữ O, I, L và số 0, 1; hãy kiểm tra lại ký tự %q", "Codes never contain the letters O, I, L or the digits 0, 1; check the character %q", r))
		case !strings.ContainsRune(codeAlphabet, r):
			return "", codeError(contests.T("Ký tự %q không có trong mã bài", "%q is not a code character", r))
		}
		if len(symbols) == CodeLength {
			return "", codeError(contests.T("Mã bài chỉ có %d ký tự, ví dụ K7M-4QX-9TB", "A code has only %d characters, e.g. K7M-4QX-9TB", CodeLength))
		}
		symbols = append(symbols, byte(r))
	}
	if len(symbols) != CodeLength {
		return "", codeError(contests.T("Mã bài gồm %d ký tự, ví dụ K7M-4QX-9TB", "A code has %d characters, e.g. K7M-4QX-9TB", CodeLength))
	}
	return formatCode(symbols), nil
}

func formatCode(symbols []byte) string {
	var b strings.Builder
	for i, c := range symbols {
		if i > 0 && i%codeGroup == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(c)
	}
	return b.String()
}

func codeError(msg contests.Msg) error {
	return contests.Invalid(contests.Field("code", msg))
}
