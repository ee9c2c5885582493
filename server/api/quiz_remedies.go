package api

import (
	"context"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
	"hoithi/contests/vnid"
	"hoithi/server/store"
)

// Organizer remedies for time or attempts lost to a fault (a phone network
// down, a power cut at a polling place, the server itself): each needs a
// written reason, each is audited with it (action quiz.remedy.*), none once
// the round's results are computed (quiz.Round.CheckRemediable).

// remedyRequest is every remedy's body; each reads the fields it needs.
type remedyRequest struct {
	UserID string `json:"userId"`
	// Login names the person as an organizer hears it on the phone: their
	// phone number or CCCD, instead of userId.
	Login   string    `json:"login"`
	Seconds int64     `json:"seconds"`
	From    time.Time `json:"from"`
	To      time.Time `json:"to"`
	Reason  string    `json:"reason"`
}

// remedy loads the round the organizer may act on and the request.
func (s *Server) remedy(c *fiber.Ctx) (*quiz.Round, remedyRequest, error) {
	var req remedyRequest
	r, _, err := s.orgRound(c)
	if err != nil {
		return nil, req, err
	}
	if err := r.CheckRemediable(); err != nil {
		return nil, req, err
	}
	if err := bindJSON(c, &req); err != nil {
		return nil, req, err
	}
	if req.Reason, err = quiz.CheckRemedyReason(req.Reason); err != nil {
		return nil, req, err
	}
	if req.UserID == "" && strings.TrimSpace(req.Login) != "" {
		if req.UserID, err = s.participantByLogin(c.UserContext(), r.ID, req.Login); err != nil {
			return nil, req, err
		}
	}
	return r, req, nil
}

// participantByLogin finds the person of a phone number or CCCD among the
// round's participants. Whether such an account exists elsewhere is not
// told: the answer is the same "no attempt in this round".
func (s *Server) participantByLogin(ctx context.Context, roundID, login string) (string, error) {
	login = strings.TrimSpace(login)
	notHere := contests.Invalid(contests.Field("login", contests.T(
		"Không tìm thấy lượt thi của số điện thoại hoặc CCCD này trong đợt", "No attempt of this phone number or CCCD in the round")))
	var u *contests.User
	var err error
	if twelveDigits.MatchString(login) {
		u, err = s.Store.UserByCCCDKey(ctx, s.Keys.HashCCCD(login))
	} else if phone, perr := vnid.NormalizePhone(login); perr == nil {
		u, err = s.Store.UserByPhoneKey(ctx, phone)
	} else {
		return "", notHere
	}
	if contests.ErrorCode(err) == contests.CodeNotFound {
		return "", notHere
	} else if err != nil {
		return "", err
	}
	if _, err := s.quiz.Participation(ctx, roundID, u.ID); contests.ErrorCode(err) == contests.CodeNotFound {
		return "", notHere
	} else if err != nil {
		return "", err
	}
	return u.ID, nil
}

func (req remedyRequest) added() time.Duration { return time.Duration(req.Seconds) * time.Second }

// orgExtendAttempt adds time to one person's attempt in progress.
func (s *Server) orgExtendAttempt(c *fiber.Ctx) error {
	r, req, err := s.remedy(c)
	if err != nil {
		return err
	}
	if req.UserID == "" {
		return contests.Invalid(contests.Field("login", contests.T("Nhập số điện thoại hoặc CCCD của người dự thi", "Enter the participant's phone number or CCCD")))
	}
	ctx := c.UserContext()
	var deadline time.Time
	if _, err := s.mutateParticipation(ctx, r.ID, req.UserID, nil, func(p *quiz.Participation) (bool, error) {
		a, err := p.ExtendAttempt(req.added(), s.Now())
		if err != nil {
			return false, err
		}
		deadline = a.Deadline
		return true, nil
	}); err != nil {
		return err
	}
	if err := s.auditRemedy(c, r, "quiz.remedy.extend_attempt", req.UserID, req, map[string]any{"deadline": deadline}); err != nil {
		return err
	}
	return c.JSON(remedyExtended{Extended: 1, Deadline: &deadline})
}

// orgExtendAttempts adds time to every attempt of the round in progress.
func (s *Server) orgExtendAttempts(c *fiber.Ctx) error {
	r, req, err := s.remedy(c)
	if err != nil {
		return err
	}
	if _, err := (&quiz.Participation{}).ExtendAttempt(req.added(), s.Now()); contests.ErrorCode(err) == contests.CodeInvalid {
		return err // the bounds, before touching anyone
	}
	ctx, now := c.UserContext(), s.Now()
	n, err := s.eachRemedied(ctx, r.ID, func(p *quiz.Participation) bool {
		cur := p.Current()
		return cur != nil && !now.After(cur.Deadline.Add(quiz.Grace))
	}, func(p *quiz.Participation) (bool, error) {
		_, err := p.ExtendAttempt(req.added(), s.Now())
		return err == nil, nil // one that ended meanwhile is left as it is
	})
	if err != nil {
		return err
	}
	if err := s.auditRemedy(c, r, "quiz.remedy.extend_attempts", r.ID, req, map[string]any{"attempts": n}); err != nil {
		return err
	}
	return c.JSON(remedyExtended{Extended: n})
}

// orgGiveBack gives an attempt back to one person (userId) or to everyone
// whose attempt overlapped the window [from, to).
func (s *Server) orgGiveBack(c *fiber.Ctx) error {
	r, req, err := s.remedy(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	n := 0
	switch {
	case req.UserID != "":
		if _, err := s.mutateParticipation(ctx, r.ID, req.UserID, nil, func(p *quiz.Participation) (bool, error) {
			return true, p.GiveBack(s.Now())
		}); err != nil {
			return err
		}
		n = 1
	default:
		if err := quiz.CheckWindow(req.From, req.To); err != nil {
			return err
		}
		n, err = s.eachRemedied(ctx, r.ID, func(p *quiz.Participation) bool { return p.Overlaps(req.From, req.To) },
			func(p *quiz.Participation) (bool, error) { return p.GiveBack(s.Now()) == nil, nil })
		if err != nil {
			return err
		}
	}
	subject := req.UserID
	if subject == "" {
		subject = r.ID
	}
	if err := s.auditRemedy(c, r, "quiz.remedy.give_back", subject, req, map[string]any{"people": n}); err != nil {
		return err
	}
	return c.JSON(remedyGivenBack{GivenBack: n})
}

// orgExtendClose moves the round's close later.
func (s *Server) orgExtendClose(c *fiber.Ctx) error {
	r, req, err := s.remedy(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	err = store.Retry(func() (bool, error) {
		if err := r.ExtendClose(req.added()); err != nil {
			return false, err
		}
		r.UpdatedAt = s.Now().UTC()
		err := s.quiz.UpdateRound(ctx, r)
		if store.IsStale(err) { // changed meanwhile: add to what is stored now
			fresh, ferr := s.quiz.Round(ctx, r.ID)
			if ferr != nil {
				return false, ferr
			}
			*r = *fresh
			return true, err
		}
		return false, err
	})
	if err != nil {
		return err
	}
	s.rounds.forget(r.ID)
	if err := s.auditRemedy(c, r, "quiz.remedy.extend_close", r.ID, req, map[string]any{"closesAt": r.ClosesAt}); err != nil {
		return err
	}
	return c.JSON(roundResponse{Round: s.toRoundDTO(ctx, r, language(c))})
}

// eachRemedied applies change to every record of the round that pick
// selects (read first, written one by one under its version) and returns
// how many change wrote.
func (s *Server) eachRemedied(ctx context.Context, roundID string, pick func(*quiz.Participation) bool,
	change func(*quiz.Participation) (bool, error)) (int, error) {
	var users []string
	if err := s.quiz.EachParticipation(ctx, roundID, func(p *quiz.Participation) error {
		if pick(p) {
			users = append(users, p.UserID)
		}
		return nil
	}); err != nil {
		return 0, err
	}
	n := 0
	for _, u := range users {
		wrote := false
		if _, err := s.mutateParticipation(ctx, roundID, u, nil, func(p *quiz.Participation) (bool, error) {
			ok, err := change(p)
			wrote = ok
			return ok, err
		}); err != nil {
			return n, err
		}
		if wrote {
			n++
		}
	}
	return n, nil
}

// auditRemedy records a remedy with its reason and what it did.
func (s *Server) auditRemedy(c *fiber.Ctx, r *quiz.Round, action, subject string, req remedyRequest, result map[string]any) error {
	data := map[string]any{"roundId": r.ID, "reason": req.Reason}
	if req.Seconds != 0 {
		data["seconds"] = req.Seconds
	}
	if !req.From.IsZero() {
		data["from"], data["to"] = req.From, req.To
	}
	for k, v := range result {
		data[k] = v
	}
	by := claimsOf(c).UserID()
	s.Log.Info("quiz remedy", "request_id", requestID(c), "action", action, "by", by, "round", r.ID, "subject", subject)
	return s.record(c.UserContext(), r.ContestID, by, action, subject, data)
}
