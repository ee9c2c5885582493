package contests

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// MaxCombiningMarks is how many combining marks may follow one letter.
// Vietnamese in normal form C needs none (every letter with its tone is one
// character) and no script people write here needs more than three; a pile
// of them ("Z̷̢̛a̸l̵g̶o̴") draws over the lines above and below a name.
const MaxCombiningMarks = 3

// NFC returns text as it is stored and shown: in Unicode normal form C
// (text pasted from Word or typed on a Mac arrives decomposed, and two
// spellings of one name must be one name), without bidirectional controls
// (which reorder what follows them: a name could make the rest of a
// standings line or an export cell read backwards) and zero-width
// characters (which make two names look alike yet differ), with at most
// MaxCombiningMarks marks on a letter, and surrounding space trimmed.
// Control characters are not removed here: validators refuse them with
// HasControl, so nobody's text changes silently beyond the invisible.
func NFC(s string) string {
	if !needsCleaning(s) {
		return strings.TrimSpace(norm.NFC.String(s))
	}
	s = strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s)
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	marks := 0
	for _, r := range s {
		if unicode.In(r, unicode.Mn, unicode.Me) {
			if marks++; marks > MaxCombiningMarks {
				continue
			}
		} else {
			marks = 0
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(norm.NFC.String(b.String()))
}

// needsCleaning is the fast path's test: plain text (ASCII, Vietnamese
// letters) has no invisible characters and no combining marks at all.
func needsCleaning(s string) bool {
	for _, r := range s {
		if r >= 0x300 && (invisible(r) || unicode.In(r, unicode.Mn, unicode.Me)) {
			return true
		}
	}
	return false
}

// invisible reports the characters NFC removes: the bidirectional marks,
// embeddings, overrides and isolates, and the zero-width space, joiners,
// word joiner and byte-order mark.
func invisible(r rune) bool {
	switch {
	case r == 0x061C, r == 0x200E, r == 0x200F: // Arabic letter mark, LRM, RLM
		return true
	case r >= 0x202A && r <= 0x202E: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	case r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF: // ZWSP, ZWNJ, ZWJ, WJ, BOM
		return true
	}
	return false
}

// HasControl reports whether s holds a control character (C0, DEL, C1);
// multiline text may hold line breaks and tabs.
func HasControl(s string, multiline bool) bool {
	for _, r := range s {
		if unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\r' || r == '\t')) {
			return true
		}
	}
	return false
}

// ControlCharacters is the field error for text refused by HasControl.
var ControlCharacters = T("Có ký tự điều khiển không hợp lệ (thường do dán từ phần mềm khác); hãy gõ lại",
	"Contains control characters (often pasted from another program); please retype it")
