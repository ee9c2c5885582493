package essay

import (
	"fmt"
	"math"
	"sort"

	"hoithi/contests"
)

// Criterion is one line of a rubric (e.g. "tính khoa học", 20 points).
type Criterion struct {
	Key  string  `json:"key"`
	Name string  `json:"name"`
	Max  float64 `json:"max"`
	// Weight multiplies the criterion's points in the total; 0 (omitted)
	// reads as 1, the usual case where the maxima simply add up.
	Weight float64 `json:"weight,omitempty"`
	// Description tells judges what the criterion looks for.
	Description string `json:"description,omitempty"`
}

func (c Criterion) weight() float64 {
	if c.Weight == 0 {
		return 1
	}
	return c.Weight
}

// Rubric is the scoring grid of a round, agreed before scoring starts.
type Rubric struct {
	// Scale is the total a perfect work gets: 10 or 100 (docs/domain.md §3).
	Scale float64 `json:"scale"`
	// Step is the smallest unit a judge may give on any criterion (0.25 on
	// the 10-point scale, 0.5 or 1 on the 100-point one).
	Step     float64     `json:"step"`
	Criteria []Criterion `json:"criteria"`
}

// Rules of a valid rubric (ValidateRubric):
//   - Scale is 10 or 100; Step is positive and at most the smallest Max;
//   - criteria have unique non-empty keys and names;
//   - every Max is positive and a whole number of Steps, so a judge can
//     actually give full marks;
//   - every Weight is positive (0 reads as 1) and Σ Weight×Max = Scale, so
//     the total of a perfect work is exactly the scale and totals of
//     different rounds compare.
func ValidateRubric(r Rubric) error {
	var es contests.Errors
	if r.Scale != 10 && r.Scale != 100 {
		es.Add("scale", contests.T("Thang điểm phải là 10 hoặc 100", "The scale must be 10 or 100"))
	}
	if !(r.Step > 0) || math.IsInf(r.Step, 0) || (r.Scale > 0 && r.Step > r.Scale) {
		es.Add("step", contests.T("Bước điểm phải lớn hơn 0 và không quá thang điểm", "The step must be positive and not above the scale"))
		return es.Err() // the other checks divide by the step
	}
	if len(r.Criteria) == 0 {
		es.Add("criteria", contests.T("Cần ít nhất một tiêu chí chấm", "At least one criterion is required"))
	}
	seen := map[string]bool{}
	sum := 0.0
	for i, c := range r.Criteria {
		f := func(name string) string { return fmt.Sprintf("criteria[%d].%s", i, name) }
		switch {
		case c.Key == "":
			es.Add(f("key"), contests.T("Thiếu mã tiêu chí", "Criterion key is required"))
		case seen[c.Key]:
			es.Add(f("key"), contests.T("Mã tiêu chí %q bị trùng", "Criterion key %q is repeated", c.Key))
		}
		seen[c.Key] = true
		if contests.NFC(c.Name) == "" {
			es.Add(f("name"), contests.T("Thiếu tên tiêu chí", "Criterion name is required"))
		}
		if _, whole := inSteps(c.Max, r.Step); !(c.Max > 0) || !whole {
			es.Add(f("max"), contests.T("Điểm tối đa phải lớn hơn 0 và là bội của bước điểm %v", "The maximum must be positive and a multiple of the step %v", r.Step))
		}
		if c.Weight < 0 || math.IsNaN(c.Weight) || math.IsInf(c.Weight, 0) {
			es.Add(f("weight"), contests.T("Hệ số phải lớn hơn 0", "The weight must be positive"))
		}
		sum += c.weight() * c.Max
	}
	if len(r.Criteria) > 0 && math.Abs(sum-r.Scale) > 1e-9*r.Scale {
		es.Add("criteria", contests.T("Tổng điểm tối đa các tiêu chí (nhân hệ số) là %v, phải bằng thang điểm %v", "The criteria add up to %v (weighted), not the scale %v", roundScore(sum), r.Scale))
	}
	return es.Err()
}

// ValidateScore checks one judge's points per criterion (keyed by
// Criterion.Key) and returns the weighted total. Each bad value is named
// "scores.<key>": missing, unknown, outside 0..Max, or not a multiple of
// Step. Points are compared in whole steps, so 0.1-steps such as 7.3 are
// accepted despite binary floating point; the total is rounded to 1e-6 to
// drop the noise of the sum.
func ValidateScore(r Rubric, scores map[string]float64) (float64, error) {
	if err := ValidateRubric(r); err != nil {
		return 0, err
	}
	var es contests.Errors
	total := 0.0
	for _, c := range r.Criteria {
		field := "scores." + c.Key
		v, ok := scores[c.Key]
		if !ok {
			es.Add(field, contests.T("Chưa chấm tiêu chí %q", "Criterion %q is not scored", c.Name))
			continue
		}
		steps, whole := inSteps(v, r.Step)
		tolerance := r.Step * 1e-6
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0) || v < -tolerance || v > c.Max+tolerance:
			es.Add(field, contests.T("Điểm tiêu chí %q phải từ 0 đến %v", "Points for %q must be between 0 and %v", c.Name, c.Max))
		case !whole:
			es.Add(field, contests.T("Điểm tiêu chí %q phải là bội của %v", "Points for %q must be a multiple of %v", c.Name, r.Step))
		default:
			total += c.weight() * float64(steps) * r.Step
		}
	}
	known := map[string]bool{}
	for _, c := range r.Criteria {
		known[c.Key] = true
	}
	var unknown []string
	for k := range scores {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown) // map order must not change the error
	for _, k := range unknown {
		es.Add("scores."+k, contests.T("Không có tiêu chí %q trong bảng điểm", "The rubric has no criterion %q", k))
	}
	if err := es.Err(); err != nil {
		return 0, err
	}
	return roundScore(total), nil
}

// inSteps expresses x as a whole number of steps, reporting whether it is
// one (within a millionth of a step, far below any real difference).
func inSteps(x, step float64) (int64, bool) {
	q := x / step
	if math.IsNaN(q) || math.IsInf(q, 0) || math.Abs(q) > 1e12 {
		return 0, false
	}
	n := math.Round(q)
	return int64(n), math.Abs(q-n) <= 1e-6
}

// roundScore rounds to 1e-6, below any step a rubric uses, so that sums
// and averages that are equal on paper compare equal in Go.
func roundScore(x float64) float64 { return math.Round(x*1e6) / 1e6 }
