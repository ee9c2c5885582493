package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"hoithi/server/store"
)

// Every instance sharing a database must hold the same DATA_KEY (it seals
// and hashes CCCD numbers: with another key an instance registers a second
// account for a CCCD already taken and cannot log anyone in by CCCD) and
// the same JWT_SECRET (or tokens issued by one instance are refused by the
// others). The first start records a keyed fingerprint of each in the
// database; every later start compares and refuses to serve on a mismatch.
// The fingerprint is an HMAC of a fixed label under the secret: it reveals
// nothing of the secret and cannot be checked without it.

// fingerprintLabel is what each secret signs; the version lets a later
// scheme be told apart.
const fingerprintLabel = "hoithi secret fingerprint v1: "

// secretFingerprint is the hex HMAC-SHA256 of the label and name under
// secret.
func secretFingerprint(name string, secret []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(fingerprintLabel + name))
	return hex.EncodeToString(m.Sum(nil))
}

// namedSecret is a secret with the name an operator configures it by.
type namedSecret struct {
	name  string // the environment variable
	value []byte
}

// checkSecrets records each secret's fingerprint on first start and
// refuses (an error naming the variable) when one differs from the
// fingerprint recorded by the first instance that served this database.
func checkSecrets(ctx context.Context, st store.Meta, secrets ...namedSecret) error {
	for _, s := range secrets {
		want := secretFingerprint(s.name, s.value)
		got, err := st.RecordMeta(ctx, "fingerprint."+s.name, want)
		if err != nil {
			return fmt.Errorf("record the %s fingerprint: %w", s.name, err)
		}
		if !hmac.Equal([]byte(got), []byte(want)) {
			return fmt.Errorf("%s is not the one this database was first started with (its fingerprint differs): "+
				"every instance sharing a database must be given the same %s; refusing to start (see docs/deploy.md, \"Secrets\")",
				s.name, s.name)
		}
	}
	return nil
}
