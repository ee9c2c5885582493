package quiz

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"hoithi/contests"
)

// Fraud flags are found after a round closes, when its results are
// computed, never while people play: the save and submit requests only
// record what the flags need (the attempt's times, answers and Client).
// A flag is a reason for the organizer to look before prizes are given,
// not a verdict, except where the round makes the minimum duration a hard
// rule (Integrity.VoidTooFast).

// FlagKind names what looks wrong.
type FlagKind string

const (
	FlagTooFast       FlagKind = "too_fast"       // faster than the round's floor per question
	FlagQuickSubmit   FlagKind = "quick_submit"   // submitted under the round's minimum seconds
	FlagIdentical     FlagKind = "identical"      // same answers, order and time as another account's attempt
	FlagSharedDevice  FlagKind = "shared_device"  // one app install played for several accounts
	FlagSharedNetwork FlagKind = "shared_network" // many accounts from one address and browser at once
	FlagSamePerson    FlagKind = "same_person"    // name, birth date, phone close to another account's
)

// Flag is one reason to look at a person's entry.
type Flag struct {
	Kind      FlagKind     `json:"kind"`
	AttemptNo int          `json:"attemptNo,omitempty"`
	Reason    contests.Msg `json:"reason"`
	// Others are the other accounts involved (identical, shared, same person).
	Others []string `json:"others,omitempty"`
}

// Windows and counts for shared devices and networks. Two accounts on one
// phone is a family; three within an hour is not. Behind carrier NAT many
// phones share an address, so the network rule needs the same browser too
// and more accounts in less time.
const (
	SharedDeviceAccounts  = 3
	SharedDeviceWindow    = time.Hour
	SharedNetworkAccounts = 5
	SharedNetworkWindow   = 10 * time.Minute
	identicalWindow       = time.Hour
)

// Account is what the same-person rule compares of an account.
type Account struct {
	UserID    string
	FullName  string
	BirthDate time.Time
	Phone     string
}

// trace is what the flags need of one final attempt (88 bytes: a
// national round holds half a million).
type trace struct {
	user     string
	started  time.Time
	duration int64
	// client is Attempt.Client as stored: its parts are read from it
	// (clientKeys) without copying.
	client string
	// signature is a digest of signature(a) (zero when the attempt has
	// no answers): 16 bytes instead of the long text for each of
	// hundreds of thousands of attempts.
	signature [16]byte
	no        int32
	questions int32
}

// FlagFinder collects a closed round's final attempts (one participation
// record at a time, like ResultsBuilder) and finds the flags.
type FlagFinder struct {
	rules  Integrity
	traces []trace
	// scratch of signatureDigest, reused from attempt to attempt
	questions []string
	text      []byte
	accounts  peopleIndex // AddAccounts
	// attemptFlags are the flags of the attempts, once EndAttempts found them.
	attemptFlags map[string][]Flag
}

// AddAccounts takes accounts for the same-person rule as they are read:
// Find compares them with its own.
func (f *FlagFinder) AddAccounts(people []Account) {
	for _, p := range people {
		f.accounts.add(p)
	}
}

// NewFlagFinder starts the flags of a round with rules.
func NewFlagFinder(rules Integrity) *FlagFinder { return &FlagFinder{rules: rules} }

// Grow makes room for n more attempts (see ResultsBuilder.Grow).
func (f *FlagFinder) Grow(n int) { f.traces = slices.Grow(f.traces, n) }

// Add takes a person's final attempts into account (until EndAttempts).
func (f *FlagFinder) Add(p *Participation) {
	for i := range p.Attempts {
		a := &p.Attempts[i]
		if !a.Final() {
			continue
		}
		f.traces = append(f.traces, trace{user: p.UserID, no: int32(a.No), started: a.StartedAt, questions: int32(len(a.Paper.Items)),
			duration: a.DurationMs, client: a.Client, signature: f.signatureDigest(a)})
	}
}

// clientKeys are the install ID and the network (address and browser) of
// a stored Client, as ParseClient(s).Install and .network() give them,
// as parts of s.
func clientKeys(s string) (install, network string) {
	i := strings.IndexByte(s, '|')
	if i < 0 {
		return "", ""
	}
	rest := s[i+1:]
	j := strings.IndexByte(rest, '|')
	if j < 0 {
		return "", ""
	}
	if rest[:j] != "" && rest[j+1:] != "" {
		network = rest
	}
	return s[:i], network
}

// signatureDigest is the first half of the SHA-256 of signature(a), the
// text made in f's scratch.
func (f *FlagFinder) signatureDigest(a *Attempt) (d [16]byte) {
	if len(a.Answers) == 0 {
		return d
	}
	qs := f.questions[:0]
	for q := range a.Answers {
		qs = append(qs, q)
	}
	slices.SortFunc(qs, func(x, y string) int { return int(a.Answers[x].Seq - a.Answers[y].Seq) })
	b := strconv.AppendInt(f.text[:0], a.DurationMs/1000, 10)
	for _, q := range qs {
		b = append(b, '|')
		b = append(b, q...)
		b = append(b, '=')
		for i, o := range a.Answers[q].Options {
			if i > 0 {
				b = append(b, '+')
			}
			b = append(b, o...)
		}
	}
	f.questions, f.text = qs[:0], b
	sum := sha256.Sum256(b)
	copy(d[:], sum[:16])
	return d
}

// signature is an attempt's answers in the order they were given, and its
// length in whole seconds: two people answering alike still differ in the
// order their papers put the questions and in time taken; one script does not.
// (signatureDigest hashes the same text without making it.)
func signature(a *Attempt) string {
	if len(a.Answers) == 0 {
		return ""
	}
	qs := make([]string, 0, len(a.Answers))
	for q := range a.Answers {
		qs = append(qs, q)
	}
	slices.SortFunc(qs, func(x, y string) int { return int(a.Answers[x].Seq - a.Answers[y].Seq) })
	var b strings.Builder
	fmt.Fprintf(&b, "%d", a.DurationMs/1000)
	for _, q := range qs {
		b.WriteString("|" + q + "=" + strings.Join(a.Answers[q].Options, "+"))
	}
	return b.String()
}

// Flags returns every person's flags (sorted by kind, then attempt), from
// the attempts added and people (the accounts to compare for the
// same-person rule: typically everyone who played).
func (f *FlagFinder) Flags(people []Account) map[string][]Flag {
	found := f.Find(people)
	out := map[string][]Flag{}
	for user := range found.attempts {
		out[user] = found.Of(user)
	}
	found.people.found.each(func(i int32) {
		user := found.people.ids[i]
		out[user] = found.Of(user)
	})
	return out
}

// FoundFlags are the flags found, kept compact until asked for a person's
// (FoundFlags.Of): the same-person rule can flag most of a national
// round, each flag naming up to MaxOthers accounts.
type FoundFlags struct {
	attempts map[string][]Flag // the flags of attempts, by person
	people   samePeople
}

// Find finds the flags (see Flags) and keeps them compact; people are
// compared with the accounts added before (AddAccounts), which are used up.
func (f *FlagFinder) Find(people []Account) *FoundFlags {
	f.EndAttempts()
	f.AddAccounts(people)
	return &FoundFlags{attempts: f.attemptFlags, people: f.accounts.same()}
}

// EndAttempts finds the flags of the attempts added, and lets the attempts
// go: called before the accounts are read, a national round's ~40 MB of
// traces are not held with them. Attempts added later are not looked at.
func (f *FlagFinder) EndAttempts() {
	if f.attemptFlags != nil {
		return
	}
	f.attemptFlags = map[string][]Flag{}
	add := func(user string, fl Flag) { f.attemptFlags[user] = addFlag(f.attemptFlags[user], fl) }
	for _, t := range f.traces {
		if fl, bad := f.rules.implausible(int(t.questions), t.duration); bad {
			fl.AttemptNo = int(t.no)
			add(t.user, fl)
		}
	}
	f.identical(add)
	f.shared(add, func(t *trace) string { install, _ := clientKeys(t.client); return install }, SharedDeviceAccounts, SharedDeviceWindow, FlagSharedDevice,
		contests.Msg{VI: "Cùng một máy (ứng dụng) đã thi cho %d tài khoản trong %d phút", EN: "One device (app install) played for %d accounts within %d minutes"})
	f.shared(add, func(t *trace) string { _, network := clientKeys(t.client); return network }, SharedNetworkAccounts, SharedNetworkWindow, FlagSharedNetwork,
		contests.Msg{VI: "Cùng địa chỉ mạng và trình duyệt đã thi cho %d tài khoản trong %d phút", EN: "One network address and browser played for %d accounts within %d minutes"})
	f.traces = nil
}

// Of returns the person's flags, sorted by kind, then attempt (nil when
// none); made anew at each call.
func (ff *FoundFlags) Of(user string) []Flag {
	if ff == nil {
		return nil
	}
	var out []Flag
	if have := ff.attempts[user]; len(have) > 0 {
		out = slices.Clone(have)
	}
	if fl, ok := ff.people.of(user); ok {
		out = addFlag(out, fl)
	}
	slices.SortFunc(out, func(a, b Flag) int {
		if c := strings.Compare(string(a.Kind), string(b.Kind)); c != 0 {
			return c
		}
		return a.AttemptNo - b.AttemptNo
	})
	return out
}

// addFlag adds fl to a person's flags unless one of its kind and attempt is there.
func addFlag(have []Flag, fl Flag) []Flag {
	for _, h := range have {
		if h.Kind == fl.Kind && h.AttemptNo == fl.AttemptNo {
			return have
		}
	}
	return append(have, fl)
}

// identical flags attempts of different accounts with the same signature
// started within identicalWindow of each other. The attempts are sorted by
// signature and start, so each one only looks at the attempts of its own
// signature inside its window.
func (f *FlagFinder) identical(add func(string, Flag)) {
	ts := make([]*trace, 0, len(f.traces))
	for i := range f.traces {
		if f.traces[i].signature != ([16]byte{}) {
			ts = append(ts, &f.traces[i])
		}
	}
	slices.SortFunc(ts, func(a, b *trace) int {
		if c := bytes.Compare(a.signature[:], b.signature[:]); c != 0 {
			return c
		}
		return a.started.Compare(b.started)
	})
	for start := 0; start < len(ts); {
		end := start + 1
		for end < len(ts) && ts[end].signature == ts[start].signature {
			end++
		}
		g := ts[start:end]
		lo, hi := 0, 0
		for _, t := range g {
			for g[lo].started.Before(t.started.Add(-identicalWindow)) {
				lo++
			}
			for hi < len(g) && !g[hi].started.After(t.started.Add(identicalWindow)) {
				hi++
			}
			var others []string
			for _, o := range g[lo:hi] {
				if o.user != t.user {
					others = append(others, o.user)
				}
			}
			if len(others) > 0 {
				slices.Sort(others)
				others = slices.Compact(others)
				add(t.user, Flag{Kind: FlagIdentical, AttemptNo: int(t.no), Others: capOthers(others), Reason: contests.T(
					"Câu trả lời, thứ tự trả lời và thời gian giống hệt bài của %d tài khoản khác",
					"Answers, answering order and time identical to the attempts of %d other account(s)", len(others))})
			}
		}
		start = end
	}
}

// shared flags every account of a group (same key) when at least n
// accounts started attempts within window. Each group is sorted by start
// and a window slides over it, counting the accounts inside; an attempt is
// flagged by the first full window that holds it.
func (f *FlagFinder) shared(add func(string, Flag), key func(*trace) string, n int, window time.Duration, kind FlagKind, words contests.Msg) {
	groups := map[string][]*trace{}
	for i := range f.traces {
		if k := key(&f.traces[i]); k != "" {
			groups[k] = append(groups[k], &f.traces[i])
		}
	}
	mins := int(window.Minutes())
	for _, g := range groups {
		if len(g) < n {
			continue
		}
		slices.SortFunc(g, func(a, b *trace) int { return a.started.Compare(b.started) })
		inside := map[string]int{} // accounts in g[i:j] and their attempts there
		j, flagged := 0, 0         // g[:flagged] have their flag
		for i := range g {
			for j < len(g) && g[j].started.Sub(g[i].started) <= window {
				inside[g[j].user]++
				j++
			}
			if len(inside) >= n && flagged < j {
				users := make([]string, 0, len(inside))
				for u := range inside {
					users = append(users, u)
				}
				slices.Sort(users)
				for _, t := range g[max(i, flagged):j] {
					others := slices.DeleteFunc(slices.Clone(users), func(x string) bool { return x == t.user })
					add(t.user, Flag{Kind: kind, Others: capOthers(others), Reason: contests.Msg{
						VI: fmt.Sprintf(words.VI, len(users), mins), EN: fmt.Sprintf(words.EN, len(users), mins)}})
				}
				flagged = j
			}
			if inside[g[i].user]--; inside[g[i].user] == 0 {
				delete(inside, g[i].user)
			}
		}
	}
}
