package api

import (
	"context"
	"encoding/hex"

	"hoithi/contests/quiz"
	"hoithi/server/store"
)

// standingsBatch is how many standing lines are made, named and handed to
// the store at a time: a national round's half a million lines are never
// held at once.
const standingsBatch = 2000

// saveStandings stores the lines of a ranking (with their prizes and
// flags) with the people's names as they are now, a batch at a time, and hashes each line into digest (when
// given) as it goes. names, when the caller has just read them, saves
// reading the accounts again.
func (s *Server) saveStandings(ctx context.Context, roundID string, lines *quiz.StandingLines, names *accountNames, digest *quiz.ResultsHasher) error {
	buf := make([]quiz.Standing, standingsBatch)
	ids := make([]string, 0, standingsBatch)
	return s.quiz.ReplaceStandingsFrom(ctx, roundID, func() ([]quiz.Standing, error) {
		batch := lines.Next(buf)
		if names != nil {
			for i := range batch {
				batch[i].FullName = names.of(batch[i].UserID)
			}
		} else if len(batch) > 0 {
			ids = ids[:0]
			for i := range batch {
				ids = append(ids, batch[i].UserID)
			}
			users, err := s.Store.UsersByIDs(ctx, ids)
			if err != nil {
				return nil, err
			}
			for i := range batch {
				if u := users[batch[i].UserID]; u != nil {
					batch[i].FullName = u.FullName
				}
			}
		}
		if digest != nil {
			for i := range batch {
				digest.Add(&batch[i])
			}
		}
		return batch, nil
	})
}

// revealKey reveals a closed round's key: the digest covers it with the
// rest of what decided the results.
func (s *Server) revealKey(r *quiz.Round) {
	if r.SeedCommitment != "" {
		r.SeedReveal = hex.EncodeToString(quiz.RoundKey(s.Keys.SeedSecret(), r.ID))
	}
}

// storeResultsFigures writes only the figures of a computation (target,
// time, revealed key, digest) onto the round as stored now: an edit or a
// publication saved while it ran stays. The digest of the lines hashed
// while they were written stands when the round's rules are still the ones
// they were hashed with; if they changed meanwhile, the lines as stored are
// hashed again with the round as it is (what the digest always covered).
func (s *Server) storeResultsFigures(ctx context.Context, roundID string, target *int64, digest *quiz.ResultsHasher) (*quiz.Round, error) {
	now := s.Now().UTC()
	var err error
	for range maxRoundRetries {
		var cur *quiz.Round
		if cur, err = s.quiz.Round(ctx, roundID); err != nil {
			return nil, err
		}
		cur.TargetValue, cur.ResultsAt, cur.UpdatedAt = target, now, now
		s.revealKey(cur)
		if digest.SameRound(cur) {
			cur.ResultsDigest = digest.Sum()
		} else if cur.ResultsDigest, err = s.storedDigest(ctx, cur); err != nil {
			return nil, err
		}
		if err = s.quiz.UpdateRound(ctx, cur); !store.IsStale(err) {
			if err != nil {
				return nil, err
			}
			return cur, nil
		}
	}
	return nil, err
}

// storedDigest hashes r's stored standing lines with r.
func (s *Server) storedDigest(ctx context.Context, r *quiz.Round) (string, error) {
	d := quiz.NewResultsHasher(r)
	for offset := 0; ; offset += standingsBatch {
		rows, _, err := s.quiz.Standings(ctx, r.ID, offset, standingsBatch)
		if err != nil {
			return "", err
		}
		for i := range rows {
			d.Add(&rows[i])
		}
		if len(rows) < standingsBatch {
			return d.Sum(), nil
		}
	}
}
