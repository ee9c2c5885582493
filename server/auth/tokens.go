package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"hoithi/contests"
)

// AccessTTL is the life of an access token; RefreshTTL of a refresh token.
const (
	AccessTTL  = 15 * time.Minute
	RefreshTTL = 30 * 24 * time.Hour
	issuer     = "hoithi"
)

// Claims is what an access token says about its holder: enough for every
// hot-path decision (who, which unit, which roles where) without reading the
// user record.
type Claims struct {
	Name     string           `json:"name,omitempty"`
	UnitID   string           `json:"uid,omitempty"`
	UnitPath string           `json:"upath,omitempty"`
	Grants   []contests.Grant `json:"grants,omitempty"`
	// SessionVersion is the user's session version when the token was
	// issued (session_versions.go says how it is checked).
	SessionVersion int64 `json:"sv,omitempty"`
	jwt.RegisteredClaims
}

// UserID returns the subject.
func (c *Claims) UserID() string { return c.Subject }

// Tokens signs and verifies access tokens with an HMAC key.
type Tokens struct {
	key      []byte
	now      func() time.Time
	verified *tokenCache // token_cache.go says why
}

// NewTokens returns a signer; now may be nil for time.Now.
func NewTokens(key []byte, now func() time.Time) (*Tokens, error) {
	if len(key) < 32 {
		return nil, errors.New("auth: JWT secret must be at least 32 bytes")
	}
	if now == nil {
		now = time.Now
	}
	return &Tokens{key: key, now: now, verified: newTokenCache(tokenCacheGeneration)}, nil
}

// Issue returns a signed access token for u.
func (t *Tokens) Issue(u *contests.User) (string, error) {
	now := t.now()
	c := Claims{
		Name: u.FullName, UnitID: u.UnitID, UnitPath: u.UnitPath, Grants: u.Grants,
		SessionVersion: u.SessionVersion,
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:   u.ID,
			Issuer:    issuer,
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(AccessTTL)),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(t.key)
}

// Parse verifies an access token and returns its claims. The claims may be
// shared with other callers that presented the same token: read them, never
// change them.
func (t *Tokens) Parse(token string) (*Claims, error) {
	if c := t.verified.get(token, t.now()); c != nil {
		return c, nil
	}
	var c Claims
	_, err := jwt.ParseWithClaims(token, &c, func(*jwt.Token) (any, error) { return t.key, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithIssuer(issuer),
		jwt.WithExpirationRequired(),
		jwt.WithTimeFunc(t.now),
	)
	if err != nil {
		return nil, err
	}
	if c.Subject == "" {
		return nil, errors.New("auth: token without subject")
	}
	t.verified.put(token, &c)
	return &c, nil
}

// NewRefreshToken returns a random opaque token and the hash to store.
func NewRefreshToken() (token, hash string) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, HashRefreshToken(token)
}

// HashRefreshToken returns the stored form of a refresh token.
func HashRefreshToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
