package essay

import (
	"math"
	"testing"
)

// rubric100 is the DOMAIN example: 90 content + 10 form, in half points.
func rubric100() Rubric {
	return Rubric{Scale: 100, Step: 0.5, Criteria: []Criterion{
		{Key: "science", Name: "Tính khoa học", Max: 30},
		{Key: "combat", Name: "Tính chiến đấu", Max: 30},
		{Key: "orient", Name: "Tính định hướng", Max: 30},
		{Key: "form", Name: "Hình thức", Max: 10},
	}}
}

// rubric10 is the 10-point scale in quarter points, with a weighted line.
func rubric10() Rubric {
	return Rubric{Scale: 10, Step: 0.25, Criteria: []Criterion{
		{Key: "content", Name: "Nội dung", Max: 4, Weight: 2},
		{Key: "form", Name: "Hình thức", Max: 2},
	}}
}

func TestValidateRubric(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(r *Rubric)
		fields []string
	}{
		{"valid 100-point rubric", func(*Rubric) {}, nil},
		{"scale neither 10 nor 100", func(r *Rubric) { r.Scale = 20 }, []string{"scale", "criteria"}},
		{"zero step", func(r *Rubric) { r.Step = 0 }, []string{"step"}},
		{"NaN step", func(r *Rubric) { r.Step = math.NaN() }, []string{"step"}},
		{"no criteria", func(r *Rubric) { r.Criteria = nil }, []string{"criteria"}},
		{"maxima do not add up", func(r *Rubric) { r.Criteria[3].Max = 9 }, []string{"criteria"}},
		{"max not a multiple of the step", func(r *Rubric) { r.Criteria[3].Max = 9.75; r.Criteria[0].Max = 30.25 }, []string{"criteria[0].max", "criteria[3].max"}},
		{"repeated key and missing name", func(r *Rubric) { r.Criteria[1].Key = "science"; r.Criteria[2].Name = "" }, []string{"criteria[1].key", "criteria[2].name"}},
		{"negative weight", func(r *Rubric) { r.Criteria[3].Weight = -1 }, []string{"criteria[3].weight", "criteria"}},
		{"weights make it add up", func(r *Rubric) {
			r.Criteria = []Criterion{{Key: "a", Name: "A", Max: 20, Weight: 4.5}, {Key: "b", Name: "B", Max: 10}}
		}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := rubric100()
			tc.mutate(&r)
			wantFields(t, ValidateRubric(r), tc.fields...)
		})
	}
	wantFields(t, ValidateRubric(rubric10()))
}

func TestValidateScore(t *testing.T) {
	tenth := Rubric{Scale: 10, Step: 0.1, Criteria: []Criterion{
		{Key: "a", Name: "A", Max: 7}, {Key: "b", Name: "B", Max: 3},
	}}
	tests := []struct {
		name   string
		rubric Rubric
		scores map[string]float64
		total  float64
		fields []string
	}{
		{"full marks", rubric100(), map[string]float64{"science": 30, "combat": 30, "orient": 30, "form": 10}, 100, nil},
		{"half points", rubric100(), map[string]float64{"science": 25.5, "combat": 20, "orient": 18.5, "form": 7}, 71, nil},
		{"zero is a score", rubric100(), map[string]float64{"science": 0, "combat": 0, "orient": 0, "form": 0}, 0, nil},
		{"weighted quarter points", rubric10(), map[string]float64{"content": 3.75, "form": 1.25}, 8.75, nil},
		{"tenths despite binary floating point", tenth, map[string]float64{"a": 6.3, "b": 0.7}, 7, nil},
		{"tenths that do not add up in float64", tenth, map[string]float64{"a": 0.1, "b": 0.2}, 0.3, nil},
		{"above the maximum", rubric100(), map[string]float64{"science": 30.5, "combat": 30, "orient": 30, "form": 10}, 0, []string{"scores.science"}},
		{"negative", rubric100(), map[string]float64{"science": 30, "combat": -0.5, "orient": 30, "form": 10}, 0, []string{"scores.combat"}},
		{"not a multiple of the step", rubric10(), map[string]float64{"content": 3.8, "form": 1.3}, 0, []string{"scores.content", "scores.form"}},
		{"missing and unknown criteria", rubric100(), map[string]float64{"science": 30, "combat": 30, "orient": 30, "style": 1, "extra": 2}, 0, []string{"scores.form", "scores.extra", "scores.style"}},
		{"NaN and infinity", rubric10(), map[string]float64{"content": math.NaN(), "form": math.Inf(1)}, 0, []string{"scores.content", "scores.form"}},
		{"invalid rubric", Rubric{Scale: 10, Step: 0}, map[string]float64{}, 0, []string{"step"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			total, err := ValidateScore(tc.rubric, tc.scores)
			wantFields(t, err, tc.fields...)
			if tc.fields == nil && total != tc.total {
				t.Fatalf("total = %v, want %v", total, tc.total)
			}
		})
	}
}
