package api

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/audit"
	"hoithi/contests/essay"
	"hoithi/server/store"
)

// auditChain names a contest's audit chain.
func auditChain(contestID string) string { return "contest:" + contestID }

// record appends an event to the contest's audit log (see appendAudit).
func (s *Server) record(ctx context.Context, contestID, actorID, action, subject string, data any) error {
	return appendAudit(ctx, s.essay, s.Now(), contestID, actorID, action, subject, data)
}

// appendAudit appends an event at now to the contest's hash-chained audit
// log. Two instances appending at once collide on the sequence number; the
// loser reads the new head and chains after it.
func appendAudit(ctx context.Context, log store.AuditLog, now time.Time, contestID, actorID, action, subject string, data any) error {
	raw, err := json.Marshal(data)
	if err != nil {
		return contests.Internal(err)
	}
	chain := auditChain(contestID)
	return store.Retry(func() (bool, error) {
		last, err := log.LastAudit(ctx, chain)
		if err != nil && contests.ErrorCode(err) != contests.CodeNotFound {
			return false, err
		}
		e, err := audit.Append(last, audit.Entry{At: now, ActorID: actorID, Action: action, Subject: subject, Data: raw})
		if err != nil {
			return false, err
		}
		err = log.AppendAudit(ctx, chain, e)
		return contests.ErrorCode(err) == contests.CodeConflict, err
	})
}

// essayContest loads an essay contest by slug (public pages, authors).
func (s *Server) essayContest(c *fiber.Ctx, slug string) (*contests.Contest, essay.Settings, error) {
	ct, err := s.Store.ContestBySlug(c.UserContext(), slug)
	if err != nil {
		return nil, essay.Settings{}, err
	}
	if ct.Kind != contests.KindEssay || ct.Status == contests.ContestDraft {
		return nil, essay.Settings{}, contests.NotFound("cuộc thi", "contest")
	}
	st, err := essay.ParseSettings(ct.Settings)
	return ct, st, err
}

// intakeOpen says whether the contest takes new works and authors' edits
// now: published (a closed contest takes none) and before its deadline.
// The rules answer carries it, so the public page shows what submit and
// edit enforce, by the server's clock rather than the phone's.
func intakeOpen(ct *contests.Contest, st essay.Settings, now time.Time) bool {
	return ct.Status == contests.ContestPublished && st.Open(now)
}

// staffContest loads an essay contest by ID for its secretaries and
// organizers.
func (s *Server) staffContest(c *fiber.Ctx, id string) (*contests.Contest, essay.Settings, error) {
	ct, err := s.Store.ContestByID(c.UserContext(), id)
	if err != nil {
		return nil, essay.Settings{}, err
	}
	if err := allowAt(c, ct.OwnerUnitPath, contests.RoleSecretary, contests.RoleOrganizer); err != nil {
		return nil, essay.Settings{}, err
	}
	if ct.Kind != contests.KindEssay {
		return nil, essay.Settings{}, contests.Invalid(contests.Field("id", contests.T("Cuộc thi này không phải thi viết", "This contest is not an essay contest")))
	}
	st, err := essay.ParseSettings(ct.Settings)
	return ct, st, err
}

// organizerContest is staffContest for what only the organizers of the
// owning unit may do (forwarding works, the forwarding dossier).
func (s *Server) organizerContest(c *fiber.Ctx, id string) (*contests.Contest, essay.Settings, error) {
	ct, st, err := s.staffContest(c, id)
	if err != nil {
		return nil, essay.Settings{}, err
	}
	return ct, st, allowAt(c, ct.OwnerUnitPath, contests.RoleOrganizer)
}

// staffWork loads a work for a secretary or organizer of its contest.
func (s *Server) staffWork(c *fiber.Ctx, id string) (*essay.Work, *contests.Contest, essay.Settings, error) {
	w, err := s.essay.Work(c.UserContext(), id)
	if err != nil {
		return nil, nil, essay.Settings{}, err
	}
	ct, st, err := s.staffContest(c, w.ContestID)
	return w, ct, st, err
}

// newCode returns a fresh anonymous code (also used for receipts).
func newCode() string {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return essay.NewCode(b)
}

// mutateWork applies fn to a work and writes it back under the version
// check, retrying when someone else changed it in between.
func (s *Server) mutateWork(ctx context.Context, id string, fn func(w *essay.Work) error) (*essay.Work, error) {
	var out *essay.Work
	err := store.Retry(func() (bool, error) {
		w, err := s.essay.Work(ctx, id)
		if err != nil {
			return false, err
		}
		if err := fn(w); err != nil {
			return false, err
		}
		w.Version++
		w.UpdatedAt = s.Now().UTC()
		err = s.essay.PutWork(ctx, w)
		if f := conflictField(err); contests.ErrorCode(err) == contests.CodeConflict && (f == "" || f == "version") {
			return true, nil // changed in between: read again
		}
		out = w // with a taken code too: the caller draws another for it
		return false, err
	})
	return out, err
}
