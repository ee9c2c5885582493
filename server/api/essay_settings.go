package api

import (
	"encoding/json"

	"hoithi/contests"
	"hoithi/contests/essay"
)

// applyEssaySettings validates an essay contest's whole settings document
// (essay.DecodeSettings: strict, field errors named "settings.…") and
// stores it normalized, categories always written out, so every endpoint
// of the contest reads what was checked here.
func (s *Server) applyEssaySettings(ct *contests.Contest, raw []byte) error {
	st, err := essay.DecodeSettings(raw)
	if err != nil {
		return err
	}
	b, err := json.Marshal(st)
	if err != nil {
		return contests.Internal(err)
	}
	ct.Settings = b
	return nil
}
