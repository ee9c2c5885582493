package essay

import (
	"fmt"
	"strings"

	"hoithi/contests"
)

// TextWarnings lists what screening should look at in a work's text
// beyond what submission refuses outright (names, phones, e-mails:
// Identity.Identifying): the names of the units the author belongs to
// below the contest's own unit (units, such as "Khu phố 1", that narrow
// the author down; the contest's unit is everyone's), the workplace typed
// on the identity sheet, and the author's birth date or "sinh năm" + birth
// year. A warning, not a refusal: the secretariat decides.
func TextWarnings(text string, id *Identity, unitNames []string) []string {
	folded := contests.Fold(text)
	var out []string
	seen := map[string]bool{}
	warn := func(value, what string) {
		needle := contests.Fold(value)
		if needle == "" || seen[needle] || !containsPhrase(folded, needle) {
			return
		}
		seen[needle] = true
		out = append(out, fmt.Sprintf("%s %q xuất hiện trong nội dung bài", what, contests.NFC(value)))
	}
	for _, u := range unitNames {
		warn(u, "Tên đơn vị của tác giả")
	}
	for _, p := range append([]Person{id.Author}, id.Coauthors...) {
		if strings.Contains(strings.TrimSpace(p.UnitName), " ") {
			warn(p.UnitName, "Đơn vị công tác của tác giả")
		}
		if !p.BirthDate.IsZero() {
			warn(p.BirthDate.Format("02/01/2006"), "Ngày sinh của tác giả")
			warn(fmt.Sprintf("sinh năm %d", p.BirthDate.Year()), "Năm sinh của tác giả")
		}
	}
	return out
}

// containsPhrase reports whether needle occurs in folded as whole words.
func containsPhrase(folded, needle string) bool {
	for from := 0; ; {
		i := strings.Index(folded[from:], needle)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(needle)
		if !wordRuneBefore(folded, start) && !wordRuneAfter(folded, end) {
			return true
		}
		from = start + 1
	}
}
