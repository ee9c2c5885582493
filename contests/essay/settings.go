package essay

import (
	"encoding/json"
	"time"

	"hoithi/contests"
)

// Settings are an essay contest's rules kept on the contest shell.
type Settings struct {
	Categories []Category `json:"categories"`
	// Deadline closes submissions and edits.
	Deadline time.Time `json:"deadline"`
}

// ParseSettings reads a contest's Settings JSON; empty means the 2023
// national categories with no deadline set.
func ParseSettings(raw []byte) (Settings, error) {
	s := Settings{Categories: DefaultCategories()}
	if len(raw) == 0 {
		return s, nil
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		return Settings{}, contests.Invalid(contests.Field("settings", contests.T("Cấu hình cuộc thi không hợp lệ", "Invalid contest settings")))
	}
	if len(s.Categories) == 0 {
		s.Categories = DefaultCategories()
	}
	return s, ValidateCategories(s.Categories)
}

// Open reports whether submissions are accepted at now.
func (s Settings) Open(now time.Time) bool { return s.Deadline.IsZero() || now.Before(s.Deadline) }
