package similarity

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// token is one word of a text: where it sits in the original bytes and the
// hash of its canonical spelling.
type token struct {
	start, end int // byte offsets into the original text, end exclusive
	key        uint64
}

// runeClass says how the tokenizer treats a rune.
type runeClass uint8

const (
	classSeparator runeClass = iota // ends a word: space, punctuation, symbols
	classLetter                     // starts or continues a word
	classMark                       // combining mark: continues a word, never starts one
	classInvisible                  // format character: skipped without ending the word
)

// runeInfo is the canonical form of one rune, split three ways (after NFD
// decomposition and lower-casing):
//   - keep: the base letters, hashed in order;
//   - marks: the other combining marks (circumflex, breve, horn...), summed
//     so their order on one letter does not matter — the canonical reordering
//     of NFD without sorting anything;
//   - tones: the Vietnamese tone marks, summed over the whole word, so old
//     and new placement ("hoà" / "hòa", "thuỷ" / "thủy"), which keyboards and
//     Word produce interchangeably, give the same word.
type runeInfo struct {
	class runeClass
	keep  string
	marks uint64
	tones uint64
}

// Vietnamese tone marks in NFD: grave, acute, tilde, hook above, dot below.
var toneMarks = map[rune]bool{0x0300: true, 0x0301: true, 0x0303: true, 0x0309: true, 0x0323: true}

// markValue gives each combining mark a random-looking 64-bit value, so sums
// of different mark sets do not collide in practice. Tones get a different
// value from the same mark used on a letter, as they are summed apart.
func markValue(r rune, tone bool) uint64 {
	if tone {
		return mix64(uint64(r) | 1<<40)
	}
	return mix64(uint64(r))
}

// homoglyphs are Cyrillic and Greek letters drawn like Latin ones. Swapping
// them into a copied essay is a known trick to dodge checkers; Vietnamese
// essays have no business using them, so folding them costs nothing.
var homoglyphs = map[rune]rune{
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x',
	'і': 'i', 'ј': 'j', 'ѕ': 's', 'һ': 'h', 'ԁ': 'd', 'ο': 'o', 'α': 'a',
	'ν': 'v', 'ι': 'i', 'κ': 'k', 'τ': 't',
}

// tableSize covers Latin, Latin Extended, Greek, Cyrillic and the Latin
// Extended Additional block where every precomposed Vietnamese letter lives,
// so the hot loop never calls into the normalization tables for them.
const tableSize = 0x2000

var runeTable = sync.OnceValue(func() []runeInfo {
	table := make([]runeInfo, tableSize)
	for r := rune(0); r < tableSize; r++ {
		table[r] = describe(r)
	}
	return table
})

// describe computes the canonical form of r from first principles; the table
// caches it for the common runes.
func describe(r rune) runeInfo {
	switch {
	// The combining grapheme joiner is what normalizers insert to cut
	// absurdly long mark sequences: invisible, and not part of the text.
	case unicode.Is(unicode.Cf, r) || r == 0x034F:
		return runeInfo{class: classInvisible}
	case unicode.IsLetter(r) || unicode.IsNumber(r):
		return decompose(r, classLetter)
	case unicode.Is(unicode.M, r):
		return decompose(r, classMark)
	}
	return runeInfo{class: classSeparator}
}

func decompose(r rune, class runeClass) runeInfo {
	info := runeInfo{class: class}
	var keep []byte
	for _, c := range norm.NFD.String(string(r)) {
		switch {
		case toneMarks[c]:
			info.tones += markValue(c, true)
		case norm.NFD.PropertiesString(string(c)).CCC() != 0:
			info.marks += markValue(c, false)
		default:
			c = unicode.ToLower(c)
			if latin, ok := homoglyphs[c]; ok {
				c = latin
			}
			keep = utf8.AppendRune(keep, c)
		}
	}
	info.keep = string(keep)
	return info
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// tokenize appends the words of text to dst. A word is a run of letters and
// digits (with their combining marks); everything else separates words.
// Invisible format characters (soft hyphen, zero-width space) are skipped
// inside a word so inserting them does not hide a copy. Invalid UTF-8 bytes
// separate words.
//
// Normalization choice: case, NFC/NFD, tone placement, invisible characters
// and look-alike letters are folded; diacritics are kept. Folding them
// (contests.Fold) would merge up to six different Vietnamese words ("ma",
// "má", "mà", "mả", "mã", "mạ") into one, making unrelated essays share far
// more shingles, while a copier gains nothing by stripping accents: an essay
// without them is unreadable and would fail screening anyway.
func tokenize(text string, dst []token) []token {
	table := runeTable()
	inWord := false
	var hash, marks, tones uint64
	var start int
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf { // ASCII fast path: most of any Vietnamese text
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				if inWord {
					dst = append(dst, token{start: start, end: i, key: wordKey(hash, marks, tones)})
					inWord = false
				}
				i++
				continue
			}
			if !inWord {
				inWord, hash, marks, tones, start = true, fnvOffset, 0, 0, i
			} else if marks != 0 {
				hash, marks = (hash^marks)*fnvPrime, 0
			}
			hash = (hash ^ uint64(c)) * fnvPrime
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		var info runeInfo
		switch {
		case r == utf8.RuneError && size == 1:
			info.class = classSeparator
		case r < tableSize:
			info = table[r]
		default:
			info = describe(r)
		}
		switch info.class {
		case classSeparator:
			if inWord {
				dst = append(dst, token{start: start, end: i, key: wordKey(hash, marks, tones)})
				inWord = false
			}
			i += size
			continue
		case classInvisible:
			i += size
			continue
		case classMark:
			if !inWord { // a stray mark after a space belongs to no word
				i += size
				continue
			}
		case classLetter:
			if !inWord {
				inWord, hash, marks, tones, start = true, fnvOffset, 0, 0, i
			}
		}
		if info.keep != "" { // a new base letter: the marks of the last one are complete
			if marks != 0 {
				hash, marks = (hash^marks)*fnvPrime, 0
			}
			for j := 0; j < len(info.keep); j++ {
				hash = (hash ^ uint64(info.keep[j])) * fnvPrime
			}
		}
		marks += info.marks
		tones += info.tones
		i += size
	}
	if inWord {
		dst = append(dst, token{start: start, end: len(text), key: wordKey(hash, marks, tones)})
	}
	return dst
}

// wordKey finishes a word's hash with the marks of its last letter and its
// tones.
func wordKey(hash, marks, tones uint64) uint64 {
	if marks != 0 {
		hash = (hash ^ marks) * fnvPrime
	}
	if tones != 0 {
		hash = (hash ^ tones) * fnvPrime
	}
	return hash
}
