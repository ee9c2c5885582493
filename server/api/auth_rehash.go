package api

import (
	"context"
	"errors"

	"hoithi/contests"
	"hoithi/server/auth"
)

// hashError keeps a full hashing queue a 503 with Retry-After (the phone
// retries) and makes any other hashing failure internal.
func hashError(err error) error {
	var busy *auth.BusyError
	if errors.As(err, &busy) {
		return busy
	}
	return contests.Internal(err)
}

// rehashPassword replaces a hash made with older argon2id parameters once
// the person proved the password, so every account moves to the current
// parameters without a reset. It never fails the login: when the hashing
// queue is full the rehash waits for another login, and a password changed
// meanwhile wins (ReplacePasswordHash only swaps the hash it was given).
func (s *Server) rehashPassword(ctx context.Context, u *contests.User, password string) {
	if !auth.NeedsRehash(u.PasswordHash) {
		return
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		s.Log.Debug("password rehash postponed", "user", u.ID, "err", err)
		return
	}
	if err := s.Store.ReplacePasswordHash(ctx, u.ID, u.PasswordHash, hash); err != nil &&
		contests.ErrorCode(err) != contests.CodeConflict {
		s.Log.Warn("password rehash not stored", "user", u.ID, "err", err)
		return
	}
	u.PasswordHash = hash
}
