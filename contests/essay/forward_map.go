package essay

import (
	"crypto/sha256"
	"encoding/base32"
	"slices"

	"hoithi/contests"
)

// MapCategories decides which destination category each forwarded
// category goes to: the organizer's explicit choice first (it must exist
// at the destination), else the same key, else the same name (compared
// folded: without diacritics or case). A category with no match is refused, never
// guessed: the field "categoryMap.<key>" asks the organizer to choose.
func MapCategories(from, to []Category, explicit map[CategoryKey]CategoryKey, needed []CategoryKey) (map[CategoryKey]CategoryKey, error) {
	out := map[CategoryKey]CategoryKey{}
	seen := map[CategoryKey]bool{}
	var es contests.Errors
	for _, key := range needed {
		if seen[key] {
			continue
		}
		seen[key] = true
		field := "categoryMap." + string(key)
		if dst, ok := explicit[key]; ok {
			if _, found := FindCategory(to, dst); !found {
				es.Add(field, contests.T("Cuộc thi cấp trên không có thể loại đã chọn", "The destination contest has no such category"))
				continue
			}
			out[key] = dst
			continue
		}
		if _, found := FindCategory(to, key); found {
			out[key] = key
			continue
		}
		src, _ := FindCategory(from, key)
		i := slices.IndexFunc(to, func(c Category) bool {
			return src.Name != "" && contests.Fold(c.Name) == contests.Fold(src.Name)
		})
		if i < 0 {
			es.Add(field, contests.T("Chọn thể loại tương ứng ở cuộc thi cấp trên cho thể loại %q", "Choose the destination category for %q", src.Name))
			continue
		}
		out[key] = to[i].Key
	}
	return out, es.Err()
}

var forwardIDEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// ForwardedWorkID is the ID of the entry a work becomes when forwarded to
// a contest: derived from both, so forwarding the same work twice finds
// the first copy (and the store's unique ID refuses a second) on every
// engine and every instance. 16 lower-case characters, like store IDs.
func ForwardedWorkID(originWorkID, toContestID string) string {
	sum := sha256.Sum256([]byte("forward\x00" + originWorkID + "\x00" + toContestID))
	return forwardIDEncoding.EncodeToString(sum[:10])
}
