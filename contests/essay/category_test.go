package essay

import (
	"slices"
	"testing"
)

func TestDefaultCategoriesFollowThe2023Rules(t *testing.T) {
	cats := DefaultCategories()
	if err := ValidateCategories(cats); err != nil {
		t.Fatalf("default categories invalid: %v", err)
	}
	tests := []struct {
		key                                       CategoryKey
		written                                   bool
		minWords, maxWords, coauthors, perCat, of int
		maxSeconds                                int
		kinds                                     []FileKind
	}{
		{CatMagazine, true, 4000, 6000, 2, 1, 2, 0, []FileKind{FileDOCX, FilePDF}},
		{CatNewspaperPrint, true, 0, 4000, 2, 1, 2, 0, []FileKind{FileDOCX, FilePDF}},
		{CatNewspaperOnline, true, 0, 2000, 2, 1, 2, 0, []FileKind{FileDOCX, FilePDF}},
		{CatRadio, false, 0, 0, 3, 3, 3, 0, []FileKind{FileMP3, FileMP4}},
		{CatTV, false, 0, 0, 3, 3, 3, 0, []FileKind{FileMP3, FileMP4}},
		{CatVideo, false, 0, 0, 3, 3, 3, 300, []FileKind{FileMP3, FileMP4}},
	}
	if len(cats) != len(tests) {
		t.Fatalf("%d default categories, want %d", len(cats), len(tests))
	}
	for _, tc := range tests {
		c := mustCategory(t, tc.key)
		if c.Written != tc.written || c.MinWords != tc.minWords || c.MaxWords != tc.maxWords ||
			c.MaxCoauthors != tc.coauthors || c.MaxWorksPerAuthor != tc.perCat || c.MaxWorksOfKindPerAuthor != tc.of ||
			c.MaxMediaSeconds != tc.maxSeconds || !slices.Equal(c.AllowedFileKinds, tc.kinds) || c.Name == "" || c.MaxFileBytes <= 0 {
			t.Errorf("category %s = %+v", tc.key, c)
		}
	}
}

func TestValidateCategories(t *testing.T) {
	good := mustCategory(t, CatMagazine)
	tests := []struct {
		name   string
		mutate func(c *Category)
		fields []string
	}{
		{"bad key", func(c *Category) { c.Key = "Tạp chí" }, []string{"categories[1].key"}},
		{"repeated key", func(c *Category) { c.Key = CatMagazine }, []string{"categories[1].key"}},
		{"no name", func(c *Category) { c.Name = " " }, []string{"categories[1].name"}},
		{"min above max", func(c *Category) { c.MinWords, c.MaxWords = 5000, 4000 }, []string{"categories[1].maxWords"}},
		{"no works allowed", func(c *Category) { c.MaxWorksPerAuthor = 0 }, []string{"categories[1].maxWorksPerAuthor"}},
		{"kind cap below category cap", func(c *Category) { c.MaxWorksPerAuthor, c.MaxWorksOfKindPerAuthor = 2, 1 }, []string{"categories[1].maxWorksPerAuthor"}},
		{"unknown file kind", func(c *Category) { c.AllowedFileKinds = []FileKind{"exe"} }, []string{"categories[1].allowedFileKinds"}},
		{"no size", func(c *Category) { c.MaxFileBytes = 0 }, []string{"categories[1].maxFileBytes"}},
		{"overlap above 100", func(c *Category) { c.MaxOverlapPercent = 120 }, []string{"categories[1].maxOverlapPercent"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			other := mustCategory(t, CatNewspaperPrint)
			tc.mutate(&other)
			wantFields(t, ValidateCategories([]Category{good, other}), tc.fields...)
		})
	}
	wantFields(t, ValidateCategories(nil), "categories")
}
