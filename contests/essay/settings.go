package essay

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"time"

	"hoithi/contests"
)

// Settings are an essay contest's rules kept on the contest shell.
type Settings struct {
	Categories []Category `json:"categories"`
	// Deadline closes submissions and edits.
	Deadline time.Time `json:"deadline"`
	// Precision is what totals are rounded to when shown and exported
	// (0.25 or 0.5 on most rules; 0 reads as DefaultPrecision). Stored
	// scores and the aggregation keep full precision.
	Precision float64 `json:"precision,omitempty"`
}

// DefaultPrecision rounds shown totals to a quarter point.
const DefaultPrecision = 0.25

// Precisions are the roundings an organizer may choose.
var Precisions = []float64{0.01, 0.1, 0.25, 0.5, 1}

// ShownPrecision is the rounding of displayed totals.
func (s Settings) ShownPrecision() float64 {
	if s.Precision == 0 {
		return DefaultPrecision
	}
	return s.Precision
}

// RoundShown rounds a total to the contest's precision for display and
// exports (half away from zero, as people round by hand).
func (s Settings) RoundShown(total float64) float64 {
	p := s.ShownPrecision()
	return math.Round(roundScore(total/p)) * p
}

// ParseSettings reads a contest's stored Settings JSON; empty means the
// 2023 national categories with no deadline set (contests made before the
// ward preset became the default for new contests keep reading so).
func ParseSettings(raw []byte) (Settings, error) {
	if len(raw) == 0 {
		return Settings{Categories: DefaultCategories()}, nil
	}
	// Decoded into a zero value: json.Unmarshal into a prefilled slice
	// would keep the defaults' fields the stored categories leave out.
	var s Settings
	if err := json.Unmarshal(raw, &s); err != nil {
		return Settings{}, contests.Invalid(contests.Field("settings", contests.T("Cấu hình cuộc thi không hợp lệ", "Invalid contest settings")))
	}
	if len(s.Categories) == 0 {
		s.Categories = DefaultCategories()
	}
	return s, ValidateCategories(s.Categories)
}

// DecodeSettings checks settings an organizer sends on create or PATCH:
// the whole document, strictly (unknown fields, wrong types, bad
// categories, a bad precision), every problem named as
// "settings.categories[0].maxWords". Missing categories get the ward
// preset, so a new contest never silently gets the national press ones.
func DecodeSettings(raw []byte) (Settings, error) {
	var s Settings
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return Settings{}, contests.Invalid(contests.Field(settingsField(err), decodeProblem(err)))
	}
	if dec.More() {
		return Settings{}, contests.Invalid(contests.Field("settings", contests.T("Cấu hình cuộc thi viết không hợp lệ", "Invalid essay contest settings")))
	}
	if s.Categories == nil {
		s.Categories = WardCategories()
	}
	var es contests.Errors
	if err := ValidateCategories(s.Categories); err != nil {
		for _, f := range err.(*contests.Error).Fields {
			es.Add("settings."+f.Field, f.Msg)
		}
	}
	if s.Precision != 0 && !slices.Contains(Precisions, s.Precision) {
		es.Add("settings.precision", contests.T("Làm tròn điểm chỉ được là 0,01; 0,1; 0,25; 0,5 hoặc 1", "Rounding must be 0.01, 0.1, 0.25, 0.5 or 1"))
	}
	return s, es.Err()
}

// settingsField names the field a JSON decoding error is about.
func settingsField(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return "settings." + te.Field
	}
	if msg := err.Error(); strings.HasPrefix(msg, "json: unknown field ") {
		return "settings." + strings.Trim(strings.TrimPrefix(msg, "json: unknown field "), `"`)
	}
	return "settings"
}

func decodeProblem(err error) contests.Msg {
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te):
		return contests.T("Sai kiểu dữ liệu: không nhận %s ở đây", "Wrong type: a %s is not accepted here", te.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return contests.T("Cuộc thi viết không có mục cấu hình này", "Essay contests have no such setting")
	case strings.Contains(err.Error(), "parsing time"):
		return contests.T("Ngày giờ không đúng định dạng", "The date and time are not in the expected format")
	}
	return contests.T("Cấu hình cuộc thi viết không đọc được", "The essay contest settings cannot be read")
}

// Open reports whether submissions are accepted at now.
func (s Settings) Open(now time.Time) bool { return s.Deadline.IsZero() || now.Before(s.Deadline) }
