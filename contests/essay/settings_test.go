package essay

import (
	"slices"
	"testing"

	"hoithi/contests/contesttest"
)

func TestDecodeSettings(t *testing.T) {
	tests := []struct {
		name   string
		raw    string
		fields []string // nil: accepted
	}{
		{"empty document gets the ward preset", `{}`, nil},
		{"deadline and precision", `{"deadline":"2026-12-31T17:00:00Z","precision":0.5}`, nil},
		{"categories not a list", `{"categories":"x"}`, []string{"settings.categories"}},
		{"a category with a string word limit", `{"categories":[{"key":"a","maxWords":"many"}]}`, []string{"settings.categories.maxWords"}},
		{"unknown field", `{"categorys":[]}`, []string{"settings.categorys"}},
		{"bad deadline", `{"deadline":"tomorrow"}`, []string{"settings"}},
		{"not an object", `[1,2]`, []string{"settings"}},
		{"two documents", `{} {}`, []string{"settings"}},
		{"bad precision", `{"precision":0.3}`, []string{"settings.precision"}},
		{"empty category list", `{"categories":[]}`, []string{"settings.categories"}},
		{"a bad category names its row", `{"categories":[{"key":"chinh_luan","name":"Bài","maxWorksPerAuthor":1,"maxWorksOfKindPerAuthor":1,"allowedFileKinds":["exe"],"maxFileBytes":1}]}`,
			[]string{"settings.categories[0].allowedFileKinds"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := DecodeSettings([]byte(tc.raw))
			if got := contesttest.InvalidFields(t, err); !slices.Equal(got, tc.fields) {
				t.Fatalf("fields %v (%v), want %v", got, err, tc.fields)
			}
			if tc.fields == nil && (len(s.Categories) == 0) {
				t.Errorf("accepted settings have no categories")
			}
		})
	}
	s, _ := DecodeSettings([]byte(`{}`))
	if len(s.Categories) != 1 || s.Categories[0].Key != CatChinhLuan || s.Categories[0].MinWords != 1500 || s.Categories[0].MaxWords != 3000 {
		t.Errorf("ward preset: %+v", s.Categories)
	}
}

// A stored category list replaces the defaults whole: fields it leaves
// out are zero, not the national categories' (minWords 4000 of magazine).
func TestParseSettingsDoesNotMixInDefaults(t *testing.T) {
	s, err := ParseSettings([]byte(`{"categories":[{"key":"newspaper_online","name":"Báo điện tử","written":true,"maxWords":2000,"maxWorksPerAuthor":1,"maxWorksOfKindPerAuthor":2,"allowedFileKinds":["docx"],"maxFileBytes":1000}]}`))
	if err != nil || len(s.Categories) != 1 || s.Categories[0].MinWords != 0 {
		t.Fatalf("got %+v, %v", s.Categories, err)
	}
}

func TestRoundShown(t *testing.T) {
	tests := []struct {
		precision, total, want float64
	}{
		{0, 83.4, 83.5},     // default quarter point
		{0, 83.374, 83.25},  // below the half quarter
		{0.25, 7.125, 7.25}, // halves round up
		{0.5, 83.74, 83.5},
		{0.5, 83.75, 84},
		{1, 83.5, 84},
		{0.01, 7.833333, 7.83},
	}
	for _, tc := range tests {
		if got := (Settings{Precision: tc.precision}).RoundShown(tc.total); got != tc.want {
			t.Errorf("precision %v: %v → %v, want %v", tc.precision, tc.total, got, tc.want)
		}
	}
}

func TestWardCategoriesAreValid(t *testing.T) {
	if err := ValidateCategories(WardCategories()); err != nil {
		t.Fatal(err)
	}
}
