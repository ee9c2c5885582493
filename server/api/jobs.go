package api

import (
	"encoding/json"
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"hoithi/server/jobs"
)

// Long work a click starts (a round's results, a contest's overall
// ranking) runs as a background job (server/jobs): the click answers 202
// with the job and the page follows it at .../job. These are the HTTP
// ends of it, the same for every kind.

// startJob starts work as the job (kind, key) for the caller and answers
// 202 with it as dto shows it: the one started, or the one already running
// on any instance.
func startJob[T any](s *Server, c *fiber.Ctx, kind, key string, work jobs.Work, dto func(jobs.Job, string) T) error {
	by := claimsOf(c).UserID()
	j, started, err := s.Jobs.Start(c.UserContext(), kind, key, by, work)
	if err != nil {
		return err
	}
	if started {
		s.Log.Info("job started", "request_id", requestID(c), "by", by, "kind", kind, "key", key, "job", j.ID)
	}
	return c.Status(fiber.StatusAccepted).JSON(dto(j, language(c)))
}

// sendJob answers the last job (kind, key) as dto shows it, or 204 before
// any: a page opening asks whether a job runs, and "none yet" is an
// answer, not an error.
func sendJob[T any](s *Server, c *fiber.Ctx, kind, key string, dto func(jobs.Job, string) T) error {
	j, err := s.Jobs.Get(c.UserContext(), kind, key)
	if errors.Is(err, jobs.ErrNone) {
		return c.SendStatus(fiber.StatusNoContent)
	}
	if err != nil {
		return err
	}
	return c.JSON(dto(j, language(c)))
}

// jobStateDTO is a background job as organizers' pages follow it; each
// kind adds its result once done.
type jobStateDTO struct {
	ID         string      `json:"id"`
	Status     jobs.Status `json:"status"`
	Progress   int         `json:"progress"`
	StartedAt  time.Time   `json:"startedAt"`
	FinishedAt *time.Time  `json:"finishedAt,omitempty"`
	Error      string      `json:"error,omitempty"`
}

func toJobState(j jobs.Job, lang string) jobStateDTO {
	d := jobStateDTO{ID: j.ID, Status: j.Status, Progress: j.Progress, StartedAt: j.StartedAt}
	if !j.FinishedAt.IsZero() {
		d.FinishedAt = &j.FinishedAt
	}
	if j.Error != nil {
		d.Error = j.Error.In(lang)
	}
	return d
}

// jobResult is a done job's result, nil before.
func jobResult[T any](j jobs.Job) *T {
	var out T
	if j.Status != jobs.Done || json.Unmarshal(j.Result, &out) != nil {
		return nil
	}
	return &out
}
