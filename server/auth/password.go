// Package auth holds the security primitives: password hashing, access and
// refresh tokens, and the keys that protect identity numbers at rest.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters: OWASP's minimum recommendation (19 MiB, 2 passes).
// Hashing runs only at registration, login and password change, never on the
// quiz hot path; the semaphore below bounds the memory a burst of logins
// (a round opening) can take to GOMAXPROCS × 19 MiB.
const (
	argonMemoryKiB = 19 * 1024
	argonTime      = 2
	argonThreads   = 1
	argonKeyLen    = 32
	saltLen        = 16
)

var hashSlots = make(chan struct{}, runtime.GOMAXPROCS(0))

// HashPassword returns a PHC-formatted argon2id hash of password.
func HashPassword(password string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := derive(password, salt, argonMemoryKiB, argonTime, argonThreads)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, argonMemoryKiB, argonTime, argonThreads, enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// CheckPassword reports whether password matches hash. A malformed hash is an
// error, a mismatch is not.
func CheckPassword(hash, password string) (bool, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errors.New("auth: unsupported password hash")
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false, fmt.Errorf("auth: bad hash parameters: %w", err)
	}
	enc := base64.RawStdEncoding
	salt, err := enc.DecodeString(parts[4])
	if err != nil {
		return false, err
	}
	want, err := enc.DecodeString(parts[5])
	if err != nil {
		return false, err
	}
	got := derive(password, salt, m, t, p)
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// hashes counts argon2 computations (see Hashes).
var hashes atomic.Int64

// Hashes returns how many password hashes this process computed.
func Hashes() int64 { return hashes.Load() }

func derive(password string, salt []byte, m, t uint32, p uint8) []byte {
	hashes.Add(1)
	hashSlots <- struct{}{}
	defer func() { <-hashSlots }()
	return argon2.IDKey([]byte(password), salt, t, m, p, argonKeyLen)
}

// TemporaryPassword returns a password an organizer can read to a citizen on
// the phone: 10 characters from an alphabet without look-alikes.
func TemporaryPassword() string {
	const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
	b := make([]byte, 10)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

var (
	dummyOnce sync.Once
	dummyHash string
)

// CheckNobody spends the time of a password check when no account matched,
// so a login's timing does not tell which phones and CCCDs are registered.
func CheckNobody(password string) {
	dummyOnce.Do(func() { dummyHash, _ = HashPassword("not a password of anyone") })
	_, _ = CheckPassword(dummyHash, password)
}
