package essay

import "unicode"

// CountWords counts the words of a text the way organizers check length in
// a word processor: tokens separated by white space (any Unicode space,
// non-breaking ones included) that hold at least one letter or digit.
// Vietnamese is written in syllables separated by spaces, so "Hồ Chí Minh"
// is 3 words, as Microsoft Word counts it; "kinh-tế" and "10.000" are one
// word each; a dash or bullet standing alone is not a word. Text in either
// Unicode normal form counts the same (combining marks are neither spaces
// nor needed to make a token a word).
func CountWords(text string) int {
	words := 0
	inWord := false
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			if inWord {
				words++
			}
			inWord = false
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			inWord = true
		}
	}
	if inWord {
		words++
	}
	return words
}
