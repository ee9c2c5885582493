// Package auth holds the security primitives: password hashing, access and
// refresh tokens, and the keys that protect identity numbers at rest.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters. OWASP's Password Storage Cheat Sheet lists five
// settings of equal strength (m=46 MiB t=1, 19 MiB t=2, 12 MiB t=3, 9 MiB
// t=4, 7 MiB t=5, all p=1); measured on the 2-core AMD EPYC development
// machine (go test -bench, one core each) they take 25.0, 18.6, 15.6, 14.8
// and 13.9 ms. The last is fastest and takes the least memory, so a burst of
// logins gets ~35% more hashes per second than the 19 MiB setting and each
// hashing core holds 7 MiB instead of 19. Hashes made with other parameters
// still verify and are replaced on the next login (NeedsRehash).
const (
	argonMemoryKiB = 7 * 1024
	argonTime      = 5
	argonThreads   = 1
	argonKeyLen    = 32
	saltLen        = 16
)

// params are the cost settings read from a PHC string.
type params struct {
	m, t uint32
	p    uint8
}

var current = params{argonMemoryKiB, argonTime, argonThreads}

// HashPassword returns a PHC-formatted argon2id hash of password, or a
// *BusyError when the hashing queue is full.
func HashPassword(password string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key, err := derive(password, salt, current)
	if err != nil {
		return "", err
	}
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, current.m, current.t, current.p, enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// CheckPassword reports whether password matches hash. A malformed hash is an
// error, a mismatch is not; a full hashing queue is a *BusyError.
func CheckPassword(hash, password string) (bool, error) {
	p, salt, want, err := parseHash(hash)
	if err != nil {
		return false, err
	}
	got, err := derive(password, salt, p)
	if err != nil {
		return false, err
	}
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// NeedsRehash reports whether hash was made with other parameters than the
// current ones (or cannot be read): after a successful login the password
// is hashed again and stored (store ReplacePasswordHash).
func NeedsRehash(hash string) bool {
	p, _, _, err := parseHash(hash)
	return err != nil || p != current
}

func parseHash(hash string) (p params, salt, key []byte, err error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return p, nil, nil, errors.New("auth: unsupported password hash")
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.m, &p.t, &p.p); err != nil {
		return p, nil, nil, fmt.Errorf("auth: bad hash parameters: %w", err)
	}
	// A stored hash is our own output, but a corrupted or planted one must
	// not make a login allocate gigabytes or spin for minutes.
	if p.m == 0 || p.m > 256*1024 || p.t == 0 || p.t > 16 || p.p == 0 {
		return p, nil, nil, fmt.Errorf("auth: hash parameters out of range: %+v", p)
	}
	enc := base64.RawStdEncoding
	if salt, err = enc.DecodeString(parts[4]); err != nil {
		return p, nil, nil, err
	}
	if key, err = enc.DecodeString(parts[5]); err != nil {
		return p, nil, nil, err
	}
	return p, salt, key, nil
}

// hashes counts argon2 computations (see Hashes).
var hashes atomic.Int64

// Hashes returns how many password hashes this process computed.
func Hashes() int64 { return hashes.Load() }

// derive computes the key on a slot of the hashing queue (hash_queue.go).
func derive(password string, salt []byte, p params) ([]byte, error) {
	var key []byte
	err := currentQueue().run(func() {
		hashes.Add(1)
		key = argon2.IDKey([]byte(password), salt, p.t, p.m, p.p, argonKeyLen)
	})
	return key, err
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
// It waits in the same queue, so it is refused (*BusyError) exactly when a
// real check would be.
func CheckNobody(password string) error {
	dummyOnce.Do(func() {
		// Built without the queue: a full queue must not leave it empty.
		salt := make([]byte, saltLen)
		key := argon2.IDKey([]byte("not a password of anyone"), salt, current.t, current.m, current.p, argonKeyLen)
		enc := base64.RawStdEncoding
		dummyHash = fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
			argon2.Version, current.m, current.t, current.p, enc.EncodeToString(salt), enc.EncodeToString(key))
	})
	_, err := CheckPassword(dummyHash, password)
	return err
}
