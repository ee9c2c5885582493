package quiz

import (
	"cmp"
	"hash/maphash"
	"slices"
	"strings"
	"time"

	"hoithi/contests"
)

// samePerson flags accounts that look like one person: the same name and
// birth date, or a phone number one digit away from another account's with
// the same birth date or the same name (a relative's or a mistyped number;
// the same CCCD cannot register twice).
//
// Nobody is compared with everyone: accounts are grouped by exact keys
// (sameKeyRuns), once by name and birth date, then once per position of
// the phone number by birth date (or name) and the phone with that
// position masked. Two phones one digit apart agree everywhere but at one
// position, so they meet in exactly one of those groups; the work is
// n log n per position instead of n² per group.
func samePerson(people []Account) samePeople {
	var x peopleIndex
	for _, p := range people {
		x.add(p)
	}
	return x.same()
}

// peopleIndex collects the accounts the same-person rule compares, as they
// are read (a national round's half a million are never all held as
// Accounts).
type peopleIndex struct {
	ps      []person
	longest int
	// Folding a name costs kilobytes of garbage and names repeat a lot;
	// birth dates repeat too. Both caches are bounded: they only save work.
	folded map[string]string
	births map[time.Time]string
}

// peopleCacheMax bounds each cache of peopleIndex.
const peopleCacheMax = 1 << 16

func (x *peopleIndex) add(p Account) {
	if x.folded == nil {
		x.folded, x.births = map[string]string{}, map[time.Time]string{}
	}
	name, ok := x.folded[p.FullName]
	if !ok {
		name = contests.Fold(p.FullName)
		if len(x.folded) < peopleCacheMax {
			x.folded[p.FullName] = name
		}
	}
	pp := person{id: p.UserID, name: name, phone: p.Phone}
	if !p.BirthDate.IsZero() {
		if pp.birth, ok = x.births[p.BirthDate]; !ok {
			pp.birth = p.BirthDate.Format("2006-01-02")
			if len(x.births) < peopleCacheMax {
				x.births[p.BirthDate] = pp.birth
			}
		}
	}
	x.longest = max(x.longest, len(p.Phone))
	x.ps = append(x.ps, pp)
}

// same finds who looks like whom among the accounts added (see samePerson).
func (x *peopleIndex) same() samePeople {
	ps, longest := x.ps, x.longest
	x.ps, x.folded, x.births = nil, nil, nil
	found := newSamePersonFound(len(ps))
	seed := maphash.MakeSeed()
	sameKeyRuns(ps, seed, func(h *maphash.Hash, p *person) bool {
		if p.name == "" || p.birth == "" {
			return false
		}
		h.WriteString(p.name)
		h.WriteByte(0)
		h.WriteString(p.birth)
		return true
	}, func(a, b *person) bool { return a.name == b.name && a.birth == b.birth }, func(run []int32) {
		found.group(ps, run, reasonNameBirth)
	})
	for pos := range longest {
		// Within a run the phones agree but at pos: each two with
		// different phones are one digit apart (phone numbers are unique
		// to an account, so a run holds at most ten).
		sameKeyRuns(ps, seed, maskedPhoneKey(pos, func(p *person) string { return p.birth }), func(a, b *person) bool {
			return a.birth == b.birth && len(a.phone) == len(b.phone) && a.phone[:pos] == b.phone[:pos] && a.phone[pos+1:] == b.phone[pos+1:]
		}, func(run []int32) { found.pairs(ps, run, reasonBirthPhone) })
		sameKeyRuns(ps, seed, maskedPhoneKey(pos, func(p *person) string { return p.name }), func(a, b *person) bool {
			return a.name == b.name && len(a.phone) == len(b.phone) && a.phone[:pos] == b.phone[:pos] && a.phone[pos+1:] == b.phone[pos+1:]
		}, func(run []int32) { found.pairs(ps, run, reasonNamePhone) })
	}
	ids := make([]string, len(ps))
	for i := range ps {
		ids[i] = ps[i].id
	}
	return newSamePeople(ids, found)
}

// person is an Account with its name folded and birth date as text ("" when unknown).
type person struct{ id, name, birth, phone string }

// maskedPhoneKey keys a person by group(p) and the phone with position pos
// masked; people without a group or a phone that short have no key.
func maskedPhoneKey(pos int, group func(*person) string) func(*maphash.Hash, *person) bool {
	return func(h *maphash.Hash, p *person) bool {
		g := group(p)
		if g == "" || pos >= len(p.phone) {
			return false
		}
		h.WriteString(g)
		h.WriteByte(0)
		h.WriteString(p.phone[:pos])
		h.WriteByte('*')
		h.WriteString(p.phone[pos+1:])
		return true
	}
}

// sameKeyRuns sorts people by the hash of their key (people without one
// are left out), splits each run of equal hashes into groups of people
// whose keys are really equal (same says so; hashes can collide) and
// calls visit with each group of two or more, sorted by account.
func sameKeyRuns(ps []person, seed maphash.Seed, key func(*maphash.Hash, *person) bool, same func(a, b *person) bool, visit func(group []int32)) {
	type keyed struct {
		h uint64
		i int32
	}
	ks := make([]keyed, 0, len(ps))
	var h maphash.Hash
	h.SetSeed(seed)
	for i := range ps {
		h.Reset()
		if key(&h, &ps[i]) {
			ks = append(ks, keyed{h.Sum64(), int32(i)})
		}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if c := cmp.Compare(a.h, b.h); c != 0 {
			return c
		}
		return strings.Compare(ps[a.i].id, ps[b.i].id)
	})
	var run, group []int32
	for start := 0; start < len(ks); {
		end := start + 1
		for end < len(ks) && ks[end].h == ks[start].h {
			end++
		}
		if end-start > 1 {
			run = run[:0]
			for _, k := range ks[start:end] {
				run = append(run, k.i)
			}
			// Usually one group; a collision leaves the rest for the next pass.
			for len(run) > 1 {
				group, rest := group[:0], run[:0]
				first := &ps[run[0]]
				for _, i := range run {
					if same(first, &ps[i]) {
						group = append(group, i)
					} else {
						rest = append(rest, i)
					}
				}
				if len(group) > 1 {
					visit(group)
				}
				run = rest
			}
		}
		start = end
	}
}

// Reasons of the same-person flag, the first that applies to an account
// (in this order) is the one shown.
var samePersonReasons = []contests.Msg{
	reasonNameBirth:  contests.T("Trùng họ tên và ngày sinh với tài khoản khác", "Same name and birth date as another account"),
	reasonBirthPhone: contests.T("Cùng ngày sinh, số điện thoại chỉ khác một chữ số với tài khoản khác", "Same birth date and a phone number one digit away from another account's"),
	reasonNamePhone:  contests.T("Cùng họ tên, số điện thoại chỉ khác một chữ số với tài khoản khác", "Same name and a phone number one digit away from another account's"),
}

const (
	reasonNameBirth = iota
	reasonBirthPhone
	reasonNamePhone
)

// samePersonFound collects, for each account (by its index in the people
// compared), the best reason found and the other accounts, as indexes.
// It is kept dense because the rule can flag most of a national round
// (half a million accounts sharing a few thousand names and birth dates):
// a member of a group of equal name and birth date keeps only the group's
// number, the group its first MaxOthers+1 members once; the rarer phone
// pairs are kept per account.
type samePersonFound struct {
	reason  []uint8 // 0: nothing found; else the best reason + 1
	groupAt []int32 // 0: in no group; else 1 + the group's offset in firsts
	// firsts holds each group as its length then its first members.
	firsts []int32
	others map[int32][]int32 // phone pairs (and any further group), by account
}

func newSamePersonFound(n int) samePersonFound {
	return samePersonFound{reason: make([]uint8, n), groupAt: make([]int32, n), others: map[int32][]int32{}}
}

// group records accounts with an equal key (sorted by account): each is
// given the first MaxOthers+1 of the group, itself left out later. Only
// those can be among its first MaxOthers others, so a name shared by
// thousands costs thousands, not millions.
func (f *samePersonFound) group(ps []person, group []int32, reason int) {
	firsts := group[:min(len(group), MaxOthers+1)]
	at := int32(len(f.firsts)) + 1
	f.firsts = append(f.firsts, int32(len(firsts)))
	f.firsts = append(f.firsts, firsts...)
	for _, i := range group {
		f.note(i, reason)
		if f.groupAt[i] == 0 {
			f.groupAt[i] = at
		} else { // an account has one key: kept right should it have two
			f.others[i] = append(f.others[i], firsts...)
		}
	}
}

// pairs records the accounts of a small group whose phones differ.
func (f *samePersonFound) pairs(ps []person, group []int32, reason int) {
	for x, a := range group {
		for _, b := range group[x+1:] {
			if ps[a].phone != ps[b].phone {
				f.note(a, reason)
				f.note(b, reason)
				f.others[a] = append(f.others[a], b)
				f.others[b] = append(f.others[b], a)
			}
		}
	}
}

// note makes account i's reason the better of the one it had and reason.
func (f *samePersonFound) note(i int32, reason int) {
	if have := f.reason[i]; have == 0 || int(have) > reason+1 {
		f.reason[i] = uint8(reason + 1)
	}
}

// any reports whether any account was found.
func (f *samePersonFound) any() bool { return len(f.firsts) > 0 || len(f.others) > 0 }

// each calls visit with every account found.
func (f *samePersonFound) each(visit func(i int32)) {
	for i, r := range f.reason {
		if r != 0 {
			visit(int32(i))
		}
	}
}

// othersOf calls visit with the others recorded for account i (itself
// among them when in a group, and some more than once).
func (f *samePersonFound) othersOf(i int32, visit func(o int32)) {
	if at := f.groupAt[i]; at != 0 {
		n := f.firsts[at-1]
		for _, o := range f.firsts[at : at+n] {
			visit(o)
		}
	}
	for _, o := range f.others[i] {
		visit(o)
	}
}

// samePeople are the accounts compared (by index, as in samePersonFound)
// and what was found, turned into a person's flag only when asked for.
type samePeople struct {
	ids   []string
	found samePersonFound
	byID  []int32 // indexes in ID order; nil when ids are in order already
}

func newSamePeople(ids []string, found samePersonFound) samePeople {
	sp := samePeople{ids: ids, found: found}
	if found.any() && !slices.IsSorted(ids) {
		sp.byID = make([]int32, len(ids))
		for i := range sp.byID {
			sp.byID[i] = int32(i)
		}
		slices.SortStableFunc(sp.byID, func(a, b int32) int { return strings.Compare(ids[a], ids[b]) })
	}
	return sp
}

// index returns the index of user's account.
func (sp samePeople) index(user string) (int32, bool) {
	if sp.byID == nil {
		i, ok := slices.BinarySearch(sp.ids, user)
		return int32(i), ok
	}
	i, ok := slices.BinarySearchFunc(sp.byID, user, func(x int32, u string) int { return strings.Compare(sp.ids[x], u) })
	if !ok {
		return 0, false
	}
	return sp.byID[i], true
}

// of returns user's same-person flag: the best reason found and the other
// accounts, sorted, once each, at most MaxOthers.
func (sp samePeople) of(user string) (Flag, bool) {
	if !sp.found.any() {
		return Flag{}, false
	}
	i, ok := sp.index(user)
	if !ok || sp.found.reason[i] == 0 {
		return Flag{}, false
	}
	var others []string
	sp.found.othersOf(i, func(o int32) {
		if sp.ids[o] != sp.ids[i] {
			others = append(others, sp.ids[o])
		}
	})
	slices.Sort(others)
	return Flag{Kind: FlagSamePerson, Others: capOthers(slices.Compact(others)), Reason: samePersonReasons[sp.found.reason[i]-1]}, true
}

// MaxOthers bounds the other accounts a flag names (the flag's reason
// still counts them all): the list is stored on the standing line, and a
// farm of thousands of accounts needs no thousands of names per line.
const MaxOthers = 20

func capOthers(others []string) []string {
	if len(others) > MaxOthers {
		return others[:MaxOthers:MaxOthers]
	}
	return others
}

// oneDigitApart reports whether two phone numbers of equal length differ
// in exactly one digit.
func oneDigitApart(a, b string) bool {
	if len(a) != len(b) || a == "" {
		return false
	}
	diff := 0
	for i := range len(a) {
		if a[i] != b[i] {
			diff++
		}
	}
	return diff == 1
}
