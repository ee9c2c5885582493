package excel

import (
	"strings"
	"unicode"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// multiline returns the text of spec i among a row's cells like text does,
// but keeping line breaks: a question or an option may be laid out on
// several lines (Alt+Enter), and that layout is part of the question.
func (l *columnLayout) multiline(cells []string, i int) string {
	c := l.index[i]
	if c < 0 || c >= len(cells) {
		return ""
	}
	return cleanLines(cells[c])
}

// cleanLines is cleanText line by line: NFC, each line trimmed with its
// inner runs of white space made one space, blank lines at both ends
// dropped, the line breaks in between kept.
func cleanLines(s string) string {
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(contests.NFC(s))
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = strings.Join(strings.Fields(line), " ")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// answerConnectors are words people put between answer letters ("B và D").
var answerConnectors = map[string]bool{"va": true, "and": true}

// parseAnswerLetters reads the answer column into option indices in option
// order, without repeats: "B", " b ", "B, D", "B;D", "B/D", "B và D" and
// "BD" all work. Letters run together ("BD") are accepted only when they
// are the whole cell, so a sentence such as "Cả A và B" is refused rather
// than read as C, A and B. ok is false when anything else is in the cell.
func parseAnswerLetters(s string) (indices []int, ok bool) {
	var tokens []string
	for _, t := range strings.FieldsFunc(contests.Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if !answerConnectors[t] {
			tokens = append(tokens, t)
		}
	}
	if len(tokens) == 0 {
		return nil, false
	}
	var marked [quiz.MaxOptions]bool
	for _, t := range tokens {
		if len(tokens) > 1 && len(t) > 1 {
			return nil, false
		}
		for _, r := range t {
			i := int(r - 'a')
			if i < 0 || i >= quiz.MaxOptions {
				return nil, false
			}
			marked[i] = true
		}
	}
	for i, m := range marked {
		if m {
			indices = append(indices, i)
		}
	}
	return indices, true
}

// parseFlag reads a yes/no cell: "x", "có", "yes", "1" … are yes; blank,
// "không", "no", "0" … are no. ok is false for anything else, rather than
// guessing what "?" means.
func parseFlag(s string) (value, ok bool) {
	switch contests.Fold(s) {
	case "x", "co", "yes", "y", "1", "true", "dung", "giu":
		return true, true
	case "", "khong", "no", "n", "0", "false", "sai":
		return false, true
	}
	return false, false
}
