package quiz

import "strings"

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
