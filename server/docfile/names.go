package docfile

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"hoithi/contests"
)

// place is somewhere an identifying string may hide.
type place struct {
	value string
	where string
	// nameField: the value is itself a name (a document property), so a
	// one-word name that is the whole value means something; in free text
	// a one-word name like "An" or "Hà" is an ordinary word and is not
	// looked for.
	nameField bool
}

// NamesIn lists, as Vietnamese warnings for screening, which of names (the
// authors' full names and pen names, their phone numbers, e-mails, unit
// names) appear in the text, the document's margins or its properties.
// Comparison ignores case and diacritics (contests.Fold) and matches whole
// words only. Values of two words or more, or holding a digit or "@", are
// looked for everywhere; a one-word value (a pen name) only as the whole
// of a property. Nil when nothing is found.
func NamesIn(text string, meta Meta, names []string) []string {
	places := []place{
		{value: text, where: "nội dung bài"},
		{value: meta.HeaderFooter, where: "đầu trang, chân trang, chú thích hoặc nhận xét"},
		{value: meta.Title, where: "thuộc tính tài liệu (Title)"},
		{value: meta.Creator, where: "thuộc tính tài liệu (Creator)", nameField: true},
		{value: meta.LastModifiedBy, where: "thuộc tính tài liệu (LastModifiedBy)", nameField: true},
		{value: meta.Company, where: "thuộc tính tài liệu (Company)", nameField: true},
	}
	for _, v := range meta.Properties {
		places = append(places, place{value: v, where: "thuộc tính của tệp (tác giả, tiêu đề…; đã được xóa khỏi bản gửi giám khảo)", nameField: true})
	}
	for _, a := range meta.ReviewAuthors {
		places = append(places, place{value: a, where: "tên người sửa hoặc nhận xét trong tài liệu", nameField: true})
	}
	folded := make([]string, len(places))
	for i, p := range places {
		folded[i] = contests.Fold(p.value)
	}
	var warnings []string
	seen := map[string]bool{}
	for _, name := range names {
		needle := contests.Fold(name)
		if needle == "" {
			continue
		}
		for i, p := range places {
			found := containsWord(folded[i], needle)
			if !distinctive(needle) {
				found = p.nameField && folded[i] == needle
			}
			if !found {
				continue
			}
			// Two spellings of one name, or two review authors matching
			// it, make one warning.
			if key := needle + "\x00" + p.where; !seen[key] {
				seen[key] = true
				warnings = append(warnings, warning(contests.NFC(name), p.where))
			}
		}
	}
	return warnings
}

func warning(name, where string) string {
	what := "Tên tác giả"
	if strings.ContainsAny(name, "@0123456789") {
		what = "Thông tin liên hệ của tác giả"
	}
	return fmt.Sprintf("%s %q xuất hiện trong %s", what, name, where)
}

// distinctive: a folded value worth looking for in free text.
func distinctive(folded string) bool {
	return strings.Contains(folded, " ") || strings.ContainsAny(folded, "@0123456789")
}

// containsWord reports whether needle occurs in haystack with no letter
// or digit right before or after it.
func containsWord(haystack, needle string) bool {
	for from := 0; from < len(haystack); {
		i := strings.Index(haystack[from:], needle)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(needle)
		before, _ := utf8.DecodeLastRuneInString(haystack[:start])
		after, _ := utf8.DecodeRuneInString(haystack[end:])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		_, size := utf8.DecodeRuneInString(haystack[start:])
		from = start + size
	}
	return false
}

// isWordRune: RuneError stands for "no rune" at either end of the string.
func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsNumber(r))
}
