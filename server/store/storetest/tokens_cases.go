package storetest

import (
	"sync"
	"testing"

	"hoithi/contests"
	"hoithi/server/store"
)

func tokenCases() []contractCase {
	return []contractCase{
		{name: "tokens/use returns the token once", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			tok := NewRefreshToken(store.NewID(), store.NewID())
			must(t, s.CreateRefreshToken(ctx, tok))
			got, err := s.UseRefreshToken(ctx, tok.Hash)
			must(t, err)
			sameStored(t, "RefreshToken", got, tok) // as it was: Used=false
			_, err = s.UseRefreshToken(ctx, tok.Hash)
			wantCode(t, err, contests.CodeConflict)
			_, err = s.UseRefreshToken(ctx, "sha256-unknown")
			wantCode(t, err, contests.CodeNotFound)
		}},
		{name: "tokens/by hash returns the token as stored", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			tok := NewRefreshToken(store.NewID(), store.NewID())
			must(t, s.CreateRefreshToken(ctx, tok))
			got, err := s.RefreshTokenByHash(ctx, tok.Hash)
			must(t, err)
			sameStored(t, "RefreshToken", got, tok)
			_, err = s.UseRefreshToken(ctx, tok.Hash)
			must(t, err)
			must(t, s.RevokeFamily(ctx, tok.FamilyID))
			got, err = s.RefreshTokenByHash(ctx, tok.Hash)
			must(t, err)
			want := *tok
			want.Used, want.Revoked = true, true
			sameStored(t, "RefreshToken", got, &want)
			_, err = s.RefreshTokenByHash(ctx, "sha256-unknown")
			wantCode(t, err, contests.CodeNotFound)
		}},
		{name: "tokens/duplicate hash is a conflict", run: func(t *testing.T, s store.Store) {
			tok := NewRefreshToken(store.NewID(), store.NewID())
			must(t, s.CreateRefreshToken(t.Context(), tok))
			again := *tok
			wantCode(t, s.CreateRefreshToken(t.Context(), &again), contests.CodeConflict)
		}},
		{name: "tokens/revoke family marks every link", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			user, family, otherFamily := store.NewID(), store.NewID(), store.NewID()
			used := NewRefreshToken(family, user)
			fresh := NewRefreshToken(family, user)
			bystander := NewRefreshToken(otherFamily, user)
			for _, tok := range []*store.RefreshToken{used, fresh, bystander} {
				must(t, s.CreateRefreshToken(ctx, tok))
			}
			_, err := s.UseRefreshToken(ctx, used.Hash)
			must(t, err)
			must(t, s.RevokeFamily(ctx, family))
			must(t, s.RevokeFamily(ctx, store.NewID())) // unknown family: nothing to do

			got, err := s.UseRefreshToken(ctx, fresh.Hash)
			must(t, err)
			want := *fresh
			want.Revoked = true
			sameStored(t, "RefreshToken", got, &want)
			_, err = s.UseRefreshToken(ctx, used.Hash)
			wantCode(t, err, contests.CodeConflict)
			got, err = s.UseRefreshToken(ctx, bystander.Hash)
			must(t, err)
			if got.Revoked {
				t.Errorf("token of another family was revoked")
			}
		}},
		{name: "tokens/revoke user tokens spares other users", run: func(t *testing.T, s store.Store) {
			ctx := t.Context()
			user, other := store.NewID(), store.NewID()
			mine := []*store.RefreshToken{NewRefreshToken(store.NewID(), user), NewRefreshToken(store.NewID(), user)}
			theirs := NewRefreshToken(store.NewID(), other)
			for _, tok := range append(mine, theirs) {
				must(t, s.CreateRefreshToken(ctx, tok))
			}
			must(t, s.RevokeUserTokens(ctx, user))
			for _, tok := range mine {
				got, err := s.UseRefreshToken(ctx, tok.Hash)
				must(t, err)
				if !got.Revoked || got.Used {
					t.Errorf("token of the user: Revoked=%v Used=%v, want revoked and unused before this use", got.Revoked, got.Used)
				}
			}
			got, err := s.UseRefreshToken(ctx, theirs.Hash)
			must(t, err)
			if got.Revoked {
				t.Errorf("token of another user was revoked")
			}
		}},
		{name: "tokens/concurrent use succeeds exactly once", needsAtomic: true, run: func(t *testing.T, s store.Store) {
			tok := NewRefreshToken(store.NewID(), store.NewID())
			must(t, s.CreateRefreshToken(t.Context(), tok))
			const racers = 20
			codes := make([]contests.Code, racers)
			start := make(chan struct{})
			var wg sync.WaitGroup
			for i := range racers {
				wg.Go(func() {
					<-start
					_, err := s.UseRefreshToken(t.Context(), tok.Hash)
					codes[i] = contests.ErrorCode(err)
				})
			}
			close(start)
			wg.Wait()
			counts := map[contests.Code]int{}
			for _, c := range codes {
				counts[c]++
			}
			if counts[""] != 1 || counts[contests.CodeConflict] != racers-1 {
				t.Errorf("outcomes %v, want 1 success and %d conflicts", counts, racers-1)
			}
		}},
	}
}
