package store

import "context"

// Meta stores the few values a server records about itself in the database
// it serves, such as the keyed fingerprints of its secrets that every
// instance checks at start (server/secrets_check.go).
type Meta interface {
	// RecordMeta stores value under key unless a value is stored there
	// already, and returns the stored value: the first writer's. Instances
	// starting at once on an empty database agree on one value.
	RecordMeta(ctx context.Context, key, value string) (string, error)
}
