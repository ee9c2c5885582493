package auth

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"io"

	"golang.org/x/crypto/hkdf"
)

// Keys protects identity numbers at rest. From one data key it derives an
// HMAC key (a CCCD's keyed hash: equality without the number) and an AES-GCM
// key (the sealed number, opened only for organizer exports). The data key is
// separate from the JWT secret so rotating one never breaks the other.
type Keys struct {
	mac   []byte
	aead  cipher.AEAD
	seed  []byte
	login []byte
	tail  []byte // HashCCCDTail's key
}

// NewKeys derives the sub-keys from dataKey (≥32 bytes).
func NewKeys(dataKey []byte) (*Keys, error) {
	if len(dataKey) < 32 {
		return nil, errors.New("auth: data key must be at least 32 bytes")
	}
	sub := func(label string) []byte {
		k := make([]byte, 32)
		if _, err := io.ReadFull(hkdf.New(sha256.New, dataKey, nil, []byte(label)), k); err != nil {
			panic(err)
		}
		return k
	}
	block, err := aes.NewCipher(sub("hoithi cccd seal"))
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Keys{mac: sub("hoithi cccd mac"), aead: aead, seed: sub("hoithi quiz seed"), login: sub("hoithi login mac"), tail: sub("hoithi cccd tail mac")}, nil
}

// HashCCCDTail returns the keyed hash of a CCCD's last four digits, stored
// so the staff screen can find a person by them: under its own key (not the
// CCCD's), so it tells nothing about the whole number, and without the key
// the 10,000 possible tails cannot be tried against it.
func (k *Keys) HashCCCDTail(last4 string) string {
	m := hmac.New(sha256.New, k.tail)
	m.Write([]byte(last4))
	return hex.EncodeToString(m.Sum(nil)[:12])
}

// HashCCCD returns the keyed hash that identifies a CCCD number.
func (k *Keys) HashCCCD(number string) string {
	m := hmac.New(sha256.New, k.mac)
	m.Write([]byte(number))
	return hex.EncodeToString(m.Sum(nil))
}

// HashLogin returns a short keyed hash of what someone typed to log in (a
// normalized phone or CCCD): equal logins give equal hashes, so failed-login
// counters and the security view can tell accounts apart without holding
// the numbers, and without the key nobody can test guesses against it.
func (k *Keys) HashLogin(login string) string {
	m := hmac.New(sha256.New, k.login)
	m.Write([]byte(login))
	return hex.EncodeToString(m.Sum(nil)[:8])
}

// Seal encrypts a CCCD number.
func (k *Keys) Seal(number string) string {
	nonce := make([]byte, k.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		panic(err)
	}
	return base64.RawStdEncoding.EncodeToString(k.aead.Seal(nonce, nonce, []byte(number), nil))
}

// Open decrypts what Seal returned.
func (k *Keys) Open(sealed string) (string, error) {
	b, err := base64.RawStdEncoding.DecodeString(sealed)
	if err != nil || len(b) < k.aead.NonceSize() {
		return "", errors.New("auth: malformed sealed value")
	}
	n := k.aead.NonceSize()
	plain, err := k.aead.Open(nil, b[:n], b[n:], nil)
	return string(plain), err
}

// SeedSecret is the secret quiz papers are drawn from (see quiz.AttemptSeed).
func (k *Keys) SeedSecret() []byte { return k.seed }
