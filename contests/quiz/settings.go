package quiz

import (
	"encoding/json"
	"strconv"
	"strings"

	"hoithi/contests"
)

// Settings are a quiz contest's rules that span its rounds.
type Settings struct {
	// ExcludedRoles may not compete: by default organizers, secretaries
	// and judges of the contest's units (thể lệ, docs/domain.md §1).
	ExcludedRoles []contests.Role `json:"excludedRoles"`
	// OnePrizePerPerson: someone who already won a prize in this contest
	// is skipped in later rounds and the next in rank wins instead.
	OnePrizePerPerson bool `json:"onePrizePerPerson"`
	// Overall, when set, ranks the whole contest cumulatively across rounds.
	Overall *Overall `json:"overall,omitempty"`
	// Collective, when set, awards units (most participants or the
	// participation-rate formula).
	Collective *CollectiveRule `json:"collective,omitempty"`
	// PublicNames: how published standings show names (full, short, or
	// by default full to people logged in and short to anonymous visitors).
	PublicNames NameDisplay `json:"publicNames,omitempty"`
}

// Overall is the cumulative ranking across rounds and its prizes.
type Overall struct {
	Rule        RankRule  `json:"rule"`
	Tiers       []Tier    `json:"tiers"`
	TiePolicy   TiePolicy `json:"tiePolicy,omitempty"`
	OnlyHighest bool      `json:"onlyHighest"`
}

// DefaultSettings are used when a contest has none.
func DefaultSettings() Settings {
	return Settings{ExcludedRoles: []contests.Role{contests.RoleOrganizer, contests.RoleSecretary, contests.RoleJudge}}
}

// ParseSettings reads a contest's Settings JSON; empty means the defaults.
func ParseSettings(raw []byte) (Settings, error) {
	if len(raw) == 0 {
		return DefaultSettings(), nil
	}
	var s Settings
	if err := json.Unmarshal(raw, &s); err != nil {
		return Settings{}, contests.Invalid(contests.Field("settings", contests.T("Cấu hình cuộc thi không hợp lệ", "Invalid contest settings")))
	}
	return s, s.Validate()
}

// Validate checks the settings; errors name the field under "settings.".
func (s Settings) Validate() error {
	var es contests.Errors
	for i, r := range s.ExcludedRoles {
		if !r.Valid() || r == contests.RoleCitizen {
			es.Add(fieldIndex("settings.excludedRoles", i), contests.T("Vai trò không hợp lệ", "Invalid role"))
		}
	}
	if s.Overall != nil {
		for _, f := range fieldsOf(s.Overall.Rule.Validate()) {
			es.Add("settings.overall."+f.Field, f.Msg)
		}
		for _, f := range fieldsOf(ValidateTiers(s.Overall.Tiers)) {
			es.Add("settings.overall."+f.Field, f.Msg)
		}
	}
	if !s.PublicNames.Valid() {
		es.Add("settings.publicNames", contests.T("Cách hiện tên phải là đầy đủ (full) hoặc viết tắt (short)", "Names must be full or short"))
	}
	if s.Collective != nil {
		for _, f := range fieldsOf(s.Collective.validate()) {
			es.Add("settings.collective."+f.Field, f.Msg)
		}
	}
	return es.Err()
}

// Excludes reports whether someone holding grants may not compete in a
// contest owned by the unit at ownerPath: an excluded role over the owning
// unit, or anywhere inside its subtree.
func (s Settings) Excludes(grants []contests.Grant, ownerPath string) bool {
	for _, g := range grants {
		if !g.Gives(s.ExcludedRoles...) { // an admin counts as every role
			continue
		}
		if g.Covers(ownerPath) || strings.HasPrefix(g.UnitPath, ownerPath) {
			return true
		}
	}
	return false
}

func fieldsOf(err error) []contests.FieldError {
	if err == nil {
		return nil
	}
	if e, ok := err.(*contests.Error); ok {
		if len(e.Fields) == 0 {
			return []contests.FieldError{{Msg: e.Msg}}
		}
		return e.Fields
	}
	return []contests.FieldError{{Msg: contests.T("Không hợp lệ", "Invalid")}}
}

func fieldIndex(name string, i int) string {
	return name + "[" + strconv.Itoa(i) + "]"
}
