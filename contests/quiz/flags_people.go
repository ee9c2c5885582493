package quiz

import (
	"slices"
	"strings"

	"hoithi/contests"
)

// Client is what the server saw of the phone that started an attempt,
// kept on the attempt (Attempt.Client) for the shared-device and
// shared-network flags: the app's per-install random ID, the address (behind
// trusted proxies, the forwarded one) and a short hash of the User-Agent.
type Client struct {
	Install string
	IP      string
	Agent   string
}

// MaxInstallID bounds the install ID a phone sends; longer or odd ones are
// dropped rather than stored.
const MaxInstallID = 64

// String encodes c for Attempt.Client: "install|ip|agent", short and cheap
// to write on the hot path.
func (c Client) String() string {
	if c == (Client{}) {
		return ""
	}
	return c.Install + "|" + c.IP + "|" + c.Agent
}

// ParseClient reads what Client.String wrote.
func ParseClient(s string) Client {
	parts := strings.SplitN(s, "|", 3)
	if len(parts) != 3 {
		return Client{}
	}
	return Client{Install: parts[0], IP: parts[1], Agent: parts[2]}
}

// network is the address and browser together, "" when either is unknown.
func (c Client) network() string {
	if c.IP == "" || c.Agent == "" {
		return ""
	}
	return c.IP + "|" + c.Agent
}

// CleanInstallID returns id if it looks like an install ID the app made
// (1..MaxInstallID letters, digits, '-' or '_'), else "".
func CleanInstallID(id string) string {
	if len(id) == 0 || len(id) > MaxInstallID {
		return ""
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return ""
		}
	}
	return id
}

// samePerson flags accounts that look like one person: the same name and
// birth date, or a phone number one digit away from another account's with
// the same birth date or the same name (a relative's or a mistyped number;
// the same CCCD cannot register twice). Comparisons run within groups of
// equal birth date or name, never across everyone.
func samePerson(people []Account) map[string][]Flag {
	out := map[string][]Flag{}
	flag := func(a, b Account, why contests.Msg) {
		for _, pair := range [][2]Account{{a, b}, {b, a}} {
			have := out[pair[0].UserID]
			if i := slices.IndexFunc(have, func(f Flag) bool { return f.Kind == FlagSamePerson }); i >= 0 {
				if !slices.Contains(have[i].Others, pair[1].UserID) {
					have[i].Others = append(have[i].Others, pair[1].UserID)
					slices.Sort(have[i].Others)
				}
				continue
			}
			out[pair[0].UserID] = append(have, Flag{Kind: FlagSamePerson, Others: []string{pair[1].UserID}, Reason: why})
		}
	}
	byBirth, byName := map[string][]Account{}, map[string][]Account{}
	for _, p := range people {
		name := contests.Fold(p.FullName)
		if !p.BirthDate.IsZero() {
			byBirth[p.BirthDate.Format("2006-01-02")] = append(byBirth[p.BirthDate.Format("2006-01-02")], p)
		}
		if name != "" {
			byName[name] = append(byName[name], p)
		}
	}
	// groupLimit keeps a very common name from costing n² comparisons; the
	// name-and-birth-date rule still covers it.
	const groupLimit = 2000
	for _, g := range byBirth {
		for i := range g {
			for j := i + 1; j < len(g) && j < groupLimit; j++ {
				a, b := g[i], g[j]
				switch {
				case contests.Fold(a.FullName) == contests.Fold(b.FullName) && a.FullName != "":
					flag(a, b, contests.T("Trùng họ tên và ngày sinh với tài khoản khác", "Same name and birth date as another account"))
				case oneDigitApart(a.Phone, b.Phone):
					flag(a, b, contests.T("Cùng ngày sinh, số điện thoại chỉ khác một chữ số với tài khoản khác", "Same birth date and a phone number one digit away from another account's"))
				}
			}
		}
	}
	for _, g := range byName {
		for i := range g {
			for j := i + 1; j < len(g) && j < groupLimit; j++ {
				if a, b := g[i], g[j]; oneDigitApart(a.Phone, b.Phone) {
					flag(a, b, contests.T("Cùng họ tên, số điện thoại chỉ khác một chữ số với tài khoản khác", "Same name and a phone number one digit away from another account's"))
				}
			}
		}
	}
	return out
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
